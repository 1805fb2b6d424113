// HTTP Basic protected status page, written against node:http and the `basic-auth` parser.
import http, { IncomingMessage, ServerResponse } from 'node:http';
import auth from 'basic-auth';
import { timingSafeEqual } from 'node:crypto';

const USER = process.env.STATUS_USER ?? 'ops';
const PASS = process.env.STATUS_PASS ?? '';

function same(a: string, b: string): boolean {
  const x = Buffer.from(a);
  const y = Buffer.from(b);
  return x.length === y.length && timingSafeEqual(x, y);
}

function challenge(res: ServerResponse): void {
  res.setHeader('WWW-Authenticate', 'Basic realm="status", charset="UTF-8"');
}

function statusPage(req: IncomingMessage, res: ServerResponse): void {
  const credentials = auth(req);

  if (!credentials) {
    res.statusCode = 401;
    challenge(res);
    res.end('Access denied');
    return;
  }

  // A wrong password is an invalid credential: the client should be asked again (401), not refused.
  if (credentials.name !== USER || !same(credentials.pass, PASS)) {
    res.writeHead(403, { 'Content-Type': 'text/plain' }); // expect: forbidden-for-missing-credentials
    res.end('Bad password');
    return;
  }

  res.writeHead(200, { 'Content-Type': 'text/html' });
  res.end('<h1>All systems operational</h1>');
}

function metricsPage(req: IncomingMessage, res: ServerResponse): void {
  const credentials = auth(req);
  if (!credentials || credentials.name !== USER || !same(credentials.pass, PASS)) {
    const r = res;
    r.statusCode = 401; // expect: missing-www-authenticate
    r.end('Access denied');
    return;
  }
  res.end('uptime 1');
}

// A login challenge that lists two schemes, comma-separated: valid grammar.
function docsPage(req: IncomingMessage, res: ServerResponse): void {
  if (!req.headers.authorization) {
    res.writeHead(401, { 'WWW-Authenticate': 'Basic realm="docs", Bearer realm="docs"' });
    res.end();
    return;
  }
  res.end('docs');
}

http.createServer((req, res) => {
  if (req.url === '/metrics') return metricsPage(req, res);
  if (req.url === '/docs') return docsPage(req, res);
  return statusPage(req, res);
}).listen(8081);
