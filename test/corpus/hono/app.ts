// A Hono app for a bookmarks API (runs on Workers, Bun or Node).
import { Hono } from 'hono';
import { HTTPException } from 'hono/http-exception';
import { basicAuth } from 'hono/basic-auth';
import { bearerAuth } from 'hono/bearer-auth';
import { bookmarks, userFromToken } from './bookmarks';

const app = new Hono();

// hono/basic-auth and hono/bearer-auth answer with their own challenge: no status is written here.
app.use('/admin/*', basicAuth({ username: 'admin', password: process.env.ADMIN_PASSWORD ?? '' }));
app.use('/internal/*', bearerAuth({ token: process.env.INTERNAL_TOKEN ?? '' }));

app.get('/bookmarks', async (c) => {
  const user = await userFromToken(c.req.header('Authorization'));
  if (!user) {
    return c.json({ error: 'missing token' }, 401); // expect: missing-www-authenticate
  }
  return c.json(await bookmarks.list(user.id));
});

app.post('/bookmarks', async (c) => {
  const user = await userFromToken(c.req.header('Authorization'));
  if (!user) {
    c.header('WWW-Authenticate', 'Bearer realm="bookmarks"');
    return c.json({ error: 'missing token' }, 401);
  }
  return c.json(await bookmarks.create(user.id, await c.req.json()), 201);
});

app.get('/bookmarks/export', async (c) => {
  const user = await userFromToken(c.req.header('Authorization'));
  if (!user) {
    return c.text('Unauthorized', 401); // expect: missing-www-authenticate
  }
  return c.body(await bookmarks.exportHtml(user.id));
});

app.get('/bookmarks/tags', async (c) => {
  const user = await userFromToken(c.req.header('Authorization'));
  if (!user) {
    c.status(401);
    c.header('WWW-Authenticate', 'Bearer realm="bookmarks"');
    return c.body(null);
  }
  return c.json(await bookmarks.tags(user.id));
});

app.get('/bookmarks/stats', async (c) => {
  const user = await userFromToken(c.req.header('Authorization'));
  if (!user) {
    c.status(401); // expect: missing-www-authenticate
    return c.json({ error: 'missing token' });
  }
  return c.json(await bookmarks.stats(user.id));
});

// HTTPException builds a response with the status and message only.
app.delete('/bookmarks/:id', async (c) => {
  const user = await userFromToken(c.req.header('Authorization'));
  if (!user) {
    throw new HTTPException(401, { message: 'missing token' }); // expect: missing-www-authenticate
  }
  const bookmark = await bookmarks.get(c.req.param('id'));
  if (bookmark.ownerId !== user.id) {
    return c.json({ error: 'Forbidden: not your bookmark' }, 401); // expect: missing-www-authenticate, unauthorized-for-permission
  }
  await bookmarks.remove(bookmark.id);
  return c.body(null, 204);
});

// With `res`, HTTPException's response is the one given, challenge included.
app.put('/bookmarks/:id', async (c) => {
  const user = await userFromToken(c.req.header('Authorization'));
  if (!user) {
    const res = new Response('Unauthorized', { status: 401, headers: { 'WWW-Authenticate': 'Bearer realm="bookmarks"' } });
    throw new HTTPException(401, { res });
  }
  return c.json(await bookmarks.update(c.req.param('id'), await c.req.json()));
});

app.post('/bookmarks/import', async (c) => {
  const apiKey = c.req.header('X-Api-Key');
  if (!apiKey) {
    return c.json({ error: 'API key required' }, 403); // expect: forbidden-for-missing-credentials
  }
  return c.json(await bookmarks.importFrom(apiKey, await c.req.json()));
});

// A comparison on an exception's status is not a send.
app.onError((err, c) => {
  if (err instanceof HTTPException) {
    if (err.status === 401) console.warn('auth failure', c.req.path);
    return err.getResponse();
  }
  return c.json({ error: 'internal error' }, 500);
});

export default app;
