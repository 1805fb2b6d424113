// A forward proxy: 407 with Proxy-Authenticate is right here (RFC 9110 §15.5.8). It handles
// CONNECT and reads Proxy-Authorization, so HTTP Auth Lint knows it is proxy code: no findings.
const http = require('node:http');
const net = require('node:net');

const server = http.createServer((req, res) => {
  if (!req.headers['proxy-authorization']) {
    res.writeHead(407, { 'Proxy-Authenticate': 'Basic realm="proxy"' });
    return res.end();
  }
  res.writeHead(501);
  res.end();
});

server.on('connect', (req, clientSocket, head) => {
  const [host, port] = req.url.split(':');
  const upstream = net.connect(Number(port), host, () => {
    clientSocket.write('HTTP/1.1 200 Connection Established\r\n\r\n');
    upstream.write(head);
    upstream.pipe(clientSocket).pipe(upstream);
  });
});

server.listen(3128);
