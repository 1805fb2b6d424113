// A Cloudflare Worker: Basic auth for the admin pages, bearer tokens for the JSON API.
export interface Env {
  ADMIN_USER: string;
  ADMIN_PASS: string;
  TOKENS: KVNamespace;
}

function parseBasic(header: string | null): { user: string; pass: string } | null {
  if (!header?.startsWith('Basic ')) return null;
  const decoded = atob(header.slice(6));
  const i = decoded.indexOf(':');
  return i < 0 ? null : { user: decoded.slice(0, i), pass: decoded.slice(i + 1) };
}

async function admin(request: Request, env: Env): Promise<Response> {
  const credentials = parseBasic(request.headers.get('Authorization'));
  if (!credentials) {
    return new Response('You need to login.', {
      status: 401,
      headers: { 'WWW-Authenticate': 'Basic realm="my scope", charset="UTF-8"' },
    });
  }
  // A bad password is an invalid credential: 401 with the challenge again, not 403.
  if (credentials.user !== env.ADMIN_USER || credentials.pass !== env.ADMIN_PASS) {
    return new Response('Invalid password', { status: 403 }); // expect: forbidden-for-missing-credentials
  }
  return new Response('<h1>Admin</h1>', { headers: { 'Content-Type': 'text/html' } });
}

async function api(request: Request, env: Env): Promise<Response> {
  const token = request.headers.get('Authorization')?.replace(/^Bearer /, '');
  if (!token) {
    return Response.json({ error: 'missing token' }, { status: 401 }); // expect: missing-www-authenticate
  }
  const account = await env.TOKENS.get(token, 'json') as { plan: string; scopes: string[] } | null;
  if (!account) {
    return Response.json(
      { error: 'invalid_token' },
      { status: 401, headers: { 'WWW-Authenticate': 'Bearer realm="api", error="invalid_token"' } },
    );
  }
  if (!account.scopes.includes('write') && request.method !== 'GET') {
    return Response.json(
      { error: 'insufficient_scope' },
      { status: 403, headers: { 'WWW-Authenticate': 'Bearer realm="api", error="insufficient_scope", scope="write"' } },
    );
  }
  // The plan decides access to exports: a known caller without the right plan gets a 401.
  if (new URL(request.url).pathname === '/api/export' && account.plan !== 'enterprise') {
    return Response.json({ error: 'Your plan is not allowed to export' }, { status: 401, headers: { 'WWW-Authenticate': 'Bearer realm="api"' } }); // expect: unauthorized-for-permission
  }
  return Response.json({ ok: true });
}

export default {
  async fetch(request: Request, env: Env): Promise<Response> {
    const { pathname } = new URL(request.url);
    if (pathname.startsWith('/admin')) return admin(request, env);
    if (pathname.startsWith('/api')) return api(request, env);
    return new Response('Not found', { status: 404 });
  },
};
