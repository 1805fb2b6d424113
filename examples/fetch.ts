// A Cloudflare Worker (Fetch API) with the mistakes HTTP Auth Lint finds. Each expected finding is
// marked at the end of its line with `expect: <rule>`; `npx http-auth-lint examples/` shows them.
export interface Env {
  API_TOKENS: KVNamespace;
  ADMIN_PASSWORD: string;
}

const JSON_HEADERS = { 'Content-Type': 'application/json' };

// Right: one helper builds every 401 of the API, challenge included.
function challenge(error?: string): Response {
  const value = error ? `Bearer realm="api", error="${error}"` : 'Bearer realm="api"';
  return Response.json({ error: error ?? 'missing token' }, { status: 401, headers: { 'WWW-Authenticate': value } });
}

async function api(request: Request, env: Env): Promise<Response> {
  const token = request.headers.get('Authorization')?.replace(/^Bearer /, '');
  if (!token) return challenge();
  const account = await env.API_TOKENS.get<{ scopes: string[] }>(token, 'json');
  if (!account) {
    // This one forgets the helper: the shared headers hold no challenge.
    return new Response(JSON.stringify({ error: 'invalid_token' }), { status: 401, headers: JSON_HEADERS }); // expect: missing-www-authenticate
  }
  if (request.method !== 'GET' && !account.scopes.includes('write')) {
    // A known caller without the scope: 403 with insufficient_scope (RFC 6750 §3.1).
    return Response.json({ error: 'insufficient_scope' }, { status: 401, headers: { 'WWW-Authenticate': 'Bearer realm="api", error="insufficient_scope"' } }); // expect: unauthorized-for-permission
  }
  return Response.json({ ok: true });
}

async function admin(request: Request, env: Env): Promise<Response> {
  const header = request.headers.get('Authorization');
  if (!header?.startsWith('Basic ')) {
    return new Response('Login required', { status: 401, headers: { 'WWW-Authenticate': 'Basic realm="admin", charset="UTF-8"' } });
  }
  const password = atob(header.slice(6)).split(':')[1];
  if (!(await verifyPassword(password, env))) {
    // A wrong password is an invalid credential: ask again with 401.
    return new Response('Wrong password', { status: 403 }); // expect: forbidden-for-missing-credentials
  }
  return new Response('<h1>Admin</h1>', { headers: { 'Content-Type': 'text/html' } });
}

declare function verifyPassword(password: string, env: Env): Promise<boolean>;

export default {
  async fetch(request: Request, env: Env): Promise<Response> {
    const { pathname } = new URL(request.url);
    if (pathname.startsWith('/api/')) return api(request, env);
    if (pathname.startsWith('/admin')) return admin(request, env);
    return new Response('Not found', { status: 404 });
  },
};
