// The CLI as users run it: bin/http-auth-lint.js over the bundle dist/cli.js, in a child process.
// (test/unit/cli covers the behaviour in-process; this checks the bundle, the bin and exit codes.)
import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { existsSync, promises as fs } from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { after, before, describe, it } from 'node:test';
import { EXPRESS_APP } from './fixtures';
import { REPO_ROOT } from './lspClient';

const BIN = path.join(REPO_ROOT, 'bin', 'http-auth-lint.js');

function runBin(args: string[], cwd: string, nodeArgs: string[] = []): Promise<{ code: number; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    execFile(process.execPath, [...nodeArgs, BIN, ...args], { cwd }, (error, stdout, stderr) => {
      const code = error && typeof error.code === 'number' ? error.code : error ? -1 : 0;
      resolve({ code, stdout, stderr });
    });
  });
}

describe('bin/http-auth-lint.js', () => {
  let folder: string;

  before(async () => {
    assert.ok(existsSync(path.join(REPO_ROOT, 'dist', 'cli.js')), 'dist/cli.js is missing: run `node scripts/build.mjs`');
    folder = await fs.mkdtemp(path.join(os.tmpdir(), 'http-auth-lint-bin-'));
    await fs.mkdir(path.join(folder, 'src'));
    await fs.writeFile(path.join(folder, 'src', 'app.ts'), EXPRESS_APP);
  });

  after(async () => {
    await fs.rm(folder, { recursive: true, force: true });
  });

  it('exits 1 and prints JSON findings for a 401 without a challenge', async () => {
    const { code, stdout, stderr } = await runBin(['--format', 'json'], folder);
    assert.equal(stderr, '');
    assert.equal(code, 1);
    const results = JSON.parse(stdout) as { filePath: string; messages: { ruleId: string }[] }[];
    assert.equal(results.length, 1);
    assert.equal(results[0]!.filePath, path.join(folder, 'src', 'app.ts'));
    assert.ok(results[0]!.messages.some((message) => message.ruleId === 'missing-www-authenticate'));
  });

  it('exits 2 on an unknown option', async () => {
    const { code, stderr } = await runBin(['--nope'], folder);
    assert.equal(code, 2);
    assert.match(stderr, /--nope/);
  });

  it('writes SARIF with the version of the package.json beside the bundle', async () => {
    const manifest = JSON.parse(await fs.readFile(path.join(REPO_ROOT, 'package.json'), 'utf8')) as { version: string };
    const { code, stdout } = await runBin(['--format', 'sarif'], folder);
    assert.equal(code, 1);
    const log = JSON.parse(stdout) as { version: string; runs: { tool: { driver: { name: string; version: string } }; results: { ruleId: string }[] }[] };
    assert.equal(log.version, '2.1.0');
    assert.deepEqual([log.runs[0]!.tool.driver.name, log.runs[0]!.tool.driver.version], ['http-auth-lint', manifest.version]);
    assert.ok(log.runs[0]!.results.some((result) => result.ruleId === 'missing-www-authenticate'));
  });

  it('prints a code frame in the readable report, and a diff with --fix-dry-run', async () => {
    const readable = await runBin([], folder);
    assert.equal(readable.code, 1);
    assert.match(readable.stdout, /^ {2}> +\d+ \| +return res\.status\(401\)\.json/m);
    assert.match(readable.stdout, /^ {4}docs: https:\/\/\S+\/missing-www-authenticate\.md$/m);

    const dryRun = await runBin(['--fix-dry-run'], folder);
    assert.match(dryRun.stdout, /^--- a\/src\/app\.ts\n\+\+\+ b\/src\/app\.ts\n/);
    assert.match(dryRun.stdout, /^\+ +return res\.status\(401\)\.set\('WWW-Authenticate', /m);
    assert.equal(await fs.readFile(path.join(folder, 'src', 'app.ts'), 'utf8'), EXPRESS_APP);
  });

  it('exits 2 with the place of a broken configuration', async () => {
    const broken = await fs.mkdtemp(path.join(os.tmpdir(), 'http-auth-lint-bin-config-'));
    try {
      const rulesLine = '  "rules": { "missing-www-authenticate": "loud" }';
      await fs.writeFile(path.join(broken, '.httpauthlintrc.json'), `{\n${rulesLine}\n}\n`);
      await fs.writeFile(path.join(broken, 'app.ts'), EXPRESS_APP);
      const { code, stdout, stderr } = await runBin(['--format', 'json'], broken);
      assert.equal(code, 2);
      assert.ok(stderr.startsWith(`.httpauthlintrc.json:2:${rulesLine.indexOf('"loud"') + 1}: The severity of missing-www-authenticate must be`), stderr);
      assert.ok((JSON.parse(stdout) as { messages: unknown[] }[])[0]!.messages.length > 0);
    } finally {
      await fs.rm(broken, { recursive: true, force: true });
    }
  });

  it('lints on worker threads started from the bundle itself, with the same output as one thread', async () => {
    const many = await fs.mkdtemp(path.join(os.tmpdir(), 'http-auth-lint-bin-threads-'));
    try {
      const jobs = [];
      for (let i = 0; i < 40; i++) {
        const file = path.join(many, `app${String(i).padStart(2, '0')}.ts`);
        await fs.writeFile(file, i % 3 === 0 ? EXPRESS_APP : `${EXPRESS_APP}\n// ${i}\n`);
        jobs.push({ index: i, file, settings: {} });
      }
      // The workers alone (the main thread only hands out files): each loads dist/cli.js.
      type Bundle = { runScan: typeof import('../../server/src/cli/threads').runScan };
      // eslint-disable-next-line @typescript-eslint/no-require-imports
      const bundle = require(path.join(REPO_ROOT, 'dist', 'cli.js')) as Bundle;
      let byWorker = 0;
      const failures: string[] = [];
      await bundle.runScan(jobs, { cwd: many, fix: 'off', reportUnusedDisable: false, maxFileSize: 1 << 20, faultyRule: undefined }, {
        threads: 2,
        mainLints: false,
        onOutcome: (_index, outcome, worker) => {
          if (worker && outcome.report && outcome.report.problems.length === 2) byWorker++;
        },
        onWorkerFailure: (message) => failures.push(message),
      });
      assert.deepEqual(failures, []);
      assert.equal(byWorker, jobs.length);

      for (const format of ['json', 'stylish', 'sarif']) {
        const one = await runBin(['--format', format, '--threads', '1'], many);
        const two = await runBin(['--format', format, '--threads', '2'], many);
        assert.equal(one.code, 1);
        assert.deepEqual(two, one, format);
      }
    } finally {
      await fs.rm(many, { recursive: true, force: true });
    }
  });

  it('reads a large project on a second thread (dist/text-pass.js), with the output of one thread', async () => {
    const large = await fs.mkdtemp(path.join(os.tmpdir(), 'http-auth-lint-bin-text-pass-'));
    try {
      await fs.writeFile(path.join(large, 'package.json'), '{ "name": "large" }\n');
      await fs.mkdir(path.join(large, 'src', 'plain'), { recursive: true });
      // A helper that sends a 401 without a challenge, found through its caller's mention of it.
      await fs.writeFile(path.join(large, 'src', 'deny.ts'), "import type { Response } from 'express';\nexport function deny(res: Response) {\n  return res.status(401).end();\n}\n");
      await fs.writeFile(path.join(large, 'src', 'route.ts'), "import express from 'express';\nimport { deny } from './deny';\nconst app = express();\napp.get('/', (req, res) => (req.user.isAdmin ? res.send('ok') : deny(res)));\n");
      for (let i = 0; i < 450; i++) await fs.writeFile(path.join(large, 'src', 'plain', `file${i}.ts`), `export const value${i} = 'v${i}';\n`);
      const one = await runBin(['--format', 'json', '--threads', '1'], large);
      const auto = await runBin(['--format', 'json'], large);
      assert.equal(auto.stderr, '', 'no thread failed');
      assert.deepEqual(auto, one);
      const rules = (JSON.parse(auto.stdout) as { messages: { ruleId: string }[] }[]).flatMap((report) => report.messages.map((message) => message.ruleId)).sort();
      assert.deepEqual(rules, ['missing-www-authenticate', 'unauthorized-for-permission']);
    } finally {
      await fs.rm(large, { recursive: true, force: true });
    }
  });

  it('reports skipped files on stderr; exits 2 when one could not be read, not when it was too large or binary', async () => {
    const skips = await fs.mkdtemp(path.join(os.tmpdir(), 'http-auth-lint-bin-skips-'));
    try {
      await fs.writeFile(path.join(skips, 'app.ts'), EXPRESS_APP);
      await fs.writeFile(path.join(skips, 'binary.js'), Buffer.from([0x7f, 0x45, 0x4c, 0x46, 0x00]));
      await fs.writeFile(path.join(skips, 'large.ts'), `${EXPRESS_APP}${' '.repeat(2048)}`);
      const policy = await runBin(['--format', 'json', '--max-file-size', '2048'], skips);
      assert.equal(policy.code, 1);
      assert.equal(
        policy.stderr,
        `skipped ${path.join(skips, 'binary.js')}: binary content (a NUL byte)\nskipped ${path.join(skips, 'large.ts')}: ${EXPRESS_APP.length + 2048} bytes, over the limit of 2048 (--max-file-size)\n`,
      );
      await fs.symlink(path.join(skips, 'gone.ts'), path.join(skips, 'dangling.ts'));
      const incomplete = await runBin(['--format', 'json', '--max-file-size', '2048'], skips);
      assert.equal(incomplete.code, 2);
      assert.match(incomplete.stderr, /^skipped \S+dangling\.ts: .*\(ENOENT\)$/m);
      assert.equal((JSON.parse(incomplete.stdout) as unknown[]).length, 1);
    } finally {
      await fs.rm(skips, { recursive: true, force: true });
    }
  });

  it('loads TypeScript\'s compiler only to parse: not for a run whose files all come from the cache', async () => {
    const cached = await fs.mkdtemp(path.join(os.tmpdir(), 'http-auth-lint-bin-cached-'));
    try {
      await fs.writeFile(path.join(cached, 'app.ts'), EXPRESS_APP);
      // Says on stderr when the process reads the compiler's bundle.
      const watch = path.join(cached, 'watch-typescript.cjs');
      await fs.writeFile(watch, `const fs = require('node:fs');\nconst read = fs.readFileSync;\nfs.readFileSync = function (file, ...rest) {\n  if (String(file).endsWith('typescript.js')) process.stderr.write('read typescript.js\\n');\n  return read.call(this, file, ...rest);\n};\n`);
      const args = ['--format', 'json', '--cache-location', path.join(cached, 'cache')];
      const first = await runBin(args, cached, ['--require', watch]);
      const second = await runBin(args, cached, ['--require', watch]);
      assert.equal(first.code, 1);
      assert.equal(first.stderr, 'read typescript.js\n');
      assert.deepEqual(second, { ...first, stderr: '' });
    } finally {
      await fs.rm(cached, { recursive: true, force: true });
    }
  });

  it('prints the package version', async () => {
    const manifest = JSON.parse(await fs.readFile(path.join(REPO_ROOT, 'package.json'), 'utf8')) as { version: string };
    const { code, stdout } = await runBin(['--version'], folder);
    assert.equal(code, 0);
    assert.equal(stdout.trim(), manifest.version);
  });
});
