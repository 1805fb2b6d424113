// Shared response helpers of an Express app (CommonJS), and the routes that use them.
const express = require('express');
const { users } = require('../lib/users');

const app = express();

// Sets the challenge on the response it is given.
function setChallenge(res, realm = 'api') {
  res.set('WWW-Authenticate', `Bearer realm="${realm}"`);
}

// Sets a caching header only: no challenge.
function noStore(res) {
  res.set('Cache-Control', 'no-store');
}

// The 401 is written here, so this is where the missing challenge is reported (the callers
// only pass a message; whether it is a permission failure is not visible at this line).
function deny(res, message) {
  return res.status(401).json({ error: message }); // expect: missing-www-authenticate
}

app.get('/profile', (req, res) => {
  const user = users.fromRequest(req);
  if (!user) {
    setChallenge(res, 'profile');
    return res.status(401).json({ error: 'login required' });
  }
  res.json(user.profile);
});

app.get('/billing', (req, res) => {
  const user = users.fromRequest(req);
  if (!user) {
    noStore(res);
    return res.status(401).json({ error: 'login required' }); // expect: missing-www-authenticate
  }
  res.json(user.billing);
});

app.get('/invoices', (req, res) => {
  const user = users.fromRequest(req);
  if (!user) return deny(res, 'login required');
  res.json(user.invoices);
});

// Express's final handler copies err.headers onto the response: the challenge is there.
app.get('/reports', (req, res, next) => {
  if (!req.get('authorization')) {
    const err = new Error('Unauthorized');
    err.status = 401;
    err.headers = { 'WWW-Authenticate': 'Bearer realm="reports"' };
    return next(err);
  }
  res.json(users.reports());
});

app.get('/reports/:id', (req, res, next) => {
  if (!req.get('authorization')) {
    const err = new Error('Unauthorized');
    err.status = 401; // expect: missing-www-authenticate
    return next(err);
  }
  res.json(users.report(req.params.id));
});

app.get('/exports', (req, res, next) => {
  if (!users.tokenValid(req.get('authorization'))) {
    return next({ status: 401, message: 'Token expired' }); // expect: missing-www-authenticate
  }
  res.json(users.exports());
});

// An origin server asking for credentials with 407: clients look for a proxy that is not there.
app.get('/downloads', (req, res) => {
  if (!req.get('authorization')) {
    return res.status(407).json({ error: 'authentication required' }); // expect: proxy-auth-from-origin
  }
  res.download(users.downloadPath(req));
});

// `new Error('Unauthorized')` without a status is a 500, not a 401.
app.get('/broken', () => {
  throw new Error('Unauthorized');
});

module.exports = { app, setChallenge, noStore, deny };
