import { ruleTester } from '../rule-tester';

const koa = (body: string) => `import Router from '@koa/router';
const router = new Router();
router.get('/me', async (ctx) => {
${body}
});
`;

ruleTester('challenge-lost', {
  valid: [
    // The challenge travels with the error: Koa applies err.headers
    koa(`  if (!ctx.get('Authorization')) ctx.throw(401, 'missing token', { headers: { 'WWW-Authenticate': 'Bearer realm="api"' } });`),
    // Set for a response that is not thrown: nothing drops it
    koa(`  if (!ctx.get('Authorization')) {\n    ctx.set('WWW-Authenticate', 'Bearer realm="api"');\n    ctx.status = 401;\n    return;\n  }`),
    // Set on another path than the throw
    koa(`  if (ctx.query.html) {\n    ctx.set('WWW-Authenticate', 'Basic realm="site"');\n    ctx.status = 401;\n    return;\n  }\n  ctx.throw(403);`),
    // Other headers dropped by the throw are not challenges
    koa(`  ctx.set('Cache-Control', 'no-store');\n  ctx.throw(403, 'forbidden');`),
  ],
  invalid: [
    {
      code: koa(`  if (!ctx.get('Authorization')) {\n    ctx.set('WWW-Authenticate', 'Bearer realm="api"');\n    ctx.throw(401, 'missing token');\n  }`),
      errors: [{ text: `ctx.set('WWW-Authenticate', 'Bearer realm="api"')`, messageIncludes: 'koajs/koa#537' }],
      output: koa(`  if (!ctx.get('Authorization')) {\n    ctx.throw(401, 'missing token', { headers: { 'WWW-Authenticate': 'Bearer realm="api"' } });\n  }`),
    },
    {
      name: 'ctx.assert drops it too, and a const value moves as written',
      code: `import Koa from 'koa';\nconst CHALLENGE = 'Bearer realm="api"';\nconst app = new Koa();\napp.use(async (ctx) => {\n  ctx.set('WWW-Authenticate', CHALLENGE);\n  ctx.assert(ctx.state.user, 401);\n});\n`,
      errors: [{ text: `ctx.set('WWW-Authenticate', CHALLENGE)` }],
      output: `import Koa from 'koa';\nconst CHALLENGE = 'Bearer realm="api"';\nconst app = new Koa();\napp.use(async (ctx) => {\n  ctx.assert(ctx.state.user, 401, { headers: { 'WWW-Authenticate': CHALLENGE } });\n});\n`,
    },
    {
      name: 'set with other headers at once: moved by hand',
      code: koa(`  ctx.set({ 'WWW-Authenticate': 'Bearer realm="api"', 'Cache-Control': 'no-store' });\n  ctx.throw(401);`),
      errors: [{ text: `'WWW-Authenticate': 'Bearer realm="api"'` }],
      output: null,
      fixUnavailable: 'by hand',
    },
  ],
});
