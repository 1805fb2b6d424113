// A node:http server. Each expected finding is marked at the end of its line with `expect: <rule>`.
const http = require('node:http');

const TOKEN = process.env.API_TOKEN;

http
  .createServer((req, res) => {
    if (req.url === '/health') {
      res.writeHead(200, { 'Content-Type': 'text/plain' });
      return res.end('ok');
    }

    const auth = req.headers.authorization;
    if (!auth) {
      res.writeHead(401, { 'Content-Type': 'application/json' }); // expect: missing-www-authenticate
      return res.end(JSON.stringify({ error: 'missing token' }));
    }

    if (auth !== `Bearer ${TOKEN}`) {
      // Right: the challenge says what went wrong (RFC 6750 §3).
      res.writeHead(401, {
        'Content-Type': 'application/json',
        'WWW-Authenticate': 'Bearer realm="api", error="invalid_token"',
      });
      return res.end(JSON.stringify({ error: 'invalid token' }));
    }

    if (req.method === 'DELETE' && !isAdmin(auth)) {
      res.statusCode = 401; // expect: missing-www-authenticate, unauthorized-for-permission
      return res.end('Forbidden');
    }

    res.writeHead(200, { 'Content-Type': 'application/json' });
    res.end('{}');
  })
  .listen(8080);

function isAdmin(auth) {
  return auth.endsWith('-admin');
}
