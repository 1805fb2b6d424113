import { ruleTester } from '../rule-tester';

/** An App Router route handler (app/api/me/route.ts) whose GET runs `body`. */
const route = (body: string) => `import { NextRequest, NextResponse } from 'next/server';
import { auth } from '@/lib/auth';

export async function GET(request: NextRequest) {
  const session = await auth(request);
${body}
}
`;
/** middleware.ts */
const middleware = (body: string) => `import { NextResponse, type NextRequest } from 'next/server';

export function middleware(request: NextRequest) {
  const token = request.headers.get('authorization');
${body}
}
`;
/** A Pages Router API route (pages/api/me.ts). */
const pages = (body: string) => `import type { NextApiRequest, NextApiResponse } from 'next';
import { getSession } from '@/lib/session';

export default async function handler(req: NextApiRequest, res: NextApiResponse) {
  const session = await getSession(req);
${body}
}
`;
const ROUTE = { fileName: 'app/api/me/route.ts' };
const PAGES = { fileName: 'pages/api/me.ts' };

ruleTester('missing-www-authenticate', {
  valid: [
    { ...ROUTE, code: route(`  if (!session) return NextResponse.json({ error: 'Unauthorized' }, { status: 401, headers: { 'WWW-Authenticate': 'Bearer realm="api"' } });\n  return NextResponse.json(session.user);`) },
    { ...ROUTE, code: route(`  if (!session) {\n    const res = NextResponse.json({ error: 'Unauthorized' }, { status: 401 });\n    res.headers.set('WWW-Authenticate', 'Bearer realm="api"');\n    return res;\n  }\n  return NextResponse.json(session.user);`) },
    // Response.json in a route handler is the Fetch API's
    { ...ROUTE, code: route(`  if (!session) return Response.json({ error: 'Unauthorized' }, { status: 401, headers: { 'www-authenticate': 'Bearer realm="api"' } });\n  return Response.json(session.user);`) },
    // Middleware: next(), redirect() and rewrite() give no auth status
    middleware(`  if (!token) return NextResponse.redirect(new URL('/login', request.url));\n  const response = NextResponse.next();\n  response.headers.set('x-user', token);\n  return response;`),
    middleware(`  if (!token) return new NextResponse('Authentication required', { status: 401, headers: { 'WWW-Authenticate': 'Basic realm="Secure Area"' } });\n  return NextResponse.next();`),
    // Pages API: res.setHeader before, a helper of the file, writeHead's headers
    { ...PAGES, code: pages(`  if (!session) {\n    res.setHeader('WWW-Authenticate', 'Bearer realm="api"');\n    return res.status(401).json({ error: 'Unauthorized' });\n  }\n  res.status(200).json(session.user);`) },
    {
      ...PAGES,
      code: `import type { NextApiRequest, NextApiResponse } from 'next';\n\nfunction withChallenge(res: NextApiResponse) {\n  res.setHeader('WWW-Authenticate', 'Bearer realm="api"');\n}\n\nexport default function handler(req: NextApiRequest, res: NextApiResponse) {\n  if (!req.headers.authorization) {\n    withChallenge(res);\n    return res.status(401).end();\n  }\n  res.status(204).end();\n}\n`,
    },
    { ...PAGES, code: pages(`  if (!session) {\n    res.writeHead(401, { 'WWW-Authenticate': 'Bearer realm="api"' });\n    return res.end();\n  }\n  res.status(200).json(session.user);`) },
    // Responses built in tests are fakes
    { fileName: 'middleware.test.ts', code: `import { expect, it } from 'vitest';\nimport { NextResponse } from 'next/server';\nconst denied = NextResponse.json({ error: 'no' }, { status: 401 });\nit('passes the 401 on', () => expect(denied.status).toBe(401));\n` },
    // A status table and a comparison in a Next.js file
    { ...ROUTE, code: route(`  const upstream = await fetch('https://api.example.com/me');\n  if (upstream.status === 401) return NextResponse.json({ error: 'upstream rejected us' }, { status: 502 });\n  return NextResponse.json(await upstream.json());`) },
  ],
  invalid: [
    {
      ...ROUTE,
      code: route(`  if (!session) {\n    return NextResponse.json({ error: 'Unauthorized' }, { status: 401 });\n  }\n  return NextResponse.json(session.user);`),
      errors: [{ text: `NextResponse.json({ error: 'Unauthorized' }, { status: 401 })` }],
      output: route(`  if (!session) {\n    return NextResponse.json({ error: 'Unauthorized' }, { status: 401, headers: { 'WWW-Authenticate': 'Bearer realm="api"' } });\n  }\n  return NextResponse.json(session.user);`),
    },
    {
      name: 'new NextResponse in middleware, with other headers on a multi-line init',
      code: middleware(`  if (!token) {\n    return new NextResponse(JSON.stringify({ error: 'missing token' }), {\n      status: 401,\n      headers: { 'Content-Type': 'application/json' },\n    });\n  }\n  return NextResponse.next();`),
      errors: [{ text: 'status: 401' }],
      output: middleware(`  if (!token) {\n    return new NextResponse(JSON.stringify({ error: 'missing token' }), {\n      status: 401,\n      headers: { 'Content-Type': 'application/json', 'WWW-Authenticate': 'Bearer realm="api"' },\n    });\n  }\n  return NextResponse.next();`),
    },
    {
      name: 'a Fetch Response in a route handler',
      ...ROUTE,
      code: route(`  if (!session) return new Response(null, { status: 401 });\n  return Response.json(session.user);`),
      errors: [{ text: 'new Response(null, { status: 401 })' }],
      output: route(`  if (!session) return new Response(null, { status: 401, headers: { 'WWW-Authenticate': 'Bearer realm="api"' } });\n  return Response.json(session.user);`),
    },
    {
      name: 'Pages API: res.setHeader in a statement before, never res.set',
      ...PAGES,
      code: pages(`  if (!session) {\n    return res.status(401).json({ error: 'Unauthorized' });\n  }\n  res.status(200).json(session.user);`),
      errors: [{ text: 'res.status(401)' }],
      output: pages(`  if (!session) {\n    res.setHeader('WWW-Authenticate', 'Bearer realm="api"');\n    return res.status(401).json({ error: 'Unauthorized' });\n  }\n  res.status(200).json(session.user);`),
    },
    {
      name: 'Pages API: chained where no statement fits (setHeader returns the response)',
      ...PAGES,
      code: pages(`  if (!session) return res.status(401).end();\n  res.status(200).json(session.user);`),
      errors: [{ text: 'res.status(401)' }],
      output: pages(`  if (!session) return res.setHeader('WWW-Authenticate', 'Bearer realm="api"').status(401).end();\n  res.status(200).json(session.user);`),
    },
    {
      name: 'Pages API: res.statusCode and a header on one branch only',
      ...PAGES,
      code: pages(`  if (!session) {\n    if (req.headers.accept?.includes('text/html')) res.setHeader('WWW-Authenticate', 'Basic realm="app"');\n    res.statusCode = 401;\n    return res.end();\n  }\n  res.json(session.user);`),
      errors: [{ text: 'res.statusCode = 401' }],
      output: pages(`  if (!session) {\n    if (req.headers.accept?.includes('text/html')) res.setHeader('WWW-Authenticate', 'Basic realm="app"');\n    res.statusCode = 401;\n    res.setHeader('WWW-Authenticate', 'Bearer realm="api"');\n    return res.end();\n  }\n  res.json(session.user);`),
    },
  ],
});

ruleTester('unauthorized-for-permission', {
  valid: [{ ...PAGES, code: pages(`  if (!session) {\n    res.setHeader('WWW-Authenticate', 'Bearer realm="api"');\n    return res.status(401).end();\n  }\n  res.json(session.user);`) }],
  invalid: [
    {
      ...PAGES,
      code: pages(`  if (session.user.role !== 'admin') {\n    res.setHeader('WWW-Authenticate', 'Bearer realm="api", error="insufficient_scope"');\n    return res.status(401).json({ error: 'admins only' });\n  }\n  res.json(session.user);`),
      errors: [{ text: 'res.status(401)', messageIncludes: 'session.user.role' }],
      output: pages(`  if (session.user.role !== 'admin') {\n    res.setHeader('WWW-Authenticate', 'Bearer realm="api", error="insufficient_scope"');\n    return res.status(403).json({ error: 'admins only' });\n  }\n  res.json(session.user);`),
    },
    {
      ...ROUTE,
      code: route(`  if (session.user.role !== 'owner') {\n    return NextResponse.json({ error: 'Only the owner can do this' }, { status: 401, headers: { 'WWW-Authenticate': 'Bearer realm="api"' } });\n  }\n  return NextResponse.json(session.user);`),
      errors: [{ text: `NextResponse.json({ error: 'Only the owner can do this' }, { status: 401, headers: { 'WWW-Authenticate': 'Bearer realm="api"' } })` }],
      output: route(`  if (session.user.role !== 'owner') {\n    return NextResponse.json({ error: 'Only the owner can do this' }, { status: 403, headers: { 'WWW-Authenticate': 'Bearer realm="api"' } });\n  }\n  return NextResponse.json(session.user);`),
    },
  ],
});

ruleTester('forbidden-for-missing-credentials', {
  valid: [{ ...ROUTE, code: route(`  if (session.user.role !== 'admin') return new NextResponse(null, { status: 403 });\n  return NextResponse.json(session.user);`) }],
  invalid: [
    {
      ...ROUTE,
      code: route(`  if (!session) {\n    return new NextResponse(null, { status: 403 });\n  }\n  return NextResponse.json(session.user);`),
      errors: [{ text: 'new NextResponse(null, { status: 403 })' }],
      output: route(`  if (!session) {\n    return new NextResponse(null, { status: 401, headers: { 'WWW-Authenticate': 'Bearer realm="api"' } });\n  }\n  return NextResponse.json(session.user);`),
    },
    {
      ...PAGES,
      code: pages(`  if (!session) {\n    return res.status(403).json({ error: 'Not logged in' });\n  }\n  res.json(session.user);`),
      errors: [{ text: 'res.status(403)' }],
      output: pages(`  if (!session) {\n    res.setHeader('WWW-Authenticate', 'Bearer realm="api"');\n    return res.status(401).json({ error: 'Not logged in' });\n  }\n  res.json(session.user);`),
    },
  ],
});

ruleTester('proxy-auth-from-origin', {
  valid: [],
  invalid: [
    {
      code: middleware(`  if (!token) return new NextResponse(null, { status: 407 });\n  return NextResponse.next();`),
      errors: [{ text: 'new NextResponse(null, { status: 407 })' }],
      output: middleware(`  if (!token) return new NextResponse(null, { status: 401, headers: { 'WWW-Authenticate': 'Bearer realm="api"' } });\n  return NextResponse.next();`),
    },
  ],
});

ruleTester('missing-www-authenticate', {
  valid: [],
  invalid: [
    {
      name: 'a JavaScript API route under pages/api/ that imports nothing from next',
      fileName: '/app/pages/api/me.js',
      code: `export default function handler(req, res) {\n  if (!req.headers.authorization) {\n    return res.status(401).json({ error: 'missing token' });\n  }\n  res.json({ ok: true });\n}\n`,
      errors: [{ text: 'res.status(401)' }],
      output: `export default function handler(req, res) {\n  if (!req.headers.authorization) {\n    res.setHeader('WWW-Authenticate', 'Bearer realm="api"');\n    return res.status(401).json({ error: 'missing token' });\n  }\n  res.json({ ok: true });\n}\n`,
    },
  ],
});

/** A route handler that uses the auth interrupts of next/navigation. */
const interrupts = (imported: string, body: string) => `import { ${imported} } from 'next/navigation';
import { auth } from '@/lib/auth';

export async function GET() {
  const session = await auth();
${body}
  return Response.json(session.user);
}
`;

ruleTester('missing-www-authenticate', {
  valid: [
    // Another module's unauthorized(), and a local function of that name
    { ...ROUTE, code: `import { unauthorized } from '@/lib/errors';\nexport async function GET() {\n  unauthorized();\n}\n` },
    { ...ROUTE, code: `function unauthorized() {\n  return null;\n}\nexport async function GET() {\n  unauthorized();\n}\n` },
    // A page renders unauthorized.js for a browser: only route handlers answer API clients
    { fileName: 'app/feed/page.tsx', code: interrupts('unauthorized', `  if (!session) unauthorized();`) },
  ],
  invalid: [
    {
      name: 'unauthorized() of next/navigation: no header can go with it',
      ...ROUTE,
      code: interrupts('unauthorized', `  if (!session) unauthorized();`),
      errors: [{ text: 'unauthorized()' }],
      output: null,
      fixUnavailable: 'unauthorized() sends no headers',
    },
  ],
});

ruleTester('unauthorized-for-permission', {
  valid: [],
  invalid: [
    {
      name: 'unauthorized() on a failed role check, where `forbidden` names something else: no rewrite',
      ...ROUTE,
      code: interrupts('unauthorized', `  const forbidden = session.user.role !== 'admin';\n  if (forbidden) unauthorized();`),
      errors: [{ text: 'unauthorized()', occurrence: 0 }],
      output: null,
      fixUnavailable: '`forbidden` names something else in this file',
    },
    {
      name: 'unauthorized() on a failed role check: forbidden(), imported beside it',
      ...ROUTE,
      code: interrupts('unauthorized', `  if (!session) unauthorized();\n  if (session.user.role !== 'admin') unauthorized();`),
      errors: [{ text: 'unauthorized()', occurrence: 1 }],
      output: interrupts('unauthorized, forbidden', `  if (!session) unauthorized();\n  if (session.user.role !== 'admin') forbidden();`),
    },
  ],
});

ruleTester('forbidden-for-missing-credentials', {
  valid: [interrupts('forbidden', `  if (session.user.role !== 'admin') forbidden();`)],
  invalid: [
    {
      name: 'forbidden() without a session: unauthorized() gets no challenge either, so no fix',
      ...ROUTE,
      code: interrupts('forbidden', `  if (!session) forbidden();`),
      errors: [{ text: 'forbidden()' }],
      output: null,
    },
  ],
});
