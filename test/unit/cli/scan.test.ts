// The scan never stops on a bad file: what cannot be read is reported as "skipped <file>: <reason>"
// and makes the run incomplete (exit 2); what is skipped on purpose (too large, binary, not UTF-8,
// not a regular file) is reported and leaves the exit code to the findings. A failing rule is
// reported and makes the run incomplete too.
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { promises as fs } from 'node:fs';
import * as path from 'node:path';
import { after, before, describe, it } from 'node:test';
import { APP, CLEAN, MISSING, PERMISSION, PERMISSION_ONLY, cli, escapeRegExp as escape, run, runJson, tempRoot, withoutRoot } from './helpers';

function skippedLine(file: string, reason: RegExp | string): RegExp {
  return new RegExp(`^skipped ${escape(file)}: ${typeof reason === 'string' ? escape(reason) : reason.source}$`, 'm');
}

describe('the CLI on files it cannot or should not lint', () => {
  const temp = tempRoot('http-auth-lint-scan-');
  const project = temp.project;
  let root: string;

  before(async () => {
    await temp.create();
    root = temp.path();
  });

  after(temp.remove);

  it('reports a folder it cannot open, lints the rest, and exits 2', async () => {
    const folder = await project('closed-folder', { 'a.ts': APP, 'closed/b.ts': APP, 'z.ts': PERMISSION_ONLY });
    await fs.chmod(path.join(folder, 'closed'), 0o000);
    try {
      const { code, results, stderr } = await withoutRoot([root, folder], () => runJson(['.'], folder));
      assert.match(stderr, skippedLine(path.join(folder, 'closed'), /permission denied \(EACCES\)/));
      assert.deepEqual(results.map((result) => path.basename(result.filePath)), ['a.ts', 'z.ts']);
      assert.equal(code, 2);
    } finally {
      await fs.chmod(path.join(folder, 'closed'), 0o755);
    }
  });

  it('does not follow a link to a parent folder: no loop, no hang, a complete run', async () => {
    const folder = await project('loop', { 'src/app.ts': APP, 'src/deep/clean.ts': CLEAN });
    await fs.symlink('..', path.join(folder, 'src', 'deep', 'up'), 'dir');
    await fs.symlink(folder, path.join(folder, 'src', 'root'), 'dir');
    const { code, results, stderr } = await runJson(['.'], folder);
    assert.equal(stderr, '');
    assert.equal(code, 1);
    assert.deepEqual(
      results.map((result) => path.relative(folder, result.filePath)),
      [path.join('src', 'app.ts'), path.join('src', 'deep', 'clean.ts')],
    );
  });

  it('reports links that point at each other, and exits 2', async () => {
    const folder = await project('file-loop', { 'a.ts': APP });
    await fs.symlink(path.join(folder, 'c.ts'), path.join(folder, 'b.ts'), 'file');
    await fs.symlink(path.join(folder, 'b.ts'), path.join(folder, 'c.ts'), 'file');
    const { code, results, stderr } = await runJson(['.'], folder);
    assert.match(stderr, skippedLine(path.join(folder, 'b.ts'), /.*\(ELOOP\)/));
    assert.match(stderr, skippedLine(path.join(folder, 'c.ts'), /.*\(ELOOP\)/));
    assert.deepEqual(results.map((result) => path.basename(result.filePath)), ['a.ts']);
    assert.equal(code, 2);
  });

  it('reports a file deleted between the walk and its reading, lints the rest, and exits 2', async () => {
    const folder = await project('deleted', { 'a.ts': APP, 'b.ts': APP, 'c.ts': PERMISSION_ONLY });
    let stdout = '';
    let stderr = '';
    let walked: readonly string[] = [];
    const code = await cli.main(['--format', 'json', '.'], {
      cwd: folder,
      stdout: (text) => (stdout += text),
      stderr: (text) => (stderr += text),
      beforeScan: async (files) => {
        walked = files;
        await fs.rm(path.join(folder, 'b.ts'));
      },
    });
    assert.deepEqual(walked.map((file) => path.basename(file)), ['a.ts', 'b.ts', 'c.ts']);
    assert.equal(stderr, `skipped ${path.join(folder, 'b.ts')}: no such file or directory (ENOENT)\n`);
    assert.deepEqual((JSON.parse(stdout) as { filePath: string }[]).map((result) => path.basename(result.filePath)), ['a.ts', 'c.ts']);
    assert.equal(code, 2);
  });

  it('skips a file over --max-file-size (default 2 MiB) with a message; the exit code is the findings\'', async () => {
    const padding = `// ${'x'.repeat(100)}\n`;
    const large = `${PERMISSION_ONLY}${padding.repeat(Math.ceil((2 * 1024 * 1024 - PERMISSION_ONLY.length) / padding.length))}`;
    assert.ok(Buffer.byteLength(large) > 2 * 1024 * 1024);
    const folder = await project('large', { 'a.ts': CLEAN, 'large.ts': large, 'small.ts': APP });

    const byDefault = await runJson(['.'], folder);
    assert.equal(byDefault.stderr, `skipped ${path.join(folder, 'large.ts')}: ${Buffer.byteLength(large)} bytes, over the limit of 2097152 (--max-file-size)\n`);
    assert.deepEqual(byDefault.results.map((result) => path.basename(result.filePath)), ['a.ts', 'small.ts']);
    assert.equal(byDefault.code, 1);

    const lower = await runJson(['--max-file-size', String(Buffer.byteLength(CLEAN)), '.'], folder);
    assert.match(lower.stderr, skippedLine(path.join(folder, 'small.ts'), `${Buffer.byteLength(APP)} bytes, over the limit of ${Buffer.byteLength(CLEAN)} (--max-file-size)`));
    assert.deepEqual(lower.results.map((result) => path.basename(result.filePath)), ['a.ts']);
    assert.equal(lower.code, 0);

    const higher = await runJson(['--max-file-size', String(Buffer.byteLength(large)), 'large.ts'], folder);
    assert.equal(higher.stderr, '');
    assert.deepEqual(higher.results[0]!.messages.map((message) => message.ruleId), [PERMISSION]);
  });

  it('skips binary and non-UTF-8 content with a message; the exit code is the findings\'', async () => {
    const folder = await project('binary', { 'a.ts': APP });
    await fs.writeFile(path.join(folder, 'nul.js'), Buffer.concat([Buffer.from(APP), Buffer.from([0, 1, 2])]));
    // 0xC3 must start a two-byte sequence; "(" cannot continue it.
    await fs.writeFile(path.join(folder, 'latin.ts'), Buffer.concat([Buffer.from(APP), Buffer.from([0x2f, 0x2f, 0x20, 0xc3, 0x28])]));
    const { code, results, stderr } = await runJson(['.'], folder);
    assert.equal(
      stderr,
      `skipped ${path.join(folder, 'latin.ts')}: not valid UTF-8\nskipped ${path.join(folder, 'nul.js')}: binary content (a NUL byte)\n`,
    );
    assert.deepEqual(results.map((result) => path.basename(result.filePath)), ['a.ts']);
    assert.equal(code, 1);
  });

  it('reads UTF-8 with a byte order mark, and --fix keeps the mark', async () => {
    const folder = await project('bom', { 'app.ts': `\uFEFF${APP}` });
    const plain = await project('no-bom', { 'app.ts': APP });
    const withMark = await runJson(['.'], folder);
    const without = await runJson(['.'], plain);
    assert.equal(withMark.stderr, '');
    assert.deepEqual(
      withMark.results[0]!.messages.map((message) => message.ruleId),
      without.results[0]!.messages.map((message) => message.ruleId),
    );
    await run(['--fix', '.'], folder);
    const bytes = await fs.readFile(path.join(folder, 'app.ts'));
    assert.deepEqual([...bytes.subarray(0, 3)], [0xef, 0xbb, 0xbf]);
    assert.ok(!bytes.toString('utf8').includes("res.status(401).json({ error: 'unauthorized' })"));
  });

  it('skips a named FIFO without blocking on it', { skip: process.platform === 'win32' }, async () => {
    const folder = await project('fifo', { 'a.ts': CLEAN });
    execFileSync('mkfifo', [path.join(folder, 'pipe.ts')]);
    // In a folder it is not a file: passed over. Named, it is skipped as not a regular file.
    const walked = await runJson(['.'], folder);
    assert.equal(walked.stderr, '');
    assert.deepEqual(walked.results.map((result) => path.basename(result.filePath)), ['a.ts']);
    const named = await runJson(['a.ts', 'pipe.ts'], folder);
    assert.equal(named.stderr, `skipped ${path.join(folder, 'pipe.ts')}: not a regular file\n`);
    assert.equal(named.code, 0);
  });

  it('reports a rule that throws, keeps the other rules\' findings, and exits 2', async () => {
    const folder = await project('faulty-rule', { 'a.ts': APP, 'b.ts': PERMISSION_ONLY });
    process.env.HTTP_AUTH_LINT_TEST_FAULTS = MISSING;
    try {
      for (const threads of ['1', '2']) {
        const { code, results, stderr } = await runJson(['--threads', threads, '.'], folder);
        assert.equal(
          stderr,
          ['a.ts', 'b.ts'].map((file) => `http-auth-lint: rule ${MISSING} failed on ${path.join(folder, file)}: test fault: ${MISSING} throws\n`).join(''),
          threads,
        );
        assert.deepEqual(results.map((result) => result.messages.map((message) => message.ruleId)), [[PERMISSION], [PERMISSION]], threads);
        assert.equal(code, 2, threads);
      }
      const sarif = await run(['--format', 'sarif', 'a.ts'], folder);
      const invocation = (JSON.parse(sarif.stdout) as { runs: { invocations: { executionSuccessful: boolean; toolExecutionNotifications: { message: { text: string } }[] }[] }[] }).runs[0]!.invocations[0]!;
      assert.equal(invocation.executionSuccessful, false);
      assert.deepEqual(invocation.toolExecutionNotifications.map((notification) => notification.message.text), [`Rule ${MISSING} failed: test fault: ${MISSING} throws`]);
    } finally {
      delete process.env.HTTP_AUTH_LINT_TEST_FAULTS;
    }
  });
});
