import { ruleTester } from '../rule-tester';

/** A Cloudflare Worker (no imports) whose fetch handler runs `body`. */
const worker = (body: string) => `export default {
  async fetch(request: Request): Promise<Response> {
    const token = request.headers.get('Authorization');
${body}
  },
};
`;
/** A Deno.serve handler. */
const deno = (body: string) => `Deno.serve(async (req) => {
  const token = req.headers.get('authorization');
${body}
});
`;

ruleTester('missing-www-authenticate', {
  valid: [
    // The challenge in the init, in any case and any headers form
    worker(`    if (!token) return new Response(null, { status: 401, headers: { 'WWW-Authenticate': 'Bearer realm="api"' } });\n    return new Response('ok');`),
    worker(`    if (!token) return Response.json({ error: 'missing token' }, { status: 401, headers: new Headers({ 'www-authenticate': 'Bearer realm="api"' }) });\n    return new Response('ok');`),
    worker(`    if (!token) return new Response(null, { status: 401, headers: [['WWW-authenticate', 'Bearer realm="api"']] });\n    return new Response('ok');`),
    // A headers variable written before the construction
    deno(`  if (!token) {\n    const headers = new Headers({ 'Content-Type': 'application/json' });\n    headers.set('WWW-Authenticate', 'Bearer realm="api"');\n    return new Response('{}', { status: 401, headers });\n  }\n  return new Response('ok');`),
    deno(`  if (!token) {\n    const headers = new Headers();\n    headers.append('WWW-Authenticate', 'Bearer realm="api"');\n    return new Response(null, { headers, status: 401 });\n  }\n  return new Response('ok');`),
    deno(`  const headers = { 'WWW-Authenticate': 'Bearer realm="api"' };\n  if (!token) return new Response(null, { status: 401, headers });\n  return new Response('ok');`),
    `const CHALLENGE_HEADERS = { 'WWW-Authenticate': 'Bearer realm="api"', 'Cache-Control': 'no-store' };\nexport function deny(): Response {\n  return Response.json({ error: 'missing token' }, { status: 401, headers: CHALLENGE_HEADERS });\n}\n`,
    // Set on the constructed response before it is returned
    deno(`  if (!token) {\n    const res = new Response('Unauthorized', { status: 401 });\n    res.headers.set('WWW-Authenticate', 'Bearer realm="api"');\n    return res;\n  }\n  return new Response('ok');`),
    deno(`  if (!token) {\n    const res = Response.json({ error: 'missing token' }, { status: 401 });\n    const h = res.headers;\n    h.append('WWW-Authenticate', 'Bearer realm="api"');\n    return res;\n  }\n  return new Response('ok');`),
    // Headers not known here may hold the challenge: silence rather than a guess
    `export function deny(headers: HeadersInit): Response {\n  return new Response(null, { status: 401, headers });\n}\n`,
    worker(`    if (!token) return new Response(null, { status: 401, headers: challengeHeaders() });\n    return new Response('ok');`),
    worker(`    if (!token) return new Response(null, { ...UNAUTHORIZED_INIT, status: 401 });\n    return new Response('ok');`),
    worker(`    if (!token) return new Response(null, { status: 401, headers: { ...authHeaders, 'Content-Type': 'text/plain' } });\n    return new Response('ok');`),
    // No status given, another status, an init that is not a literal
    worker(`    if (!token) return new Response('Forbidden', { status: 403 });\n    return Response.json({ ok: true }, { headers: { 'Cache-Control': 'no-store' } });`),
    worker(`    return new Response(upstream.body, { status: upstream.status, headers: upstream.headers });`),
    worker(`    return new Response(null, init);`),
    // Client code reading a status is no response
    `export async function me(): Promise<unknown> {\n  const res = await fetch('/api/me');\n  if (res.status === 401) throw new Error('Unauthorized');\n  return res.json();\n}\n`,
    // Fetch mocks in tests are someone else's responses
    {
      fileName: 'client.test.ts',
      code: `import { vi, it, expect } from 'vitest';\nit('logs out on 401', async () => {\n  globalThis.fetch = vi.fn(async () => new Response(null, { status: 401 }));\n  expect(await me()).toBe(null);\n});\n`,
    },
    `global.fetch = jest.fn().mockResolvedValue(Response.json({ error: 'invalid_token' }, { status: 401 }));\n`,
    `test('refreshes the token on 401', async () => {\n  server.respondWith(() => new Response(null, { status: 401 }));\n  await expect(client.me()).rejects.toThrow();\n});\n`,
    `import { http, HttpResponse } from 'msw';\nexport const handlers = [http.get('/me', () => new Response(null, { status: 401 }))];\n`,
    // Files of frameworks that answer through their own response object
    `import express from 'express';\nconst app = express();\napp.get('/stub', (req, res) => {\n  const fake = new Response(null, { status: 401 });\n  res.json({ status: fake.status });\n});\n`,
    // Suppressed
    worker(`    // http-auth-lint-disable-next-line missing-www-authenticate -- the gateway adds the challenge\n    if (!token) return new Response(null, { status: 401 });\n    return new Response('ok');`),
  ],
  invalid: [
    {
      code: worker(`    if (!token) return new Response('Unauthorized', { status: 401 });\n    return new Response('ok');`),
      errors: [{ text: `new Response('Unauthorized', { status: 401 })`, messageIncludes: 'WWW-Authenticate: Bearer realm="api"' }],
      output: worker(`    if (!token) return new Response('Unauthorized', { status: 401, headers: { 'WWW-Authenticate': 'Bearer realm="api"' } });\n    return new Response('ok');`),
    },
    {
      name: 'a multi-line init: the status is underlined, the header added on its own line',
      code: deno(`  if (!token) {\n    return Response.json({ error: 'missing token' }, {\n      status: 401,\n    });\n  }\n  return new Response('ok');`),
      errors: [{ text: 'status: 401' }],
      output: deno(`  if (!token) {\n    return Response.json({ error: 'missing token' }, {\n      status: 401,\n      headers: { 'WWW-Authenticate': 'Bearer realm="api"' },\n    });\n  }\n  return new Response('ok');`),
    },
    {
      name: 'other headers in an object literal',
      code: worker(`    if (!token) return new Response('{}', { status: 401, headers: { 'Content-Type': 'application/json' } });\n    return new Response('ok');`),
      errors: [{ text: `new Response('{}', { status: 401, headers: { 'Content-Type': 'application/json' } })` }],
      output: worker(`    if (!token) return new Response('{}', { status: 401, headers: { 'Content-Type': 'application/json', 'WWW-Authenticate': 'Bearer realm="api"' } });\n    return new Response('ok');`),
    },
    {
      name: 'new Headers({...}), new Headers() and pairs keep their form',
      code: worker(`    if (!token) return new Response(null, { status: 401, headers: new Headers({ 'Cache-Control': 'no-store' }) });\n    if (token === 'x') return new Response(null, { status: 401, headers: new Headers() });\n    if (token === 'y') return new Response(null, { status: 401, headers: [['Cache-Control', 'no-store']] });\n    return new Response('ok');`),
      errors: [
        { text: `new Response(null, { status: 401, headers: new Headers({ 'Cache-Control': 'no-store' }) })` },
        { text: `new Response(null, { status: 401, headers: new Headers() })` },
        { text: `new Response(null, { status: 401, headers: [['Cache-Control', 'no-store']] })` },
      ],
      output: worker(
        `    if (!token) return new Response(null, { status: 401, headers: new Headers({ 'Cache-Control': 'no-store', 'WWW-Authenticate': 'Bearer realm="api"' }) });\n    if (token === 'x') return new Response(null, { status: 401, headers: new Headers({ 'WWW-Authenticate': 'Bearer realm="api"' }) });\n    if (token === 'y') return new Response(null, { status: 401, headers: [['Cache-Control', 'no-store'], ['WWW-Authenticate', 'Bearer realm="api"']] });\n    return new Response('ok');`,
      ),
    },
    {
      name: 'a Headers variable is set before the construction',
      code: deno(`  if (!token) {\n    const headers = new Headers();\n    headers.set('Content-Type', 'application/json');\n    return new Response('{}', { status: 401, headers });\n  }\n  return new Response('ok');`),
      errors: [{ text: `new Response('{}', { status: 401, headers })` }],
      output: deno(
        `  if (!token) {\n    const headers = new Headers();\n    headers.set('Content-Type', 'application/json');\n    headers.set('WWW-Authenticate', 'Bearer realm="api"');\n    return new Response('{}', { status: 401, headers });\n  }\n  return new Response('ok');`,
      ),
    },
    {
      name: 'a shared headers const is copied with the header, not changed',
      code: `const JSON_HEADERS = { 'Content-Type': 'application/json' };\nconst UNAUTHORIZED = 401;\nexport function deny(): Response {\n  return new Response('{}', { status: UNAUTHORIZED, headers: JSON_HEADERS });\n}\n`,
      errors: [{ text: `new Response('{}', { status: UNAUTHORIZED, headers: JSON_HEADERS })` }],
      output: `const JSON_HEADERS = { 'Content-Type': 'application/json' };\nconst UNAUTHORIZED = 401;\nexport function deny(): Response {\n  return new Response('{}', { status: UNAUTHORIZED, headers: { ...JSON_HEADERS, 'WWW-Authenticate': 'Bearer realm="api"' } });\n}\n`,
    },
    {
      name: 'the challenge set on one branch only',
      code: deno(`  const headers = new Headers();\n  if (req.headers.get('accept') === 'text/html') headers.set('WWW-Authenticate', 'Basic realm="app"');\n  if (!token) return new Response(null, { status: 401, headers });\n  return new Response('ok');`),
      errors: [{ text: 'new Response(null, { status: 401, headers })' }],
      output: null,
      fixUnavailable: 'no statement can be added here',
    },
    {
      name: 'the status from StatusCodes, from a conditional, and the challenge set after the response is returned',
      code: `import { StatusCodes } from 'http-status-codes';\nexport function deny(expired: boolean): Response {\n  const res = Response.json({ error: 'login required' }, { status: expired ? StatusCodes.UNAUTHORIZED : StatusCodes.FORBIDDEN });\n  return res;\n  res.headers.set('WWW-Authenticate', 'Bearer realm="api"');\n}\n`,
      errors: [{ text: `Response.json({ error: 'login required' }, { status: expired ? StatusCodes.UNAUTHORIZED : StatusCodes.FORBIDDEN })` }],
      output: `import { StatusCodes } from 'http-status-codes';\nexport function deny(expired: boolean): Response {\n  const res = Response.json({ error: 'login required' }, { status: expired ? StatusCodes.UNAUTHORIZED : StatusCodes.FORBIDDEN, headers: { 'WWW-Authenticate': 'Bearer realm="api"' } });\n  return res;\n  res.headers.set('WWW-Authenticate', 'Bearer realm="api"');\n}\n`,
    },
    {
      name: 'double quotes and no semicolons are kept (Bun.serve)',
      code: `Bun.serve({\n  fetch(req) {\n    if (!req.headers.get("authorization")) return new Response("Unauthorized", { status: 401 })\n    return new Response("ok")\n  },\n})\n`,
      errors: [{ text: `new Response("Unauthorized", { status: 401 })` }],
      output: `Bun.serve({\n  fetch(req) {\n    if (!req.headers.get("authorization")) return new Response("Unauthorized", { status: 401, headers: { "WWW-Authenticate": 'Bearer realm="api"' } })\n    return new Response("ok")\n  },\n})\n`,
    },
  ],
});

ruleTester('unauthorized-for-permission', {
  valid: [
    worker(`    if (!token) return new Response(null, { status: 401, headers: { 'WWW-Authenticate': 'Bearer realm="api"' } });\n    return new Response('ok');`),
  ],
  invalid: [
    {
      code: `export function admin(user: { roles: string[] }): Response {\n  if (!user.roles.includes('admin')) {\n    return Response.json({ error: 'admins only' }, { status: 401, headers: { 'WWW-Authenticate': 'Bearer realm="api"' } });\n  }\n  return Response.json({ ok: true });\n}\n`,
      errors: [{ text: `Response.json({ error: 'admins only' }, { status: 401, headers: { 'WWW-Authenticate': 'Bearer realm="api"' } })`, messageIncludes: 'user.roles' }],
      output: `export function admin(user: { roles: string[] }): Response {\n  if (!user.roles.includes('admin')) {\n    return Response.json({ error: 'admins only' }, { status: 403, headers: { 'WWW-Authenticate': 'Bearer realm="api"' } });\n  }\n  return Response.json({ ok: true });\n}\n`,
    },
    {
      name: 'the shorthand `{ status }` is rewritten as a property',
      code: `const status = 401;\nexport function admin(user: { isAdmin: boolean }): Response {\n  if (!user.isAdmin) return new Response('admins only', { status, headers: { 'WWW-Authenticate': 'Bearer realm="api"' } });\n  return new Response('ok');\n}\n`,
      errors: [{ text: `new Response('admins only', { status, headers: { 'WWW-Authenticate': 'Bearer realm="api"' } })` }],
      output: `const status = 401;\nexport function admin(user: { isAdmin: boolean }): Response {\n  if (!user.isAdmin) return new Response('admins only', { status: 403, headers: { 'WWW-Authenticate': 'Bearer realm="api"' } });\n  return new Response('ok');\n}\n`,
    },
  ],
});

ruleTester('forbidden-for-missing-credentials', {
  valid: [worker(`    if (!isAdmin(token)) return new Response('admins only', { status: 403 });\n    return new Response('ok');`)],
  invalid: [
    {
      code: worker(`    if (!token) return new Response('missing token', { status: 403 });\n    return new Response('ok');`),
      errors: [{ text: `new Response('missing token', { status: 403 })` }],
      output: worker(`    if (!token) return new Response('missing token', { status: 401, headers: { 'WWW-Authenticate': 'Bearer realm="api"' } });\n    return new Response('ok');`),
    },
  ],
});

ruleTester('proxy-auth-from-origin', {
  valid: [`// http-auth-lint proxy\n${worker(`    if (!request.headers.get('Proxy-Authorization')) return new Response(null, { status: 407, headers: { 'Proxy-Authenticate': 'Basic realm="proxy"' } });\n    return fetch(request);`)}`],
  invalid: [
    {
      code: worker(`    if (!token) return new Response(null, { status: 407, headers: { 'Proxy-Authenticate': 'Basic realm="api"' } });\n    return new Response('ok');`),
      errors: [{ text: `new Response(null, { status: 407, headers: { 'Proxy-Authenticate': 'Basic realm="api"' } })` }],
      output: worker(`    if (!token) return new Response(null, { status: 401, headers: { 'WWW-Authenticate': 'Basic realm="api"' } });\n    return new Response('ok');`),
    },
    {
      code: worker(`    if (!token) return Response.json({ error: 'authentication required' }, { status: 407 });\n    return new Response('ok');`),
      errors: [{ text: `Response.json({ error: 'authentication required' }, { status: 407 })` }],
      output: worker(`    if (!token) return Response.json({ error: 'authentication required' }, { status: 401, headers: { 'WWW-Authenticate': 'Bearer realm="api"' } });\n    return new Response('ok');`),
    },
  ],
});

ruleTester('invalid-challenge', {
  valid: [worker(`    return new Response(null, { status: 401, headers: { 'WWW-Authenticate': 'Bearer realm="api", error="invalid_token"' } });`)],
  invalid: [
    {
      name: 'on a Headers object, and on a response without a status',
      code: deno(`  const headers = new Headers();\n  headers.set('WWW-Authenticate', 'Bearer');\n  if (!token) return new Response(null, { status: 401, headers });\n  return new Response('ok', { headers: { 'WWW-Authenticate': 'Basic' } });`),
      errors: [{ text: 'Bearer' }, { text: 'Basic' }],
      output: deno(`  const headers = new Headers();\n  headers.set('WWW-Authenticate', 'Bearer realm="api"');\n  if (!token) return new Response(null, { status: 401, headers });\n  return new Response('ok', { headers: { 'WWW-Authenticate': 'Basic realm="api"' } });`),
    },
  ],
});
