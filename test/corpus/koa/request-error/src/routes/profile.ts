import Router from '@koa/router';
import RequestError from '#src/errors/request-error.js';
import { assertThat } from '#src/utils/assert.js';

type State = { user?: { id: string; scopes: Set<string>; suspended: boolean } };

const router = new Router<State>();

router.get('/profile', async (ctx) => {
  const { user } = ctx.state;
  if (!user) {
    throw new RequestError({ code: 'auth.missing_token', status: 401 }); // expect: missing-www-authenticate
  }
  assertThat(user.scopes.has('profile:read'), new RequestError({ code: 'auth.scope', status: 401 })); // expect: missing-www-authenticate, unauthorized-for-permission
  ctx.body = { id: user.id };
});

router.patch('/profile', async (ctx) => {
  const { user } = ctx.state;
  assertThat(user, 'auth.missing_token', 401); // expect: missing-www-authenticate
  assertThat(user.scopes.has('profile:write'), new RequestError({ code: 'auth.scope', status: 403 }));
  if (user.suspended) throw new RequestError({ code: 'user.suspended', status: 403 });
  ctx.status = 204;
});

router.get('/profile/avatar', async (ctx) => {
  // Not found, not an auth failure: the status is 404.
  if (!ctx.query.id) throw new RequestError({ code: 'avatar.not_found', status: 404 });
  ctx.body = '';
});

export default router;
