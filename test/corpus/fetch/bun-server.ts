// Bun.serve with small response helpers, as a team would write them.
import { sessions } from './sessions';

// The helper builds a complete 401 with its challenge.
function unauthorized(message: string): Response {
  return Response.json({ error: message }, { status: 401, headers: { 'WWW-Authenticate': 'Bearer realm="bun-api"' } });
}

// This one forgets it; the 401 is written here, so here is where it is reported.
function unauthenticated(message: string): Response {
  return Response.json({ error: message }, { status: 401 }); // expect: missing-www-authenticate
}

function forbidden(message: string): Response {
  return Response.json({ error: message }, { status: 403 });
}

Bun.serve({
  port: 3000,
  async fetch(req) {
    const url = new URL(req.url);
    const session = await sessions.fromCookie(req.headers.get('cookie'));

    if (url.pathname === '/api/me') {
      if (!session) return unauthorized('login required');
      return Response.json(session.user);
    }

    if (url.pathname === '/api/orders') {
      if (!session) return unauthenticated('login required');
      return Response.json(await sessions.orders(session));
    }

    if (url.pathname === '/api/admin') {
      if (!session) return unauthorized('login required');
      if (!session.user.isAdmin) return forbidden('admins only');
      return Response.json(await sessions.adminStats());
    }

    // No session is a missing credential: the 403 is wrong here.
    if (url.pathname === '/api/cart') {
      if (!session) {
        return new Response('Session expired, please log in again', { status: 403 }); // expect: forbidden-for-missing-credentials
      }
      return Response.json(await sessions.cart(session));
    }

    // WWW-Authenticate on a 200 is allowed (RFC 9110 §11.6.1).
    if (url.pathname === '/api/hint') {
      return new Response('ok', { status: 200, headers: { 'WWW-Authenticate': 'Bearer realm="bun-api"' } });
    }

    // A repeated parameter in one challenge.
    if (url.pathname === '/api/legacy') {
      if (!session) {
        return new Response(null, {
          status: 401,
          headers: { 'WWW-Authenticate': 'Bearer realm="bun-api", realm="legacy"' }, // expect: invalid-challenge
        });
      }
      return Response.json({ legacy: true });
    }

    return new Response('Not found', { status: 404 });
  },
});
