// Issue 10, bad input across files: generated multi-file projects (helpers, error classes, error
// handlers and routes, imported in every way the resolver reads, with barrels, cycles, broken
// configuration and broken files among them). The engine never throws on them and every range it
// returns lies in its file; and a CLI run with --cache after any sequence of file edits reports
// exactly what a fresh run reports.
import assert from 'node:assert/strict';
import { promises as fs } from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import { lintProject, ROOT, type Files } from '../project/support';
import { runs } from './support';

// eslint-disable-next-line @typescript-eslint/no-require-imports
const cli = require('../../../server/src/cli/main') as typeof import('../../../server/src/cli/main');

const STATUSES = ['401', '403', '404', '500', 'codes.UNAUTHORIZED', 'UNAUTHORIZED'];
const GUARDS = ['!user', "user.role !== 'admin'", '!token', '!(await canEdit(user))', 'user.suspended', 'true'];
const SPECIFIERS = ['../errors', '../errors.js', '@/errors', '#src/errors.js', '../index', '../missing'];

const errorsFile = fc.constantFrom(
  "export class RequestError extends Error {\n  status: number;\n  constructor({ status = 400 }: { status?: number }) { super('x'); this.status = status; }\n}\nexport const codes = { UNAUTHORIZED: 401 };\nexport const UNAUTHORIZED = 401;\n",
  "export class RequestError extends Error {\n  statusCode = 401;\n  headers = { 'WWW-Authenticate': 'Bearer' };\n}\nexport const codes = { UNAUTHORIZED: 401 };\nexport const UNAUTHORIZED = 401;\n",
  "import createError from 'http-errors';\nexport const RequestError = function (o: { status: number }) { return createError(o.status, 'x'); } as unknown as new (o: { status: number }) => Error;\nexport { codes, UNAUTHORIZED } from './index';\n",
  "export * from './errors';\nexport class RequestError extends RequestError {}\n",
  'export class RequestError extends ( {{{ status: 401',
);

const handlerFile = fc.constantFrom(
  "import RequestErrorDefault from './errors';\nimport { RequestError } from './errors';\nexport const errors = async (ctx, next) => {\n  try { await next(); } catch (error) {\n    if (error instanceof RequestError) { ctx.status = error.status; return; }\n    throw error;\n  }\n};\n",
  "export const errors = async (ctx, next) => {\n  try { await next(); } catch (error) {\n    if (error.status === 401) ctx.set('WWW-Authenticate', 'Bearer');\n    ctx.status = error.status;\n  }\n};\n",
  'export default (err, req, res, next) => { res.set(err.headers).status(err.status).end(); };\n',
  'export const nothing = 1;\n',
);

const responseFile = fc.constantFrom(
  "export const unauthorized = () => Response.json({}, { status: 401 });\nexport function sendError(res, status) { res.status(status).end(); }\n",
  "module.exports = { sendError(res, status) { if (status === 401) res.set('WWW-Authenticate', 'Bearer'); res.status(status).end(); } };\n",
  "export * from '../errors';\nexport { unauthorized } from '../index';\n",
  "import { unauthorized } from './response';\nexport { unauthorized };\n",
);

const indexFile = fc.constantFrom("export * from './errors';\nexport * from './lib/response';\n", "export * from './index';\nexport * from './routes/a';\n", "export { RequestError as default } from './errors';\n");

const routeFile = fc
  .tuple(fc.constantFrom(...SPECIFIERS), fc.constantFrom(...GUARDS), fc.constantFrom(...STATUSES), fc.constantFrom(...STATUSES), fc.boolean())
  .map(
    ([specifier, guard, first, second, commonJs]) =>
      (commonJs ? `const { RequestError, codes, UNAUTHORIZED } = require('${specifier}');\n` : `import { RequestError, codes, UNAUTHORIZED } from '${specifier}';\n`) +
      "import { unauthorized, sendError } from '../lib/response';\n" +
      `export async function handle(ctx, res, user, token, canEdit) {\n  if (${guard}) throw new RequestError({ status: ${first} });\n  if (!user) return sendError(res, ${second});\n  if (${guard}) return unauthorized();\n  res.status(${second}).json({});\n}\n`,
  );

const configFiles = fc.record({
  'package.json': fc.constantFrom('{ "name": "p", "imports": { "#src/*": "./build/*" } }', '{ "name": "p" }', '{ broken'),
  'tsconfig.json': fc.constantFrom('{ "compilerOptions": { "baseUrl": ".", "paths": { "@/*": ["src/*"] } } }', '{ "extends": "./tsconfig.json" }', '{', '{}'),
});

const project = fc
  .record({ errors: errorsFile, handler: handlerFile, response: responseFile, index: indexFile, a: routeFile, b: routeFile, config: configFiles })
  .map(({ errors, handler, response, index, a, b, config }): Files => ({
    ...config,
    'src/errors.ts': errors,
    'src/handler.ts': handler,
    'src/lib/response.ts': response,
    'src/index.ts': index,
    'src/routes/a.ts': a,
    'src/routes/b.js': b.replace(/: \{ status\?: number \}/g, ''),
  }));

describe('generated multi-file projects', () => {
  it('never make the engine throw, and every range is inside its file', () => {
    fc.assert(
      fc.property(project, (files) => {
        const run = lintProject(files);
        for (const [name, result] of run.results) {
          assert.deepEqual(result.ruleFailures.map((f) => `${f.ruleId}: ${String(f.error)}`), [], name);
          const text = files[name];
          for (const finding of result.findings) {
            assert.ok(0 <= finding.start && finding.start <= finding.end && finding.end <= text.length, `${name}: ${finding.ruleId}`);
            for (const related of finding.related) {
              const target = related.file === undefined ? text : files[path.relative(ROOT, related.file).split(path.sep).join('/')];
              assert.ok(target !== undefined && related.end <= target.length, `${name}: related ${related.file ?? ''}`);
            }
          }
        }
      }),
      runs(40),
    );
  });

  it('a CLI run with --cache after any sequence of edits reports what a fresh run reports', async () => {
    const edit = fc.oneof(
      fc.record({ kind: fc.constant('write' as const), file: fc.constantFrom('src/errors.ts', 'src/handler.ts', 'src/lib/response.ts', 'src/routes/a.ts'), variant: fc.nat() }),
      fc.record({ kind: fc.constant('delete' as const), file: fc.constantFrom('src/handler.ts', 'src/index.ts', 'src/lib/response.ts') }),
    );
    const variants: Record<string, fc.Arbitrary<string>> = { 'src/errors.ts': errorsFile, 'src/handler.ts': handlerFile, 'src/lib/response.ts': responseFile, 'src/routes/a.ts': routeFile };
    await fc.assert(
      fc.asyncProperty(project, fc.array(edit, { minLength: 1, maxLength: 3 }), fc.integer(), async (files, edits, seed) => {
        const folder = await fs.mkdtemp(path.join(os.tmpdir(), 'http-auth-lint-property-cache-'));
        const cache = path.join(folder, '.cache');
        const lint = async (args: string[]) => {
          let out = '';
          const code = await cli.main([folder, '--format', 'json', ...args], { cwd: folder, stdout: (t) => (out += t), stderr: () => undefined });
          return `${code}\n${out}`;
        };
        try {
          for (const [name, text] of Object.entries(files)) {
            await fs.mkdir(path.dirname(path.join(folder, name)), { recursive: true });
            await fs.writeFile(path.join(folder, name), text);
          }
          assert.equal(await lint(['--cache-location', cache]), await lint([]));
          for (const [step, change] of edits.entries()) {
            const file = path.join(folder, change.file);
            if (change.kind === 'delete') await fs.rm(file, { force: true });
            else await fs.writeFile(file, `${fc.sample(variants[change.file], { seed: seed + step + change.variant, numRuns: 1 })[0]}// edit ${step}\n`);
            assert.equal(await lint(['--cache-location', cache]), await lint([]), `after ${JSON.stringify(edits.slice(0, step + 1))}`);
          }
        } finally {
          await fs.rm(folder, { recursive: true, force: true });
        }
      }),
      runs(8),
    );
  });
});
