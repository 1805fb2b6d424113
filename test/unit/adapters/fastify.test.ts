import { ruleTester } from '../rule-tester';

/** A Fastify route whose async handler body is `body`. */
const route = (body: string) => `import Fastify from 'fastify';
const app = Fastify();
app.get('/me', async (request, reply) => {
${body}
});
`;
/** The same route in a CommonJS plugin file that imports nothing. */
const plugin = (body: string) => `module.exports = async function routes(fastify) {
  fastify.get('/me', async (request, reply) => {
${body}
  });
};
`;
const CHALLENGE = `'Bearer realm="api"'`;

ruleTester('missing-www-authenticate', {
  valid: [
    // The challenge chained after or before the status, with either method, in any case
    route(`  return reply.code(401).header('WWW-Authenticate', 'Bearer realm="api"').send({ error: 'missing token' });`),
    route(`  return reply.header('www-authenticate', 'Bearer realm="api"').status(401).send();`),
    route(`  return reply\n    .code(401)\n    .header('WWW-authenticate', 'Basic realm="api"')\n    .send();`),
    // reply.headers() with an object, in an earlier statement; a const name and value
    route(`  reply.headers({ 'WWW-Authenticate': 'Bearer realm="api"', 'Cache-Control': 'no-store' });\n  return reply.status(401).send();`),
    `import Fastify from 'fastify';\nconst CHALLENGE = 'WWW-Authenticate';\nconst VALUE = 'Bearer realm="api"';\nexport async function handler(request, reply) {\n  reply.header(CHALLENGE, VALUE);\n  return reply.code(401).send();\n}\n`,
    // A later statement before the reply is sent; reply.statusCode
    route(`  reply.code(401);\n  reply.header('WWW-Authenticate', 'Bearer realm="api"');\n  return { error: 'missing token' };`),
    route(`  reply.statusCode = 401;\n  reply.header('WWW-Authenticate', 'Bearer realm="api"');\n  return { error: 'missing token' };`),
    // Both branches set it
    route(`  if (request.headers.accept === 'text/html') reply.header('WWW-Authenticate', 'Basic realm="api"');\n  else reply.header('WWW-Authenticate', 'Bearer realm="api"');\n  return reply.code(401).send();`),
    // reply.raw is the same response
    route(`  reply.raw.setHeader('WWW-Authenticate', 'Bearer realm="api"');\n  return reply.code(401).send();`),
    route(`  reply.header('WWW-Authenticate', 'Bearer realm="api"');\n  reply.raw.statusCode = 401;\n  reply.raw.end();`),
    route(`  reply.raw.writeHead(401, { 'WWW-Authenticate': 'Bearer realm="api"' });\n  reply.raw.end();`),
    // Aliases of the reply; a helper of the file that sets the challenge; a typed reply of any name
    route(`  const r = reply;\n  r.header('WWW-Authenticate', 'Bearer realm="api"');\n  return reply.code(401).send();`),
    `import Fastify, { FastifyReply } from 'fastify';\nfunction challenge(reply: FastifyReply) {\n  reply.header('WWW-Authenticate', 'Bearer realm="api"');\n}\nexport async function handler(request, reply: FastifyReply) {\n  challenge(reply);\n  return reply.code(401).send();\n}\n`,
    `import type { FastifyReply, FastifyRequest } from 'fastify';\nexport async function handler(req: FastifyRequest, res: FastifyReply) {\n  return res.code(401).header('WWW-Authenticate', 'Bearer realm="api"').send();\n}\n`,
    // Headers not known statically may hold the challenge
    route(`  reply.headers(authHeaders);\n  return reply.code(401).send();`),
    // Thrown errors carry their headers (fastify/lib/error-handler.js); headers set on the reply before stay
    route(`  const err = new Error('Token expired');\n  err.statusCode = 401;\n  err.headers = { 'www-authenticate': 'Bearer realm="api"' };\n  throw err;`),
    route(`  const err = new Error('Token expired');\n  err.status = 401;\n  err.headers = {};\n  err.headers['WWW-Authenticate'] = 'Bearer realm="api"';\n  return reply.send(err);`),
    route(`  reply.header('WWW-Authenticate', 'Bearer realm="api"');\n  const err = new Error('Token expired');\n  err.statusCode = 401;\n  throw err;`),
    route(`  throw Object.assign(new Error('Token expired'), { statusCode: 401, headers: { 'WWW-Authenticate': 'Bearer realm="api"' } });`),
    `import Fastify from 'fastify';\nconst app = Fastify();\napp.addHook('onRequest', (request, reply, done) => {\n  const err = new Error('Token required');\n  err.statusCode = 401;\n  err.headers = { 'WWW-Authenticate': 'Bearer realm="api"' };\n  done(err);\n});\n`,
    // @fastify/sensible: the challenge set on the reply before the helper, or in createError's properties
    route(`  return reply.header('WWW-Authenticate', 'Bearer realm="api"').unauthorized('Missing token');`),
    route(`  reply.header('WWW-Authenticate', 'Bearer realm="api"');\n  throw app.httpErrors.unauthorized('Missing token');`),
    route(`  throw app.httpErrors.createError(401, 'Missing token', { headers: { 'WWW-Authenticate': 'Bearer realm="api"' } });`),
    // @fastify/basic-auth with authenticate sends its challenge itself
    `import Fastify from 'fastify';\nimport basicAuth from '@fastify/basic-auth';\nconst app = Fastify();\napp.register(basicAuth, { validate, authenticate: true });\napp.register(basicAuth, { validate, authenticate: { realm: 'admin' } });\n`,
    `const fastifyBasicAuth = require('@fastify/basic-auth');\nmodule.exports = async (fastify) => {\n  const authenticate = { realm: 'Westeros' };\n  await fastify.register(fastifyBasicAuth, { validate, authenticate });\n  await fastify.register(fastifyBasicAuth, options);\n};\n`,
    // Other statuses
    route(`  return reply.code(403).send({ error: 'forbidden' });`),
    route(`  return reply.forbidden();`),
    // Decoys: comparisons, a status passed through, a body that mentions a status, an error never raised
    `import Fastify from 'fastify';\nconst app = Fastify();\napp.setErrorHandler((error, request, reply) => {\n  if (error.statusCode === 401 || reply.statusCode === 401) request.log.warn('auth failure');\n  switch (error.statusCode) {\n    case 401:\n      return reply.code(error.statusCode).send(error);\n  }\n  reply.send(error);\n});\n`,
    route(`  return reply.send({ statusCode: 401, error: 'Unauthorized' });`),
    route(`  const err = new Error('Token expired');\n  err.statusCode = 401;\n  request.log.error(err);\n  return reply.code(500).send();`),
    route(`  throw new Error('Unauthorized');`),
    // A client's response named reply, a reply built elsewhere, a test of an injected request
    `import Fastify from 'fastify';\nexport async function check(url) {\n  const reply = await fetch(url);\n  if (reply.status === 401) throw new Error('login');\n  const other = makeReply();\n  other.code(401);\n}\n`,
    `import Fastify from 'fastify';\nimport assert from 'node:assert';\nconst app = Fastify();\nconst response = await app.inject({ url: '/me' });\nassert.equal(response.statusCode, 401);\napp.assert(ok, 200);\n`,
    // A plugin file without an import: Express reads reply.status of a (request, reply) handler itself
    plugin(`    reply.header('WWW-Authenticate', 'Bearer realm="api"');\n    return reply.code(401).send();`),
    plugin(`    return reply.code(401).header('WWW-Authenticate', 'Bearer realm="api"').send();`),
    // Another framework's file
    `import Koa from 'koa';\nexport async function mw(ctx, reply) {\n  reply.code(401);\n}\n`,
  ],
  invalid: [
    {
      code: route(`  return reply.code(401).send({ error: 'missing token' });`),
      errors: [{ text: 'reply.code(401)' }],
      output: route(`  return reply.code(401).header('WWW-Authenticate', ${CHALLENGE}).send({ error: 'missing token' });`),
    },
    {
      code: route(`  return reply.status(401).send();`),
      errors: [{ text: 'reply.status(401)' }],
      output: route(`  return reply.status(401).header('WWW-Authenticate', ${CHALLENGE}).send();`),
    },
    {
      name: 'a chain over several lines: only the status call is underlined',
      code: route(`  return reply\n    .code(401)\n    .send();`),
      errors: [{ text: 'code(401)' }],
      output: route(`  return reply\n    .code(401).header('WWW-Authenticate', ${CHALLENGE})\n    .send();`),
    },
    {
      name: 'status values: http-status-codes, a const',
      code: `import Fastify from 'fastify';\nimport { StatusCodes } from 'http-status-codes';\nconst UNAUTHORIZED = 401;\nexport async function a(request, reply) {\n  return reply.code(StatusCodes.UNAUTHORIZED).send();\n}\nexport async function b(request, reply) {\n  return reply.code(UNAUTHORIZED).send();\n}\n`,
      errors: [{ text: 'reply.code(StatusCodes.UNAUTHORIZED)' }, { text: 'reply.code(UNAUTHORIZED)' }],
      output: `import Fastify from 'fastify';\nimport { StatusCodes } from 'http-status-codes';\nconst UNAUTHORIZED = 401;\nexport async function a(request, reply) {\n  return reply.code(StatusCodes.UNAUTHORIZED).header('WWW-Authenticate', ${CHALLENGE}).send();\n}\nexport async function b(request, reply) {\n  return reply.code(UNAUTHORIZED).header('WWW-Authenticate', ${CHALLENGE}).send();\n}\n`,
    },
    {
      name: 'reply.statusCode = 401: a header statement after it',
      code: route(`  reply.statusCode = 401;\n  return { error: 'missing token' };`),
      errors: [{ text: 'reply.statusCode = 401' }],
      output: route(`  reply.statusCode = 401;\n  reply.header('WWW-Authenticate', ${CHALLENGE});\n  return { error: 'missing token' };`),
    },
    {
      name: "node's response under reply.raw",
      code: route(`  reply.raw.statusCode = 401;\n  reply.raw.end();`),
      errors: [{ text: 'reply.raw.statusCode = 401' }],
      output: route(`  reply.raw.statusCode = 401;\n  reply.raw.setHeader('WWW-Authenticate', ${CHALLENGE});\n  reply.raw.end();`),
    },
    {
      code: route(`  reply.raw.writeHead(401, { 'Content-Type': 'text/plain' });\n  reply.raw.end('log in');`),
      errors: [{ text: 'reply.raw.writeHead(401' }],
      output: route(`  reply.raw.writeHead(401, { 'Content-Type': 'text/plain', 'WWW-Authenticate': ${CHALLENGE} });\n  reply.raw.end('log in');`),
    },
    {
      name: 'the challenge is set on one branch only',
      code: route(`  if (request.headers.accept === 'text/html') {\n    reply.header('WWW-Authenticate', 'Basic realm="api"');\n  }\n  return reply.code(401).send('login required');`),
      errors: [{ text: 'reply.code(401)' }],
      output: route(`  if (request.headers.accept === 'text/html') {\n    reply.header('WWW-Authenticate', 'Basic realm="api"');\n  }\n  return reply.code(401).header('WWW-Authenticate', ${CHALLENGE}).send('login required');`),
    },
    {
      name: 'a header on another reply does not count',
      code: `import Fastify from 'fastify';\nexport async function a(request, reply) {\n  reply.header('WWW-Authenticate', 'Bearer realm="api"');\n}\nexport async function b(request, reply) {\n  return reply.code(401).send();\n}\n`,
      errors: [{ text: 'reply.code(401)' }],
      output: `import Fastify from 'fastify';\nexport async function a(request, reply) {\n  reply.header('WWW-Authenticate', 'Bearer realm="api"');\n}\nexport async function b(request, reply) {\n  return reply.code(401).header('WWW-Authenticate', ${CHALLENGE}).send();\n}\n`,
    },
    {
      name: 'CommonJS, double quotes, no semicolons',
      code: `const fastify = require("fastify")()\nfastify.get("/me", async (request, reply) => {\n  reply.code(401).send("log in")\n})\n`,
      fileName: 'server.js',
      errors: [{ text: 'reply.code(401)' }],
      output: `const fastify = require("fastify")()\nfastify.get("/me", async (request, reply) => {\n  reply.code(401).header("WWW-Authenticate", 'Bearer realm="api"').send("log in")\n})\n`,
    },
    {
      name: 'a plugin file without an import: reply.code of a handler',
      code: plugin(`    return reply.code(401).send();`),
      fileName: 'routes.js',
      errors: [{ text: 'reply.code(401)' }],
      output: plugin(`    return reply.code(401).header('WWW-Authenticate', ${CHALLENGE}).send();`),
    },
    {
      name: 'a hook and the error handler',
      code: `import Fastify from 'fastify';\nconst app = Fastify();\napp.addHook('preHandler', async (request, reply) => {\n  if (!request.user) reply.code(401).send();\n});\napp.setErrorHandler((error, request, reply) => {\n  reply.status(401).send({ error: error.message });\n});\n`,
      errors: [{ text: 'reply.code(401)' }, { text: 'reply.status(401)' }],
      output: `import Fastify from 'fastify';\nconst app = Fastify();\napp.addHook('preHandler', async (request, reply) => {\n  if (!request.user) reply.code(401).header('WWW-Authenticate', ${CHALLENGE}).send();\n});\napp.setErrorHandler((error, request, reply) => {\n  reply.status(401).header('WWW-Authenticate', ${CHALLENGE}).send({ error: error.message });\n});\n`,
    },
    // Thrown errors: the header goes into err.headers
    {
      code: route(`  const err = new Error('Token expired');\n  err.statusCode = 401;\n  throw err;`),
      errors: [{ text: 'err.statusCode = 401' }],
      output: route(`  const err = new Error('Token expired');\n  err.statusCode = 401;\n  err.headers = { 'WWW-Authenticate': ${CHALLENGE} };\n  throw err;`),
    },
    {
      name: 'an error thrown from a hook without a reply, with its headers object already there',
      code: `import Fastify from 'fastify';\nconst app = Fastify();\napp.addHook('onRequest', async (request) => {\n  const err = new Error('Token required');\n  err.headers = { 'Cache-Control': 'no-store' };\n  err.status = 401;\n  throw err;\n});\n`,
      errors: [{ text: 'err.status = 401' }],
      output: `import Fastify from 'fastify';\nconst app = Fastify();\napp.addHook('onRequest', async (request) => {\n  const err = new Error('Token required');\n  err.headers = { 'Cache-Control': 'no-store', 'WWW-Authenticate': ${CHALLENGE} };\n  err.status = 401;\n  throw err;\n});\n`,
    },
    {
      name: 'an error sent with reply.send',
      code: route(`  const err = new Error('Token expired');\n  err.statusCode = 401;\n  return reply.send(err);`),
      errors: [{ text: 'err.statusCode = 401' }],
      output: route(`  const err = new Error('Token expired');\n  err.statusCode = 401;\n  err.headers = { 'WWW-Authenticate': ${CHALLENGE} };\n  return reply.send(err);`),
    },
    {
      code: route(`  throw Object.assign(new Error('Token expired'), { statusCode: 401 });`),
      errors: [{ text: `Object.assign(new Error('Token expired'), { statusCode: 401 })` }],
      output: route(`  throw Object.assign(new Error('Token expired'), { statusCode: 401, headers: { 'WWW-Authenticate': ${CHALLENGE} } });`),
    },
    // @fastify/sensible
    {
      code: route(`  return reply.unauthorized('Missing token');`),
      errors: [{ text: `reply.unauthorized('Missing token')` }],
      output: route(`  return reply.header('WWW-Authenticate', ${CHALLENGE}).unauthorized('Missing token');`),
    },
    {
      code: route(`  return reply.getHttpError(401, 'Missing token');`),
      errors: [{ text: `reply.getHttpError(401, 'Missing token')` }],
      output: route(`  return reply.header('WWW-Authenticate', ${CHALLENGE}).getHttpError(401, 'Missing token');`),
    },
    {
      name: 'httpErrors.unauthorized thrown in a handler: the header is set on the reply first',
      code: route(`  throw app.httpErrors.unauthorized('Missing token');`),
      errors: [{ text: `app.httpErrors.unauthorized('Missing token')` }],
      output: route(`  reply.header('WWW-Authenticate', ${CHALLENGE});\n  throw app.httpErrors.unauthorized('Missing token');`),
    },
    {
      code: route(`  return reply.send(this.httpErrors.unauthorized());`),
      errors: [{ text: 'this.httpErrors.unauthorized()' }],
      output: route(`  return reply.header('WWW-Authenticate', ${CHALLENGE}).send(this.httpErrors.unauthorized());`),
    },
    {
      code: route(`  throw app.httpErrors.createError(401, 'Missing token');`),
      errors: [{ text: `app.httpErrors.createError(401, 'Missing token')` }],
      output: route(`  throw app.httpErrors.createError(401, 'Missing token', { headers: { 'WWW-Authenticate': ${CHALLENGE} } });`),
    },
    {
      name: 'httpErrors.unauthorized in a hook without a reply cannot carry a header',
      code: `import Fastify from 'fastify';\nimport { httpErrors } from '@fastify/sensible';\nconst app = Fastify();\napp.addHook('onRequest', async (request) => {\n  if (!request.headers.authorization) throw httpErrors.unauthorized();\n});\n`,
      errors: [{ text: 'httpErrors.unauthorized()' }],
      output: null,
      fixUnavailable: 'takes no headers',
    },
    {
      code: route(`  app.assert(request.user, 401, 'login required');`),
      errors: [{ text: `app.assert(request.user, 401, 'login required')` }],
      output: null,
      fixUnavailable: 'fastify.assert() throws an error without headers',
    },
    // @fastify/basic-auth without authenticate answers 401 without a challenge
    {
      code: `import Fastify from 'fastify';\nimport basicAuth from '@fastify/basic-auth';\nconst app = Fastify();\napp.register(basicAuth, { validate });\n`,
      errors: [{ text: 'app.register(basicAuth, { validate })' }],
      output: `import Fastify from 'fastify';\nimport basicAuth from '@fastify/basic-auth';\nconst app = Fastify();\napp.register(basicAuth, { validate, authenticate: { realm: 'api' } });\n`,
    },
    {
      name: 'authenticate: false, the plugin required inline',
      code: `module.exports = async (fastify) => {\n  await fastify.register(require('@fastify/basic-auth'), {\n    validate,\n    authenticate: false,\n  });\n};\n`,
      fileName: 'auth.js',
      errors: [{ text: `fastify.register(require('@fastify/basic-auth')` }],
      output: `module.exports = async (fastify) => {\n  await fastify.register(require('@fastify/basic-auth'), {\n    validate,\n    authenticate: { realm: 'api' },\n  });\n};\n`,
    },
    {
      name: 'options in a const; a challenge without a realm gives authenticate: true',
      code: `import Fastify from 'fastify';\nimport { fastifyBasicAuth } from '@fastify/basic-auth';\nconst app = Fastify();\nconst options = { validate };\napp.register(fastifyBasicAuth, options);\n`,
      settings: { defaultChallenge: 'Basic' },
      errors: [{ text: 'app.register(fastifyBasicAuth, options)' }],
      output: `import Fastify from 'fastify';\nimport { fastifyBasicAuth } from '@fastify/basic-auth';\nconst app = Fastify();\nconst options = { validate, authenticate: true };\napp.register(fastifyBasicAuth, options);\n`,
    },
  ],
});

ruleTester('unauthorized-for-permission', {
  valid: [
    route(`  if (!request.user) return reply.code(401).header('WWW-Authenticate', 'Bearer realm="api"').send();`),
    route(`  if (!request.user.roles.includes('admin')) return reply.code(403).send({ error: 'admins only' });`),
  ],
  invalid: [
    {
      code: route(`  if (!request.user.roles.includes('admin')) return reply.code(401).header('WWW-Authenticate', 'Bearer realm="api"').send();`),
      errors: [{ text: 'reply.code(401)', messageIncludes: 'request.user.roles' }],
      output: route(`  if (!request.user.roles.includes('admin')) return reply.code(403).header('WWW-Authenticate', 'Bearer realm="api"').send();`),
    },
    {
      code: route(`  return reply.header('WWW-Authenticate', 'Bearer realm="api"').unauthorized('Admins only');`),
      errors: [{ text: `unauthorized('Admins only')`, messageIncludes: 'Admins only' }],
      output: route(`  return reply.header('WWW-Authenticate', 'Bearer realm="api"').forbidden('Admins only');`),
    },
    {
      code: route(`  if (note.authorId !== request.user.id) throw app.httpErrors.createError(401, 'You can only edit your own notes', { headers: { 'WWW-Authenticate': 'Bearer realm="api"' } });`),
      errors: [{ text: `app.httpErrors.createError(401, 'You can only edit your own notes', { headers: { 'WWW-Authenticate': 'Bearer realm="api"' } })`, messageIncludes: 'note.authorId' }],
      output: route(`  if (note.authorId !== request.user.id) throw app.httpErrors.createError(403, 'You can only edit your own notes', { headers: { 'WWW-Authenticate': 'Bearer realm="api"' } });`),
    },
  ],
});

ruleTester('forbidden-for-missing-credentials', {
  valid: [route(`  if (!request.user.isOwner) return reply.forbidden('Only the owner can see payouts');`)],
  invalid: [
    {
      code: route(`  if (!request.headers['x-api-key']) return reply.code(403).send({ message: 'Missing API key' });`),
      errors: [{ text: 'reply.code(403)' }],
      output: route(`  if (!request.headers['x-api-key']) return reply.code(401).header('WWW-Authenticate', ${CHALLENGE}).send({ message: 'Missing API key' });`),
    },
    {
      code: route(`  return reply.forbidden('Invalid token');`),
      errors: [{ text: `reply.forbidden('Invalid token')` }],
      output: route(`  return reply.header('WWW-Authenticate', ${CHALLENGE}).unauthorized('Invalid token');`),
    },
  ],
});

ruleTester('proxy-auth-from-origin', {
  valid: [
    `import Fastify from 'fastify';\nimport proxy from '@fastify/http-proxy';\nconst app = Fastify();\napp.register(proxy, { upstream: 'http://origin' });\napp.addHook('onRequest', async (request, reply) => {\n  if (!request.headers['proxy-authorization']) return reply.code(407).header('Proxy-Authenticate', 'Basic realm="proxy"').send();\n});\n`,
  ],
  invalid: [
    {
      code: route(`  return reply.code(407).send({ error: 'authentication required' });`),
      errors: [{ text: 'reply.code(407)' }],
      output: route(`  return reply.code(401).header('WWW-Authenticate', ${CHALLENGE}).send({ error: 'authentication required' });`),
    },
    {
      code: route(`  return reply.proxyAuthenticationRequired();`),
      errors: [{ text: 'reply.proxyAuthenticationRequired()' }],
      output: route(`  return reply.header('WWW-Authenticate', ${CHALLENGE}).unauthorized();`),
    },
  ],
});

ruleTester('missing-proxy-authenticate', {
  valid: [],
  invalid: [
    {
      code: `// http-auth-lint proxy\nimport Fastify from 'fastify';\nconst app = Fastify();\napp.addHook('onRequest', async (request, reply) => {\n  return reply.code(407).send();\n});\n`,
      errors: [{ text: 'reply.code(407)' }],
      output: `// http-auth-lint proxy\nimport Fastify from 'fastify';\nconst app = Fastify();\napp.addHook('onRequest', async (request, reply) => {\n  return reply.code(407).header('Proxy-Authenticate', 'Basic realm="proxy"').send();\n});\n`,
    },
  ],
});

ruleTester('invalid-challenge', {
  valid: [route(`  return reply.code(401).header('WWW-Authenticate', 'Basic realm="api", charset="UTF-8"').send();`)],
  invalid: [
    {
      code: route(`  reply.header('WWW-Authenticate', 'Bearer');\n  return reply.code(401).send();`),
      errors: [{ text: 'Bearer' }],
      output: route(`  reply.header('WWW-Authenticate', 'Bearer realm="api"');\n  return reply.code(401).send();`),
    },
    {
      name: 'a thrown error with headers',
      code: route(`  throw Object.assign(new Error('x'), { statusCode: 401, headers: { 'WWW-Authenticate': 'Basic' } });`),
      errors: [{ text: 'Basic' }],
      output: route(`  throw Object.assign(new Error('x'), { statusCode: 401, headers: { 'WWW-Authenticate': 'Basic realm="api"' } });`),
    },
  ],
});
