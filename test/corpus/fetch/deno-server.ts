// A Deno.serve handler for a small metrics API.
import { verifyJwt } from './jwt.ts';

const JSON_HEADERS = { 'Content-Type': 'application/json' };
const UNAUTHORIZED = 401;

async function handler(req: Request): Promise<Response> {
  const url = new URL(req.url);
  const auth = req.headers.get('authorization');

  if (url.pathname === '/metrics') {
    if (!auth) {
      return new Response(null, {
        status: 401,
        headers: new Headers({ 'WWW-Authenticate': 'Bearer realm="metrics"' }),
      });
    }
    return Response.json(await collect());
  }

  // The headers object is a const declared above: it holds no challenge.
  if (url.pathname === '/metrics/raw') {
    if (!auth) {
      return new Response(JSON.stringify({ error: 'missing token' }), { status: UNAUTHORIZED, headers: JSON_HEADERS }); // expect: missing-www-authenticate
    }
    return new Response(await raw(), { headers: JSON_HEADERS });
  }

  if (url.pathname === '/metrics/alerts') {
    const claims = auth ? await verifyJwt(auth.slice(7)) : null;
    return Response.json({ error: 'alerts unavailable' }, {
      status: claims ? 403 : 401, // expect: missing-www-authenticate
    });
  }

  // The challenge is set on the built response before it is returned.
  if (url.pathname === '/metrics/history') {
    if (!auth) {
      const res = new Response('Unauthorized', { status: 401 });
      res.headers.set('WWW-Authenticate', 'Bearer realm="metrics"');
      return res;
    }
    return Response.json(await history());
  }

  // A Bearer challenge needs at least one auth-param (RFC 6750 §3).
  if (url.pathname === '/metrics/live') {
    if (!auth) {
      return new Response(null, { status: 401, headers: { 'WWW-Authenticate': 'Bearer' } }); // expect: invalid-challenge
    }
    return new Response(await liveStream());
  }

  if (url.pathname === '/metrics/upstream') {
    if (!auth) {
      return new Response('Proxy authentication required', { status: 407 }); // expect: proxy-auth-from-origin
    }
    return Response.json(await collect());
  }

  return new Response('Not found', { status: 404 });
}

declare function collect(): Promise<unknown>;
declare function raw(): Promise<string>;
declare function history(): Promise<unknown>;
declare function liveStream(): Promise<ReadableStream>;

Deno.serve({ port: 8000 }, handler);
