// Hono middleware written with createMiddleware: sessions, roles, and a legacy Basic realm.
import { Hono } from 'hono';
import { createMiddleware } from 'hono/factory';
import { StatusCodes } from 'http-status-codes';
import { sessions } from './sessions';

type Env = { Variables: { user: { id: string; roles: string[] } } };

export const requireUser = createMiddleware<Env>(async (c, next) => {
  const user = await sessions.verify(c.req.header('Authorization'));
  if (!user) {
    // Only browsers get the Basic challenge; API clients get a bare 401.
    if (c.req.header('Accept')?.includes('text/html')) {
      c.header('WWW-Authenticate', 'Basic realm="dashboard"');
    }
    return c.json({ error: 'login required' }, StatusCodes.UNAUTHORIZED); // expect: missing-www-authenticate
  }
  c.set('user', user);
  await next();
});

export const requireRole = (role: string) =>
  createMiddleware<Env>(async (c, next) => {
    if (!c.get('user').roles.includes(role)) {
      return c.json({ error: `requires role ${role}` }, 403);
    }
    await next();
  });

// Same guard, wrong status: a known user without the role.
export const requireRoleLegacy = (role: string) =>
  createMiddleware<Env>(async (c, next) => {
    if (!c.get('user').roles.includes(role)) {
      c.header('WWW-Authenticate', 'Bearer realm="dashboard", error="insufficient_scope"');
      return c.json({ error: `requires role ${role}` }, 401); // expect: unauthorized-for-permission
    }
    await next();
  });

const app = new Hono<Env>();

app.get('/dashboard', requireUser, (c) => c.json({ user: c.get('user').id }));
app.get('/dashboard/admin', requireUser, requireRole('admin'), (c) => c.json({ ok: true }));
app.get('/dashboard/billing', requireUser, requireRoleLegacy('billing'), (c) => c.json({ ok: true }));

app.get('/dashboard/legacy', async (c) => {
  if (!c.req.header('Authorization')) {
    c.header('WWW-Authenticate', 'Basic realm="legacy", realm="dashboard"'); // expect: invalid-challenge
    return c.text('login required', 401);
  }
  return c.text('legacy');
});

app.get('/dashboard/tunnel', async (c) => {
  if (!c.req.header('Authorization')) {
    return c.text('authentication required', 407); // expect: proxy-auth-from-origin
  }
  return c.text('tunnel config');
});

export default app;
