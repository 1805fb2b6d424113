import { Hono } from 'hono';
import { HTTPException } from 'hono/http-exception';
import { denied, unauthenticated } from './errors';

const app = new Hono<{ Variables: { user?: { id: string; isAdmin: boolean } } }>();

app.get('/admin/users', (c) => {
  const user = c.get('user');
  if (!user) throw unauthenticated();
  if (!user.isAdmin) throw unauthenticated('admins only'); // expect: unauthorized-for-permission
  return c.json([]);
});

app.get('/reports', (c) => {
  if (!c.req.header('authorization')) throw denied('sign in'); // expect: forbidden-for-missing-credentials
  return c.json([]);
});

// Answers every HTTPException as Hono would: with its own response.
app.onError((err, c) => (err instanceof HTTPException ? err.getResponse() : c.json({ error: 'internal' }, 500)));

export default app;
