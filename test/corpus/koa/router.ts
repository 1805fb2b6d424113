// @koa/router routes of a team-management API.
import Router from '@koa/router';
import createError from 'http-errors';
import { StatusCodes } from 'http-status-codes';
import type { Context, Next } from 'koa';
import { teams } from '../lib/teams';

const router = new Router({ prefix: '/teams' });

async function authenticate(ctx: Context, next: Next) {
  const user = await teams.userFromToken(ctx.get('Authorization'));
  if (!user) {
    ctx.throw(StatusCodes.UNAUTHORIZED, 'login required', { headers: { 'WWW-Authenticate': 'Bearer realm="teams"' } });
  }
  ctx.state.user = user;
  await next();
}

function requireAdmin(ctx: Context, next: Next) {
  if (ctx.state.user.role !== 'admin') {
    ctx.throw(401, 'Admins only'); // expect: missing-www-authenticate, unauthorized-for-permission
  }
  return next();
}

router.get('/', authenticate, async (ctx) => {
  ctx.body = await teams.list(ctx.state.user);
});

router.delete('/:id', authenticate, requireAdmin, async (ctx) => {
  await teams.remove(ctx.params.id);
  ctx.status = 204;
});

router.put('/:id', authenticate, async (ctx) => {
  const team = await teams.get(ctx.params.id);
  ctx.assert(team.ownerId === ctx.state.user.id, 403, 'Only the owner can rename a team');
  ctx.body = await teams.rename(team, ctx.request.body);
});

router.post('/:id/members', async (ctx) => {
  const user = await teams.userFromToken(ctx.get('Authorization'));
  if (!user) {
    ctx.throw(403, 'Invalid token'); // expect: forbidden-for-missing-credentials
  }
  ctx.body = await teams.addMember(ctx.params.id, ctx.request.body);
});

// ctx.assert throws too, so the header set through ctx.response is dropped by onerror.
router.get('/:id/invites', async (ctx) => {
  const user = await teams.userFromToken(ctx.get('Authorization'));
  ctx.response.set('WWW-Authenticate', 'Bearer realm="teams"'); // expect: challenge-lost
  ctx.assert(user, 401, 'login required');
  ctx.body = await teams.invites(ctx.params.id);
});

// An http-errors error thrown in Koa goes through the same onerror: the header set first is lost.
router.get('/:id/audit', async (ctx) => {
  if (!ctx.get('Authorization')) {
    ctx.set('WWW-Authenticate', 'Bearer realm="teams"'); // expect: challenge-lost
    throw createError(401, 'login required');
  }
  ctx.body = await teams.audit(ctx.params.id);
});

// Setting the header and the status without a throw: the challenge is sent.
router.get('/:id/billing', async (ctx) => {
  if (!ctx.get('Authorization')) {
    ctx.set('WWW-Authenticate', 'Bearer realm="teams"');
    ctx.status = 401;
    ctx.body = { error: 'login required' };
    return;
  }
  ctx.body = await teams.billing(ctx.params.id);
});

router.get('/:id/vpn', async (ctx) => {
  if (!ctx.get('Authorization')) {
    ctx.status = 407; // expect: proxy-auth-from-origin
    return;
  }
  ctx.body = await teams.vpnConfig(ctx.params.id);
});

export default router;
