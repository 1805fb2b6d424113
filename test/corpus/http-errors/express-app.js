// An Express app that reports failures with http-errors through next(err).
const express = require('express');
const createError = require('http-errors');
const { StatusCodes } = require('http-status-codes');
const { tickets, whoami } = require('../lib/tickets');

const app = express();

app.get('/tickets', async (req, res, next) => {
  const user = await whoami(req);
  if (!user) {
    return next(createError(401, 'Please log in')); // expect: missing-www-authenticate
  }
  res.json(await tickets.list(user));
});

// The `headers` property is copied onto the response by Express's final handler.
app.get('/tickets/:id', async (req, res, next) => {
  const user = await whoami(req);
  if (!user) {
    return next(createError(401, 'Token expired', { headers: { 'WWW-Authenticate': 'Bearer realm="tickets", error="invalid_token"' } }));
  }
  res.json(await tickets.get(req.params.id));
});

app.post('/tickets', async (req, res, next) => {
  const user = await whoami(req);
  if (!user) {
    return next(new createError.Unauthorized()); // expect: missing-www-authenticate
  }
  res.status(201).json(await tickets.create(user, req.body));
});

app.put('/tickets/:id', async (req, res, next) => {
  const user = await whoami(req);
  if (!user) {
    const err = new createError.Unauthorized('login required');
    err.headers = { 'WWW-Authenticate': 'Bearer realm="tickets"' };
    return next(err);
  }
  res.json(await tickets.update(req.params.id, req.body));
});

app.delete('/tickets/:id', async (req, res, next) => {
  const token = req.get('authorization');
  if (!token) {
    return next(createError(403, 'Invalid token')); // expect: forbidden-for-missing-credentials
  }
  const user = await whoami(req);
  if (!user.roles.includes('support-lead')) {
    return next(createError(401, 'Not allowed to delete tickets')); // expect: missing-www-authenticate, unauthorized-for-permission
  }
  await tickets.remove(req.params.id);
  res.sendStatus(204);
});

app.get('/tickets/:id/attachments', async (req, res, next) => {
  const user = await whoami(req);
  if (!user) {
    return next(createError(StatusCodes.UNAUTHORIZED, 'login required')); // expect: missing-www-authenticate
  }
  const ticket = await tickets.get(req.params.id);
  if (ticket.customerId !== user.id && !user.roles.includes('support')) {
    return next(createError(403, 'You cannot see attachments of this ticket'));
  }
  res.json(ticket.attachments);
});

app.get('/tickets/:id/relay', async (req, res, next) => {
  if (!req.get('authorization')) {
    return next(createError(407, 'authentication required')); // expect: proxy-auth-from-origin
  }
  res.json(await tickets.relayInfo(req.params.id));
});

// The error handler sends err.status (not a literal: nothing known statically) and, like
// Express's final handler, copies err.headers, so the challenges given above reach the client.
app.use((err, req, res, _next) => {
  if (err.headers) res.set(err.headers);
  res.status(err.status || 500);
  res.json({ error: err.message });
});

module.exports = app;
