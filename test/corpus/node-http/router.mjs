// A hand-rolled router over node:http for an internal admin API (API keys and scoped tokens).
import { createServer } from 'node:http';
import { keys, scopesOf } from '../lib/keys.mjs';

const routes = new Map();

routes.set('GET /admin/users', (req, res) => {
  const apiKey = req.headers['x-api-key'];
  // No credentials at all: 401 with a challenge, not 403.
  if (!apiKey) {
    res.statusCode = 403; // expect: forbidden-for-missing-credentials
    return res.end('API key required');
  }
  res.end(JSON.stringify(keys.users()));
});

routes.set('DELETE /admin/users', (req, res) => {
  const scopes = scopesOf(req.headers.authorization);
  // RFC 6750 §3.1: insufficient_scope is a 403, even with this (well-formed) challenge.
  if (!scopes.includes('admin:write')) {
    res.writeHead(401, { 'WWW-Authenticate': 'Bearer realm="admin", error="insufficient_scope", scope="admin:write"' }); // expect: unauthorized-for-permission
    return res.end();
  }
  res.writeHead(204);
  res.end();
});

routes.set('POST /admin/users', (req, res) => {
  const scopes = scopesOf(req.headers.authorization);
  if (!scopes.includes('admin:write')) {
    res.writeHead(403, { 'WWW-Authenticate': 'Bearer realm="admin", error="insufficient_scope", scope="admin:write"' });
    return res.end();
  }
  res.writeHead(201);
  res.end();
});

routes.set('GET /admin/keys', (req, res) => {
  if (!req.headers.authorization) {
    res.statusCode = 401;
    res.setHeader('WWW-Authenticate', 'Basic'); // expect: invalid-challenge
    return res.end();
  }
  res.end(JSON.stringify(keys.list()));
});

routes.set('GET /admin/logs', (req, res) => {
  if (!req.headers.authorization) {
    res.statusCode = 401;
    // realm MUST be a quoted-string (RFC 9110 §11.5).
    res.setHeader('WWW-Authenticate', 'Bearer realm=admin'); // expect: invalid-challenge
    return res.end();
  }
  res.end(JSON.stringify(keys.logs()));
});

// An admin API is an origin server: 407 sends clients looking for a proxy.
routes.set('GET /admin/config', (req, res) => {
  if (!req.headers.authorization) {
    res.statusCode = 407; // expect: proxy-auth-from-origin
    res.setHeader('Proxy-Authenticate', 'Basic realm="admin"');
    return res.end();
  }
  res.end(JSON.stringify(keys.config()));
});

createServer((req, res) => {
  const handler = routes.get(`${req.method} ${req.url}`);
  if (!handler) {
    res.statusCode = 404;
    return res.end();
  }
  handler(req, res);
}).listen(9090);
