// An http-proxy based gateway that authenticates clients with Proxy-Authorization before forwarding.
import http, { IncomingMessage, ServerResponse } from 'node:http';
import httpProxy from 'http-proxy';
import { checkProxyCredentials } from './credentials';

const proxy = httpProxy.createProxyServer({ changeOrigin: true, xfwd: true });

proxy.on('error', (err, req, res) => {
  const out = res as ServerResponse;
  out.writeHead(502, { 'Content-Type': 'text/plain' });
  out.end(`gateway error: ${err.message}`);
});

function challenge(res: ServerResponse): void {
  res.setHeader('Proxy-Authenticate', 'Basic realm="gateway"');
}

async function gate(req: IncomingMessage, res: ServerResponse): Promise<void> {
  const credentials = req.headers['proxy-authorization'];
  if (!credentials) {
    res.statusCode = 407;
    challenge(res);
    res.end();
    return;
  }
  const client = await checkProxyCredentials(credentials);
  if (!client) {
    // Basic without a realm (RFC 7617 requires it).
    res.writeHead(407, { 'Proxy-Authenticate': 'Basic' }); // expect: invalid-challenge
    res.end();
    return;
  }
  if (client.suspended) {
    res.statusCode = 407; // expect: missing-proxy-authenticate
    res.end('account suspended');
    return;
  }
  proxy.web(req, res, { target: client.upstream });
}

http.createServer((req, res) => {
  gate(req, res).catch(() => {
    res.statusCode = 500;
    res.end();
  });
}).listen(8080);
