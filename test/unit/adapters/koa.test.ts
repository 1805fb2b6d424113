import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import * as ts from 'typescript';
import { parse } from '../../../server/src/engine';
import { koaErrorResponseAt } from '../../../server/src/engine/model/frameworks/koa/context';
import { ruleTester } from '../rule-tester';

/** Koa middleware whose body is `body`. */
const mw = (body: string) => `import Koa from 'koa';
const app = new Koa();
app.use(async (ctx, next) => {
${body}
});
`;
/** A @koa/router route. */
const route = (body: string) => `import Router from '@koa/router';
const router = new Router();
router.get('/me', async (ctx) => {
${body}
});
`;
/** Middleware in a CommonJS module that imports nothing. */
const plainModule = (body: string) => `module.exports = async (ctx, next) => {
${body}
};
`;
const CHALLENGE = `'Bearer realm="api"'`;

ruleTester('missing-www-authenticate', {
  valid: [
    // ctx.set before or after the status, in any case, with either form
    mw(`  ctx.set('WWW-Authenticate', 'Bearer realm="api"');\n  ctx.status = 401;\n  ctx.body = { error: 'missing token' };`),
    mw(`  ctx.status = 401;\n  ctx.set('www-authenticate', 'Bearer realm="api"');`),
    mw(`  ctx.set({ 'WWW-authenticate': 'Bearer realm="api"', 'Cache-Control': 'no-store' });\n  ctx.status = 401;`),
    mw(`  ctx.append('WWW-Authenticate', 'Bearer realm="api"');\n  ctx.status = 401;`),
    // ctx.response and ctx.res are the same response
    mw(`  ctx.response.set('WWW-Authenticate', 'Bearer realm="api"');\n  ctx.status = 401;`),
    mw(`  ctx.set('WWW-Authenticate', 'Bearer realm="api"');\n  ctx.response.status = 401;`),
    mw(`  ctx.res.setHeader('WWW-Authenticate', 'Bearer realm="api"');\n  ctx.status = 401;`),
    mw(`  const res = ctx.response;\n  res.set('WWW-Authenticate', 'Bearer realm="api"');\n  res.status = 401;`),
    // Both branches
    mw(`  if (ctx.accepts('html')) ctx.set('WWW-Authenticate', 'Basic realm="api"');\n  else ctx.set('WWW-Authenticate', 'Bearer realm="api"');\n  ctx.status = 401;`),
    // A helper of the file; a header object not known statically
    `import Koa from 'koa';\nfunction challenge(ctx) {\n  ctx.set('WWW-Authenticate', 'Bearer realm="api"');\n}\nexport async function auth(ctx, next) {\n  challenge(ctx);\n  ctx.status = 401;\n}\n`,
    mw(`  ctx.set(authHeaders);\n  ctx.status = 401;`),
    // The headers option of ctx.throw and ctx.assert is applied by Koa's onerror
    mw(`  ctx.throw(401, 'missing token', { headers: { 'WWW-Authenticate': 'Bearer realm="api"' } });`),
    mw(`  ctx.throw(401, { headers: { 'www-authenticate': 'Bearer realm="api"' } });`),
    mw(`  ctx.assert(ctx.state.user, 401, 'login required', { headers: { 'WWW-Authenticate': 'Bearer realm="api"' } });`),
    `import Koa from 'koa';\nconst CHALLENGE = { headers: { 'WWW-Authenticate': 'Bearer realm="api"' } };\nexport async function auth(ctx, next) {\n  ctx.throw(401, 'missing token', CHALLENGE);\n}\n`,
    // Properties that may carry the header
    mw(`  ctx.throw(401, 'missing token', options);`),
    mw(`  ctx.throw(401, { ...errorProps });`),
    // Other statuses
    mw(`  ctx.throw(403, 'forbidden');`),
    mw(`  ctx.status = 204;`),
    // Decoys: comparisons, a status from an error, ctx.throw(err), a status called as a function
    mw(`  try {\n    await next();\n  } catch (err) {\n    if (err.status === 401 || ctx.status === 401) ctx.app.emit('auth-failure', err);\n    switch (err.status) {\n      case 401:\n        ctx.throw(err);\n    }\n    ctx.status = err.status || 500;\n    ctx.throw(err.status, err.message);\n  }`),
    `export function show(ctx) {\n  ctx.status(401);\n}\n`,
    // ctx that is not Koa's: not the first parameter, or a middleware shape Koa does not have
    `export function handler(event, ctx) {\n  ctx.status = 401;\n}\nexport function other(ctx, res, next) {\n  ctx.status = 401;\n}\n`,
    // Deno's oak has the same shapes
    `import { Application } from 'https://deno.land/x/oak@v12.6.1/mod.ts';\nconst app = new Application();\napp.use((ctx) => {\n  ctx.response.status = 401;\n});\n`,
    // Another framework's file
    `import { Hono } from 'hono';\nconst app = new Hono();\napp.use(async (ctx, next) => {\n  ctx.status = 401;\n});\n`,
  ],
  invalid: [
    {
      code: mw(`  ctx.status = 401;\n  ctx.body = { error: 'missing token' };`),
      errors: [{ text: 'ctx.status = 401' }],
      output: mw(`  ctx.status = 401;\n  ctx.set('WWW-Authenticate', ${CHALLENGE});\n  ctx.body = { error: 'missing token' };`),
    },
    {
      code: route(`  ctx.response.status = 401;`),
      errors: [{ text: 'ctx.response.status = 401' }],
      output: route(`  ctx.response.status = 401;\n  ctx.response.set('WWW-Authenticate', ${CHALLENGE});`),
    },
    {
      code: mw(`  ctx.res.statusCode = 401;\n  ctx.res.end();`),
      errors: [{ text: 'ctx.res.statusCode = 401' }],
      output: mw(`  ctx.res.statusCode = 401;\n  ctx.res.setHeader('WWW-Authenticate', ${CHALLENGE});\n  ctx.res.end();`),
    },
    {
      name: 'status values: http-status-codes, a const',
      code: mw(`  const status = 401;\n  if (!ctx.state.user) ctx.throw(StatusCodes.UNAUTHORIZED);\n  ctx.status = status;`),
      errors: [{ text: 'ctx.throw(StatusCodes.UNAUTHORIZED)' }, { text: 'ctx.status = status' }],
      output: mw(`  const status = 401;\n  if (!ctx.state.user) ctx.throw(StatusCodes.UNAUTHORIZED, { headers: { 'WWW-Authenticate': ${CHALLENGE} } });\n  ctx.status = status;\n  ctx.set('WWW-Authenticate', ${CHALLENGE});`),
    },
    {
      name: 'the challenge is set on one branch only',
      code: mw(`  if (ctx.accepts('html')) {\n    ctx.set('WWW-Authenticate', 'Basic realm="api"');\n  }\n  ctx.status = 401;`),
      errors: [{ text: 'ctx.status = 401' }],
      output: mw(`  if (ctx.accepts('html')) {\n    ctx.set('WWW-Authenticate', 'Basic realm="api"');\n  }\n  ctx.status = 401;\n  ctx.set('WWW-Authenticate', ${CHALLENGE});`),
    },
    {
      name: 'an unbraced if body has no room for a statement',
      code: mw(`  if (!ctx.state.user) ctx.status = 401;`),
      errors: [{ text: 'ctx.status = 401' }],
      output: null,
      fixUnavailable: 'add braces first',
    },
    // ctx.throw and ctx.assert: the header goes into the headers option
    {
      code: mw(`  ctx.throw(401);`),
      errors: [{ text: 'ctx.throw(401)' }],
      output: mw(`  ctx.throw(401, { headers: { 'WWW-Authenticate': ${CHALLENGE} } });`),
    },
    {
      code: mw(`  ctx.throw(401, 'missing token');`),
      errors: [{ text: `ctx.throw(401, 'missing token')` }],
      output: mw(`  ctx.throw(401, 'missing token', { headers: { 'WWW-Authenticate': ${CHALLENGE} } });`),
    },
    {
      code: mw(`  ctx.throw(401, message, { expose: true });`),
      errors: [{ text: 'ctx.throw(401, message, { expose: true })' }],
      output: mw(`  ctx.throw(401, message, { expose: true, headers: { 'WWW-Authenticate': ${CHALLENGE} } });`),
    },
    {
      code: mw(`  ctx.throw(401, 'missing token', { headers: { 'Cache-Control': 'no-store' } });`),
      errors: [{ text: `ctx.throw(401, 'missing token', { headers: { 'Cache-Control': 'no-store' } })` }],
      output: mw(`  ctx.throw(401, 'missing token', { headers: { 'Cache-Control': 'no-store', 'WWW-Authenticate': ${CHALLENGE} } });`),
    },
    {
      name: 'a multi-line throw: only ctx.throw is underlined',
      code: mw(`  ctx.throw(\n    401,\n    'missing token',\n  );`),
      errors: [{ text: 'ctx.throw' }],
      output: mw(`  ctx.throw(\n    401,\n    'missing token', { headers: { 'WWW-Authenticate': ${CHALLENGE} } },\n  );`),
    },
    {
      code: mw(`  ctx.assert(ctx.state.user, 401, 'Authentication required');`),
      errors: [{ text: `ctx.assert(ctx.state.user, 401, 'Authentication required')` }],
      output: mw(`  ctx.assert(ctx.state.user, 401, 'Authentication required', { headers: { 'WWW-Authenticate': ${CHALLENGE} } });`),
    },
    {
      code: mw(`  ctx.assert.ok(ctx.state.user, 401);\n  ctx.assert.equal(ctx.state.user.tenant, tenant, 401, 'wrong tenant');`),
      errors: [{ text: 'ctx.assert.ok(ctx.state.user, 401)' }, { text: `ctx.assert.equal(ctx.state.user.tenant, tenant, 401, 'wrong tenant')` }],
      output: mw(
        `  ctx.assert.ok(ctx.state.user, 401, { headers: { 'WWW-Authenticate': ${CHALLENGE} } });\n  ctx.assert.equal(ctx.state.user.tenant, tenant, 401, 'wrong tenant', { headers: { 'WWW-Authenticate': ${CHALLENGE} } });`,
      ),
    },
    {
      name: 'typed context of any name in a router module, double quotes, no semicolons',
      code: `import type { Context, Next } from "koa"\nexport async function auth(context: Context, next: Next) {\n  if (!context.state.user) context.throw(401, "login required")\n  await next()\n}\n`,
      errors: [{ text: 'context.throw(401, "login required")' }],
      output: `import type { Context, Next } from "koa"\nexport async function auth(context: Context, next: Next) {\n  if (!context.state.user) context.throw(401, "login required", { headers: { "WWW-Authenticate": 'Bearer realm="api"' } })\n  await next()\n}\n`,
    },
    {
      name: 'middleware in a module that imports nothing',
      code: plainModule(`  if (!ctx.get('Authorization')) ctx.throw(401);\n  await next();`),
      fileName: 'auth.js',
      errors: [{ text: 'ctx.throw(401)' }],
      output: plainModule(`  if (!ctx.get('Authorization')) ctx.throw(401, { headers: { 'WWW-Authenticate': ${CHALLENGE} } });\n  await next();`),
    },
    {
      name: 'a Koa error handler answering 401 itself (the koa-jwt README)',
      code: mw(`  try {\n    await next();\n  } catch (err) {\n    if (err.status === 401) {\n      ctx.status = 401;\n      ctx.body = 'Protected resource';\n    } else {\n      throw err;\n    }\n  }`),
      errors: [{ text: 'ctx.status = 401' }],
      output: mw(`  try {\n    await next();\n  } catch (err) {\n    if (err.status === 401) {\n      ctx.status = 401;\n      ctx.set('WWW-Authenticate', ${CHALLENGE});\n      ctx.body = 'Protected resource';\n    } else {\n      throw err;\n    }\n  }`),
    },
  ],
});

ruleTester('challenge-lost', {
  valid: [
    // Set without a throw: sent
    mw(`  ctx.set('WWW-Authenticate', 'Bearer realm="api"');\n  ctx.status = 401;`),
    // Set after the throw would never run; set in another function; a throw on another path
    mw(`  if (!ctx.state.user) {\n    ctx.throw(401, { headers: { 'WWW-Authenticate': 'Bearer realm="api"' } });\n  }\n  ctx.set('WWW-Authenticate', 'Bearer realm="api"');`),
    mw(`  if (ctx.accepts('html')) {\n    ctx.set('WWW-Authenticate', 'Basic realm="api"');\n    ctx.status = 401;\n    return;\n  }\n  ctx.throw(401, { headers: { 'WWW-Authenticate': 'Bearer realm="api"' } });`),
  ],
  invalid: [
    {
      code: mw(`  ctx.set('WWW-Authenticate', 'Bearer realm="api"');\n  ctx.throw(401, 'missing token');`),
      errors: [{ text: `ctx.set('WWW-Authenticate', 'Bearer realm="api"')`, messageIncludes: 'koajs/koa#537' }],
      output: mw(`  ctx.throw(401, 'missing token', { headers: { 'WWW-Authenticate': 'Bearer realm="api"' } });`),
    },
    {
      code: mw(`  ctx.append('WWW-Authenticate', 'Bearer realm="api"');\n  ctx.throw(401);`),
      errors: [{ text: `ctx.append('WWW-Authenticate', 'Bearer realm="api"')` }],
      output: mw(`  ctx.throw(401, { headers: { 'WWW-Authenticate': 'Bearer realm="api"' } });`),
    },
    {
      name: 'ctx.response.set before ctx.assert',
      code: route(`  const user = await users.fromToken(ctx.get('Authorization'));\n  ctx.response.set('WWW-Authenticate', 'Bearer realm="api"');\n  ctx.assert(user, 401, 'login required');`),
      errors: [{ text: `ctx.response.set('WWW-Authenticate', 'Bearer realm="api"')` }],
      output: route(`  const user = await users.fromToken(ctx.get('Authorization'));\n  ctx.assert(user, 401, 'login required', { headers: { 'WWW-Authenticate': 'Bearer realm="api"' } });`),
    },
    {
      name: 'the object form cannot be moved by the fix',
      code: mw(`  ctx.set({ 'WWW-Authenticate': 'Bearer realm="api"' });\n  ctx.throw(401);`),
      errors: [{ text: `'WWW-Authenticate': 'Bearer realm="api"'` }],
      output: null,
      fixUnavailable: 'by hand',
    },
    {
      name: 'in a module that imports nothing',
      code: plainModule(`  ctx.set('WWW-Authenticate', 'Bearer realm="api"');\n  ctx.throw(401);`),
      fileName: 'auth.js',
      errors: [{ text: `ctx.set('WWW-Authenticate', 'Bearer realm="api"')` }],
      output: plainModule(`  ctx.throw(401, { headers: { 'WWW-Authenticate': 'Bearer realm="api"' } });`),
    },
  ],
});

ruleTester('unauthorized-for-permission', {
  valid: [mw(`  if (!ctx.state.user) ctx.throw(401, 'login required', { headers: { 'WWW-Authenticate': 'Bearer realm="api"' } });`)],
  invalid: [
    {
      code: mw(`  if (ctx.state.user.role !== 'admin') ctx.throw(401, 'Admins only', { headers: { 'WWW-Authenticate': 'Bearer realm="api"' } });`),
      errors: [{ text: `ctx.throw(401, 'Admins only', { headers: { 'WWW-Authenticate': 'Bearer realm="api"' } })`, messageIncludes: 'ctx.state.user.role' }],
      output: mw(`  if (ctx.state.user.role !== 'admin') ctx.throw(403, 'Admins only', { headers: { 'WWW-Authenticate': 'Bearer realm="api"' } });`),
    },
    {
      name: "ctx.assert's condition is its guard, on the false side",
      code: mw(`  ctx.assert(ctx.state.user.isAdmin, 401, 'admins only', { headers: { 'WWW-Authenticate': 'Bearer realm="api"' } });`),
      errors: [{ text: `ctx.assert(ctx.state.user.isAdmin, 401, 'admins only', { headers: { 'WWW-Authenticate': 'Bearer realm="api"' } })`, messageIncludes: 'the guard checks `ctx.state.user.isAdmin`' }],
      output: mw(`  ctx.assert(ctx.state.user.isAdmin, 403, 'admins only', { headers: { 'WWW-Authenticate': 'Bearer realm="api"' } });`),
    },
  ],
});

ruleTester('forbidden-for-missing-credentials', {
  valid: [route(`  ctx.assert(team.ownerId === ctx.state.user.id, 403, 'Only the owner can rename a team');`)],
  invalid: [
    {
      code: route(`  ctx.assert(token, 403, 'Missing token');`),
      errors: [{ text: `ctx.assert(token, 403, 'Missing token')` }],
      output: route(`  ctx.assert(token, 401, 'Missing token', { headers: { 'WWW-Authenticate': ${CHALLENGE} } });`),
    },
    {
      code: route(`  if (!ctx.get('Authorization')) {\n    ctx.status = 403;\n    return;\n  }`),
      errors: [{ text: 'ctx.status = 403' }],
      output: route(`  if (!ctx.get('Authorization')) {\n    ctx.status = 401;\n    ctx.set('WWW-Authenticate', ${CHALLENGE});\n    return;\n  }`),
    },
  ],
});

ruleTester('proxy-auth-from-origin', {
  valid: [`// http-auth-lint proxy\nimport Koa from 'koa';\nexport async function gate(ctx, next) {\n  ctx.set('Proxy-Authenticate', 'Basic realm="proxy"');\n  ctx.status = 407;\n}\n`],
  invalid: [
    {
      code: mw(`  ctx.status = 407;`),
      errors: [{ text: 'ctx.status = 407' }],
      output: mw(`  ctx.status = 401;\n  ctx.set('WWW-Authenticate', ${CHALLENGE});`),
    },
    {
      code: mw(`  ctx.throw(407, 'authentication required');`),
      errors: [{ text: `ctx.throw(407, 'authentication required')` }],
      output: mw(`  ctx.throw(401, 'authentication required', { headers: { 'WWW-Authenticate': ${CHALLENGE} } });`),
    },
  ],
});

ruleTester('invalid-challenge', {
  valid: [mw(`  ctx.throw(401, { headers: { 'WWW-Authenticate': 'Basic realm="api", charset="UTF-8"' } });`)],
  invalid: [
    {
      code: mw(`  ctx.set('WWW-Authenticate', 'Bearer');\n  ctx.status = 401;`),
      errors: [{ text: 'Bearer' }],
      output: mw(`  ctx.set('WWW-Authenticate', 'Bearer realm="api"');\n  ctx.status = 401;`),
    },
    {
      code: mw(`  ctx.throw(401, { headers: { 'WWW-Authenticate': 'Basic realm=api' } });`),
      errors: [{ text: 'api' }],
      output: mw(`  ctx.throw(401, { headers: { 'WWW-Authenticate': 'Basic realm="api"' } });`),
    },
  ],
});

describe('koaErrorResponseAt', () => {
  const throwIn = (code: string) => {
    const sourceFile = parse('handler.ts', code);
    let thrown: ts.Node | undefined;
    const visit = (node: ts.Node): void => {
      if (ts.isThrowStatement(node)) thrown = node.expression;
      ts.forEachChild(node, visit);
    };
    visit(sourceFile);
    return koaErrorResponseAt(thrown!);
  };

  it('gives the context of the middleware an error is thrown in, and why earlier headers are lost', () => {
    const response = throwIn(`import Koa from 'koa';\nexport async function auth(ctx, next) {\n  throw createError(401);\n}\n`);
    assert.equal(response?.receiverKey, 'ctx');
    assert.match(response?.dropsEarlierHeaders ?? '', /koajs\/koa#537/);
  });

  it('gives nothing outside Koa middleware', () => {
    assert.equal(throwIn(`export function auth(req, res, next) {\n  throw createError(401);\n}\n`), undefined);
  });
});
