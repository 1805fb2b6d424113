// Express middleware that answers with http-errors, and the mistakes HTTP Auth Lint finds. Each
// expected finding is marked at the end of its line with `expect: <rule>`.
'use strict';

const express = require('express');
const createError = require('http-errors');
const { sessions } = require('./lib/sessions');

const app = express();

// http-errors sets no WWW-Authenticate unless the error's headers carry it.
async function requireSession(req, res, next) {
  const session = await sessions.find(req.get('authorization'));
  if (!session) {
    return next(createError(401, 'Please log in')); // expect: missing-www-authenticate
  }
  req.session = session;
  next();
}

// Right: the challenge travels in the error's headers; Express's final handler sends them.
function requireToken(req, res, next) {
  if (!req.get('authorization')) {
    return next(createError(401, 'Missing token', { headers: { 'www-authenticate': 'Bearer realm="files"' } }));
  }
  next();
}

// A known caller without the role gets a 401 that sends them back to log in.
function requireAdmin(req, res, next) {
  if (!req.session.roles.includes('admin')) {
    throw new createError.Unauthorized('Admins only'); // expect: missing-www-authenticate, unauthorized-for-permission
  }
  next();
}

// A 403 for a request without credentials tells the client that logging in will not help.
function requireApiKey(req, res, next) {
  if (!req.get('x-api-key')) {
    return next(createError(403, 'Missing API key')); // expect: forbidden-for-missing-credentials
  }
  next();
}

app.get('/files', requireSession, (req, res) => res.json([]));
app.get('/files/:id', requireToken, (req, res) => res.json({ id: req.params.id }));
app.delete('/files/:id', requireSession, requireAdmin, (req, res) => res.sendStatus(204));
app.get('/feeds', requireApiKey, (req, res) => res.json([]));

// Both kinds of site in one file: the http-errors error and Express's own response.
app.get('/health', (req, res) => {
  if (req.get('authorization') === undefined) {
    res.status(401).send('log in'); // expect: missing-www-authenticate
    return;
  }
  res.send('ok');
});

module.exports = app;
