// A forward proxy for the build farm: plain HTTP requests and CONNECT tunnels, Basic proxy auth.
const http = require('node:http');
const net = require('node:net');

const USERS = new Map([['ci', process.env.PROXY_PASSWORD || 'ci']]);

function proxyUser(req) {
  const header = req.headers['proxy-authorization'] || '';
  if (!header.startsWith('Basic ')) return null;
  const [user, pass] = Buffer.from(header.slice(6), 'base64').toString().split(':');
  return USERS.get(user) === pass ? user : null;
}

const server = http.createServer((req, res) => {
  if (!req.headers['proxy-authorization']) {
    res.writeHead(407, { 'Proxy-Authenticate': 'Basic realm="build-proxy"' });
    return res.end();
  }
  // Credentials sent but wrong: a proxy still answers 407, and still MUST send the challenge.
  if (!proxyUser(req)) {
    res.writeHead(407, { 'Content-Type': 'text/plain' }); // expect: missing-proxy-authenticate
    return res.end('bad proxy credentials');
  }
  const target = new URL(req.url);
  const upstream = http.request(target, { method: req.method, headers: req.headers }, (upstreamRes) => {
    // The origin's own status (possibly a 401) is relayed unchanged.
    res.writeHead(upstreamRes.statusCode, upstreamRes.headers);
    upstreamRes.pipe(res);
  });
  req.pipe(upstream);
});

server.on('connect', (req, clientSocket, head) => {
  if (!proxyUser(req)) {
    // A raw response on the socket, challenge included.
    clientSocket.end('HTTP/1.1 407 Proxy Authentication Required\r\nProxy-Authenticate: Basic realm="build-proxy"\r\n\r\n');
    return;
  }
  const [host, port] = req.url.split(':');
  const upstream = net.connect(Number(port) || 443, host, () => {
    clientSocket.write('HTTP/1.1 200 Connection Established\r\n\r\n');
    upstream.write(head);
    upstream.pipe(clientSocket).pipe(upstream);
  });
  upstream.on('error', () => clientSocket.end('HTTP/1.1 502 Bad Gateway\r\n\r\n'));
});

// A second listener for legacy clients; it sets the status and the header separately.
const legacy = http.createServer((req, res) => {
  const header = req.headers['proxy-authorization'] || '';
  // Digest proxy credentials are no longer accepted; the client is told, but not how to retry.
  if (header.startsWith('Digest ')) {
    res.statusCode = 407; // expect: missing-proxy-authenticate
    return res.end('Digest is no longer supported, use Basic');
  }
  if (!proxyUser(req)) {
    res.statusCode = 407;
    res.setHeader('proxy-authenticate', 'Basic realm="build-proxy", charset="UTF-8"');
    return res.end();
  }
  if (req.method === 'CONNECT') {
    res.statusCode = 405;
    return res.end();
  }
  res.writeHead(301, { Location: 'http://build-proxy:3128' + req.url });
  res.end();
});

server.listen(3128);
legacy.listen(3129);
