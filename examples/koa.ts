// A Koa API with the mistakes HTTP Auth Lint finds. Each expected finding is marked at the end of
// its line with `expect: <rule>`; `npx http-auth-lint examples/` shows them.
import Koa from 'koa';
import Router from '@koa/router';
import { users, verify } from './lib/users';

const app = new Koa();
const router = new Router({ prefix: '/api' });

// The koa-jwt README's custom 401 handler: a body, and no challenge.
app.use(async (ctx, next) => {
  try {
    await next();
  } catch (err) {
    if (err.status !== 401) throw err;
    ctx.status = 401; // expect: missing-www-authenticate
    ctx.body = 'Protected resource, use Authorization header to get access';
  }
});

// Right: the challenge travels in the error's headers, which Koa's error handler sends.
async function authenticate(ctx: Koa.Context, next: Koa.Next) {
  const user = await verify(ctx.get('Authorization'));
  if (!user) {
    ctx.throw(401, 'login required', { headers: { 'WWW-Authenticate': 'Bearer realm="api"' } });
  }
  ctx.state.user = user;
  await next();
}

// Koa's onerror removes the headers set before ctx.throw: this challenge never reaches the client.
router.get('/me', async (ctx) => {
  if (!ctx.get('Authorization')) {
    ctx.set('WWW-Authenticate', 'Bearer realm="api"'); // expect: challenge-lost
    ctx.throw(401, 'login required');
  }
  ctx.body = await users.me(ctx.get('Authorization'));
});

router.delete('/users/:id', authenticate, async (ctx) => {
  ctx.assert(ctx.state.user.isAdmin, 401, 'admins only'); // expect: missing-www-authenticate, unauthorized-for-permission
  await users.remove(ctx.params.id);
  ctx.status = 204;
});

// No credentials at all answered with 403.
router.post('/invites', async (ctx) => {
  const token = ctx.get('Authorization');
  ctx.assert(token, 403, 'Missing token'); // expect: forbidden-for-missing-credentials
  ctx.body = await users.invite(token, ctx.request.body);
});

// Right: a status and a header set without a throw are both sent.
router.get('/billing', async (ctx) => {
  if (!ctx.get('Authorization')) {
    ctx.set('WWW-Authenticate', 'Bearer realm="api"');
    ctx.status = 401;
    return;
  }
  ctx.body = await users.billing(ctx.get('Authorization'));
});

// 407 is for proxies: clients will look for one.
router.get('/vpn', authenticate, async (ctx) => {
  if (!ctx.state.user.vpn) ctx.throw(407, 'VPN login required'); // expect: proxy-auth-from-origin
  ctx.body = await users.vpnConfig(ctx.state.user);
});

app.use(router.routes());
app.listen(3000);
