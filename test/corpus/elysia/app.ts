// An Elysia (Bun) API for a podcast host: set.status, set.headers and status().
import { Elysia, status } from 'elysia';
import { bearer } from '@elysiajs/bearer';
import { episodes, userFromToken } from './episodes';

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
  .get('/episodes/:id', async ({ bearer, set, params }) => {
    const user = await userFromToken(bearer);
    if (!user) {
      set.status = 401;
      set.headers['WWW-Authenticate'] = 'Bearer realm="podcasts"';
      return { error: 'missing token' };
    }
    return episodes.get(params.id);
  })
  // A string status name is the same 401.
  .get('/episodes/:id/transcript', async ({ bearer, set, params }) => {
    if (!(await userFromToken(bearer))) {
      set.status = 'Unauthorized'; // expect: missing-www-authenticate
      return 'Unauthorized';
    }
    return episodes.transcript(params.id);
  })
  .post('/episodes', async ({ bearer, body }) => {
    const user = await userFromToken(bearer);
    if (!user) {
      return status(401, 'Unauthorized'); // expect: missing-www-authenticate
    }
    return episodes.create(user.id, body);
  })
  .delete('/episodes/:id', async ({ bearer, set, params }) => {
    const user = await userFromToken(bearer);
    if (!user) {
      set.headers['www-authenticate'] = 'Bearer realm="podcasts"';
      return status(401, 'Unauthorized');
    }
    const episode = await episodes.get(params.id);
    if (episode.showOwnerId !== user.id) {
      return status(403, 'Not your show');
    }
    return episodes.remove(episode.id);
  })
  .put('/episodes/:id', async ({ bearer, params, body }) => {
    const user = await userFromToken(bearer);
    if (!user) {
      return status('Unauthorized'); // expect: missing-www-authenticate
    }
    if (!user.roles.includes('editor')) {
      return status(401, 'Editors only'); // expect: missing-www-authenticate, unauthorized-for-permission
    }
    return episodes.update(params.id, body);
  })
  // The @elysiajs/bearer docs example, with a 400 (allowed for invalid_request): the realm in
  // single quotes is a token, not a quoted-string, so the challenge is invalid.
  .get('/sign', ({ bearer, set }) => {
    if (!bearer) {
      set.status = 400;
      set.headers['WWW-Authenticate'] = `Bearer realm='sign', error="invalid_request"`; // expect: invalid-challenge
      return 'Unauthorized';
    }
    return bearer;
  })
  .get('/feeds/private', async ({ bearer, set }) => {
    if (!bearer) {
      set.status = 407; // expect: proxy-auth-from-origin
      return 'authentication required';
    }
    return episodes.privateFeed(bearer);
  })
  .listen(3000);
