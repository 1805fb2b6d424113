import Fastify from 'fastify';
import { AuthenticationError, PermissionError } from './errors';

const app = Fastify();

// Sends the error's status with a body only.
app.setErrorHandler((error, request, reply) => {
  reply.status(error.statusCode ?? 500).send({ message: error.message });
});

app.get('/invoices', async (request) => {
  if (!request.headers.authorization) throw new AuthenticationError('token required');
  if (!request.user.scopes.includes('invoices')) throw new AuthenticationError('missing scope'); // expect: unauthorized-for-permission
  return [];
});

app.delete('/invoices/:id', async (request) => {
  if (!request.headers.authorization) throw new PermissionError('sign in'); // expect: forbidden-for-missing-credentials
  return { deleted: true };
});

void app.listen({ port: 3000 });
