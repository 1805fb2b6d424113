// The shapes of shared/PROJECT-ANALYSIS.md, each a small project in memory: where the status is
// decided, where the header is (or is not) set, and where the finding goes.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { at, lintProject, type Files } from './support';

const MISSING = 'missing-www-authenticate';
const PERMISSION = 'unauthorized-for-permission';
const CREDENTIALS = 'forbidden-for-missing-credentials';

describe('a response helper behind a tsconfig path (`@/lib/response`)', () => {
  const files: Files = {
    'tsconfig.json': '{ "compilerOptions": { "baseUrl": ".", "paths": { "@/*": ["src/*"] } } }',
    'src/lib/response.ts': `export function unauthorized(message = 'Unauthorized') {
  return Response.json({ error: message }, { status: 401 });
}

export function forbidden(message = 'Forbidden') {
  return Response.json({ error: message }, { status: 403 });
}
`,
    'src/app/projects/route.ts': `import { unauthorized } from '@/lib/response';
import { canEditProject, getSession } from '@/lib/auth';

export async function PATCH(request: Request) {
  const session = await getSession(request);
  if (!(await canEditProject(session.user, 'p1'))) {
    return unauthorized('You may not edit this project');
  }
  return Response.json({ ok: true });
}
`,
    'src/app/me/route.ts': `import { unauthorized } from '@/lib/response';

export async function GET(request: Request) {
  return unauthorized();
}
`,
  };

  it('reports the missing challenge once, at the helper; the permission failure at the call whose guard decides', () => {
    const run = lintProject(files);
    assert.deepEqual(run.findings, [
      `${at(files, 'src/app/projects/route.ts', "return unauthorized('You may not")} ${PERMISSION}`,
      `${at(files, 'src/lib/response.ts', 'status: 401')} ${MISSING}`,
    ]);
    assert.match(run.messages(PERMISSION)[0], /canEditProject/);
  });

  it('selects the callers of the helper by its name: a route that mentions no status is read', () => {
    assert.ok(lintProject(files).selected.includes('src/app/me/route.ts'));
  });
});

/** logto's shape: an error class whose status is an option, a Koa error middleware that answers it. */
function requestErrorProject(handlerAnswer: string): Files {
  return {
    'package.json': '{ "name": "core", "type": "module", "imports": { "#src/*": "./build/*" } }',
    'src/errors/request-error.ts': `export default class RequestError extends Error {
  status: number;
  constructor({ code, status = 400 }: { code: string; status?: number }) {
    super(code);
    this.status = status;
  }
}
`,
    'src/middleware/error-handler.ts': `import type { Middleware } from 'koa';
import RequestError from '#src/errors/request-error.js';

export default function errorHandler(): Middleware {
  return async (ctx, next) => {
    try {
      await next();
    } catch (error: unknown) {
      if (error instanceof RequestError) {
        ${handlerAnswer}
        ctx.body = { code: error.message };
        return;
      }
      ctx.status = 500;
    }
  };
}
`,
    'src/routes/users.ts': `import Router from '@koa/router';
import RequestError from '#src/errors/request-error.js';

const router = new Router();
router.get('/users', async (ctx) => {
  if (!ctx.state.user) {
    throw new RequestError({ code: 'auth.unauthorized', status: 401 });
  }
  if (!ctx.state.user.roles.includes('admin')) {
    throw new RequestError({ code: 'auth.forbidden', status: 401 });
  }
  ctx.body = [];
});

export default router;
`,
  };
}

describe('an error class with the status as an option, answered by a Koa error middleware (package.json imports)', () => {
  it('reports each 401 at its throw, naming the handler that drops the challenge', () => {
    const files = requestErrorProject('ctx.status = error.status;');
    const run = lintProject(files);
    assert.deepEqual(
      run.findings,
      [
        `${at(files, 'src/routes/users.ts', "code: 'auth.unauthorized'")} ${MISSING}`,
        `${at(files, 'src/routes/users.ts', "code: 'auth.forbidden'")} ${MISSING}`,
        `${at(files, 'src/routes/users.ts', "code: 'auth.forbidden'")} ${PERMISSION}`,
      ].sort(),
    );
    for (const message of run.messages(MISSING)) assert.match(message, /src\/middleware\/error-handler\.ts:10/);
    const related = [...run.results.get('src/routes/users.ts')!.findings][0].related;
    assert.ok(related.some((r) => r.file?.endsWith('error-handler.ts')), 'related information opens the handler');
  });

  it('is silent about the challenge when the handler adds one on 401', () => {
    const files = requestErrorProject("ctx.status = error.status;\n        if (error.status === 401) ctx.set('WWW-Authenticate', 'Bearer realm=\"api\"');");
    assert.deepEqual(lintProject(files).findings, [`${at(files, 'src/routes/users.ts', "code: 'auth.forbidden'")} ${PERMISSION}`]);
  });

  it('is silent when the handler does something it cannot read with the error', () => {
    const files = requestErrorProject('reportAndAnswer(ctx, error);');
    assert.deepEqual(lintProject(files).findings, [`${at(files, 'src/routes/users.ts', "code: 'auth.forbidden'")} ${PERMISSION}`]);
  });
});

describe('a CommonJS helper that takes the status as an argument (`api.sendError(401, res, err)`)', () => {
  const helper = (body: string): Files => ({
    'package.json': '{ "name": "api" }',
    'lib/api.js': `function sendError(status, res, err) {
  ${body}
  res.status(status).json({ error: err.message });
}

module.exports = { sendError };
`,
    'routes/user.js': `const express = require('express');
const api = require('../lib/api');

const router = express.Router();
router.get('/me', (req, res) => {
  if (!req.headers.authorization) return api.sendError(401, res, new Error('missing token'));
  if (req.user.role !== 'admin') return api.sendError(403, res, new Error('admins only'));
  res.json(req.user);
});

module.exports = router;
`,
  });

  it('reports the 401 at the caller, which picks the status, naming the helper', () => {
    const files = helper('');
    const run = lintProject(files);
    assert.deepEqual(run.findings, [`${at(files, 'routes/user.js', 'sendError(401')} ${MISSING}`]);
    assert.match(run.messages(MISSING)[0], /`sendError\(\)` \(lib\/api\.js:1\) sends this 401/);
  });

  it('is silent when the helper sets the challenge for 401s', () => {
    const files = helper("if (status === 401) res.set('WWW-Authenticate', 'Bearer realm=\"api\"');");
    assert.deepEqual(lintProject(files).findings, []);
  });
});

describe('a controller that returns `{ status: 401 }` to its route', () => {
  const files: Files = {
    'package.json': '{ "name": "app" }',
    'src/controllers/user.ts': `export async function getUser(headers: Record<string, string>) {
  if (!headers.authorization) {
    return { status: 401, body: { error: 'missing token' } };
  }
  return { status: 200, body: { name: 'me' } };
}
`,
    'src/routes/user.ts': `import express from 'express';
import { getUser } from '../controllers/user';

const router = express.Router();
router.get('/me', async (req, res) => {
  const result = await getUser(req.headers as Record<string, string>);
  res.status(result.status).json(result.body);
});

export default router;
`,
  };

  it('reports the send without a challenge in the route, pointing at the return that picks 401', () => {
    const run = lintProject(files);
    assert.deepEqual(run.findings, [`${at(files, 'src/routes/user.ts', 'res.status(result.status)')} ${MISSING}`]);
    const [finding] = run.results.get('src/routes/user.ts')!.findings;
    assert.ok(finding.related.some((r) => r.file?.endsWith('controllers/user.ts') && /getUser/.test(r.message)));
    assert.equal(finding.fixes[0].edits.length > 0, true, 'the fix chains the header in the route');
  });
});

describe('an http-errors factory in an errors module, and the app\'s error middleware', () => {
  const files = (handler: string, factoryHeaders = ''): Files => ({
    'package.json': '{ "name": "app" }',
    'src/errors.ts': `import createError from 'http-errors';

export const AuthError = (message: string) => createError(401, message${factoryHeaders});
`,
    'src/app.ts': `import express from 'express';
import { AuthError } from './errors';

const app = express();
app.get('/admin', (req, res, next) => {
  if (!req.user.isAdmin) return next(AuthError('admins only'));
  res.json({});
});
app.use((err, req, res, next) => {
  ${handler}
});
`,
  });

  it('reports the factory once, and the permission failure at the call that passes it on', () => {
    const run = lintProject(files('res.status(err.status).json({ error: err.message });'));
    assert.deepEqual(run.findings, [
      `${at(files(''), 'src/app.ts', 'next(AuthError(')} ${PERMISSION}`,
      `${at(files(''), 'src/errors.ts', 'createError(401')} ${MISSING}`,
    ]);
  });

  it('is silent about the challenge when the factory gives the error one and the handler copies the headers', () => {
    const run = lintProject(files("res.set(err.headers).status(err.status).json({ error: err.message });", ", { headers: { 'WWW-Authenticate': 'Bearer realm=\"app\"' } }"));
    assert.deepEqual(run.findings, [`${at(files(''), 'src/app.ts', 'next(AuthError(')} ${PERMISSION}`]);
  });
});

describe('status constants of another file (`res.status(codes.UNAUTHORIZED)`)', () => {
  const files: Files = {
    'package.json': '{ "name": "app" }',
    'src/http/codes.ts': `export const UNAUTHORIZED = 401;
export const codes = { UNAUTHORIZED: 401, FORBIDDEN: 403 } as const;
`,
    'src/routes.ts': `import express from 'express';
import { codes, UNAUTHORIZED } from './http/codes';

const router = express.Router();
router.get('/a', (req, res) => {
  if (!req.headers.authorization) return res.status(codes.UNAUTHORIZED).json({});
  if (!req.user.isAdmin) return res.status(UNAUTHORIZED).json({});
  res.json({});
});
`,
  };

  it('reads the constant at its use, where the fix goes', () => {
    const run = lintProject(files);
    assert.deepEqual(run.findings, [
      `${at(files, 'src/routes.ts', 'codes.UNAUTHORIZED')} ${MISSING}`,
      `${at(files, 'src/routes.ts', 'res.status(UNAUTHORIZED)')} ${MISSING}`,
      `${at(files, 'src/routes.ts', 'res.status(UNAUTHORIZED)')} ${PERMISSION}`,
    ]);
    const permission = run.results.get('src/routes.ts')!.findings.find((f) => f.ruleId === PERMISSION)!;
    assert.deepEqual(
      permission.fixes[0].edits.map((e) => e.newText),
      ['403'],
    );
  });
});

describe('a 403 helper called on missing credentials', () => {
  const files: Files = {
    'package.json': '{ "name": "app" }',
    'src/respond.ts': `export const deny = (res: { status(code: number): { end(): void } }) => res.status(403).end();
`,
    'src/server.ts': `import express from 'express';
import { deny } from './respond';

const app = express();
app.get('/x', (req, res) => {
  const token = req.headers.authorization;
  if (!token) return deny(res);
  res.end();
});
`,
  };

  it('reports at the call whose guard decides', () => {
    assert.deepEqual(lintProject(files).findings, [`${at(files, 'src/server.ts', 'return deny(res)')} ${CREDENTIALS}`]);
  });
});

describe('a dispatcher helper that picks 401 or 403 by the error it is given', () => {
  const files = (permissionFailure: string): Files => ({
    'package.json': '{ "name": "app" }',
    'src/errors.ts': `type Res = { setHeader(name: string, value: string): void; status(code: number): { end(): void } };

export function answerError(res: Res, error: { type: string }) {
  switch (error.type) {
    case 'unauthorized':
    case 'expired':
      res.setHeader('WWW-Authenticate', 'Bearer realm="api"');
      return res.status(401).end();
    case 'forbidden':
      return res.status(403).end();
    default:
      return res.status(500).end();
  }
}
`,
    'src/server.ts': `import express from 'express';
import { answerError } from './errors';

const app = express();
app.get('/projects/:id', async (req, res) => {
  const found = await loadProject(req.params.id);
  if (!found.ok) return answerError(res, found.error);
  if (!(await canEdit(req.user, found.project))) {
    return answerError(res, ${permissionFailure});
  }
  res.json(found.project);
});
`,
  });

  it('reports the permission failure answered with the 401 branch, at the call that picks it', () => {
    const project = files("{ type: 'unauthorized' }");
    assert.deepEqual(lintProject(project).findings, [`${at(project, 'src/server.ts', "return answerError(res, { type: 'unauthorized' })")} ${PERMISSION}`]);
  });

  it('follows a case that falls through into the 401 branch', () => {
    const project = files("{ type: 'expired' }");
    assert.deepEqual(lintProject(project).findings, [`${at(project, 'src/server.ts', "return answerError(res, { type: 'expired' })")} ${PERMISSION}`]);
  });

  it('is silent when the call picks the 403 branch', () => {
    assert.deepEqual(lintProject(files("{ type: 'forbidden' }")).findings, []);
  });

  // The branch is read, not skipped as unknown: the 403 it picks for missing credentials is
  // reported (a type named `forbidden` would say the refusal is meant as one, and keep it silent).
  it('reports the 403 branch picked for missing credentials, at the call', () => {
    const project = files("{ type: 'forbidden' }");
    project['src/errors.ts'] = project['src/errors.ts'].replace("case 'forbidden':", "case 'forbidden':\n    case 'refused':");
    project['src/server.ts'] = project['src/server.ts'].replace('const found = await', "if (!req.headers.authorization) return answerError(res, { type: 'refused' });\n  const found = await");
    assert.deepEqual(lintProject(project).findings, [`${at(project, 'src/server.ts', "if (!req.headers.authorization)")} ${CREDENTIALS}`]);
  });

  // An error of unknown type may take any branch: the guard around the call says nothing of
  // which code the helper sends.
  it('is silent when the error passed on may take the 401 or the 403 branch', () => {
    assert.deepEqual(lintProject(files('found.error')).findings, []);
  });
});

describe('helpers gathered in an exported object, used by a route that mentions no status', () => {
  const files: Files = {
    'package.json': '{ "name": "app" }',
    'src/lib/response.ts': `const unauthorizedResponse = () => Response.json({ error: 'unauthorized' }, { status: 401 });
const notFoundResponse = () => Response.json({ error: 'not found' }, { status: 404 });

export const responses = { unauthorizedResponse, notFoundResponse };
`,
    'src/lib/errors.ts': `import { responses } from './response';

export const answerError = (error: { type: string }) => {
  if (error.type === 'unauthorized') return responses.unauthorizedResponse();
  return responses.notFoundResponse();
};
`,
    'src/app/hooks/route.ts': `import { answerError } from '../../lib/errors';

export async function DELETE(request: Request) {
  const user = await currentUser(request);
  if (!(await hasPermission(user, 'hooks:delete'))) {
    return answerError({ type: 'unauthorized' });
  }
  return new Response(null, { status: 204 });
}
`,
  };

  // The route names neither the object nor a status: it is found as a caller of the dispatcher,
  // itself found as a caller of the object whose member sends the 401.
  it('finds the route through the dispatcher and reports the permission failure there', () => {
    const run = lintProject(files);
    assert.ok(run.selected.includes('src/app/hooks/route.ts'));
    assert.deepEqual(run.findings, [
      `${at(files, 'src/app/hooks/route.ts', "return answerError({ type: 'unauthorized' })")} ${PERMISSION}`,
      `${at(files, 'src/lib/response.ts', 'Response.json({ error: \'unauthorized\' }')} ${MISSING}`,
    ]);
  });
});

describe('a Nest exception answered by a global filter of another file', () => {
  const files = (answer: string): Files => ({
    'package.json': '{ "name": "api" }',
    'src/main.ts': `import { NestFactory } from '@nestjs/core';
import { AppModule } from './app.module';
import { AuthExceptionFilter } from './auth-exception.filter';

async function bootstrap() {
  const app = await NestFactory.create(AppModule);
  app.useGlobalFilters(new AuthExceptionFilter());
  await app.listen(3000);
}
bootstrap();
`,
    'src/auth-exception.filter.ts': `import { ArgumentsHost, Catch, ExceptionFilter, HttpException } from '@nestjs/common';

@Catch(HttpException)
export class AuthExceptionFilter implements ExceptionFilter {
  catch(exception: HttpException, host: ArgumentsHost) {
    const response = host.switchToHttp().getResponse();
    ${answer}
    response.status(exception.getStatus()).json({ message: exception.message });
  }
}
`,
    'src/projects.controller.ts': `import { Controller, Get, Req, UnauthorizedException } from '@nestjs/common';

@Controller('projects')
export class ProjectsController {
  @Get()
  list(@Req() request: { user?: { id: string } }) {
    if (!request.user) throw new UnauthorizedException('missing token');
    return [];
  }
}
`,
  });

  it('is silent when the filter adds the challenge on 401', () => {
    assert.deepEqual(lintProject(files("if (exception.getStatus() === 401) response.header('WWW-Authenticate', 'Bearer realm=\"api\"');")).findings, []);
  });

  it('names the filter when it sends the 401 without one', () => {
    const project = files('');
    const run = lintProject(project);
    assert.deepEqual(run.findings, [`${at(project, 'src/projects.controller.ts', 'throw new UnauthorizedException')} ${MISSING}`]);
    assert.match(run.messages(MISSING)[0], /a global exception filter \(src\/auth-exception\.filter\.ts:\d+\)/);
  });
});

describe('a caller identified by a project helper that answers 401 itself', () => {
  const files: Files = {
    'package.json': '{ "name": "boards" }',
    'src/lib/auth.ts': `import type { Request, Response } from 'express';

export function requireUser(req: Request, res: Response) {
  const id = req.signedCookies.sid;
  if (!id) {
    res.status(401).set('WWW-Authenticate', 'Cookie realm="boards"').end();
    return undefined;
  }
  return id;
}
`,
    'src/routes/boards.ts': `import { Router } from 'express';
import { requireUser } from '../lib/auth';

const router = Router();

router.delete('/boards/:id', async (req, res) => {
  const viewer = requireUser(req, res);
  if (!(await mayArchive(req.params.id))) return res.status(401).set('WWW-Authenticate', 'Cookie').end();
  res.sendStatus(204);
});

router.patch('/boards/:id', async (req, res) => {
  if (!(await mayArchive(req.params.id))) return res.status(401).set('WWW-Authenticate', 'Cookie').end();
  res.sendStatus(204);
});
`,
  };

  it('reports the permission failure after the helper, and not where nothing identified the caller', () => {
    const run = lintProject(files);
    const permission = run.findings.filter((finding) => finding.endsWith(PERMISSION));
    assert.deepEqual(permission, [`${at(files, 'src/routes/boards.ts', 'res.status(401)')} ${PERMISSION}`]);
    assert.match(run.messages(PERMISSION)[0], /`requireUser\(req, res\)` answers 401 before it/);
  });
});

describe('a check function of another file, read by what it returns', () => {
  const files: Files = {
    'package.json': '{ "name": "boards" }',
    'src/lib/access.ts': `import { db } from './db';
import { config } from './config';

export async function boardGate(user: { id: string }, board: string) {
  const membership = await db.membership.findFirst({ where: { userId: user.id, board } });
  return membership?.role === 'owner';
}

export function tokenLoginEnabled() {
  return config.features.tokenLogin === true;
}
`,
    'src/routes/boards.ts': `import { Router } from 'express';
import { boardGate, tokenLoginEnabled } from '../lib/access';
import { getSession } from '../lib/session';

const router = Router();

router.delete('/boards/:id', async (req, res) => {
  const session = await getSession(req);
  if (!(await boardGate(session.user, req.params.id))) return res.status(401).set('WWW-Authenticate', 'Cookie').end();
  res.sendStatus(204);
});

router.post('/login/token', async (req, res) => {
  if (!tokenLoginEnabled()) return res.status(403).json({ error: 'token login is off' });
  res.sendStatus(204);
});
`,
  };

  it('reads a permission check whatever its name, and names where it is defined', () => {
    const run = lintProject(files);
    assert.deepEqual(run.findings, [`${at(files, 'src/routes/boards.ts', 'res.status(401)')} ${PERMISSION}`]);
    assert.match(run.messages(PERMISSION)[0], /a permission check \(`boardGate\(session\.user, req\.params\.id\)`, src\/lib\/access\.ts:4\)/);
  });

  it('keeps silent about a 403 behind a setting, although the function is named for a token', () => {
    const run = lintProject(files);
    assert.ok(!run.findings.some((finding) => finding.endsWith(CREDENTIALS)), run.findings.join('\n'));
  });
});

describe('a tRPC router whose procedure authenticates', () => {
  const files: Files = {
    'package.json': '{ "name": "api" }',
    'src/router.ts': `import { TRPCError } from '@trpc/server';
import { protectedProcedure, publicProcedure, router } from './trpc';

export const posts = router({
  remove: protectedProcedure.input(schema).mutation(async ({ input }) => {
    if (!(await canDeletePost(input.id))) throw new TRPCError({ code: 'UNAUTHORIZED' });
  }),
  preview: publicProcedure.input(schema).query(async ({ input }) => {
    if (!(await canPreviewPost(input.id))) throw new TRPCError({ code: 'UNAUTHORIZED' });
  }),
});
`,
  };

  it('reports the permission failure in the protected procedure only, followed through its chain', () => {
    const run = lintProject(files);
    const permission = run.findings.filter((finding) => finding.endsWith(PERMISSION));
    assert.deepEqual(permission, [`${at(files, 'src/router.ts', "new TRPCError({ code: 'UNAUTHORIZED' })")} ${PERMISSION}`]);
    assert.match(run.messages(PERMISSION)[0], /the handler runs inside `protectedProcedure\.input\(schema\)\.mutation`/);
  });
});

describe('a problem-details builder that takes the status and writes it as `{ status }`', () => {
  const files = (challenge: string): Files => ({
    'package.json': '{ "name": "api" }',
    'src/lib/problem.ts': `export function problemResponse(status: number, title: string) {
  return Response.json({ title, status }, { status, headers: { 'Content-Type': 'application/problem+json'${challenge} } });
}

export const problemUnauthorized = (title = 'Unauthorized') => problemResponse(401, title);
export const problemNotFound = (title = 'Not found') => problemResponse(404, title);
`,
    'src/app/items/route.ts': `import { problemResponse, problemUnauthorized } from '../../lib/problem';

export async function GET(request: Request) {
  if (!request.headers.get('authorization')) return problemUnauthorized('missing token');
  if (!request.headers.get('x-tenant')) return problemResponse(401, 'no tenant');
  return Response.json([]);
}
`,
  });

  it('reports each 401 where it is picked: in the wrapper, and at the call that passes it', () => {
    const project = files('');
    const run = lintProject(project);
    assert.deepEqual(run.findings, [
      `${at(project, 'src/app/items/route.ts', "problemResponse(401, 'no tenant')")} ${MISSING}`,
      `${at(project, 'src/lib/problem.ts', 'problemResponse(401, title)')} ${MISSING}`,
    ]);
    assert.match(run.messages(MISSING)[0], /`problemResponse\(\)` \(src\/lib\/problem\.ts:1\) sends this 401/);
  });

  it('is silent when the builder writes a challenge', () => {
    assert.deepEqual(lintProject(files(", 'WWW-Authenticate': 'Bearer realm=\"api\"'")).findings, []);
  });
});

describe('a helper that answers 401, called earlier in the same case of a switch', () => {
  const files: Files = {
    'package.json': '{ "name": "api" }',
    'src/routes.ts': `import express from 'express';
const router = express.Router();
function requireUser(req, res) {
  if (!req.headers.authorization) {
    res.set('WWW-Authenticate', 'Bearer realm="api"').status(401).end();
    throw new Error('unauthenticated');
  }
  return decode(req.headers.authorization);
}
router.delete('/things/:kind', (req, res) => {
  switch (req.params.kind) {
    case 'post':
      requireUser(req, res);
      if (!canDeletePost(req.params.id)) return res.set('WWW-Authenticate', 'Bearer realm="api"').sendStatus(401);
      return res.end();
  }
});
`,
  };

  it('knows the caller past the helper: the case around both is no condition between them', () => {
    const run = lintProject(files);
    assert.deepEqual(run.findings, [`${at(files, 'src/routes.ts', "res.set('WWW-Authenticate', 'Bearer realm=\"api\"').sendStatus(401)")} ${PERMISSION}`]);
    assert.match(run.messages(PERMISSION)[0], /`requireUser\(req, res\)` answers 401 before it/);
  });
});

describe("an error class that passes 401 to Hono's HTTPException, answered by the app's onError", () => {
  const files: Files = {
    'package.json': '{ "name": "api", "dependencies": { "hono": "4" } }',
    'src/errors.ts': `import { HTTPException } from 'hono/http-exception';

export class ApiKeyError extends HTTPException {
  constructor(message: string) {
    super(401, { message });
  }
}
`,
    'src/app.ts': `import { Hono } from 'hono';
import { HTTPException } from 'hono/http-exception';
import { ApiKeyError } from './errors';

const app = new Hono();
app.onError((err, c) => (err instanceof HTTPException ? c.json({ error: err.message }, { status: err.status }) : c.json({ error: 'internal' }, 500)));
app.use('/v1/*', async (c, next) => {
  if (!c.req.header('x-api-key')) throw new ApiKeyError('missing key');
  await next();
});
export default app;
`,
  };

  it('reports the 401 once, where the class passes it, naming the class and pointing at it', () => {
    const run = lintProject(files);
    assert.deepEqual(run.findings, [`${at(files, 'src/errors.ts', 'super(401, { message })')} ${MISSING}`]);
    assert.match(run.messages(MISSING)[0], /This 401 \(`ApiKeyError`\) reaches Hono's onError \(src\/app\.ts:6\)/);
  });

  it('offers no edit in a handler whose body is an expression: a statement beside its registration could not read the error', () => {
    const finding = lintProject(files).results.get('src/errors.ts')!.findings[0];
    assert.deepEqual(finding.fixes[0].edits, []);
    assert.match(finding.fixes[0].disabledReason ?? '', /add the challenge where the app's error handler answers 401s/);
  });
});

describe("an error class whose status a project function maps from the code it is given (`super(codeToStatus(code))`)", () => {
  const files = (mapper: string): Files => ({
    'package.json': '{ "name": "api", "dependencies": { "hono": "4" } }',
    'src/codes.ts': `export function codeToStatus(code: string) {
  switch (code) {
${mapper}
    default:
      return 500;
  }
}
`,
    'src/errors.ts': `import { HTTPException } from 'hono/http-exception';
import { codeToStatus } from './codes';

export class ApiError extends HTTPException {
  constructor({ code, message }: { code: string; message?: string }) {
    super(codeToStatus(code), { message });
  }
}
`,
    'src/app.ts': `import { Hono } from 'hono';
import { HTTPException } from 'hono/http-exception';
import { ApiError } from './errors';

const app = new Hono();
app.onError((err, c) => (err instanceof HTTPException ? c.json({ error: err.message }, { status: err.status }) : c.json({ error: 'internal' }, 500)));
app.delete('/v1/projects/:id', async (c) => {
  const user = c.get('user');
  if (!user) throw new ApiError({ code: 'NOT_LOGGED_IN', message: 'log in' });
  if (user.role !== 'admin') throw new ApiError({ code: 'NOT_LOGGED_IN', message: 'admins only' });
  if (!c.req.param('id')) throw new ApiError({ code: 'MISSING_ID' });
  return c.json({ ok: true });
});
export default app;
`,
  });
  const MAPPER = `    case 'NOT_LOGGED_IN':
      return 401;
    case 'NO_ACCESS':
      return 403;
    case 'MISSING_ID':
      return 400;`;

  it('reports each 401 where its code is named, and rewrites a permission failure to the name the function maps to 403', () => {
    const project = files(MAPPER);
    const run = lintProject(project);
    assert.deepEqual(run.findings, [
      `${at(project, 'src/app.ts', "if (user.role !== 'admin')")} ${MISSING}`,
      `${at(project, 'src/app.ts', "if (user.role !== 'admin')")} ${PERMISSION}`,
      `${at(project, 'src/app.ts', "if (!user) throw new ApiError")} ${MISSING}`,
    ]);
    const result = run.results.get('src/app.ts')!;
    const permission = result.findings.find((finding) => finding.ruleId === PERMISSION)!;
    assert.deepEqual(
      permission.fixes[0].edits.map((edit) => edit.newText),
      ["'NO_ACCESS'"],
    );
  });

  it('writes the name that reads as 403 when several map to it', () => {
    const project = files(`    case 'NOT_LOGGED_IN':
      return 401;
    case 'CSRF_TOKEN_INVALID':
      return 403;
    case 'FORBIDDEN':
      return 403;`);
    const permission = lintProject(project).results.get('src/app.ts')!.findings.find((finding) => finding.ruleId === PERMISSION)!;
    assert.deepEqual(permission.fixes[0].edits.map((edit) => edit.newText), ["'FORBIDDEN'"]);
  });

  it('reads a mapper written as if-returns on the same parameter, and none whose test is an ||', () => {
    const project = {
      ...files(''),
      'src/codes.ts': `export function codeToStatus(code: string) {
  if (code === 'NOT_LOGGED_IN') return 401;
  if (code === 'NO_ACCESS') return 403;
  return 500;
}
`,
    };
    const run = lintProject(project);
    assert.ok(run.findings.includes(`${at(project, 'src/app.ts', "if (!user) throw new ApiError")} ${MISSING}`), run.findings.join('\n'));
    const permission = run.results.get('src/app.ts')!.findings.find((finding) => finding.ruleId === PERMISSION)!;
    assert.deepEqual(permission.fixes[0].edits.map((edit) => edit.newText), ["'NO_ACCESS'"]);
    const either = { ...project, 'src/codes.ts': project['src/codes.ts'].replace("code === 'NOT_LOGGED_IN'", "code === 'NOT_LOGGED_IN' || code === 'SESSION_GONE'") };
    assert.deepEqual(lintProject(either).findings, []);
  });

  it('reads nothing from a function that does more than map the name (a branch in another condition)', () => {
    const project = files(`    case 'NOT_LOGGED_IN':
      if (process.env.PUBLIC_API) return 404;
      return 401;`);
    assert.deepEqual(lintProject(project).findings, []);
  });

  it('reads nothing when no branch of the function maps the name for sure', () => {
    const project = files(`    case 'NO_ACCESS':
      return 403;`);
    assert.deepEqual(lintProject(project).findings, []);
  });
});
