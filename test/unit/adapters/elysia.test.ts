import { ruleTester } from '../rule-tester';

/** An Elysia route whose handler, `(${params}) => { ... }`, runs `body`. */
const app = (body: string, params = '{ bearer, set }') => `import { Elysia } from 'elysia';
import { bearer } from '@elysiajs/bearer';

export const app = new Elysia()
  .use(bearer())
  .get('/me', async (${params}) => {
    const user = await userFromToken(bearer);
${body}
  });
`;
/** The same with Elysia's exported `status` (1.3+). */
const withStatus = (body: string, params = '{ bearer }') => app(body, params).replace(`import { Elysia } from 'elysia';`, `import { Elysia, status } from 'elysia';`);
const CHALLENGE = `'Bearer realm="api"'`;

ruleTester('missing-www-authenticate', {
  valid: [
    // set.headers before or after, in any case; a string status name
    app(`    if (!user) {\n      set.status = 401;\n      set.headers['WWW-Authenticate'] = ${CHALLENGE};\n      return { error: 'missing token' };\n    }\n    return user;`),
    app(`    if (!user) {\n      set.headers['www-authenticate'] = ${CHALLENGE};\n      set.status = 'Unauthorized';\n      return 'Unauthorized';\n    }\n    return user;`),
    app(`    if (!user) {\n      set.headers = { 'WWW-Authenticate': ${CHALLENGE}, 'Cache-Control': 'no-store' };\n      set.status = 401;\n      return 'Unauthorized';\n    }\n    return user;`),
    app(`    if (!user) {\n      Object.assign(set.headers, { 'WWW-Authenticate': ${CHALLENGE} });\n      set.status = 401;\n      return 'Unauthorized';\n    }\n    return user;`),
    // status() built from set: set.headers of the same context count
    app(`    if (!user) {\n      set.headers['WWW-Authenticate'] = ${CHALLENGE};\n      return status(401, 'Unauthorized');\n    }\n    return user;`, '{ bearer, set, status }'),
    app(`    if (!user) {\n      ctx.set.headers['WWW-Authenticate'] = ${CHALLENGE};\n      return ctx.status('Unauthorized');\n    }\n    return user;`, 'ctx').replace('userFromToken(bearer)', 'userFromToken(ctx.bearer)'),
    app(`    if (!user) {\n      ctx.set.headers['WWW-Authenticate'] = ${CHALLENGE};\n      ctx.set.status = 401;\n      return 'Unauthorized';\n    }\n    return user;`, 'ctx').replace('userFromToken(bearer)', 'userFromToken(ctx.bearer)'),
    // Other statuses; request headers are read, not written
    app(`    if (!user) {\n      set.status = 'Forbidden';\n      return 'Forbidden';\n    }\n    return user;`),
    app(`    if (headers['authorization'] === undefined) return status(403, 'Forbidden');\n    return user;`, '{ bearer, headers, status }'),
    // A set and a status that are not the handler's context
    `import { Elysia } from 'elysia';\nconst set = { status: 200 };\nexport function reset() {\n  set.status = 401;\n}\nfunction status(code: number) {\n  return code;\n}\nexport const x = status(401);\n`,
    // Another framework's file
    `export const handler = ({ set }) => {\n  set.status = 401;\n};\n`,
  ],
  invalid: [
    {
      code: app(`    if (!user) {\n      set.status = 401;\n      return { error: 'missing token' };\n    }\n    return user;`),
      errors: [{ text: 'set.status = 401', messageIncludes: 'WWW-Authenticate: Bearer realm="api"' }],
      output: app(`    if (!user) {\n      set.status = 401;\n      set.headers['WWW-Authenticate'] = ${CHALLENGE};\n      return { error: 'missing token' };\n    }\n    return user;`),
    },
    {
      name: 'a status name',
      code: app(`    if (!user) {\n      set.status = 'Unauthorized';\n      return 'Unauthorized';\n    }\n    return user;`),
      errors: [{ text: `set.status = 'Unauthorized'` }],
      output: app(`    if (!user) {\n      set.status = 'Unauthorized';\n      set.headers['WWW-Authenticate'] = ${CHALLENGE};\n      return 'Unauthorized';\n    }\n    return user;`),
    },
    {
      name: 'status() of the context: the header before the return',
      code: app(`    if (!user) {\n      return status(401, 'Unauthorized');\n    }\n    return user;`, '{ bearer, set, status }'),
      errors: [{ text: `status(401, 'Unauthorized')` }],
      output: app(`    if (!user) {\n      set.headers['WWW-Authenticate'] = ${CHALLENGE};\n      return status(401, 'Unauthorized');\n    }\n    return user;`, '{ bearer, set, status }'),
    },
    {
      name: "Elysia's exported status: set is added to the handler's parameters",
      code: withStatus(`    if (!user) {\n      return status('Unauthorized');\n    }\n    return user;`),
      errors: [{ text: `status('Unauthorized')` }],
      output: withStatus(`    if (!user) {\n      set.headers['WWW-Authenticate'] = ${CHALLENGE};\n      return status('Unauthorized');\n    }\n    return user;`, '{ bearer, set }'),
    },
    {
      name: 'error() of older Elysia, from a context object',
      code: app(`    if (!user) {\n      return ctx.error(401, 'Unauthorized');\n    }\n    return user;`, 'ctx').replace('userFromToken(bearer)', 'userFromToken(ctx.bearer)'),
      errors: [{ text: `ctx.error(401, 'Unauthorized')` }],
      output: app(`    if (!user) {\n      ctx.set.headers['WWW-Authenticate'] = ${CHALLENGE};\n      return ctx.error(401, 'Unauthorized');\n    }\n    return user;`, 'ctx').replace('userFromToken(bearer)', 'userFromToken(ctx.bearer)'),
    },
    {
      name: 'a handler without parameters gets { set }',
      code: `import { Elysia, status } from 'elysia';\nexport const app = new Elysia().get('/private', () => {\n  return status(401);\n});\n`,
      errors: [{ text: 'status(401)' }],
      output: `import { Elysia, status } from 'elysia';\nexport const app = new Elysia().get('/private', ({ set }) => {\n  set.headers['WWW-Authenticate'] = ${CHALLENGE};\n  return status(401);\n});\n`,
    },
    {
      name: 'the header set on one branch only',
      code: app(`    if (!user) {\n      if (bearer === undefined) set.headers['WWW-Authenticate'] = 'Basic realm="app"';\n      set.status = 401;\n      return 'Unauthorized';\n    }\n    return user;`),
      errors: [{ text: 'set.status = 401' }],
      output: app(`    if (!user) {\n      if (bearer === undefined) set.headers['WWW-Authenticate'] = 'Basic realm="app"';\n      set.status = 401;\n      set.headers['WWW-Authenticate'] = ${CHALLENGE};\n      return 'Unauthorized';\n    }\n    return user;`),
    },
    {
      name: 'no statement fits in an expression body',
      code: `import { Elysia } from 'elysia';\nexport const app = new Elysia().get('/private', ({ status }) => status(401));\n`,
      errors: [{ text: 'status(401)' }],
      output: null,
      fixUnavailable: 'no statement can be added here',
    },
  ],
});

ruleTester('unauthorized-for-permission', {
  valid: [],
  invalid: [
    {
      name: 'a number stays a number',
      code: app(`    if (!user.roles.includes('editor')) {\n      set.headers['WWW-Authenticate'] = ${CHALLENGE};\n      return status(401, 'Editors only');\n    }\n    return user;`, '{ bearer, set, status }'),
      errors: [{ text: `status(401, 'Editors only')`, messageIncludes: 'user.roles' }],
      output: app(`    if (!user.roles.includes('editor')) {\n      set.headers['WWW-Authenticate'] = ${CHALLENGE};\n      return status(403, 'Editors only');\n    }\n    return user;`, '{ bearer, set, status }'),
    },
    {
      name: 'a name stays a name',
      code: app(`    if (!user.isAdmin) {\n      set.headers['WWW-Authenticate'] = ${CHALLENGE};\n      set.status = "Unauthorized";\n      return 'admins only';\n    }\n    return user;`),
      errors: [{ text: `set.status = "Unauthorized"` }],
      output: app(`    if (!user.isAdmin) {\n      set.headers['WWW-Authenticate'] = ${CHALLENGE};\n      set.status = "Forbidden";\n      return 'admins only';\n    }\n    return user;`),
    },
  ],
});

ruleTester('forbidden-for-missing-credentials', {
  valid: [],
  invalid: [
    {
      code: app(`    if (!bearer) {\n      set.status = 'Forbidden';\n      return { error: 'missing token' };\n    }\n    return user;`),
      errors: [{ text: `set.status = 'Forbidden'` }],
      output: app(`    if (!bearer) {\n      set.status = 'Unauthorized';\n      set.headers['WWW-Authenticate'] = ${CHALLENGE};\n      return { error: 'missing token' };\n    }\n    return user;`),
    },
  ],
});

ruleTester('proxy-auth-from-origin', {
  valid: [],
  invalid: [
    {
      code: app(`    if (!user) {\n      set.status = 407;\n      return 'authentication required';\n    }\n    return user;`),
      errors: [{ text: 'set.status = 407' }],
      output: app(`    if (!user) {\n      set.status = 401;\n      set.headers['WWW-Authenticate'] = ${CHALLENGE};\n      return 'authentication required';\n    }\n    return user;`),
    },
    {
      code: app(`    if (!user) {\n      return status('Proxy Authentication Required');\n    }\n    return user;`, '{ bearer, status }'),
      errors: [{ text: `status('Proxy Authentication Required')` }],
      output: app(`    if (!user) {\n      set.headers['WWW-Authenticate'] = ${CHALLENGE};\n      return status('Unauthorized');\n    }\n    return user;`, '{ bearer, status, set }'),
    },
  ],
});
