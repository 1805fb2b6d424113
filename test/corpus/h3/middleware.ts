// server/middleware/auth.ts and a standalone h3 app for the internal API.
import { createApp, createError, createRouter, defineEventHandler, getHeader, setResponseHeader, setResponseStatus } from 'h3';
import { verifyToken } from '../utils/tokens';

// server/middleware/auth.ts: runs before every /api/internal route.
export default defineEventHandler(async (event) => {
  if (!event.path.startsWith('/api/internal')) return;
  const header = getHeader(event, 'authorization');
  if (!header) {
    throw createError({
      statusCode: 401, // expect: missing-www-authenticate
      statusMessage: 'Unauthorized',
      data: { reason: 'missing token' },
    });
  }
  const claims = await verifyToken(header.replace(/^Bearer /, ''));
  if (!claims) {
    // A failed verification answered with 403: the token is invalid, so 401 was meant.
    throw createError({ statusCode: 403, statusMessage: 'Invalid token' }); // expect: forbidden-for-missing-credentials
  }
  event.context.claims = claims;
});

const app = createApp();
const router = createRouter();

router.get('/internal/jobs', defineEventHandler((event) => {
  if (!event.context.claims) {
    setResponseHeader(event, 'WWW-Authenticate', 'Bearer realm="internal", error="invalid_token"');
    setResponseStatus(event, 401);
    return { error: 'invalid token' };
  }
  return { jobs: [] };
}));

router.get('/internal/jobs/:id/logs', defineEventHandler((event) => {
  if (!event.context.claims) {
    // An empty value carries no challenge. The header is set, its value is wrong: reported once,
    // as invalid-challenge on the value (missing-www-authenticate would repeat the same problem).
    setResponseStatus(event, 401);
    setResponseHeader(event, 'WWW-Authenticate', ''); // expect: invalid-challenge
    return { error: 'invalid token' };
  }
  return { logs: [] };
}));

router.get('/internal/jobs/:id/artifacts', defineEventHandler((event) => {
  if (!event.context.claims.scopes.includes('artifacts:read')) {
    setResponseStatus(event, 403);
    return { error: 'insufficient scope' };
  }
  return { artifacts: [] };
}));

router.get('/internal/egress', defineEventHandler((event) => {
  if (!event.context.claims) {
    setResponseStatus(event, 407); // expect: proxy-auth-from-origin
    return { error: 'authentication required' };
  }
  return { egress: 'ok' };
}));

app.use(router);

export { app };
