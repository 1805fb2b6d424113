// The CLI reads each file as part of its project (issue 10): the paths given are the files
// reported, imports are followed to the rest of the project (never into node_modules), related
// locations name the other file, and --cache keeps what a run learned for the next one.
import assert from 'node:assert/strict';
import { promises as fs } from 'node:fs';
import * as path from 'node:path';
import { after, before, describe, it } from 'node:test';
import type { Log } from 'sarif';
import { MISSING, PERMISSION, run, runJson, tempRoot } from './helpers';

/** A Koa app whose error class and middleware are in other files than its throws. */
const APP_FILES: Record<string, string> = {
  'package.json': '{ "name": "shop", "private": true }',
  'src/errors.ts': `export class HttpError extends Error {
  constructor(readonly status: number, message: string) {
    super(message);
  }
}
`,
  'src/middleware/errors.ts': `import type { Middleware } from 'koa';
import { HttpError } from '../errors';

export const errors: Middleware = async (ctx, next) => {
  try {
    await next();
  } catch (error) {
    if (error instanceof HttpError) {
      ctx.status = error.status;
      ctx.body = { error: error.message };
      return;
    }
    throw error;
  }
};
`,
  'src/routes/cart.ts': `import Router from '@koa/router';
import { HttpError } from '../errors';

export const cart = new Router();
cart.get('/cart', (ctx) => {
  if (!ctx.state.user) throw new HttpError(401, 'sign in');
  if (!ctx.state.user.roles.includes('buyer')) throw new HttpError(401, 'buyers only');
  ctx.body = [];
});
`,
  'src/app.ts': `import Koa from 'koa';
import { errors } from './middleware/errors';
import { cart } from './routes/cart';

const app = new Koa();
app.use(errors);
app.use(cart.routes());
`,
};

describe('the CLI on a project', () => {
  const temp = tempRoot('http-auth-lint-project-');
  let folder: string;

  before(async () => {
    await temp.create();
    folder = await temp.project('shop', APP_FILES);
  });

  after(temp.remove);

  it('reports a throw whose error the middleware of another file answers without a challenge', async () => {
    const { code, results } = await runJson(['.'], folder);
    assert.equal(code, 1);
    const cart = results.find((r) => r.filePath.endsWith(path.join('routes', 'cart.ts')))!;
    assert.deepEqual(
      cart.messages.map((m) => `${m.line} ${m.ruleId}`),
      [`6 ${MISSING}`, `7 ${MISSING}`, `7 ${PERMISSION}`],
    );
    assert.match(cart.messages[0].message, /src\/middleware\/errors\.ts:9/);
    assert.equal(results.filter((r) => r.messages.length > 0).length, 1, 'only the throws are reported');
  });

  it('reports only the paths given, reading the rest of the project for what they import', async () => {
    const { results } = await runJson(['src/routes/cart.ts'], folder);
    assert.deepEqual(results.map((r) => path.relative(folder, r.filePath)), [path.join('src', 'routes', 'cart.ts')]);
    assert.equal(results[0].messages.length, 3);
  });

  it('names the other file in related locations: stylish and SARIF', async () => {
    const stylish = await run(['src/routes/cart.ts'], folder);
    assert.match(stylish.stdout, /see src\/middleware\/errors\.ts:9:\d+: The error is answered here, without a challenge\./);
    const sarif = JSON.parse((await run(['src/routes/cart.ts', '--format', 'sarif'], folder)).stdout) as Log;
    const related = sarif.runs[0].results![0].relatedLocations!;
    assert.ok(related.some((r) => r.physicalLocation?.artifactLocation?.uri === 'src/middleware/errors.ts' && r.physicalLocation.region?.startLine === 9));
  });

  it('reads a folder without a package.json as one project: the folder it was given', async () => {
    const files = Object.fromEntries(Object.entries(APP_FILES).filter(([name]) => name !== 'package.json'));
    const project = await temp.project('no-package', files);
    const { results } = await runJson(['.'], project);
    const cart = results.find((r) => r.filePath.endsWith(path.join('routes', 'cart.ts')))!;
    assert.deepEqual(
      cart.messages.map((m) => `${m.line} ${m.ruleId}`),
      [`6 ${MISSING}`, `7 ${MISSING}`, `7 ${PERMISSION}`],
    );
  });

  it('never reads node_modules: a helper there is unknown, so silent', async () => {
    const project = await temp.project('modules', {
      'package.json': '{ "name": "modules" }',
      'node_modules/send-error/index.js': "module.exports = (res, status) => res.status(status).end();\n",
      'server.js': "const sendError = require('send-error');\nconst express = require('express');\nexpress().get('/', (req, res) => sendError(res, 401));\n",
    });
    const { results } = await runJson(['.'], project);
    assert.deepEqual(results.flatMap((r) => r.messages), []);
  });

  it('does not loop on a folder linked into itself, and skips a generated 5 MB file with a message', async () => {
    const project = await temp.project('odd', { ...APP_FILES, 'src/generated/big.ts': `export const blob = '${'x'.repeat(5 * 1024 * 1024)}';\n` });
    await fs.symlink(path.join(project, 'src'), path.join(project, 'src', 'loop'));
    const { code, results, stderr } = await runJson(['.'], project);
    assert.equal(code, 1);
    assert.match(stderr, /skipped .*big\.ts: \d+ bytes, over the limit/);
    assert.equal(results.flatMap((r) => r.messages).length, 3);
  });
});

describe('the CLI fixing across files', () => {
  const temp = tempRoot('http-auth-lint-fix-across-');

  before(temp.create);
  after(temp.remove);

  it('--fix-dry-run shows the challenge added in the error middleware, and writes nothing', async () => {
    const folder = await temp.project('dry', APP_FILES);
    const { stdout } = await run(['.', '--fix-dry-run'], folder);
    assert.match(stdout, /--- a\/src\/middleware\/errors\.ts\n\+\+\+ b\/src\/middleware\/errors\.ts/);
    assert.match(stdout, /^\+ {6}if \(error\.status === 401\) ctx\.set\('WWW-Authenticate', 'Bearer realm="api"'\);$/m);
    assert.equal(await fs.readFile(path.join(folder, 'src', 'middleware', 'errors.ts'), 'utf8'), APP_FILES['src/middleware/errors.ts']);
  });

  it('--fix writes it once for every throw the middleware answers, and reports what remains', async () => {
    const folder = await temp.project('write', APP_FILES);
    const { results } = await runJson(['.', '--fix'], folder);
    const handler = await fs.readFile(path.join(folder, 'src', 'middleware', 'errors.ts'), 'utf8');
    assert.equal(handler.split("ctx.set('WWW-Authenticate'").length - 1, 1);
    assert.deepEqual(results.flatMap((r) => r.messages.map((m) => m.ruleId)), [PERMISSION], 'the permission finding is a suggestion: it stays');
  });

  it('--fix adds the challenge to a helper that sends the status its caller passes', async () => {
    const folder = await temp.project('helper', {
      'package.json': '{ "name": "helper" }',
      'lib/respond.js': 'function sendError(res, status, message) {\n  res.status(status).json({ error: message });\n}\n\nmodule.exports = { sendError };\n',
      'routes.js': "const { sendError } = require('./lib/respond');\nconst express = require('express');\nexpress().get('/', (req, res) => {\n  if (!req.headers.authorization) return sendError(res, 401, 'sign in');\n  res.end();\n});\n",
    });
    const { results } = await runJson(['.', '--fix'], folder);
    assert.deepEqual(results.flatMap((r) => r.messages), []);
    assert.match(await fs.readFile(path.join(folder, 'lib', 'respond.js'), 'utf8'), /^ {2}if \(status === 401\) res\.set\('WWW-Authenticate', 'Bearer realm="api"'\);\n {2}res\.status\(status\)/m);
  });
});

describe('the CLI with --cache', () => {
  const temp = tempRoot('http-auth-lint-cache-');
  let folder: string;
  let cacheFile: string;

  before(async () => {
    await temp.create();
    folder = await temp.project('shop', APP_FILES);
    cacheFile = path.join(temp.path(), 'run.cache');
  });

  after(temp.remove);

  it('gives the same output from the cache as without it', async () => {
    const fresh = await run(['.', '--format', 'json'], folder);
    const first = await run(['.', '--format', 'json', '--cache-location', cacheFile], folder);
    const second = await run(['.', '--format', 'json', '--cache-location', cacheFile], folder);
    assert.equal(first.stdout, fresh.stdout);
    assert.equal(second.stdout, fresh.stdout);
    assert.equal(second.code, fresh.code);
  });

  it('follows a change of another file: the middleware adds the challenge, the throws are clean', async () => {
    await run(['.', '--cache-location', cacheFile], folder);
    const handler = path.join(folder, 'src', 'middleware', 'errors.ts');
    const original = await fs.readFile(handler, 'utf8');
    try {
      await fs.writeFile(handler, original.replace('ctx.status = error.status;', "ctx.status = error.status;\n      if (error.status === 401) ctx.set('WWW-Authenticate', 'Bearer realm=\"shop\"');"));
      const { results } = await runJson(['.', '--cache-location', cacheFile], folder);
      assert.deepEqual(results.flatMap((r) => r.messages.map((m) => m.ruleId)), [PERMISSION]);
    } finally {
      await fs.writeFile(handler, original);
    }
  });

  it('follows a change of the configuration', async () => {
    await run(['.', '--cache-location', cacheFile], folder);
    await fs.writeFile(path.join(folder, '.httpauthlintrc.json'), JSON.stringify({ rules: { [PERMISSION]: 'off' } }));
    try {
      const { results } = await runJson(['.', '--cache-location', cacheFile], folder);
      assert.deepEqual(results.flatMap((r) => r.messages.map((m) => m.ruleId)), [MISSING, MISSING]);
    } finally {
      await fs.rm(path.join(folder, '.httpauthlintrc.json'));
    }
  });

  it('ignores and rewrites a damaged or foreign cache file', async () => {
    const fresh = await run(['.', '--format', 'json'], folder);
    for (const content of ['{ not json', JSON.stringify({ format: 'someone-else/3', roots: {} }), '[]']) {
      await fs.writeFile(cacheFile, content);
      const { stdout, stderr } = await run(['.', '--format', 'json', '--cache-location', cacheFile], folder);
      assert.equal(stdout, fresh.stdout);
      assert.equal(stderr, '');
      assert.equal((JSON.parse(await fs.readFile(cacheFile, 'utf8')) as { format: string }).format, 'http-auth-lint-cache/1');
    }
  });

  it('is used only by the build that wrote it', async () => {
    type Cache = { engine: string; roots: Record<string, { results: Record<string, { outcome: { report?: { problems: unknown[] } } }> }> };
    /** The cache of a run, with every problem it remembers taken out. */
    const withoutProblems = async (engine?: string): Promise<void> => {
      await fs.rm(cacheFile, { force: true });
      await run(['.', '--cache-location', cacheFile], folder);
      const cache = JSON.parse(await fs.readFile(cacheFile, 'utf8')) as Cache;
      for (const root of Object.values(cache.roots)) for (const result of Object.values(root.results)) if (result.outcome.report) result.outcome.report.problems = [];
      if (engine) cache.engine = engine;
      await fs.writeFile(cacheFile, JSON.stringify(cache));
    };
    await withoutProblems();
    const reused = await runJson(['.', '--cache-location', cacheFile], folder);
    assert.deepEqual(reused.results.flatMap((r) => r.messages), [], 'the same build reads its cache');
    await withoutProblems('0.0.0+another-build');
    const { results } = await runJson(['.', '--cache-location', cacheFile], folder);
    assert.deepEqual(results.flatMap((r) => r.messages.map((m) => m.ruleId)).sort(), [MISSING, MISSING, PERMISSION].sort());
  });

  it('puts the cache in a folder given with a trailing slash, as .httpauthlintcache', async () => {
    const cacheFolder = path.join(temp.path(), 'caches') + path.sep;
    await run(['.', '--cache-location', cacheFolder], folder);
    await fs.access(path.join(cacheFolder, '.httpauthlintcache'));
  });

  it('writes nothing after a run over an unchanged tree, and rewrites after a change', async () => {
    await run(['.', '--cache-location', cacheFile], folder);
    const past = new Date(Math.floor(Date.now() / 1000) * 1000 - 60_000); // whole seconds: exact on any file system
    await fs.utimes(cacheFile, past, past);
    await run(['.', '--cache-location', cacheFile], folder);
    assert.equal(Math.round((await fs.stat(cacheFile)).mtimeMs), past.getTime(), 'unchanged');
    const route = path.join(folder, 'src', 'routes', 'cart.ts');
    const original = await fs.readFile(route, 'utf8');
    try {
      await fs.writeFile(route, `${original}\n// edited\n`);
      await run(['.', '--cache-location', cacheFile], folder);
      assert.notEqual(Math.round((await fs.stat(cacheFile)).mtimeMs), past.getTime(), 'rewritten');
    } finally {
      await fs.writeFile(route, original);
    }
  });

  it('leaves no temporary file behind', async () => {
    await run(['.', '--cache-location', cacheFile], folder);
    const left = (await fs.readdir(temp.path())).filter((name) => name.endsWith('.tmp'));
    assert.deepEqual(left, []);
  });
});
