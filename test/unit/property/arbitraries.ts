// Generators for the property tests (issue 5, "bad input never hurts"): realistic handler files in
// the frameworks the engine reads, built from small choices (guard, status, header, where the
// header is written) so that fast-check can shrink a failing file to the choice that matters, and
// random truncations and mutations of them, as a file looks while someone types.
import fc from 'fast-check';
import type { LintSettings } from '../../../server/src/engine';

export type Status = 200 | 401 | 403 | 407;
export type StatusForm = 'literal' | 'const' | 'StatusCodes' | 'HttpStatus';
export type Framework = 'express' | 'node-http' | 'koa' | 'fastify' | 'fetch' | 'nestjs' | 'hono';
export const FRAMEWORKS: readonly Framework[] = ['express', 'node-http', 'koa', 'fastify', 'fetch', 'nestjs', 'hono'];

/** Where a header is written relative to the status. */
export type Placement = 'before' | 'chained' | 'branch' | 'after';

export interface HeaderWrite {
  name: string;
  value: string;
  placement: Placement;
}

/** Which kind of guard leads to the response, and how it reads. */
export interface Guard {
  kind: 'credentials' | 'permission' | 'other' | 'none' | 'else';
  variant: number;
}

export interface ResponseSpec {
  guard: Guard;
  status: Status;
  statusForm: StatusForm;
  headers: HeaderWrite[];
  /** Which of the framework's ways to send it (taken modulo the number it has). */
  variant: number;
  /** A suppression comment above the response naming this rule, or all rules with ''. */
  suppress: string | undefined;
}

export interface Handler {
  responses: ResponseSpec[];
}

export interface HandlerFile {
  framework: Framework;
  handlers: Handler[];
  quote: "'" | '"';
  semicolons: boolean;
  eol: '\n' | '\r\n';
  indent: '  ' | '    ' | '\t';
  /** `// http-auth-lint proxy` at the top: 407 with Proxy-Authenticate is right there. */
  proxyComment: boolean;
  extension: '.ts' | '.js' | '.tsx' | '.mts' | '.cjs';
}

const STATUS_NAMES: Record<Status, string> = {
  200: 'OK',
  401: 'UNAUTHORIZED',
  403: 'FORBIDDEN',
  407: 'PROXY_AUTHENTICATION_REQUIRED',
};

export const RULE_IDS = [
  'missing-www-authenticate',
  'proxy-auth-from-origin',
  'unauthorized-for-permission',
  'forbidden-for-missing-credentials',
  'missing-proxy-authenticate',
  'invalid-challenge',
  'challenge-lost',
] as const;

const HEADER_NAMES = [
  'WWW-Authenticate',
  'www-authenticate',
  'Www-Authenticate',
  'WWW-AUTHENTICATE',
  'Proxy-Authenticate',
  'proxy-authenticate',
  'Content-Type',
];

/** Challenges, valid and not (RFC 9110 §11.6.1, RFC 6750 §3), with quotes and backslashes that a
 * fix must escape. */
const HEADER_VALUES = [
  'Bearer realm="api"',
  'Bearer realm="api", error="invalid_token"',
  'Basic realm="admin", charset="UTF-8"',
  'Digest realm="x", nonce="abc"',
  'Negotiate',
  'Bearer',
  'Basic',
  'Bearer realm=api',
  'Bearer realm="a" error="b"',
  'realm="x"',
  '',
  "Basic realm=\"O'Reilly\"",
  'Bearer realm="a\\"b"',
  'application/json',
];

/** Values of `defaultChallenge` that are valid challenges, so a fix that writes one adds no
 * invalid-challenge finding; some hold both quotes, a backslash or `${`. */
export const VALID_CHALLENGES = [
  'Bearer realm="api"',
  'Basic realm="admin", charset="UTF-8"',
  "Bearer realm=\"O'Reilly\"",
  'Bearer realm="a\\"b"',
  'Bearer realm="${x}"',
  'Bearer realm="`tick`"',
  'Newauth realm="apps", type=1, title="Login to \\"apps\\""',
];

const guard: fc.Arbitrary<Guard> = fc.record({
  kind: fc.constantFrom<Guard['kind']>('credentials', 'permission', 'other', 'none', 'else'),
  variant: fc.nat({ max: 5 }),
});

const headerWrite: fc.Arbitrary<HeaderWrite> = fc.record({
  name: fc.constantFrom(...HEADER_NAMES),
  value: fc.constantFrom(...HEADER_VALUES),
  placement: fc.constantFrom<Placement>('before', 'chained', 'chained', 'branch', 'after'),
});

const response: fc.Arbitrary<ResponseSpec> = fc.record(
  {
    guard,
    status: fc.constantFrom<Status>(401, 401, 403, 407, 200),
    statusForm: fc.constantFrom<StatusForm>('literal', 'literal', 'const', 'StatusCodes', 'HttpStatus'),
    headers: fc.array(headerWrite, { maxLength: 2 }),
    variant: fc.nat({ max: 5 }),
    suppress: fc.oneof({ arbitrary: fc.constant(undefined), weight: 6 }, { arbitrary: fc.constantFrom(...RULE_IDS, ''), weight: 1 }),
  },
);

export const handlerFile: fc.Arbitrary<HandlerFile> = fc.record({
  framework: fc.constantFrom(...FRAMEWORKS),
  handlers: fc.array(fc.record({ responses: fc.array(response, { minLength: 1, maxLength: 3 }) }), { minLength: 1, maxLength: 3 }),
  quote: fc.constantFrom<"'" | '"'>("'", '"'),
  semicolons: fc.boolean(),
  eol: fc.constantFrom<'\n' | '\r\n'>('\n', '\n', '\r\n'),
  indent: fc.constantFrom<'  ' | '    ' | '\t'>('  ', '  ', '    ', '\t'),
  proxyComment: fc.oneof({ arbitrary: fc.constant(false), weight: 4 }, { arbitrary: fc.constant(true), weight: 1 }),
  extension: fc.constantFrom<HandlerFile['extension']>('.ts', '.ts', '.js', '.tsx', '.mts', '.cjs'),
});

// ---------------------------------------------------------------------------------------------
// Rendering

interface Context {
  file: HandlerFile;
  /** Names to import or declare at the top of the file. */
  statusCodes: boolean;
  httpStatus: boolean;
  consts: Set<Status>;
}

/** TypeScript-only syntax (parameter types, decorators) is kept out of .js and .cjs files. */
function isTypeScript(file: HandlerFile): boolean {
  return file.extension !== '.js' && file.extension !== '.cjs';
}

function str(ctx: Context, value: string): string {
  const q = ctx.file.quote;
  return q + value.replace(/\\/g, '\\\\').split(q).join(`\\${q}`) + q;
}

function statusExpr(ctx: Context, r: ResponseSpec): string {
  switch (r.statusForm) {
    case 'literal':
      return String(r.status);
    case 'const':
      ctx.consts.add(r.status);
      return `${STATUS_NAMES[r.status]}_STATUS`;
    case 'StatusCodes':
      ctx.statusCodes = true;
      return `StatusCodes.${STATUS_NAMES[r.status]}`;
    case 'HttpStatus':
      ctx.httpStatus = true;
      return `HttpStatus.${STATUS_NAMES[r.status]}`;
  }
}

/** The request-side names each framework's guards read. */
const REQUEST_EXPR: Record<Framework, { auth: string; user: string }> = {
  express: { auth: 'req.headers.authorization', user: 'req.user' },
  'node-http': { auth: 'req.headers.authorization', user: 'user' },
  koa: { auth: "ctx.get('Authorization')", user: 'ctx.state.user' },
  fastify: { auth: 'request.headers.authorization', user: 'request.user' },
  fetch: { auth: "request.headers.get('Authorization')", user: 'user' },
  nestjs: { auth: 'req.headers.authorization', user: 'req.user' },
  hono: { auth: "c.req.header('Authorization')", user: 'user' },
};

function condition(ctx: Context, g: Guard): string | undefined {
  const { auth, user } = REQUEST_EXPR[ctx.file.framework];
  const q = (s: string) => str(ctx, s);
  switch (g.kind) {
    case 'credentials':
      return [`!token`, `!${auth}`, `!${user}`, `!token || !(await verify(token))`, `!${auth}?.startsWith(${q('Bearer ')})`, `token === undefined`][g.variant % 6];
    case 'permission':
      return [`${user}.role !== ${q('admin')}`, `!${user}.permissions.includes(${q('posts:write')})`, `!${user}.isAdmin`, `${user}?.role !== ${q('owner')}`, `!${user}.roles.includes(${q('editor')})`, `!can(${user}, ${q('delete')})`][g.variant % 6];
    case 'other':
      return [`${q('x')} in query`, `Math.random() > 0.5`, `!found`, `items.length === 0`, `${user} && !${user}.active`, `flag`][g.variant % 6];
    case 'else':
      return [`token`, `${user}`, `${user}.isAdmin`, `${auth}`, `${user}.role === ${q('admin')}`, `ok`][g.variant % 6];
    case 'none':
      return undefined;
  }
}

type Lines = (string | Lines)[];

/** The lines that send one response, with its header writes, for each framework. */
function sendLines(ctx: Context, r: ResponseSpec): Lines {
  const q = (s: string) => str(ctx, s);
  const status = statusExpr(ctx, r);
  const before = r.headers.filter((h) => h.placement === 'before');
  const chained = r.headers.filter((h) => h.placement === 'chained');
  const branch = r.headers.filter((h) => h.placement === 'branch');
  const after = r.headers.filter((h) => h.placement === 'after');
  const v = r.variant;
  const f = ctx.file.framework;
  const headerObject = (hs: HeaderWrite[]) => `{ ${hs.map((h) => `${q(h.name)}: ${q(h.value)}`).join(', ')} }`;

  let setter: (h: HeaderWrite) => string;
  let send: string[];
  switch (f) {
    case 'express': {
      const method = ['set', 'header', 'append', 'setHeader'][v % 4];
      setter = (h) => `res.${method === 'setHeader' ? 'setHeader' : method}(${q(h.name)}, ${q(h.value)})`;
      const chain = chained.map((h) => `.${method === 'setHeader' ? 'set' : method}(${q(h.name)}, ${q(h.value)})`).join('');
      send = [
        [`return res.status(${status})${chain}.json({ error: ${q('denied')} })`],
        [`return res${chain}.sendStatus(${status})`],
        [`res.status(${status})${chain}.end()`, `return`],
        [`return res.status(${status})${chain}.send(${q('no')})`],
        [`next(Object.assign(new Error(${q('denied')}), { status: ${status}${chained.length ? `, headers: ${headerObject(chained)}` : ''} }))`, `return`],
        [`res.status(${status})`, ...chained.map((h) => `res.set(${q(h.name)}, ${q(h.value)})`), `return res.json({})`],
      ][v % 6];
      break;
    }
    case 'node-http': {
      setter = (h) => `res.setHeader(${q(h.name)}, ${q(h.value)})`;
      const flat = chained.flatMap((h) => [q(h.name), q(h.value)]);
      send = [
        [`res.writeHead(${status}, { ${[`${q('Content-Type')}: ${q('text/plain')}`, ...chained.map((h) => `${q(h.name)}: ${q(h.value)}`)].join(', ')} })`, `return res.end(${q('no')})`],
        [`res.statusCode = ${status}`, ...chained.map((h) => `res.setHeader(${q(h.name)}, ${q(h.value)})`), `res.end()`, `return`],
        [`res.writeHead(${status}${chained.length ? `, ${headerObject(chained)}` : ''}).end()`, `return`],
        [`res.writeHead(${status}, [${flat.join(', ')}])`, `return res.end()`],
        [`res.statusCode = ${status}`, `return res.end(${q('no')})`],
        [`res.writeHead(${status}, ${q('Nope')}${chained.length ? `, ${headerObject(chained)}` : ''})`, `res.end()`, `return`],
      ][v % 6];
      break;
    }
    case 'koa': {
      setter = (h) => `ctx.set(${q(h.name)}, ${q(h.value)})`;
      send = [
        [`ctx.throw(${status}, ${q('denied')}${chained.length ? `, { headers: ${headerObject(chained)} }` : ''})`],
        [`ctx.status = ${status}`, ...chained.map((h) => `ctx.set(${q(h.name)}, ${q(h.value)})`), `ctx.body = { error: ${q('denied')} }`, `return`],
        [`ctx.assert(false, ${status}, ${q('denied')}${chained.length ? `, { headers: ${headerObject(chained)} }` : ''})`],
        [`ctx.set(${headerObject(chained)})`, `ctx.status = ${status}`, `return`],
        [`ctx.response.status = ${status}`, `return`],
        [`throw Object.assign(new Error(${q('denied')}), { status: ${status}, expose: true${chained.length ? `, headers: ${headerObject(chained)}` : ''} })`],
      ][v % 6];
      break;
    }
    case 'fastify': {
      setter = (h) => `reply.header(${q(h.name)}, ${q(h.value)})`;
      const chain = chained.map((h) => `.header(${q(h.name)}, ${q(h.value)})`).join('');
      send = [
        [`return reply.code(${status})${chain}.send({ error: ${q('denied')} })`],
        [`return reply.status(${status})${chain}.send()`],
        [`reply${chain}.code(${status})`, `return reply.send(${q('no')})`],
        [`return reply.code(${status}).headers(${headerObject(chained)}).send()`],
        [`throw Object.assign(new Error(${q('denied')}), { statusCode: ${status}${chained.length ? `, headers: ${headerObject(chained)}` : ''} })`],
        [`reply.code(${status})`, ...chained.map((h) => `reply.header(${q(h.name)}, ${q(h.value)})`), `return reply.send()`],
      ][v % 6];
      break;
    }
    case 'fetch': {
      setter = (h) => `headers.set(${q(h.name)}, ${q(h.value)})`;
      const init = (extra: string) => `{ status: ${status}${chained.length ? `, headers: ${headerObject(chained)}` : extra} }`;
      send = [
        [`return new Response(${q('denied')}, ${init('')})`],
        [`return Response.json({ error: ${q('denied')} }, ${init('')})`],
        [`return new Response(null, ${init(', headers')})`],
        [`const init = ${init('')}`, `return new Response(JSON.stringify({}), init)`],
        [`return new Response(${q('denied')}, { headers: ${headerObject(chained)}, status: ${status} })`],
        [`const response = new Response(null, { status: ${status} })`, ...chained.map((h) => `response.headers.set(${q(h.name)}, ${q(h.value)})`), `return response`],
      ][v % 6];
      break;
    }
    case 'nestjs': {
      setter = (h) => `res.header(${q(h.name)}, ${q(h.value)})`;
      const exception = r.status === 401 ? `UnauthorizedException` : r.status === 403 ? `ForbiddenException` : undefined;
      send = [
        [exception && r.statusForm === 'literal' ? `throw new ${exception}(${q('denied')})` : `throw new HttpException(${q('denied')}, ${status})`],
        [`throw new HttpException({ error: ${q('denied')} }, ${status})`],
        [`return res.status(${status})${chained.map((h) => `.header(${q(h.name)}, ${q(h.value)})`).join('')}.json({ error: ${q('denied')} })`],
        [`throw new HttpException(${q('denied')}, ${status})`],
        [exception ? `throw new ${exception}()` : `return res.sendStatus(${status})`],
        [`res.status(${status})`, `return res.send()`],
      ][v % 6];
      break;
    }
    case 'hono': {
      setter = (h) => `c.header(${q(h.name)}, ${q(h.value)})`;
      const extra = chained.length ? `, ${headerObject(chained)}` : '';
      send = [
        [`return c.json({ error: ${q('denied')} }, ${status}${extra})`],
        [`return c.text(${q('denied')}, ${status}${extra})`],
        [`c.status(${status})`, ...chained.map((h) => `c.header(${q(h.name)}, ${q(h.value)})`), `return c.body(null)`],
        [`throw new HTTPException(${status}, { message: ${q('denied')} })`],
        [`return c.json({ error: ${q('denied')} }, { status: ${status}${chained.length ? `, headers: ${headerObject(chained)}` : ''} })`],
        [`return c.body(null, ${status}${extra})`],
      ][v % 6];
      break;
    }
  }
  const { user } = REQUEST_EXPR[f];
  return [
    ...before.map(setter),
    ...branch.flatMap((h): Lines => [`if (${f === 'koa' ? 'ctx' : f === 'hono' ? 'c.req' : f === 'fetch' ? 'request' : 'req'}.accepts?.(${q('html')})) {`, [setter(h)], `}`]),
    ...(r.suppress !== undefined ? [`// http-auth-lint-disable-next-line${r.suppress ? ` ${r.suppress}` : ''}`] : []),
    ...send,
    // A write after the response has been sent (or after a throw): dead code the model must not trip on.
    ...after.map(setter).map((line) => `${line} // ${user}`),
  ];
}

function responseLines(ctx: Context, r: ResponseSpec): Lines {
  const cond = condition(ctx, r.guard);
  const body = sendLines(ctx, r);
  if (cond === undefined) return body;
  if (r.guard.kind === 'else') return [`if (${cond}) {`, [`log(${str(ctx, 'ok')})`], `} else {`, body, `}`];
  return [`if (${cond}) {`, body, `}`];
}

/** Each framework's handler around the responses: its parameters, the token and user it reads. */
function handlerLines(ctx: Context, h: Handler, index: number): Lines {
  const ts = isTypeScript(ctx.file);
  const q = (s: string) => str(ctx, s);
  const { auth, user } = REQUEST_EXPR[ctx.file.framework];
  const path = q(`/r${index}`);
  const prelude = [`const token = ${auth}`, ...(user === 'user' ? [`const user = await lookup(token)`] : [])];
  const body: Lines = [...prelude, ...h.responses.flatMap((r) => responseLines(ctx, r))];
  switch (ctx.file.framework) {
    case 'express':
      return [`app.get(${path}, async (req${ts ? ': Request' : ''}, res${ts ? ': Response' : ''}, next) => {`, [...body, `res.json({ ok: true })`], `})`];
    case 'node-http':
      return [`const server${index} = http.createServer(async (req, res) => {`, [...body, `res.writeHead(200)`, `res.end(${q('ok')})`], `})`];
    case 'koa':
      return [`router.get(${path}, async (ctx${ts ? ': Koa.Context' : ''}) => {`, [...body, `ctx.body = ${q('ok')}`], `})`];
    case 'fastify':
      return [`app.get(${path}, async (request, reply) => {`, [...body, `return { ok: true }`], `})`];
    case 'fetch':
      return [
        `export async function handler${index}(request${ts ? ': Request' : ''})${ts ? ': Promise<Response>' : ''} {`,
        [`const headers = new Headers()`, ...body, `return new Response(${q('ok')})`],
        `}`,
      ];
    case 'nestjs':
      if (!ts) return [`export async function handler${index}(req, res) {`, [...body, `return { ok: true }`], `}`];
      return [
        `@Controller(${path})`,
        `export class Controller${index} {`,
        [`@Get()`, `async handle(@Req() req: Request, @Res() res: Response) {`, [...body, `return { ok: true }`], `}`],
        `}`,
      ];
    case 'hono':
      return [`app.get(${path}, async (c) => {`, [...body, `return c.json({ ok: true })`], `})`];
  }
}

const IMPORTS: Record<Framework, string[]> = {
  express: [`import express from 'express'`, `const app = express()`],
  'node-http': [`const http = require('node:http')`],
  koa: [`import Koa from 'koa'`, `import Router from '@koa/router'`, `const app = new Koa()`, `const router = new Router()`],
  fastify: [`import Fastify from 'fastify'`, `const app = Fastify()`],
  fetch: [],
  nestjs: [`import { Controller, Get, Req, Res, HttpException, HttpStatus, UnauthorizedException, ForbiddenException } from '@nestjs/common'`],
  hono: [`import { Hono } from 'hono'`, `import { HTTPException } from 'hono/http-exception'`, `const app = new Hono()`],
};

/** Lines that end a statement take the file's semicolon; block openers and closers do not. */
function needsSemicolon(line: string): boolean {
  return line !== '' && !/[{}(,]$/.test(line) && !line.startsWith('//') && !line.startsWith('@') && !/\/\/ /.test(line) && !/^(if|} else)/.test(line);
}

function flatten(lines: Lines, file: HandlerFile, depth = 0): string[] {
  return lines.flatMap((line) => {
    if (Array.isArray(line)) return flatten(line, file, depth + 1);
    const end = file.semicolons && needsSemicolon(line) ? ';' : '';
    return [file.indent.repeat(depth) + line + end];
  });
}

export function render(file: HandlerFile): string {
  const ctx: Context = { file, statusCodes: false, httpStatus: false, consts: new Set() };
  const handlers = file.handlers.flatMap((h, i) => ['', ...handlerLines(ctx, h, i)]);
  const top = [
    ...(file.proxyComment ? ['// http-auth-lint proxy'] : []),
    ...IMPORTS[file.framework].map((line) => line.replace(/'/g, file.quote)),
    ...(ctx.statusCodes ? [`import { StatusCodes } from ${str(ctx, 'http-status-codes')}`] : []),
    ...(ctx.httpStatus && file.framework !== 'nestjs' ? [`import { HttpStatus } from ${str(ctx, '@nestjs/common')}`] : []),
    `import { lookup, verify, can, log } from ${str(ctx, './lib/auth')}`,
    ...[...ctx.consts].sort().map((s) => `const ${STATUS_NAMES[s]}_STATUS = ${s}`),
  ];
  return flatten([...top, ...handlers], file).join(file.eol) + file.eol;
}

export function fileName(file: HandlerFile): string {
  return `src/${file.framework}${file.extension}`;
}

// ---------------------------------------------------------------------------------------------
// Mutations: what a file looks like half-typed, half-deleted or pasted into.

export type Mutation =
  | { kind: 'delete'; at: number; length: number }
  | { kind: 'insert'; at: number; text: string }
  | { kind: 'duplicate-line'; line: number }
  | { kind: 'swap-lines'; a: number; b: number }
  | { kind: 'truncate'; at: number };

const FRAGMENTS = ['{', '}', '(', ')', '[', ']', "'", '"', '`', '${', ';', ',', '\n', '\r\n', '/*', '*/', '//', '<', '>', '=>', '?.', 'if (', 'return ', ' else ', '401', '403', '407', 'await ', '\\', '\u2028', '\uFEFF', '\uD800', '#!', '@', 'res.status(', '.set(', ' = '];

const mutation: fc.Arbitrary<Mutation> = fc.oneof(
  fc.record({ kind: fc.constant('delete' as const), at: fc.nat(), length: fc.integer({ min: 1, max: 40 }) }),
  fc.record({ kind: fc.constant('insert' as const), at: fc.nat(), text: fc.oneof(fc.constantFrom(...FRAGMENTS), fc.string({ maxLength: 6 }), fc.string({ unit: 'binary', maxLength: 3 })) }),
  fc.record({ kind: fc.constant('duplicate-line' as const), line: fc.nat() }),
  fc.record({ kind: fc.constant('swap-lines' as const), a: fc.nat(), b: fc.nat() }),
  fc.record({ kind: fc.constant('truncate' as const), at: fc.nat() }),
);

export function mutate(text: string, m: Mutation): string {
  switch (m.kind) {
    case 'delete': {
      const at = m.at % (text.length + 1);
      return text.slice(0, at) + text.slice(at + m.length);
    }
    case 'insert': {
      const at = m.at % (text.length + 1);
      return text.slice(0, at) + m.text + text.slice(at);
    }
    case 'truncate':
      return text.slice(0, m.at % (text.length + 1));
    case 'duplicate-line': {
      const lines = text.split('\n');
      const i = m.line % lines.length;
      lines.splice(i, 0, lines[i]);
      return lines.join('\n');
    }
    case 'swap-lines': {
      const lines = text.split('\n');
      const a = m.a % lines.length;
      const b = m.b % lines.length;
      [lines[a], lines[b]] = [lines[b], lines[a]];
      return lines.join('\n');
    }
  }
}

export interface Input {
  fileName: string;
  text: string;
}

/** A generated file, as written. */
export const generated: fc.Arbitrary<Input> = handlerFile.map((file) => ({ fileName: fileName(file), text: render(file) }));

/** A generated file after one to four mutations. */
export const mutated: fc.Arbitrary<Input> = fc
  .tuple(handlerFile, fc.array(mutation, { minLength: 1, maxLength: 4 }))
  .map(([file, mutations]) => ({ fileName: fileName(file), text: mutations.reduce(mutate, render(file)) }));

/** Text that is no program at all: code-like characters, or any UTF-16 (lone surrogates too). */
export const garbage: fc.Arbitrary<Input> = fc.record({
  fileName: fc.constantFrom('a.ts', 'a.js', 'a.tsx', 'a.jsx', 'a.mjs', 'a.cts'),
  text: fc.oneof(
    fc.array(fc.constantFrom(...FRAGMENTS, 'res', 'ctx', 'reply', 'c', '.', 'status', 'throw', 'new', 'Response', 'headers', 'WWW-Authenticate', ' ', 'x'), { maxLength: 60 }).map((parts) => parts.join('')),
    fc.string({ unit: 'binary', maxLength: 200 }),
  ),
});

/** Generated files, as written half the time, mutated the other half. */
export const anyHandlerFile: fc.Arbitrary<Input> = fc.oneof(generated, mutated);

/** Settings a user may have; `defaultChallenge` among valid challenges, so the fixes it writes are
 * valid too. */
export const settings: fc.Arbitrary<Partial<LintSettings>> = fc.record(
  {
    defaultChallenge: fc.constantFrom(...VALID_CHALLENGES),
    proxyFiles: fc.constantFrom([], ['src/**'], ['**/*.js']),
    rules: fc.dictionary(fc.constantFrom(...RULE_IDS), fc.constantFrom('off' as const, 'hint' as const, 'error' as const), { maxKeys: 2 }),
  },
  { requiredKeys: [] },
);
