// An Elysia (Bun) API with the mistakes HTTP Auth Lint finds: set.status, set.headers and status().
// Each expected finding is marked at the end of its line with `expect: <rule>`.
import { Elysia, status } from 'elysia';
import { bearer } from '@elysiajs/bearer';
import { episodes, userFromToken } from './lib/episodes';

export const app = new Elysia()
  .use(bearer())
  .get('/episodes', async ({ bearer, set }) => {
    const user = await userFromToken(bearer);
    if (!user) {
      set.status = 401; // expect: missing-www-authenticate
      return { error: 'missing token' };
    }
    return episodes.list(user.id);
  })
  // Right: the challenge in set.headers, which Elysia builds the response from.
  .get('/episodes/:id', async ({ bearer, set, params }) => {
    const user = await userFromToken(bearer);
    if (!user) {
      set.status = 'Unauthorized';
      set.headers['WWW-Authenticate'] = 'Bearer realm="podcasts"';
      return { error: 'missing token' };
    }
    return episodes.get(params.id);
  })
  .post('/episodes', async ({ bearer, body }) => {
    const user = await userFromToken(bearer);
    if (!user) {
      return status('Unauthorized', 'login required'); // expect: missing-www-authenticate
    }
    return episodes.create(user.id, body);
  })
  .delete('/episodes/:id', async ({ bearer, set, params }) => {
    const user = await userFromToken(bearer);
    if (!user) {
      set.headers['WWW-Authenticate'] = 'Bearer realm="podcasts"';
      return status(401, 'login required');
    }
    if (!user.roles.includes('editor')) {
      set.headers['WWW-Authenticate'] = 'Bearer realm="podcasts", error="insufficient_scope"';
      return status(401, 'Editors only'); // expect: unauthorized-for-permission
    }
    return episodes.remove(params.id);
  })
  .get('/feeds/private', ({ bearer, set }) => {
    if (!bearer) {
      set.status = 407; // expect: proxy-auth-from-origin
      return 'authentication required';
    }
    return episodes.privateFeed(bearer);
  })
  .listen(3000);
