import { ruleTester } from '../rule-tester';

/** A hapi route whose handler body is `body`. */
const route = (body: string) => `import Hapi from '@hapi/hapi';
import Boom from '@hapi/boom';
const server = Hapi.server();
server.route({
  method: 'GET',
  path: '/me',
  handler: async (request, h) => {
${body}
  },
});
`;

ruleTester('missing-www-authenticate', {
  valid: [
    // The challenge chained on the response, after or before the code, in any case
    route(`    return h.response({ error: 'missing token' }).code(401).header('WWW-Authenticate', 'Bearer realm="api"');`),
    route(`    return h.response({ error: 'missing token' }).header('www-authenticate', 'Bearer realm="api"').code(401);`),
    route(`    return h\n      .response({ error: 'missing token' })\n      .code(401)\n      .header('WWW-authenticate', 'Bearer realm="api"')\n      .takeover();`),
    // A response bound to a variable
    route(`    const response = h.response({ error: 'missing token' });\n    response.header('WWW-Authenticate', 'Bearer realm="api"');\n    response.code(401);\n    return response;`),
    route(`    const response = h.response({ error: 'missing token' }).code(401);\n    response.header('WWW-Authenticate', 'Bearer realm="api"');\n    return response;`),
    // Boom.unauthorized with a scheme writes the challenge itself
    route(`    throw Boom.unauthorized('Invalid token', 'Bearer');`),
    route(`    throw Boom.unauthorized(null, 'Bearer', { realm: 'api' });`),
    route(`    return Boom.unauthorized('Login required', ['Basic realm="api"', 'Bearer realm="api"']);`),
    route(`    const scheme = request.route.settings.plugins.scheme;\n    throw Boom.unauthorized('Login required', scheme);`),
    // The header written on the Boom output
    route(`    const err = Boom.unauthorized('Token expired');\n    err.output.headers['WWW-Authenticate'] = 'Bearer realm="api", error="invalid_token"';\n    throw err;`),
    route(`    const err = new Boom.Boom('Token expired', { statusCode: 401 });\n    err.output.headers = { 'www-authenticate': 'Bearer realm="api"' };\n    return err;`),
    // Named imports and CommonJS
    `import { unauthorized } from '@hapi/boom';\nexport const handler = () => {\n  throw unauthorized('Invalid token', 'Bearer');\n};\n`,
    `const Boom = require('@hapi/boom');\nmodule.exports = { handler() { throw Boom.unauthorized('Invalid token', 'Bearer'); } };\n`,
    // Other statuses
    route(`    throw Boom.forbidden('Insufficient scope');`),
    route(`    return h.response().code(204);`),
    // Decoys: comparisons of a Boom's status, a status table, an assertion in a test
    `import Boom from '@hapi/boom';\nexport function onPreResponse(request, h) {\n  const response = request.response;\n  if (response.isBoom && response.output.statusCode === 401) {\n    return h.continue;\n  }\n  return h.continue;\n}\n`,
    `import Boom from '@hapi/boom';\nconst messages = { 401: 'Unauthorized', 403: 'Forbidden' };\nexport const isAuthError = (err) => Boom.isBoom(err, 401);\n`,
    `import Boom from '@hapi/boom';\nimport { expect } from '@hapi/code';\nexpect(await handler()).to.equal(Boom.unauthorized('Missing token'));\nexpect(result).toEqual(Boom.unauthorized());\n`,
    // An object named Boom that is not Boom; a toolkit that is not a handler parameter
    `import Hapi from '@hapi/hapi';\nconst Boom = { unauthorized: (m) => new Error(m) };\nexport const handler = () => { throw Boom.unauthorized('x'); };\n`,
    `import Hapi from '@hapi/hapi';\nexport function render(view) {\n  const h = createToolkit();\n  return h.response(view).code(401);\n}\n`,
    // A route module that imports no framework is left to the adapters that read such files
    `module.exports = { method: 'GET', path: '/', handler: (request, h) => h.response('login').code(401) };\n`,
    // Another framework's reply
    `import Fastify from 'fastify';\nconst app = Fastify();\napp.get('/', async (request, reply) => reply.code(200).send());\n`,
  ],
  invalid: [
    {
      code: route(`    return h.response({ error: 'missing token' }).code(401);`),
      errors: [{ text: `h.response({ error: 'missing token' }).code(401)` }],
      output: route(`    return h.response({ error: 'missing token' }).code(401).header('WWW-Authenticate', 'Bearer realm="api"');`),
    },
    {
      name: 'a chain over several lines: only code() is underlined',
      code: route(`    return h\n      .response({ error: 'missing token' })\n      .code(401)\n      .takeover();`),
      errors: [{ text: 'code(401)' }],
      output: route(`    return h\n      .response({ error: 'missing token' })\n      .code(401).header('WWW-Authenticate', 'Bearer realm="api"')\n      .takeover();`),
    },
    {
      code: `import Hapi from '@hapi/hapi';\nimport { StatusCodes } from 'http-status-codes';\nexport const handler = (request: Hapi.Request, toolkit: Hapi.ResponseToolkit) =>\n  toolkit.response('log in').code(StatusCodes.UNAUTHORIZED);\n`,
      errors: [{ text: `toolkit.response('log in').code(StatusCodes.UNAUTHORIZED)` }],
      output: `import Hapi from '@hapi/hapi';\nimport { StatusCodes } from 'http-status-codes';\nexport const handler = (request: Hapi.Request, toolkit: Hapi.ResponseToolkit) =>\n  toolkit.response('log in').code(StatusCodes.UNAUTHORIZED).header('WWW-Authenticate', 'Bearer realm="api"');\n`,
    },
    {
      code: route(`    const response = h.response({ error: 'missing token' });\n    response.code(401);\n    return response;`),
      errors: [{ text: 'response.code(401)' }],
      output: route(`    const response = h.response({ error: 'missing token' });\n    response.code(401).header('WWW-Authenticate', 'Bearer realm="api"');\n    return response;`),
    },
    {
      name: 'the header on one branch only',
      code: route(`    const response = h.response({ error: 'missing token' });\n    if (request.headers.accept === 'application/json') response.header('WWW-Authenticate', 'Bearer realm="api"');\n    return response.code(401);`),
      errors: [{ text: 'response.code(401)' }],
      output: route(`    const response = h.response({ error: 'missing token' });\n    if (request.headers.accept === 'application/json') response.header('WWW-Authenticate', 'Bearer realm="api"');\n    return response.code(401).header('WWW-Authenticate', 'Bearer realm="api"');`),
    },
    {
      name: 'Boom.unauthorized without a scheme: the scheme and its attributes are passed',
      code: route(`    throw Boom.unauthorized('Missing token');`),
      errors: [{ text: `Boom.unauthorized('Missing token')` }],
      output: route(`    throw Boom.unauthorized('Missing token', 'Bearer', { realm: 'api' });`),
    },
    {
      code: route(`    return Boom.unauthorized();`),
      errors: [{ text: 'Boom.unauthorized()' }],
      output: route(`    return Boom.unauthorized(null, 'Bearer', { realm: 'api' });`),
    },
    {
      name: 'a configured Basic challenge',
      code: route(`    throw Boom.unauthorized('Log in');`),
      settings: { defaultChallenge: 'Basic realm="admin", charset="UTF-8"' },
      errors: [{ text: `Boom.unauthorized('Log in')` }],
      output: route(`    throw Boom.unauthorized('Log in', 'Basic', { realm: 'admin', charset: 'UTF-8' });`),
    },
    {
      name: 'several configured challenges: Boom array form',
      code: route(`    throw Boom.unauthorized('Log in');`),
      settings: { defaultChallenge: 'Bearer realm="api", Basic realm="api"' },
      errors: [{ text: `Boom.unauthorized('Log in')` }],
      output: route(`    throw Boom.unauthorized('Log in', ['Bearer realm="api", Basic realm="api"']);`),
    },
    {
      name: 'the Boom output header on one branch only',
      code: route(`    const err = Boom.unauthorized('Token expired');\n    if (request.query.verbose) {\n      err.output.headers['WWW-Authenticate'] = 'Bearer realm="api"';\n    }\n    throw err;`),
      errors: [{ text: `Boom.unauthorized('Token expired')` }],
      output: route(`    const err = Boom.unauthorized('Token expired', 'Bearer', { realm: 'api' });\n    if (request.query.verbose) {\n      err.output.headers['WWW-Authenticate'] = 'Bearer realm="api"';\n    }\n    throw err;`),
    },
    {
      name: 'new Boom.Boom bound to a variable: the header goes into its output',
      code: route(`    const err = new Boom.Boom('Missing token', { statusCode: 401 });\n    throw err;`),
      errors: [{ text: `new Boom.Boom('Missing token', { statusCode: 401 })` }],
      output: route(`    const err = new Boom.Boom('Missing token', { statusCode: 401 });\n    err.output.headers['WWW-Authenticate'] = 'Bearer realm="api"';\n    throw err;`),
    },
    {
      code: route(`    throw new Boom.Boom('Missing token', { statusCode: 401 });`),
      errors: [{ text: `new Boom.Boom('Missing token', { statusCode: 401 })` }],
      output: null,
      fixUnavailable: 'error.output.headers',
    },
    {
      code: route(`    try {\n      return await verify(request);\n    } catch (error) {\n      throw Boom.boomify(error, { statusCode: 401 });\n    }`),
      errors: [{ text: 'Boom.boomify(error, { statusCode: 401 })' }],
      output: null,
      fixUnavailable: 'bind it to a variable',
    },
    {
      name: 'a named import',
      code: `import { unauthorized } from '@hapi/boom';\nexport const handler = () => {\n  throw unauthorized('Missing token');\n};\n`,
      errors: [{ text: `unauthorized('Missing token')` }],
      output: `import { unauthorized } from '@hapi/boom';\nexport const handler = () => {\n  throw unauthorized('Missing token', 'Bearer', { realm: 'api' });\n};\n`,
    },
    {
      name: 'CommonJS, double quotes, no semicolons',
      code: `const Boom = require("@hapi/boom")\nmodule.exports = {\n  handler(request, h) {\n    if (!request.auth.credentials) throw Boom.unauthorized("Missing token")\n    return h.response("log in").code(401)\n  },\n}\n`,
      fileName: 'routes.js',
      errors: [{ text: 'Boom.unauthorized("Missing token")' }, { text: 'h.response("log in").code(401)' }],
      output: `const Boom = require("@hapi/boom")\nmodule.exports = {\n  handler(request, h) {\n    if (!request.auth.credentials) throw Boom.unauthorized("Missing token", "Bearer", { realm: "api" })\n    return h.response("log in").code(401).header("WWW-Authenticate", 'Bearer realm="api"')\n  },\n}\n`,
    },
    {
      name: 'a multi-line Boom call is underlined on its first line',
      code: route(`    throw Boom.unauthorized(\n      'Missing token',\n    );`),
      errors: [{ text: 'Boom.unauthorized' }],
      output: route(`    throw Boom.unauthorized(\n      'Missing token', 'Bearer', { realm: 'api' },\n    );`),
    },
  ],
});

ruleTester('unauthorized-for-permission', {
  valid: [
    route(`    if (!request.auth.credentials) throw Boom.unauthorized('Missing token', 'Bearer');`),
    route(`    if (!request.auth.credentials.scope.includes('admin')) throw Boom.forbidden('Admins only');`),
  ],
  invalid: [
    {
      name: 'the scheme is dropped: Boom.forbidden takes none',
      code: route(`    const session = request.auth.credentials;\n    if (recipe.authorId !== session.userId) {\n      throw Boom.unauthorized('You can only edit your own recipes', 'Bearer', { realm: 'api' });\n    }`),
      errors: [{ text: `Boom.unauthorized('You can only edit your own recipes', 'Bearer', { realm: 'api' })`, messageIncludes: 'recipe.authorId' }],
      output: route(`    const session = request.auth.credentials;\n    if (recipe.authorId !== session.userId) {\n      throw Boom.forbidden('You can only edit your own recipes');\n    }`),
    },
    {
      code: route(`    if (!request.auth.credentials.isAdmin) {\n      return h.response({ error: 'admins only' }).code(401).header('WWW-Authenticate', 'Bearer realm="api"');\n    }`),
      errors: [{ text: `h.response({ error: 'admins only' }).code(401)` }],
      output: route(`    if (!request.auth.credentials.isAdmin) {\n      return h.response({ error: 'admins only' }).code(403).header('WWW-Authenticate', 'Bearer realm="api"');\n    }`),
    },
    {
      name: 'a named import: forbidden is added to it',
      code: `import { unauthorized } from '@hapi/boom';\nexport const handler = (request) => {\n  if (!request.auth.credentials.scope.includes('refunds')) throw unauthorized('Insufficient scope', 'Bearer');\n};\n`,
      errors: [{ text: `unauthorized('Insufficient scope', 'Bearer')` }],
      output: `import { unauthorized, forbidden } from '@hapi/boom';\nexport const handler = (request) => {\n  if (!request.auth.credentials.scope.includes('refunds')) throw forbidden('Insufficient scope');\n};\n`,
    },
    {
      code: route(`    const user = request.auth.credentials;\n    if (!user.canDelete) throw new Boom.Boom('Not allowed', { statusCode: 401 });`),
      errors: [{ text: `new Boom.Boom('Not allowed', { statusCode: 401 })` }],
      output: route(`    const user = request.auth.credentials;\n    if (!user.canDelete) throw new Boom.Boom('Not allowed', { statusCode: 403 });`),
    },
  ],
});

ruleTester('forbidden-for-missing-credentials', {
  valid: [route(`    if (!session.scopes.includes('recipes:delete')) throw Boom.forbidden('Insufficient scope');`)],
  invalid: [
    {
      name: 'Boom.forbidden -> Boom.unauthorized with the scheme',
      code: route(`    if (!session) {\n      throw Boom.forbidden('Missing authentication');\n    }`),
      errors: [{ text: `Boom.forbidden('Missing authentication')`, messageIncludes: '!session' }],
      output: route(`    if (!session) {\n      throw Boom.unauthorized('Missing authentication', 'Bearer', { realm: 'api' });\n    }`),
    },
    {
      name: 'Boom.unauthorized takes no data',
      code: route(`    if (!token) throw Boom.forbidden('Missing token', { path: request.path });`),
      errors: [{ text: `Boom.forbidden('Missing token', { path: request.path })` }],
      output: null,
      fixUnavailable: 'no data argument',
    },
    {
      code: route(`    if (!request.headers.authorization) return h.response('log in').code(403);`),
      errors: [{ text: `h.response('log in').code(403)` }],
      output: route(`    if (!request.headers.authorization) return h.response('log in').code(401).header('WWW-Authenticate', 'Bearer realm="api"');`),
    },
  ],
});

ruleTester('proxy-auth-from-origin', {
  valid: [`// http-auth-lint proxy\nimport Boom from '@hapi/boom';\nexport const handler = () => {\n  throw Boom.proxyAuthRequired('Proxy login');\n};\n`],
  invalid: [
    {
      code: route(`    return h.response('authentication required').code(407);`),
      errors: [{ text: `h.response('authentication required').code(407)` }],
      output: route(`    return h.response('authentication required').code(401).header('WWW-Authenticate', 'Bearer realm="api"');`),
    },
    {
      code: route(`    throw Boom.proxyAuthRequired('Log in');`),
      errors: [{ text: `Boom.proxyAuthRequired('Log in')` }],
      output: route(`    throw Boom.unauthorized('Log in', 'Bearer', { realm: 'api' });`),
    },
  ],
});

ruleTester('invalid-challenge', {
  valid: [route(`    throw Boom.unauthorized('Invalid token', 'Bearer');`)],
  invalid: [
    {
      name: 'Boom.unauthorized with a bare Bearer scheme and no message sends just "Bearer"',
      code: route(`    throw Boom.unauthorized(null, 'Bearer');`),
      errors: [{ text: 'Bearer' }],
      output: route(`    throw Boom.unauthorized(null, 'Bearer realm="api"');`),
    },
    {
      code: route(`    return h.response().code(401).header('WWW-Authenticate', 'Basic');`),
      errors: [{ text: 'Basic', occurrence: 0 }],
      output: route(`    return h.response().code(401).header('WWW-Authenticate', 'Basic realm="api"');`),
    },
  ],
});

const proxyRoute = (body: string) => `// http-auth-lint proxy\n${route(body)}`;

ruleTester('missing-proxy-authenticate', {
  valid: [proxyRoute(`    return h.response('proxy login').code(407).header('Proxy-Authenticate', 'Basic realm="proxy"');`)],
  invalid: [
    {
      code: proxyRoute(`    return h.response('proxy login').code(407);`),
      errors: [{ text: `h.response('proxy login').code(407)` }],
      output: proxyRoute(`    return h.response('proxy login').code(407).header('Proxy-Authenticate', 'Basic realm="proxy"');`),
    },
    {
      name: 'a bound Boom error: the header goes into its output',
      code: proxyRoute(`    const err = Boom.proxyAuthRequired('Proxy login');\n    throw err;`),
      errors: [{ text: `Boom.proxyAuthRequired('Proxy login')` }],
      output: proxyRoute(`    const err = Boom.proxyAuthRequired('Proxy login');\n    err.output.headers['Proxy-Authenticate'] = 'Basic realm="proxy"';\n    throw err;`),
    },
    {
      code: proxyRoute(`    throw Boom.proxyAuthRequired('Proxy login');`),
      errors: [{ text: `Boom.proxyAuthRequired('Proxy login')` }],
      output: null,
      fixUnavailable: "error.output.headers['Proxy-Authenticate']",
    },
  ],
});
