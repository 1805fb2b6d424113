// A Fastify API with the mistakes HTTP Auth Lint finds. Each expected finding is marked at the
// end of its line with `expect: <rule>`; `npx http-auth-lint examples/` shows them.
import Fastify, { type FastifyReply, type FastifyRequest } from 'fastify';
import basicAuth from '@fastify/basic-auth';
import sensible from '@fastify/sensible';
import { StatusCodes } from 'http-status-codes';
import { orders, sessionFor } from './lib/orders';

const app = Fastify({ logger: true });
app.register(sensible);
// Without `authenticate` the plugin answers bad credentials with a 401 that has no challenge.
app.register(basicAuth, { validate: orders.checkOperator }); // expect: missing-www-authenticate

async function requireSession(request: FastifyRequest, reply: FastifyReply) {
  if (!sessionFor(request.headers.authorization)) {
    return reply.code(401).send({ error: 'missing token' }); // expect: missing-www-authenticate
  }
}

app.get('/orders', { preHandler: requireSession }, async () => orders.list());

// Right: the challenge chained on the reply, and a 403 for a known caller without the scope.
app.post('/orders', async (request, reply) => {
  const session = sessionFor(request.headers.authorization);
  if (!session) {
    return reply.code(401).header('WWW-Authenticate', 'Bearer realm="orders"').send({ error: 'login required' });
  }
  if (!session.scopes.includes('orders:write')) {
    return reply.forbidden('insufficient scope');
  }
  return reply.code(201).send(await orders.create(session, request.body));
});

// A permission failure answered with 401 (@fastify/sensible's helper sets no challenge either).
app.delete('/orders/:id', async (request, reply) => {
  const session = sessionFor(request.headers.authorization);
  if (!session?.roles.includes('admin')) {
    return reply.unauthorized('Admins only'); // expect: missing-www-authenticate, unauthorized-for-permission
  }
  return orders.remove((request.params as { id: string }).id);
});

// Fastify sends a thrown error's `headers`: this error has none.
app.get('/invoices', async (request) => {
  const session = sessionFor(request.headers.authorization);
  if (!session) {
    throw Object.assign(new Error('Token expired'), { statusCode: StatusCodes.UNAUTHORIZED }); // expect: missing-www-authenticate
  }
  return orders.invoices(session);
});

// A missing API key answered with 403, and a Bearer challenge without a parameter (RFC 6750 §3).
app.get('/webhooks', async (request, reply) => {
  if (!request.headers['x-api-key']) {
    return reply.code(403).send({ error: 'missing API key' }); // expect: forbidden-for-missing-credentials
  }
  if (!sessionFor(request.headers.authorization)) {
    reply.header('WWW-Authenticate', 'Bearer'); // expect: invalid-challenge
    return reply.code(401).send();
  }
  return orders.webhooks();
});

app.listen({ port: 3000 });
