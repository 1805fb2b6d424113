// A file's summary (engine/project/summary): plain data of what its declarations do with
// statuses, read by the files that import it. Each case reads one file and checks what another
// file would need from it.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { summarizeText, type FileSummary } from '../../../server/src/engine';

const summaryOf = (code: string, fileName = '/project/src/x.ts'): FileSummary => summarizeText(fileName, code).summary;

describe('file summaries', () => {
  it('are plain data that survive JSON, with no syntax tree in them', () => {
    const summary = summaryOf(`import { Hono } from 'hono';
export const unauthorized = () => Response.json({ error: 'no' }, { status: 401 });
export class AuthError extends Error { statusCode = 401; }
export default { sendError(res, status) { res.status(status).end(); } };
`);
    assert.deepEqual(JSON.parse(JSON.stringify(summary)), summary);
  });

  it('read ES module imports and exports, re-exports and `export *`', () => {
    const summary = summaryOf(`import def, { a as b, type T } from './a';
import * as ns from './ns';
export { b as c };
export { d } from './d';
export * from './all';
export * as errors from './errors';
export default function handler() {}
`);
    assert.deepEqual(summary.imports, { def: { specifier: './a', name: 'default' }, b: { specifier: './a', name: 'a' }, ns: { specifier: './ns', name: '*' } });
    assert.deepEqual(summary.exports, { c: { local: 'b' }, d: { specifier: './d', name: 'd' }, errors: { specifier: './errors', name: '*' }, default: { local: 'handler' } });
    assert.deepEqual(summary.starExports, ['./all']);
  });

  it('read CommonJS: require bindings, module.exports objects and members', () => {
    const summary = summaryOf(
      `const api = require('./api');
const { sendError: send } = require('./errors');
const codes = require('./codes').codes;
function deny(res) { res.status(403).end(); }
module.exports = { deny, api, forbidden: (res) => res.status(403).end() };
exports.UNAUTHORIZED = 401;
`,
      '/project/lib/x.js',
    );
    assert.deepEqual(summary.imports, { api: { specifier: './api', name: '*' }, send: { specifier: './errors', name: 'sendError' }, codes: { specifier: './codes', name: 'codes' } });
    assert.equal(summary.symbols.api, undefined, 'a require is an import, not a declaration');
    assert.deepEqual(Object.keys(summary.exports).sort(), ['UNAUTHORIZED', 'api', 'default', 'deny', 'forbidden']);
    assert.equal(summary.symbols.deny?.kind, 'callable');
  });

  it('give a helper the status it sends, fixed or from a parameter, and whether a challenge goes with it', () => {
    const { symbols } = summaryOf(`import express from 'express';
export function sendError(res, status, message) { res.status(status).json({ message }); }
export function challenge(res) { res.set('WWW-Authenticate', 'Bearer').status(401).end(); }
`);
    const [send] = (symbols.sendError as { effects: unknown[] }).effects;
    assert.deepEqual(send, { kind: 'sends', status: { kind: 'parameter', index: 1 }, challenge: 'absent', framework: 'express', spot: (send as { spot: unknown }).spot });
    const [challenge] = (symbols.challenge as { effects: { kind: string; challenge: string }[] }).effects;
    assert.equal(challenge.challenge, 'set');
  });

  it('give an error class its status fields, what it passes to super, and whether it carries a challenge', () => {
    const { symbols } = summaryOf(`export class AppError extends Error {
  constructor(readonly status: number, message: string) { super(message); }
}
export class AuthError extends AppError {
  headers = { 'WWW-Authenticate': 'Bearer' };
  constructor(message = 'sign in') { super(401, message); }
}
export class OptionError extends Error {
  statusCode: number;
  constructor({ status = 400 }: { status?: number }) { super(); this.statusCode = status; }
}
`);
    const auth = symbols.AuthError as { kind: string; headers: string; superArgs: { kind: string; code?: number }[] };
    assert.equal(auth.headers, 'set');
    assert.deepEqual(auth.superArgs.map((a) => a.kind), ['status', 'parameter']);
    const option = symbols.OptionError as { fields: Record<string, unknown> };
    assert.deepEqual(option.fields.statusCode, { kind: 'parameter', index: 0, property: 'status', fallback: (option.fields.statusCode as { fallback: unknown }).fallback });
  });

  it('find assertion helpers: the argument they test and the error they throw', () => {
    const { symbols } = summaryOf(`export function assertThat(value, error) { if (!value) throw error; }
export const ensure = (cond, code) => { invariant(cond, new HttpError(401, code)); };
`);
    assert.deepEqual((symbols.assertThat as { effects: unknown[] }).effects, [{ kind: 'asserts', condition: 0, error: { kind: 'parameter', index: 1 } }]);
    const [ensure] = (symbols.ensure as { effects: { kind: string; condition: number }[] }).effects;
    assert.deepEqual([ensure.kind, ensure.condition], ['asserts', 0]);
  });

  it('read status constants and tables', () => {
    const { symbols } = summaryOf(`export const UNAUTHORIZED = 401;
export enum Status { Unauthorized = 401, Forbidden = 403 }
export const codes = Object.freeze({ FORBIDDEN: 403 });
`);
    assert.equal((symbols.UNAUTHORIZED as { value: { code: number } }).value.code, 401);
    assert.equal(((symbols.Status as { members: Record<string, { value: { code: number } }> }).members.Forbidden).value.code, 403);
    assert.equal(((symbols.codes as { members: Record<string, { value: { code: number } }> }).members.FORBIDDEN).value.code, 403);
  });

  describe('error handlers', () => {
    const outcomes = (code: string) => summaryOf(code).handlers.map((h) => `${h.framework}: ${h.branches.map((b) => `${b.classes ? b.classes.map((c) => c.name).join('|') : '*'}=${b.outcome}`).join(' ')}`);

    it('read an Express error middleware: what it does with the error', () => {
      assert.deepEqual(outcomes(`app.use((err, req, res, next) => { res.status(err.status || 500).json({ error: err.message }); });`), ['express: *=drops']);
      assert.deepEqual(outcomes(`app.use((err, req, res, next) => { res.set(err.headers); res.status(err.status).end(); });`), ['express: *=copies-headers']);
      assert.deepEqual(outcomes(`app.use((err, req, res, next) => { if (err.status === 401) res.set('WWW-Authenticate', 'Bearer'); res.status(err.status).end(); });`), ['express: *=challenge']);
    });

    it('tell apart the classes a handler branches on, and a comment that mentions the header from code that sets it', () => {
      const code = `export const errors = () => async (ctx, next) => {
  try {
    await next();
  } catch (error) {
    if (error instanceof RequestError) {
      // no WWW-Authenticate here
      ctx.status = error.status;
      return;
    }
    throw error;
  }
};`;
      assert.deepEqual(outcomes(code), ['koa: RequestError=drops *=passes']);
    });

    it('are not a four-parameter function that takes an error first but no response', () => {
      assert.deepEqual(outcomes(`function report(error, path, context, duration) { log(error.status); }`), []);
    });

    it('read registrations by name: onError, setErrorHandler, useGlobalFilters, APP_FILTER', () => {
      const summary = summaryOf(`app.onError(handleError);
fastify.setErrorHandler(errors.handler);
nest.useGlobalFilters(new AllExceptionsFilter());
const providers = [{ provide: APP_FILTER, useClass: ChallengeFilter }];
`);
      assert.deepEqual(
        summary.registrations.map((r) => `${r.framework} ${[r.ref.name, ...(r.ref.members ?? [])].join('.')}`),
        ['hono handleError', 'fastify errors.handler', 'nestjs AllExceptionsFilter', 'nestjs ChallengeFilter'],
      );
    });

    it('keep how a function that takes the error first answers it, for a registration elsewhere', () => {
      const { symbols } = summaryOf(`export function handleError(err, c) { return c.json({ message: err.message }, err.status); }`);
      assert.deepEqual((symbols.handleError as { handler: { outcome: string }[] }).handler.map((b) => b.outcome), ['drops']);
    });
  });
});
