import { ruleTester } from '../rule-tester';

/** An h3 handler that imports what it uses. */
const h3 = (body: string, names = 'createError, defineEventHandler, setResponseStatus') => `import { ${names} } from 'h3';
import { useSession } from '../utils/session';

export default defineEventHandler(async (event) => {
  const session = await useSession(event);
${body}
});
`;
/** A Nitro route (server/api/*.ts): auto-imports, no import at all. */
const nitro = (body: string) => `export default defineEventHandler(async (event) => {
  const session = await useSession(event);
${body}
});
`;
const CHALLENGE = `'Bearer realm="api"'`;

ruleTester('missing-www-authenticate', {
  valid: [
    // The header on the event before the throw or around setResponseStatus, in any case and name
    h3(`  if (!session.user) {\n    setResponseHeader(event, 'WWW-Authenticate', ${CHALLENGE});\n    throw createError({ statusCode: 401, statusMessage: 'Unauthorized' });\n  }\n  return session.user;`, 'createError, defineEventHandler, setResponseHeader'),
    h3(`  if (!session.user) {\n    setResponseStatus(event, 401);\n    setResponseHeader(event, 'www-authenticate', ${CHALLENGE});\n    return { error: 'login required' };\n  }\n  return session.user;`, 'defineEventHandler, setResponseHeader, setResponseStatus'),
    h3(`  if (!session.user) {\n    setResponseHeaders(event, { 'WWW-Authenticate': ${CHALLENGE}, 'Cache-Control': 'no-store' });\n    setResponseStatus(event, 401);\n    return null;\n  }\n  return session.user;`, 'defineEventHandler, setResponseHeaders, setResponseStatus'),
    h3(`  if (!session.user) {\n    setHeader(event, 'WWW-Authenticate', ${CHALLENGE});\n    throw createError({ status: 401 });\n  }\n  return session.user;`, 'createError, defineEventHandler, setHeader'),
    nitro(`  if (!session.user) {\n    appendResponseHeader(event, 'WWW-Authenticate', ${CHALLENGE});\n    throw createError({ statusCode: 401 });\n  }\n  return session.user;`),
    // A helper of the file sets it on the event it is given
    `import { createError, defineEventHandler, setResponseHeader, type H3Event } from 'h3';\nfunction challenge(event: H3Event) {\n  setResponseHeader(event, 'WWW-Authenticate', ${CHALLENGE});\n}\nexport default defineEventHandler((event) => {\n  challenge(event);\n  throw createError({ statusCode: 401 });\n});\n`,
    // Other statuses
    nitro(`  if (!session.user.isAdmin) throw createError({ statusCode: 403, statusMessage: 'Forbidden' });\n  return session.user;`),
    // http-errors' createError (a number first, or imported from http-errors) is not h3's
    `export function check(user) {\n  if (!user) throw createError(401, 'login required');\n}\n`,
    `import createError from 'http-errors';\nexport function check(user) {\n  if (!user) throw createError({ statusCode: 401 });\n}\n`,
    // Outside server code: a Nuxt page composable's createError, a createError from #app
    `export function useGuard(user) {\n  if (!user) throw createError({ statusCode: 401, statusMessage: 'Login required' });\n}\n`,
    `import { createError } from '#app';\nexport default defineNuxtRouteMiddleware((to) => {\n  if (!useUser().value) return abortNavigation(createError({ statusCode: 401 }));\n});\n`,
    // A comparison in an error handler
    `export default defineNitroErrorHandler((error, event) => {\n  if (error.statusCode === 401) console.warn('auth failure', event.path);\n});\n`,
  ],
  invalid: [
    {
      name: 'createError: setResponseHeader before the throw, added to the h3 import',
      code: h3(`  if (!session.user) {\n    throw createError({ statusCode: 401, statusMessage: 'Unauthorized' });\n  }\n  return session.user;`),
      errors: [{ text: `createError({ statusCode: 401, statusMessage: 'Unauthorized' })` }],
      output: h3(
        `  if (!session.user) {\n    setResponseHeader(event, 'WWW-Authenticate', ${CHALLENGE});\n    throw createError({ statusCode: 401, statusMessage: 'Unauthorized' });\n  }\n  return session.user;`,
        'createError, defineEventHandler, setResponseStatus, setResponseHeader',
      ),
    },
    {
      name: 'Nitro auto-imports: no import is added; a multi-line createError is underlined at its status',
      code: nitro(`  if (!session.user) {\n    throw createError({\n      statusCode: 401,\n      data: { reason: 'missing token' },\n    });\n  }\n  return session.user;`),
      errors: [{ text: 'statusCode: 401' }],
      output: nitro(`  if (!session.user) {\n    setResponseHeader(event, 'WWW-Authenticate', ${CHALLENGE});\n    throw createError({\n      statusCode: 401,\n      data: { reason: 'missing token' },\n    });\n  }\n  return session.user;`),
    },
    {
      name: 'setResponseStatus: setResponseHeader after it; a multi-line import list keeps its form',
      code: `import {\n  defineEventHandler,\n  setResponseStatus,\n} from 'h3';\n\nexport default defineEventHandler((event) => {\n  if (!event.context.user) {\n    setResponseStatus(event, 401, 'Unauthorized');\n    return { error: 'login required' };\n  }\n  return event.context.user;\n});\n`,
      errors: [{ text: `setResponseStatus(event, 401, 'Unauthorized')` }],
      output: `import {\n  defineEventHandler,\n  setResponseStatus,\n  setResponseHeader,\n} from 'h3';\n\nexport default defineEventHandler((event) => {\n  if (!event.context.user) {\n    setResponseStatus(event, 401, 'Unauthorized');\n    setResponseHeader(event, 'WWW-Authenticate', ${CHALLENGE});\n    return { error: 'login required' };\n  }\n  return event.context.user;\n});\n`,
    },
    {
      name: "a file on h3's older API keeps setHeader",
      code: h3(`  if (!session.user) {\n    setResponseStatus(event, 401);\n    return null;\n  }\n  setHeader(event, 'Cache-Control', 'no-store');\n  return session.user;`, 'defineEventHandler, setHeader, setResponseStatus'),
      errors: [{ text: 'setResponseStatus(event, 401)' }],
      output: h3(`  if (!session.user) {\n    setResponseStatus(event, 401);\n    setHeader(event, 'WWW-Authenticate', ${CHALLENGE});\n    return null;\n  }\n  setHeader(event, 'Cache-Control', 'no-store');\n  return session.user;`, 'defineEventHandler, setHeader, setResponseStatus'),
    },
    {
      name: 'a handler without an event parameter gets one',
      code: `export default defineEventHandler(() => {\n  throw createError({ status: 401 });\n});\n`,
      errors: [{ text: 'createError({ status: 401 })' }],
      output: `export default defineEventHandler((event) => {\n  setResponseHeader(event, 'WWW-Authenticate', ${CHALLENGE});\n  throw createError({ status: 401 });\n});\n`,
    },
    {
      name: 'the header set after the throw, or on one branch only',
      code: nitro(`  if (!session.user) {\n    if (getQuery(event).html) setResponseHeader(event, 'WWW-Authenticate', 'Basic realm="app"');\n    throw createError({ statusCode: 401 });\n    setResponseHeader(event, 'WWW-Authenticate', ${CHALLENGE});\n  }\n  return session.user;`),
      errors: [{ text: 'createError({ statusCode: 401 })' }],
      output: nitro(`  if (!session.user) {\n    if (getQuery(event).html) setResponseHeader(event, 'WWW-Authenticate', 'Basic realm="app"');\n    setResponseHeader(event, 'WWW-Authenticate', ${CHALLENGE});\n    throw createError({ statusCode: 401 });\n    setResponseHeader(event, 'WWW-Authenticate', ${CHALLENGE});\n  }\n  return session.user;`),
    },
    {
      name: 'a server util taking an H3Event (its own name for the event)',
      code: `import type { H3Event } from 'h3';\nexport async function requireUser(e: H3Event) {\n  const session = await useSession(e);\n  if (!session.user) {\n    throw createError({ statusCode: 401 });\n  }\n  return session.user;\n}\n`,
      errors: [{ text: 'createError({ statusCode: 401 })' }],
      output: `import type { H3Event } from 'h3';\nexport async function requireUser(e: H3Event) {\n  const session = await useSession(e);\n  if (!session.user) {\n    setResponseHeader(e, 'WWW-Authenticate', ${CHALLENGE});\n    throw createError({ statusCode: 401 });\n  }\n  return session.user;\n}\n`,
    },
    {
      name: 'no statement fits beside an unbraced throw',
      code: nitro(`  if (!session.user) throw createError({ statusCode: 401 });\n  return session.user;`),
      errors: [{ text: 'createError({ statusCode: 401 })' }],
      output: null,
      fixUnavailable: 'no statement can be added here',
    },
  ],
});

ruleTester('unauthorized-for-permission', {
  valid: [nitro(`  if (!session.user.permissions.includes('team:delete')) throw createError({ statusCode: 403 });\n  return true;`)],
  invalid: [
    {
      code: nitro(`  if (session.user.role !== 'owner') {\n    throw createError({ statusCode: 401, statusMessage: 'Only owners can delete a team' });\n  }\n  return true;`),
      errors: [{ text: `createError({ statusCode: 401, statusMessage: 'Only owners can delete a team' })`, messageIncludes: 'session.user.role' }],
      output: nitro(`  if (session.user.role !== 'owner') {\n    throw createError({ statusCode: 403, statusMessage: 'Only owners can delete a team' });\n  }\n  return true;`),
    },
  ],
});

ruleTester('forbidden-for-missing-credentials', {
  valid: [],
  invalid: [
    {
      code: nitro(`  if (!session.user) {\n    throw createError({ statusCode: 403, statusMessage: 'Not logged in' });\n  }\n  return session.user;`),
      errors: [{ text: `createError({ statusCode: 403, statusMessage: 'Not logged in' })` }],
      output: nitro(`  if (!session.user) {\n    setResponseHeader(event, 'WWW-Authenticate', ${CHALLENGE});\n    throw createError({ statusCode: 401, statusMessage: 'Not logged in' });\n  }\n  return session.user;`),
    },
  ],
});

ruleTester('proxy-auth-from-origin', {
  valid: [],
  invalid: [
    {
      code: nitro(`  if (!session.user) {\n    setResponseStatus(event, 407);\n    return { error: 'authentication required' };\n  }\n  return session.user;`),
      errors: [{ text: 'setResponseStatus(event, 407)' }],
      output: nitro(`  if (!session.user) {\n    setResponseStatus(event, 401);\n    setResponseHeader(event, 'WWW-Authenticate', ${CHALLENGE});\n    return { error: 'authentication required' };\n  }\n  return session.user;`),
    },
  ],
});
