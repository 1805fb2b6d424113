// Deterministic handler code for the benchmark: from one seed, the same ~20,000-line file and the
// same ~2,000-file workspace (~300 lines each, every framework the engine reads) on every machine.
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

/** mulberry32: a small, well-known seeded PRNG. */
function random(seed) {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const pick = (rand, list) => list[Math.floor(rand() * list.length)];

const GUARDS = ['!req.headers.authorization', "req.user.role !== 'admin'", '!req.user', '!token', "!user.permissions.includes('write')", 'post.ownerId !== user.id', 'count > limit', '!session'];
const STATUSES = [200, 201, 204, 400, 401, 401, 403, 404, 409];
const MESSAGES = ['missing token', 'admins only', 'not found', 'invalid input', 'conflict', 'login required', 'forbidden'];

/** One handler body (6-14 lines) in a framework's idiom. */
const FRAMEWORKS = {
  express: {
    header: () => `import express from 'express';\nimport { StatusCodes } from 'http-status-codes';\nconst router = express.Router();\n`,
    handler: (rand, i) => {
      const status = pick(rand, STATUSES);
      const challenge = rand() < 0.5 ? `.set('WWW-Authenticate', 'Bearer realm="api"')` : '';
      return `router.get('/items/${i}', async (req, res) => {
  const user = req.user;
  const token = req.get('authorization');
  if (${pick(rand, GUARDS)}) {
    return res.status(${status})${challenge}.json({ error: '${pick(rand, MESSAGES)}' });
  }
  const items = await loadItems(user, ${i});
  res.set('Cache-Control', 'no-store');
  res.status(StatusCodes.OK).json({ items, page: ${i} });
});
`;
    },
  },
  'node-http': {
    header: () => `import http from 'node:http';\n`,
    handler: (rand, i) => `export function handle${i}(req, res) {
  const auth = req.headers.authorization;
  if (${pick(rand, ['!auth', "auth !== 'secret'", 'req.method === "DELETE"'])}) {
    res.writeHead(${pick(rand, STATUSES)}, { 'Content-Type': 'application/json'${rand() < 0.5 ? `, 'WWW-Authenticate': 'Bearer realm="api"'` : ''} });
    return res.end(JSON.stringify({ error: '${pick(rand, MESSAGES)}' }));
  }
  res.statusCode = 200;
  res.setHeader('Content-Type', 'text/plain');
  res.end('ok ${i}');
}
`,
  },
  fastify: {
    header: () => `import Fastify from 'fastify';\nconst app = Fastify();\n`,
    handler: (rand, i) => `app.get('/r/${i}', async (request, reply) => {
  if (${pick(rand, ['!request.headers.authorization', "request.user.role !== 'admin'"])}) {
    return reply.code(${pick(rand, STATUSES)})${rand() < 0.5 ? `.header('WWW-Authenticate', 'Bearer realm="api"')` : ''}.send({ error: '${pick(rand, MESSAGES)}' });
  }
  reply.header('Cache-Control', 'no-store');
  return { id: ${i}, ok: true };
});
`,
  },
  koa: {
    header: () => `import Router from '@koa/router';\nconst router = new Router();\n`,
    handler: (rand, i) => `router.get('/k/${i}', async (ctx) => {
  if (${pick(rand, ['!ctx.state.user', "ctx.state.user.role !== 'admin'"])}) {
    ctx.throw(${pick(rand, STATUSES)}, '${pick(rand, MESSAGES)}'${rand() < 0.5 ? `, { headers: { 'WWW-Authenticate': 'Bearer realm="api"' } }` : ''});
  }
  ctx.set('Cache-Control', 'no-store');
  ctx.body = { id: ${i} };
});
`,
  },
  hapi: {
    header: () => `import Hapi from '@hapi/hapi';\nimport Boom from '@hapi/boom';\nconst server = Hapi.server();\n`,
    handler: (rand, i) => `server.route({
  method: 'GET',
  path: '/h/${i}',
  handler: (request, h) => {
    if (!request.auth.credentials) throw Boom.unauthorized('${pick(rand, MESSAGES)}'${rand() < 0.5 ? ", 'Bearer'" : ''});
    return h.response({ id: ${i} }).code(${pick(rand, STATUSES)});
  },
});
`,
  },
  nestjs: {
    header: () => `import { Controller, Get, ForbiddenException, UnauthorizedException, Param } from '@nestjs/common';\n`,
    handler: (rand, i) => `@Controller('n${i}')
export class N${i}Controller {
  @Get(':id')
  find(@Param('id') id: string) {
    if (!id) throw new ${pick(rand, ['UnauthorizedException', 'ForbiddenException'])}('${pick(rand, MESSAGES)}');
    return { id, n: ${i} };
  }
}
`,
  },
  nextjs: {
    header: () => `import { NextResponse } from 'next/server';\n`,
    handler: (rand, i) => `export async function GET${i}(request: Request) {
  const token = request.headers.get('authorization');
  if (!token) {
    return NextResponse.json({ error: '${pick(rand, MESSAGES)}' }, { status: ${pick(rand, STATUSES)}${rand() < 0.5 ? `, headers: { 'WWW-Authenticate': 'Bearer realm="api"' }` : ''} });
  }
  return NextResponse.json({ id: ${i} });
}
`,
  },
  fetch: {
    header: () => ``,
    handler: (rand, i) => `export async function handle${i}(request: Request): Promise<Response> {
  if (!request.headers.get('authorization')) {
    return new Response('${pick(rand, MESSAGES)}', { status: ${pick(rand, STATUSES)}${rand() < 0.5 ? `, headers: { 'WWW-Authenticate': 'Bearer realm="api"' }` : ''} });
  }
  return Response.json({ id: ${i} });
}
`,
  },
  hono: {
    header: () => `import { Hono } from 'hono';\nconst app = new Hono();\n`,
    handler: (rand, i) => `app.get('/o/${i}', (c) => {
  if (!c.req.header('Authorization')) {
    return c.json({ error: '${pick(rand, MESSAGES)}' }, ${pick(rand, STATUSES)}${rand() < 0.5 ? `, { 'WWW-Authenticate': 'Bearer realm="api"' }` : ''});
  }
  return c.json({ id: ${i} });
});
`,
  },
  h3: {
    header: () => `import { defineEventHandler, createError, getHeader, setResponseHeader } from 'h3';\n`,
    handler: (rand, i) => `export const handler${i} = defineEventHandler((event) => {
  if (!getHeader(event, 'authorization')) {
    ${rand() < 0.5 ? `setResponseHeader(event, 'WWW-Authenticate', 'Bearer realm="api"');\n    ` : ''}throw createError({ statusCode: ${pick(rand, STATUSES)}, statusMessage: '${pick(rand, MESSAGES)}' });
  }
  return { id: ${i} };
});
`,
  },
  elysia: {
    header: () => `import { Elysia } from 'elysia';\nconst app = new Elysia();\n`,
    handler: (rand, i) => `app.get('/e/${i}', ({ headers, set }) => {
  if (!headers.authorization) {
    set.status = ${pick(rand, STATUSES)};
    ${rand() < 0.5 ? `set.headers['WWW-Authenticate'] = 'Bearer realm="api"';\n    ` : ''}return { error: '${pick(rand, MESSAGES)}' };
  }
  return { id: ${i} };
});
`,
  },
  'http-errors': {
    header: () => `import createError from 'http-errors';\n`,
    handler: (rand, i) => `export function check${i}(req, res, next) {
  if (!req.user) {
    return next(createError(${pick(rand, STATUSES)}, '${pick(rand, MESSAGES)}'${rand() < 0.5 ? `, { headers: { 'WWW-Authenticate': 'Bearer realm="api"' } }` : ''}));
  }
  next();
}
`,
  },
};

export const FRAMEWORK_NAMES = Object.keys(FRAMEWORKS);

/** A file of about `lines` lines in one framework. */
export function handlerFile(framework, lines, rand) {
  const spec = FRAMEWORKS[framework];
  let text = `// generated for the benchmark\n${spec.header()}\n`;
  for (let i = 0; text.split('\n').length < lines; i++) text += `\n${spec.handler(rand, i)}`;
  return text;
}

/** Writes bench-data/<seed>/: big.ts (~20,000 lines), small.ts (~300 lines), workspace/ (~2,000 files and a package.json). */
export function generate(root, { seed = 42, files = 2000, bigLines = 20000, fileLines = 300 } = {}) {
  const rand = random(seed);
  rmSync(root, { recursive: true, force: true });
  mkdirSync(join(root, 'workspace'), { recursive: true });
  // A project of its own, as any real one (the CLI reads a project up to its package.json).
  writeFileSync(join(root, 'workspace', 'package.json'), `${JSON.stringify({ name: 'bench-workspace', private: true }, null, 2)}\n`);
  writeFileSync(join(root, 'big.ts'), handlerFile('express', bigLines, rand));
  writeFileSync(join(root, 'small.ts'), handlerFile('express', fileLines, rand));
  for (let i = 0; i < files; i++) {
    const framework = FRAMEWORK_NAMES[i % FRAMEWORK_NAMES.length];
    const folder = join(root, 'workspace', framework, String(Math.floor(i / 100)));
    mkdirSync(folder, { recursive: true });
    writeFileSync(join(folder, `handlers-${i}.ts`), handlerFile(framework, fileLines, rand));
  }
  return root;
}

/** A project the size of a real app where few files matter (issue 12's index): `files` files, of
 * which `relevant` routes call the app's `unauthorized()` helper (src/lib/response.ts, which sends
 * 401 without a challenge) under a guard; the others are plain code of the same size. */
export function generateProject(root, { seed = 7, files = 6000, relevant = 0.05, fileLines = 120 } = {}) {
  const rand = random(seed);
  rmSync(root, { recursive: true, force: true });
  mkdirSync(join(root, 'src', 'lib'), { recursive: true });
  writeFileSync(join(root, 'package.json'), `${JSON.stringify({ name: 'bench-project', private: true }, null, 2)}\n`);
  writeFileSync(join(root, 'src', 'lib', 'response.ts'), "import type { Response } from 'express';\n\nexport function unauthorized(res: Response, message = 'login required') {\n  return res.status(401).json({ error: message });\n}\n");
  const routes = [];
  const routeCount = Math.round(files * relevant);
  for (let i = 0; i < files; i++) {
    const folder = join(root, 'src', i < routeCount ? 'routes' : 'utils', String(Math.floor(i / 100)));
    mkdirSync(folder, { recursive: true });
    const file = join(folder, `${i < routeCount ? 'route' : 'util'}-${i}.ts`);
    writeFileSync(file, i < routeCount ? projectRoute(i, fileLines, rand) : plainModule(i, fileLines, rand));
    if (i < routeCount) routes.push(file);
  }
  return { root, helper: join(root, 'src', 'lib', 'response.ts'), routes };
}

function projectRoute(i, lines, rand) {
  let text = `import express from 'express';\nimport { unauthorized } from '../../lib/response';\n\nconst router = express.Router();\n\n`;
  for (let n = 0; text.split('\n').length < lines; n++) {
    text += `router.get('/r${i}/${n}', async (req, res) => {\n  if (${pick(rand, GUARDS)}) {\n    return unauthorized(res);\n  }\n  res.json({ page: ${n} });\n});\n\n`;
  }
  return `${text}export default router;\n`;
}

function plainModule(i, lines, rand) {
  let text = `// Module ${i}: code that sends no response.\n`;
  for (let n = 0; text.split('\n').length < lines; n++) {
    text += `export function compute${n}(values: number[], scale = ${Math.floor(rand() * 100)}): number {\n  let total = 0;\n  for (const value of values) total += value * scale;\n  return total / Math.max(values.length, 1);\n}\n\n`;
  }
  return text;
}
