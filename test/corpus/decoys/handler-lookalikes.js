// Server code where a 401/403 appears but is not the status being sent, or is sent correctly.
const http = require('node:http');
const express = require('express');

// `res.end(403)` writes a body (and throws on modern Node); the status stays 200.
http.createServer((req, res) => {
  if (req.url === '/legacy-deny') {
    res.end(403);
    return;
  }
  // The upstream status is relayed, not chosen here.
  fetch(`http://backend${req.url}`).then((upstream) => {
    res.writeHead(upstream.status, Object.fromEntries(upstream.headers));
    upstream.body.pipeTo(new WritableStream({ write: (chunk) => res.write(chunk), close: () => res.end() }));
  });
}).listen(8082);

const app = express();

// A body that mentions a status, sent with 200.
app.get('/auth/status', (req, res) => {
  res.json({ status: 401, authenticated: false, loginUrl: '/login' });
});

// 403 with a role guard, and WWW-Authenticate on a 403 and on a 200: all allowed.
app.get('/admin', (req, res) => {
  if (req.user && !req.user.isAdmin) {
    res.set('WWW-Authenticate', 'Bearer realm="admin", error="insufficient_scope"');
    return res.status(403).json({ error: 'admins only' });
  }
  if (!req.user) {
    return res.status(401).set('WWW-Authenticate', 'Bearer realm="admin"').end();
  }
  res.set('WWW-Authenticate', 'Bearer realm="admin"');
  res.json({ ok: true });
});

// Errors without a status are 500s; a status on a property of something else is no response.
app.get('/sync', (req, res, next) => {
  if (!req.get('authorization')) {
    return next(new Error('Unauthorized'));
  }
  const report = { status: 403, reason: 'quota' };
  res.json(report);
});

// A lookup table used by a client-side error page component.
const copy = { 401: 'Sign in to continue', 403: 'No access', 407: 'Proxy sign-in needed' };
app.get('/errors/:code', (req, res) => {
  res.render('error', { message: copy[req.params.code] || 'Error' });
});

// The challenge in a Negotiate exchange: a bare scheme and a token68 are both valid grammar.
app.get('/sso', (req, res) => {
  const auth = req.get('authorization');
  if (!auth) {
    return res.status(401).set('WWW-Authenticate', 'Negotiate').end();
  }
  res.set('WWW-Authenticate', 'Negotiate oRswGaADCgEAoxIEEAEAAAA2xx8o0A6NbAAAAAA=');
  res.json({ user: 'sso-user' });
});

// Digest with all its parameters, quoted.
app.get('/digest', (req, res) => {
  if (!req.get('authorization')) {
    res.set('WWW-Authenticate', 'Digest realm="files@example.com", qop="auth", algorithm=SHA-256, nonce="7ypf/xlj9XXwfDPEoM4URrv/xwf94BcCAzFZH4GiTo0v", opaque="FQhe/qaU925kfnzjCev0ciny7QMkPqMAFRtzCUYo5tdS"');
    return res.sendStatus(401);
  }
  res.json({ ok: true });
});

module.exports = app;
