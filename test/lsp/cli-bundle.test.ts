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

function runBin(args: string[], cwd: string): Promise<{ code: number; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    execFile(process.execPath, [BIN, ...args], { cwd }, (error, stdout, stderr) => {
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

  it('prints the package version', async () => {
    const manifest = JSON.parse(await fs.readFile(path.join(REPO_ROOT, 'package.json'), 'utf8')) as { version: string };
    const { code, stdout } = await runBin(['--version'], folder);
    assert.equal(code, 0);
    assert.equal(stdout.trim(), manifest.version);
  });
});
