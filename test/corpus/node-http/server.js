// A plain node:http file server with token auth.
const http = require('node:http');
const { tokens } = require('../lib/tokens');

function json(body) {
  return JSON.stringify(body);
}

const server = http.createServer((req, res) => {
  const token = (req.headers.authorization || '').replace(/^Bearer /, '');

  if (req.url === '/files' && !token) {
    res.statusCode = 401;
    res.setHeader('WWW-Authenticate', 'Bearer realm="files"');
    return res.end(json({ error: 'missing token' }));
  }

  if (req.url === '/uploads' && !token) {
    res.statusCode = 401; // expect: missing-www-authenticate
    res.setHeader('Content-Type', 'application/json');
    return res.end(json({ error: 'missing token' }));
  }

  if (req.url === '/archive' && !tokens.valid(token)) {
    res.writeHead(401, { 'Content-Type': 'text/plain' }); // expect: missing-www-authenticate
    return res.end('Unauthorized');
  }

  if (req.url === '/archive/list' && !tokens.valid(token)) {
    res.writeHead(401, 'Unauthorized', { 'WWW-Authenticate': 'Bearer realm="files", error="invalid_token"' });
    return res.end();
  }

  if (req.url === '/archive/search' && !tokens.valid(token)) {
    res.writeHead(401, 'Unauthorized', { 'Content-Type': 'application/json' }); // expect: missing-www-authenticate
    return res.end(json({ error: 'invalid token' }));
  }

  // writeHead's headers as a flat array [name, value, name, value].
  if (req.url === '/thumbnails' && !token) {
    res.writeHead(401, ['WWW-Authenticate', 'Bearer realm="files"', 'Content-Type', 'text/plain']);
    return res.end('Unauthorized');
  }

  if (req.url === '/previews' && !token) {
    res.writeHead(401, ['Content-Type', 'text/plain', 'Cache-Control', 'no-store']); // expect: missing-www-authenticate
    return res.end('Unauthorized');
  }

  if (req.url === '/shares' && !token) {
    res.writeHead(401, { 'www-authenticate': 'Bearer realm="files"' });
    return res.end();
  }

  // The headers come from elsewhere and may hold the challenge: nothing is known statically.
  if (req.url === '/legacy' && !token) {
    res.writeHead(401, tokens.legacyChallengeHeaders());
    return res.end();
  }

  // Set before the status, on the same path: the challenge counts.
  if (req.url === '/quota' && !token) {
    res.setHeader('WWW-Authenticate', 'Bearer realm="files"');
    res.statusCode = 401;
    return res.end();
  }

  res.writeHead(200, { 'Content-Type': 'application/json' });
  res.end(json(tokens.listFiles(token)));
});

server.listen(8080);

module.exports = { server };
