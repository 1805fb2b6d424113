import { ruleTester } from '../rule-tester';

/** An Express middleware using http-errors, whose body is `body`. */
const middleware = (body: string, head = `import createError from 'http-errors';`) => `${head}
export function requireUser(req, res, next) {
${body}
}
`;

const koa = (body: string) => `import Koa from 'koa';
import createError from 'http-errors';
const app = new Koa();
app.use(async (ctx, next) => {
${body}
  await next();
});
`;
const fastify = (body: string) => `import Fastify from 'fastify';
import createError from 'http-errors';
const app = Fastify();
app.get('/me', async (request, reply) => {
${body}
});
`;

ruleTester('missing-www-authenticate', {
  valid: [
    // The headers property, in any case, after a message or alone
    middleware(`  if (!req.user) return next(createError(401, 'Please log in', { headers: { 'WWW-Authenticate': 'Bearer realm="api"' } }));\n  next();`),
    middleware(`  if (!req.user) throw createError(401, { headers: { 'www-authenticate': 'Bearer realm="api"' } });\n  next();`),
    // Properties that may hold the headers: silence rather than a guess
    middleware(`  if (!req.user) return next(createError(401, 'Please log in', authProperties));\n  next();`),
    middleware(`  if (!req.user) return next(createError(401, 'Please log in', { ...challenge }));\n  next();`),
    // Headers set on the error before it is thrown or passed on
    middleware(`  const err = createError(401, 'Please log in');\n  err.headers = { 'WWW-Authenticate': 'Bearer realm="api"' };\n  next(err);`),
    middleware(`  const err = new createError.Unauthorized('Please log in');\n  err.headers = { 'WWW-Authenticate': 'Bearer realm="api"' };\n  throw err;`),
    middleware(`  const err = createError(401);\n  err.headers['www-authenticate'] = 'Bearer realm="api"';\n  throw err;`),
    // Other statuses and other uses: an error that is never thrown or passed on, a status read
    middleware(`  if (!req.user.isAdmin) return next(createError(403, 'Admins only'));\n  next();`),
    middleware(`  const unauthorized = createError(401);\n  res.locals.error = unauthorized;\n  next();`),
    middleware(`  if (createError.isHttpError(req.error) && req.error.status === 401) return next(req.error);\n  next();`),
    `import createError from 'http-errors';\nimport assert from 'node:assert/strict';\nassert.deepEqual(await check(), createError(401));\n`,
    // Koa sends the error's headers; Fastify also keeps the headers set on the reply before the throw
    koa(`  if (!ctx.get('authorization')) throw createError(401, 'Log in', { headers: { 'WWW-Authenticate': 'Bearer realm="api"' } });`),
    fastify(`  reply.header('WWW-Authenticate', 'Bearer realm="api"');\n  throw createError(401, 'Log in');`),
    fastify(`  const err = createError(401, 'Log in');\n  err.headers = { 'www-authenticate': 'Bearer realm="api"' };\n  throw err;`),
    // The same names without the http-errors import are someone else's
    `import { createError } from './errors';\nexport function f(req, res, next) {\n  next(createError(401));\n}\n`,
    `const Unauthorized = require('./unauthorized');\nexport function f() {\n  throw new Unauthorized();\n}\n`,
  ],
  invalid: [
    {
      name: 'the headers property is added after the message',
      code: middleware(`  if (!req.user) return next(createError(401, 'Please log in'));\n  next();`),
      errors: [{ text: `createError(401, 'Please log in')` }],
      output: middleware(`  if (!req.user) return next(createError(401, 'Please log in', { headers: { 'www-authenticate': 'Bearer realm="api"' } }));\n  next();`),
    },
    {
      code: middleware(`  if (!req.user) throw createError(401);\n  next();`),
      errors: [{ text: 'createError(401)' }],
      output: middleware(`  if (!req.user) throw createError(401, { headers: { 'www-authenticate': 'Bearer realm="api"' } });\n  next();`),
    },
    {
      name: 'properties without headers get them',
      code: middleware(`  if (!req.user) throw createError(401, 'Please log in', { expose: true });\n  next();`),
      errors: [{ text: `createError(401, 'Please log in', { expose: true })` }],
      output: middleware(`  if (!req.user) throw createError(401, 'Please log in', { expose: true, headers: { 'www-authenticate': 'Bearer realm="api"' } });\n  next();`),
    },
    {
      name: 'headers without the challenge get it',
      code: middleware(`  if (!req.user) throw createError(401, 'Please log in', { headers: { 'Cache-Control': 'no-store' } });\n  next();`),
      errors: [{ text: `createError(401, 'Please log in', { headers: { 'Cache-Control': 'no-store' } })` }],
      output: middleware(`  if (!req.user) throw createError(401, 'Please log in', { headers: { 'Cache-Control': 'no-store', 'www-authenticate': 'Bearer realm="api"' } });\n  next();`),
    },
    {
      name: 'the constructor takes only a message: the factory builds the same error with headers',
      code: middleware(`  if (!req.user) throw new createError.Unauthorized('Please log in');\n  next();`),
      errors: [{ text: `new createError.Unauthorized('Please log in')` }],
      output: middleware(`  if (!req.user) throw createError(401, 'Please log in', { headers: { 'www-authenticate': 'Bearer realm="api"' } });\n  next();`),
    },
    {
      code: middleware(`  if (!req.user) return next(createError[401]());\n  next();`),
      errors: [{ text: 'createError[401]()' }],
      output: middleware(`  if (!req.user) return next(createError(401, { headers: { 'www-authenticate': 'Bearer realm="api"' } }));\n  next();`),
    },
    {
      name: 'a bound constructor: the headers property is set after it',
      code: middleware(`  const err = new createError.Unauthorized();\n  next(err);`),
      errors: [{ text: 'new createError.Unauthorized()' }],
      output: middleware(`  const err = new createError.Unauthorized();\n  err.headers = { 'www-authenticate': 'Bearer realm="api"' };\n  next(err);`),
    },
    {
      name: 'a named constructor without the factory imported',
      code: middleware(`  throw new Unauthorized('Please log in');`, `import { Unauthorized } from 'http-errors';`),
      errors: [{ text: `new Unauthorized('Please log in')` }],
      output: null,
      fixUnavailable: 'take only a message',
    },
    {
      name: 'a header set on one branch only',
      code: middleware(`  const err = createError(401, 'Please log in');\n  if (req.accepts('json')) err.headers = { 'WWW-Authenticate': 'Bearer realm="api"' };\n  throw err;`),
      errors: [{ text: `createError(401, 'Please log in')` }],
      output: middleware(`  const err = createError(401, 'Please log in', { headers: { 'www-authenticate': 'Bearer realm="api"' } });\n  if (req.accepts('json')) err.headers = { 'WWW-Authenticate': 'Bearer realm="api"' };\n  throw err;`),
    },
    {
      name: 'any import name: require, a namespace, StatusCodes',
      code: `const httpErrors = require('http-errors')\nconst { StatusCodes } = require('http-status-codes')\nmodule.exports = (req, res, next) => next(httpErrors(StatusCodes.UNAUTHORIZED, "Log in"))\n`,
      fileName: 'auth.js',
      errors: [{ text: 'httpErrors(StatusCodes.UNAUTHORIZED, "Log in")' }],
      output: `const httpErrors = require('http-errors')\nconst { StatusCodes } = require('http-status-codes')\nmodule.exports = (req, res, next) => next(httpErrors(StatusCodes.UNAUTHORIZED, "Log in", { headers: { 'www-authenticate': 'Bearer realm="api"' } }))\n`,
    },
    {
      code: `import * as HttpErrors from 'http-errors';\nexport async function auth(request) {\n  if (!request.headers.authorization) throw HttpErrors.Unauthorized();\n}\n`,
      errors: [{ text: 'HttpErrors.Unauthorized()' }],
      output: `import * as HttpErrors from 'http-errors';\nexport async function auth(request) {\n  if (!request.headers.authorization) throw HttpErrors(401, { headers: { 'www-authenticate': 'Bearer realm="api"' } });\n}\n`,
    },
    {
      code: fastify(`  if (!request.headers.authorization) throw createError(401, 'Log in');\n  return { ok: true };`),
      errors: [{ text: `createError(401, 'Log in')` }],
      output: fastify(`  if (!request.headers.authorization) throw createError(401, 'Log in', { headers: { 'www-authenticate': 'Bearer realm="api"' } });\n  return { ok: true };`),
    },
    {
      name: 'an Express file: http-errors sites beside the Express ones',
      code: `import express from 'express';\nimport createError from 'http-errors';\nconst app = express();\napp.get('/a', (req, res, next) => next(createError(401)));\napp.get('/b', (req, res) => res.status(401).end());\n`,
      errors: [{ text: 'createError(401)' }, { text: 'res.status(401)' }],
      output: `import express from 'express';\nimport createError from 'http-errors';\nconst app = express();\napp.get('/a', (req, res, next) => next(createError(401, { headers: { 'www-authenticate': 'Bearer realm="api"' } })));\napp.get('/b', (req, res) => res.status(401).set('WWW-Authenticate', 'Bearer realm="api"').end());\n`,
    },
  ],
});

ruleTester('unauthorized-for-permission', {
  valid: [middleware(`  if (!req.user) return next(createError(401, 'Please log in'));\n  next();`)],
  invalid: [
    {
      code: middleware(`  if (!req.user.roles.includes('admin')) return next(createError(401, 'Admins only'));\n  next();`),
      errors: [{ text: `createError(401, 'Admins only')` }],
      output: middleware(`  if (!req.user.roles.includes('admin')) return next(createError(403, 'Admins only'));\n  next();`),
    },
    {
      code: middleware(`  if (!req.user.isAdmin) throw new createError.Unauthorized('Admins only');\n  next();`),
      errors: [{ text: `new createError.Unauthorized('Admins only')` }],
      output: middleware(`  if (!req.user.isAdmin) throw new createError.Forbidden('Admins only');\n  next();`),
    },
    {
      code: middleware(`  if (!req.user.canWrite) throw new createError[401]();\n  next();`),
      errors: [{ text: 'new createError[401]()' }],
      output: middleware(`  if (!req.user.canWrite) throw new createError[403]();\n  next();`),
    },
    {
      name: 'a named constructor: Forbidden is added to the import',
      code: middleware(`  if (!req.user.isAdmin) throw new Unauthorized('Admins only');\n  next();`, `const { Unauthorized } = require('http-errors');`),
      fileName: 'auth.js',
      errors: [{ text: `new Unauthorized('Admins only')` }],
      output: middleware(`  if (!req.user.isAdmin) throw new Forbidden('Admins only');\n  next();`, `const { Unauthorized, Forbidden } = require('http-errors');`),
    },
  ],
});

ruleTester('forbidden-for-missing-credentials', {
  valid: [middleware(`  if (!req.user.isAdmin) return next(createError(403));\n  next();`)],
  invalid: [
    {
      code: middleware(`  if (!req.headers.authorization) return next(createError(403, 'Missing token'));\n  next();`),
      errors: [{ text: `createError(403, 'Missing token')` }],
      output: middleware(`  if (!req.headers.authorization) return next(createError(401, 'Missing token', { headers: { 'www-authenticate': 'Bearer realm="api"' } }));\n  next();`),
    },
    {
      name: 'a constructor takes no headers: the fix says how to write it',
      code: middleware(`  if (!req.user) throw new createError.Forbidden('Not logged in');\n  next();`),
      errors: [{ text: `new createError.Forbidden('Not logged in')` }],
      output: null,
      fixUnavailable: 'take only a message',
    },
  ],
});

ruleTester('challenge-lost', {
  valid: [koa(`  if (!ctx.get('authorization')) throw createError(401, { headers: { 'www-authenticate': 'Bearer realm="api"' } });`)],
  invalid: [
    {
      name: "Koa's onerror drops the ctx.set before an http-errors throw: the header moves into the error",
      code: koa(`  if (!ctx.get('authorization')) {\n    ctx.set('WWW-Authenticate', 'Bearer realm="api"');\n    throw createError(401, 'Log in');\n  }`),
      errors: [{ text: `ctx.set('WWW-Authenticate', 'Bearer realm="api"')` }],
      output: koa(`  if (!ctx.get('authorization')) {\n    throw createError(401, 'Log in', { headers: { 'www-authenticate': 'Bearer realm="api"' } });\n  }`),
    },
  ],
});

ruleTester('missing-proxy-authenticate', {
  valid: [`// http-auth-lint proxy\n${middleware(`  next(createError(407, { headers: { 'proxy-authenticate': 'Basic realm="proxy"' } }));`)}`],
  invalid: [
    {
      code: `// http-auth-lint proxy\n${middleware(`  next(createError(407));`)}`,
      errors: [{ text: 'createError(407)' }],
      output: `// http-auth-lint proxy\n${middleware(`  next(createError(407, { headers: { 'proxy-authenticate': 'Basic realm="proxy"' } }));`)}`,
    },
  ],
});
