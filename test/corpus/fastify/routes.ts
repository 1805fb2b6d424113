// Fastify routes of a notes API.
import Fastify, { FastifyReply, FastifyRequest } from 'fastify';
import { StatusCodes } from 'http-status-codes';
import { notes, sessionFor } from '../lib/notes';

const app = Fastify({ logger: true });

app.get('/notes', async (request, reply) => {
  const session = sessionFor(request.headers.authorization);
  if (!session) {
    return reply.code(401).send({ error: 'missing token' }); // expect: missing-www-authenticate
  }
  return notes.list(session.userId);
});

app.get('/notes/:id', async (request: FastifyRequest<{ Params: { id: string } }>, reply) => {
  const session = sessionFor(request.headers.authorization);
  if (!session) {
    return reply.code(401).header('WWW-Authenticate', 'Bearer realm="notes"').send({ error: 'missing token' });
  }
  return notes.get(request.params.id);
});

app.post('/notes', async (request, reply) => {
  const session = sessionFor(request.headers.authorization);
  if (!session) {
    reply.headers({ 'WWW-Authenticate': 'Bearer realm="notes"', 'Cache-Control': 'no-store' });
    return reply.status(401).send({ error: 'missing token' });
  }
  return reply.code(201).send(notes.create(session.userId, request.body));
});

app.get('/notes/export', async (request, reply) => {
  if (!sessionFor(request.headers.authorization)) {
    return reply.status(StatusCodes.UNAUTHORIZED).send(); // expect: missing-www-authenticate
  }
  return notes.exportAll();
});

// The challenge is set for one branch (HTML clients) only.
app.get('/notes/print', async (request, reply) => {
  if (!sessionFor(request.headers.authorization)) {
    if (request.headers.accept?.includes('text/html')) {
      reply.header('WWW-Authenticate', 'Basic realm="notes"');
    }
    return reply.code(401).send('login required'); // expect: missing-www-authenticate
  }
  return notes.printable();
});

// An alias of the reply: the challenge set through `r` is on the same reply.
async function requireSession(request: FastifyRequest, reply: FastifyReply) {
  const r = reply;
  if (!sessionFor(request.headers.authorization)) {
    r.header('www-authenticate', 'Bearer realm="notes"');
    return r.code(401).send({ error: 'login required' });
  }
}

app.get('/shared', { preHandler: requireSession }, async () => notes.shared());

// A missing API key answered with 403.
app.get('/webhooks', async (request, reply) => {
  const key = request.headers['x-api-key'];
  if (!key) {
    return reply.code(403).send({ message: 'Missing API key' }); // expect: forbidden-for-missing-credentials
  }
  return notes.webhooks(key as string);
});

app.delete('/notes/:id', async (request: FastifyRequest<{ Params: { id: string } }>, reply) => {
  const session = sessionFor(request.headers.authorization);
  if (!session) {
    return reply.code(401).header('WWW-Authenticate', 'Bearer realm="notes"').send();
  }
  const note = await notes.get(request.params.id);
  if (note.authorId !== session.userId) {
    return reply.code(401).send({ error: 'You can only delete your own notes' }); // expect: missing-www-authenticate, unauthorized-for-permission
  }
  if (!session.roles.includes('editor')) {
    return reply.code(403).send({ error: 'editors only' });
  }
  await notes.remove(note.id);
  return reply.code(204).send();
});

app.get('/notes/archive', async (request, reply) => {
  if (!sessionFor(request.headers.authorization)) {
    return reply.code(407).send({ error: 'authentication required' }); // expect: proxy-auth-from-origin
  }
  return notes.archive();
});

app.listen({ port: 3000 });
