import { ruleTester } from '../rule-tester';

/** A Hono route whose handler runs `body`. */
const app = (body: string) => `import { Hono } from 'hono';
import { HTTPException } from 'hono/http-exception';

const app = new Hono();
app.get('/me', async (c) => {
  const user = await userFrom(c.req.header('Authorization'));
${body}
});
`;
/** A route module that imports nothing: the context is `c`. */
const plain = (body: string) => `export const me = async (c) => {
  const user = await userFrom(c.req.header('Authorization'));
${body}
};
`;

ruleTester('missing-www-authenticate', {
  valid: [
    // The headers argument, in any case; the init form
    app(`  if (!user) return c.json({ error: 'missing token' }, 401, { 'WWW-Authenticate': 'Bearer realm="api"' });\n  return c.json(user);`),
    app(`  if (!user) return c.text('Unauthorized', 401, { 'www-authenticate': 'Bearer realm="api"' });\n  return c.json(user);`),
    app(`  if (!user) return c.json({ error: 'missing token' }, { status: 401, headers: { 'WWW-Authenticate': 'Bearer realm="api"' } });\n  return c.json(user);`),
    // c.header() before the response, c.status() then c.header()
    app(`  if (!user) {\n    c.header('WWW-Authenticate', 'Bearer realm="api"');\n    return c.json({ error: 'missing token' }, 401);\n  }\n  return c.json(user);`),
    app(`  if (!user) {\n    c.status(401);\n    c.header('WWW-Authenticate', 'Bearer realm="api"', { append: true });\n    return c.body(null);\n  }\n  return c.json(user);`),
    // HTTPException with a res that carries the challenge (inline, or a variable), or a res built elsewhere
    app(`  if (!user) throw new HTTPException(401, { res: new Response('Unauthorized', { status: 401, headers: { 'WWW-Authenticate': 'Bearer realm="api"' } }) });\n  return c.json(user);`),
    app(`  if (!user) {\n    const res = new Response('Unauthorized', { status: 401, headers: { 'WWW-Authenticate': 'Bearer realm="api"' } });\n    throw new HTTPException(401, { res });\n  }\n  return c.json(user);`),
    app(`  if (!user) {\n    const res = new Response('Unauthorized', { status: 401 });\n    res.headers.set('WWW-Authenticate', 'Bearer realm="api"');\n    throw new HTTPException(401, { message: 'missing token', res });\n  }\n  return c.json(user);`),
    app(`  if (!user) throw new HTTPException(401, { res: unauthorizedResponse(c) });\n  return c.json(user);`),
    // Hono's default error handler answers with c.newResponse(), which keeps headers set with c.header()
    app(`  if (!user) {\n    c.header('WWW-Authenticate', 'Bearer realm="api"');\n    throw new HTTPException(401, { message: 'missing token' });\n  }\n  return c.json(user);`),
    // bearerAuth/basicAuth answer with their own challenge: no status is written here
    `import { Hono } from 'hono';\nimport { bearerAuth } from 'hono/bearer-auth';\nimport { basicAuth } from 'hono/basic-auth';\nconst app = new Hono();\napp.use('/api/*', bearerAuth({ token: 'secret' }));\napp.use('/admin/*', basicAuth({ username: 'a', password: 'b' }));\n`,
    // Other statuses; c.status() overridden by the response's own; comparisons in onError
    app(`  if (!user) return c.json({ error: 'forbidden' }, 403);\n  return c.json(user, 200);`),
    app(`  c.status(401);\n  return c.json(user, 200);`),
    `import { Hono } from 'hono';\nimport { HTTPException } from 'hono/http-exception';\nconst app = new Hono();\napp.onError((err, c) => {\n  if (err instanceof HTTPException && err.status === 401) console.warn('auth failure');\n  return err instanceof HTTPException ? err.getResponse() : c.json({ error: 'internal' }, 500);\n});\n`,
    // An HTTPException of another library
    `import { HTTPException } from './errors';\nexport function deny() {\n  throw new HTTPException(401, { message: 'no' });\n}\n`,
    // A file without imports: only the context named c
    plain(`  if (!user) return c.json({ error: 'missing token' }, 401, { 'WWW-Authenticate': 'Bearer realm="api"' });\n  return c.json(user);`),
    `export function show(ctx) {\n  return ctx.json({ error: 'missing token' }, 401);\n}\n`,
  ],
  invalid: [
    {
      code: app(`  if (!user) return c.json({ error: 'missing token' }, 401);\n  return c.json(user);`),
      errors: [{ text: `c.json({ error: 'missing token' }, 401)`, messageIncludes: 'WWW-Authenticate: Bearer realm="api"' }],
      output: app(`  if (!user) return c.json({ error: 'missing token' }, 401, { 'WWW-Authenticate': 'Bearer realm="api"' });\n  return c.json(user);`),
    },
    {
      name: 'c.text, c.body and c.newResponse, with StatusCodes',
      code: `import { Hono } from 'hono';\nimport { StatusCodes } from 'http-status-codes';\nconst app = new Hono();\napp.get('/a', (c) => c.text('Unauthorized', 401));\napp.get('/b', (c) => c.body(null, StatusCodes.UNAUTHORIZED));\napp.get('/c', (c) => c.newResponse('no', 401));\n`,
      errors: [{ text: `c.text('Unauthorized', 401)` }, { text: 'c.body(null, StatusCodes.UNAUTHORIZED)' }, { text: `c.newResponse('no', 401)` }],
      output: `import { Hono } from 'hono';\nimport { StatusCodes } from 'http-status-codes';\nconst app = new Hono();\napp.get('/a', (c) => c.text('Unauthorized', 401, { 'WWW-Authenticate': 'Bearer realm="api"' }));\napp.get('/b', (c) => c.body(null, StatusCodes.UNAUTHORIZED, { 'WWW-Authenticate': 'Bearer realm="api"' }));\napp.get('/c', (c) => c.newResponse('no', 401, { 'WWW-Authenticate': 'Bearer realm="api"' }));\n`,
    },
    {
      name: 'a headers argument, an init, a headers variable',
      code: app(`  if (!user) return c.json({ error: 'missing token' }, 401, { 'Cache-Control': 'no-store' });\n  if (user.expired) return c.json({ error: 'expired' }, { status: 401 });\n  if (user.locked) {\n    return c.json({ error: 'locked' }, 401, NO_STORE);\n  }\n  return c.json(user);`),
      errors: [{ text: `c.json({ error: 'missing token' }, 401, { 'Cache-Control': 'no-store' })` }, { text: `c.json({ error: 'expired' }, { status: 401 })` }],
      output: app(`  if (!user) return c.json({ error: 'missing token' }, 401, { 'Cache-Control': 'no-store', 'WWW-Authenticate': 'Bearer realm="api"' });\n  if (user.expired) return c.json({ error: 'expired' }, { status: 401, headers: { 'WWW-Authenticate': 'Bearer realm="api"' } });\n  if (user.locked) {\n    return c.json({ error: 'locked' }, 401, NO_STORE);\n  }\n  return c.json(user);`),
    },
    {
      name: 'c.status(401): c.header() after it',
      code: app(`  if (!user) {\n    c.status(401);\n    return c.json({ error: 'missing token' });\n  }\n  return c.json(user);`),
      errors: [{ text: 'c.status(401)' }],
      output: app(`  if (!user) {\n    c.status(401);\n    c.header('WWW-Authenticate', 'Bearer realm="api"');\n    return c.json({ error: 'missing token' });\n  }\n  return c.json(user);`),
    },
    {
      name: 'the challenge set on one branch only (createMiddleware, a context named ctx)',
      code: `import { createMiddleware } from 'hono/factory';\nexport const requireUser = createMiddleware(async (ctx, next) => {\n  if (!ctx.get('user')) {\n    if (ctx.req.header('Accept')?.includes('text/html')) ctx.header('WWW-Authenticate', 'Basic realm="app"');\n    return ctx.json({ error: 'login required' }, 401);\n  }\n  await next();\n});\n`,
      errors: [{ text: `ctx.json({ error: 'login required' }, 401)` }],
      output: `import { createMiddleware } from 'hono/factory';\nexport const requireUser = createMiddleware(async (ctx, next) => {\n  if (!ctx.get('user')) {\n    if (ctx.req.header('Accept')?.includes('text/html')) ctx.header('WWW-Authenticate', 'Basic realm="app"');\n    return ctx.json({ error: 'login required' }, 401, { 'WWW-Authenticate': 'Bearer realm="api"' });\n  }\n  await next();\n});\n`,
    },
    {
      name: 'HTTPException with a message: a res with the message, the status and the header',
      code: app(`  if (!user) throw new HTTPException(401, { message: 'missing token' });\n  return c.json(user);`),
      errors: [{ text: `new HTTPException(401, { message: 'missing token' })` }],
      output: app(`  if (!user) throw new HTTPException(401, { message: 'missing token', res: new Response('missing token', { status: 401, headers: { 'WWW-Authenticate': 'Bearer realm="api"' } }) });\n  return c.json(user);`),
    },
    {
      name: 'HTTPException without options',
      code: app(`  if (!user) throw new HTTPException(401);\n  return c.json(user);`),
      errors: [{ text: 'new HTTPException(401)' }],
      output: app(`  if (!user) throw new HTTPException(401, { res: new Response(null, { status: 401, headers: { 'WWW-Authenticate': 'Bearer realm="api"' } }) });\n  return c.json(user);`),
    },
    {
      name: 'HTTPException whose res lacks the header: added where the Response is built',
      code: app(`  if (!user) {\n    const res = new Response('Unauthorized', { status: 401 });\n    throw new HTTPException(401, { res });\n  }\n  return c.json(user);`),
      errors: [{ text: 'new HTTPException(401, { res })' }],
      output: app(`  if (!user) {\n    const res = new Response('Unauthorized', { status: 401, headers: { 'WWW-Authenticate': 'Bearer realm="api"' } });\n    throw new HTTPException(401, { res });\n  }\n  return c.json(user);`),
    },
    {
      name: 'HTTPException with a computed message',
      code: app(`  if (!user) throw new HTTPException(401, { message: describe(c.req) });\n  return c.json(user);`),
      errors: [{ text: 'new HTTPException(401, { message: describe(c.req) })' }],
      output: null,
      fixUnavailable: 'the message is computed',
    },
    {
      name: 'a file without imports, the context named c',
      code: plain(`  if (!user) return c.json({ error: 'missing token' }, 401);\n  return c.json(user);`),
      errors: [{ text: `c.json({ error: 'missing token' }, 401)` }],
      output: plain(`  if (!user) return c.json({ error: 'missing token' }, 401, { 'WWW-Authenticate': 'Bearer realm="api"' });\n  return c.json(user);`),
    },
  ],
});

ruleTester('unauthorized-for-permission', {
  valid: [app(`  if (!user) return c.json({ error: 'missing token' }, 401, { 'WWW-Authenticate': 'Bearer realm="api"' });\n  return c.json(user);`)],
  invalid: [
    {
      code: app(`  if (!user.roles.includes('admin')) return c.json({ error: 'admins only' }, 401, { 'WWW-Authenticate': 'Bearer realm="api"' });\n  return c.json(user);`),
      errors: [{ text: `c.json({ error: 'admins only' }, 401, { 'WWW-Authenticate': 'Bearer realm="api"' })`, messageIncludes: 'user.roles' }],
      output: app(`  if (!user.roles.includes('admin')) return c.json({ error: 'admins only' }, 403, { 'WWW-Authenticate': 'Bearer realm="api"' });\n  return c.json(user);`),
    },
    {
      name: 'the status of an inline res is rewritten with the exception',
      code: app(`  if (!user.isAdmin) throw new HTTPException(401, { res: new Response('admins only', { status: 401, headers: { 'WWW-Authenticate': 'Bearer realm="api"' } }) });\n  return c.json(user);`),
      errors: [{ text: `new HTTPException(401, { res: new Response('admins only', { status: 401, headers: { 'WWW-Authenticate': 'Bearer realm="api"' } }) })` }],
      output: app(`  if (!user.isAdmin) throw new HTTPException(403, { res: new Response('admins only', { status: 403, headers: { 'WWW-Authenticate': 'Bearer realm="api"' } }) });\n  return c.json(user);`),
    },
  ],
});

ruleTester('forbidden-for-missing-credentials', {
  valid: [app(`  if (!user.roles.includes('admin')) throw new HTTPException(403, { message: 'admins only' });\n  return c.json(user);`)],
  invalid: [
    {
      name: 'the res built for the header gets the new status',
      code: app(`  if (!c.req.header('Authorization')) throw new HTTPException(403, { message: 'missing token' });\n  return c.json(user);`),
      errors: [{ text: `new HTTPException(403, { message: 'missing token' })` }],
      output: app(`  if (!c.req.header('Authorization')) throw new HTTPException(401, { message: 'missing token', res: new Response('missing token', { status: 401, headers: { 'WWW-Authenticate': 'Bearer realm="api"' } }) });\n  return c.json(user);`),
    },
    {
      code: app(`  if (!user) return c.json({ error: 'API key required' }, 403);\n  return c.json(user);`),
      errors: [{ text: `c.json({ error: 'API key required' }, 403)` }],
      output: app(`  if (!user) return c.json({ error: 'API key required' }, 401, { 'WWW-Authenticate': 'Bearer realm="api"' });\n  return c.json(user);`),
    },
  ],
});

ruleTester('proxy-auth-from-origin', {
  valid: [],
  invalid: [
    {
      code: app(`  if (!user) return c.text('proxy authentication required', 407);\n  return c.json(user);`),
      errors: [{ text: `c.text('proxy authentication required', 407)` }],
      output: app(`  if (!user) return c.text('proxy authentication required', 401, { 'WWW-Authenticate': 'Bearer realm="api"' });\n  return c.json(user);`),
    },
  ],
});
