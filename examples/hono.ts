// A Hono app with the mistakes HTTP Auth Lint finds. Each expected finding is marked at the end of
// its line with `expect: <rule>`; `npx http-auth-lint examples/` shows them.
import { Hono } from 'hono';
import { bearerAuth } from 'hono/bearer-auth';
import { HTTPException } from 'hono/http-exception';
import { bookmarks, userFromToken } from './lib/bookmarks';

const app = new Hono();

// Right: hono/bearer-auth answers with its own challenge.
app.use('/internal/*', bearerAuth({ token: process.env.INTERNAL_TOKEN ?? '', realm: 'internal' }));

app.get('/bookmarks', async (c) => {
  const user = await userFromToken(c.req.header('Authorization'));
  if (!user) {
    return c.json({ error: 'missing token' }, 401); // expect: missing-www-authenticate
  }
  return c.json(await bookmarks.list(user.id));
});

// Right: c.header() before the response.
app.post('/bookmarks', async (c) => {
  const user = await userFromToken(c.req.header('Authorization'));
  if (!user) {
    c.header('WWW-Authenticate', 'Bearer realm="bookmarks"');
    return c.json({ error: 'missing token' }, 401);
  }
  return c.json(await bookmarks.create(user.id, await c.req.json()), 201);
});

app.delete('/bookmarks/:id', async (c) => {
  const user = await userFromToken(c.req.header('Authorization'));
  if (!user) {
    // Without `res`, HTTPException's response carries the status and the message only.
    throw new HTTPException(401, { message: 'missing token' }); // expect: missing-www-authenticate
  }
  const bookmark = await bookmarks.get(c.req.param('id'));
  if (bookmark.ownerId !== user.id) {
    return c.json({ error: 'not your bookmark' }, 401, { 'WWW-Authenticate': 'Bearer realm="bookmarks"' }); // expect: unauthorized-for-permission
  }
  await bookmarks.remove(bookmark.id);
  return c.body(null, 204);
});

// Right: the exception's res carries the challenge, as hono/bearer-auth's own does.
app.put('/bookmarks/:id', async (c) => {
  const user = await userFromToken(c.req.header('Authorization'));
  if (!user) {
    const res = new Response('Unauthorized', { status: 401, headers: { 'WWW-Authenticate': 'Bearer realm="bookmarks"' } });
    throw new HTTPException(401, { res });
  }
  return c.json(await bookmarks.update(c.req.param('id'), await c.req.json()));
});

app.onError((err, c) => (err instanceof HTTPException ? err.getResponse() : c.json({ error: 'internal error' }, 500)));

export default app;
