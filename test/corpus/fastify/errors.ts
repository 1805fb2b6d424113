// Fastify: errors thrown from hooks and routes, and @fastify/sensible helpers.
import Fastify from 'fastify';
import sensible from '@fastify/sensible';
import fastifyJwt from '@fastify/jwt';
import { billing } from '../lib/billing';

const app = Fastify();
app.register(sensible);
app.register(fastifyJwt, { secret: process.env.JWT_SECRET ?? 'dev' });

class HttpError extends Error {
  statusCode = 500;
  headers?: Record<string, string>;
}

// Fastify applies a thrown error's `headers` to the reply: the challenge is sent.
app.addHook('onRequest', async (request) => {
  if (request.url.startsWith('/public')) return;
  if (!request.headers.authorization) {
    const err = new HttpError('Token required');
    err.statusCode = 401;
    err.headers = { 'www-authenticate': 'Bearer realm="billing"' };
    throw err;
  }
});

app.get('/invoices', async (request) => {
  const account = await billing.accountFor(request.headers.authorization);
  if (!account) {
    const err = new HttpError('Token expired');
    err.statusCode = 401; // expect: missing-www-authenticate
    throw err;
  }
  return billing.invoices(account);
});

// @fastify/sensible's reply.unauthorized() sends a 401 without a challenge.
app.get('/cards', async (request, reply) => {
  const account = await billing.accountFor(request.headers.authorization);
  if (!account) {
    return reply.unauthorized('Missing token'); // expect: missing-www-authenticate
  }
  return billing.cards(account);
});

app.get('/cards/:id', async (request, reply) => {
  const account = await billing.accountFor(request.headers.authorization);
  if (!account) {
    reply.header('WWW-Authenticate', 'Bearer realm="billing"');
    return reply.code(401).send({ error: 'missing token' });
  }
  return billing.card(account, (request.params as { id: string }).id);
});

app.get('/payouts', async (request, reply) => {
  const account = await billing.accountFor(request.headers.authorization);
  if (account === null) {
    return reply.forbidden('Invalid token'); // expect: forbidden-for-missing-credentials
  }
  if (!account.isOwner) {
    return reply.forbidden('Only the account owner can see payouts');
  }
  return billing.payouts(account);
});

// The status comes from @fastify/jwt's error object: nothing is known statically here.
app.get('/usage', async (request, reply) => {
  try {
    await request.jwtVerify();
  } catch (err) {
    return reply.send(err);
  }
  return billing.usage();
});

app.get('/usage/daily', async (request, reply) => {
  try {
    await request.jwtVerify();
  } catch {
    return reply.code(401).send({ error: 'invalid token' }); // expect: missing-www-authenticate
  }
  return billing.dailyUsage();
});

// Comparing a status to log auth failures: the comparison is not a send. (This handler adds no
// challenge, so the errors thrown above reach clients without one.)
app.setErrorHandler((error, request, reply) => {
  if (error.statusCode === 401 || error.statusCode === 403) {
    request.log.warn({ url: request.url }, 'auth failure');
  }
  reply.send(error);
});

export default app;
