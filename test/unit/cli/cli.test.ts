// The CLI's lint run, walking and usage (formats, configuration and fixing have their own files).
import assert from 'node:assert/strict';
import { promises as fs } from 'node:fs';
import * as path from 'node:path';
import { after, before, describe, it } from 'node:test';
import { APP, CLEAN, MISSING, MISSING_SITE, OUT, PERMISSION, PERMISSION_ONLY, engine, escapeRegExp as escape, lineColumn, run, runJson, tempRoot, withoutRoot } from './helpers';

describe('http-auth-lint CLI', () => {
  const temp = tempRoot('http-auth-lint-cli-');
  const project = temp.project;
  let root: string;

  before(async () => {
    await temp.create();
    root = temp.path();
  });

  after(temp.remove);

  it('--format json prints ESLint-shaped results with 1-based positions', async () => {
    const folder = await project('json', { 'src/app.ts': APP, 'src/clean.js': CLEAN });
    const { code, results, stderr } = await runJson(['src'], folder);
    assert.equal(stderr, '');
    assert.equal(code, 1);
    assert.deepEqual(
      results.map((result) => result.filePath),
      [path.join(folder, 'src', 'app.ts'), path.join(folder, 'src', 'clean.js')],
    );
    const [app, clean] = results;
    assert.deepEqual(clean, {
      filePath: path.join(folder, 'src', 'clean.js'),
      messages: [],
      errorCount: 0,
      warningCount: 0,
      fixableErrorCount: 0,
      fixableWarningCount: 0,
    });
    // The error has a safe fix (--fix applies it); the warning's fix is a suggestion.
    assert.deepEqual(
      [app!.errorCount, app!.warningCount, app!.fixableErrorCount, app!.fixableWarningCount],
      [1, 1, 1, 0],
    );
    assert.equal(app!.output, undefined);
    assert.deepEqual(
      app!.messages.map((message) => [message.ruleId, message.severity]),
      [
        [MISSING, 2],
        [PERMISSION, 1],
      ],
    );
    for (const message of app!.messages) {
      assert.deepEqual(Object.keys(message).sort(), ['column', 'endColumn', 'endLine', 'line', 'message', 'ruleId', 'severity']);
      assert.ok(message.message.length > 0);
    }
    // Each position is the engine's offset, converted here on our own.
    const findings = engine.lint('app.ts', APP).findings;
    for (const finding of findings) {
      const message = app!.messages.find((candidate) => candidate.ruleId === finding.ruleId)!;
      const start = lineColumn(APP, finding.start);
      const end = lineColumn(APP, finding.end);
      assert.deepEqual(
        [message.line, message.column, message.endLine, message.endColumn],
        [start.line, start.column, end.line, end.column],
      );
    }
    // And the error sits on the 401 without a challenge.
    const site = APP.indexOf(MISSING_SITE);
    assert.equal(app!.messages[0]!.line, lineColumn(APP, site).line);
    assert.ok(app!.messages[0]!.column >= lineColumn(APP, site).column);
  });

  it('counts lines the same with CRLF line endings', async () => {
    const crlf = APP.replace(/\n/g, '\r\n');
    const folder = await project('crlf', { 'app.ts': crlf });
    const { results } = await runJson(['.'], folder);
    const lf = await runJson([path.join(root, 'json', 'src', 'app.ts')], root);
    assert.deepEqual(
      results[0]!.messages.map((message) => [message.line, message.column, message.endLine, message.endColumn]),
      lf.results[0]!.messages.map((message) => [message.line, message.column, message.endLine, message.endColumn]),
    );
  });

  it('prints nothing and exits 0 without problems', async () => {
    const folder = await project('clean', { 'index.js': CLEAN });
    assert.deepEqual(await run(['.'], folder), { code: 0, stdout: '', stderr: '' });
  });

  it('exits 0 with warnings only', async () => {
    const folder = await project('warnings', { 'index.cjs': PERMISSION_ONLY });
    const { code, stdout } = await run(['.'], folder);
    assert.equal(code, 0);
    assert.ok(stdout.includes('✖ 1 problem (0 errors, 1 warning)'), stdout);
    assert.ok(!stdout.includes('potentially fixable'), stdout);
  });

  it('walks folders for every lintable extension, skipping node_modules, .git and .d.ts', async () => {
    const files: Record<string, string> = {
      'node_modules/dep/index.js': APP,
      '.git/hooks/post-commit.js': APP,
      'lib/types.d.ts': APP,
      'lib/notes.md': APP,
      'lib/nested/node_modules/x.ts': APP,
    };
    const extensions = ['ts', 'tsx', 'js', 'jsx', 'mjs', 'cjs', 'mts', 'cts'];
    for (const extension of extensions) {
      files[`src/app.${extension}`] = extension.includes('t') ? APP : APP.replace("import express from 'express';", "const express = require('express');");
    }
    const folder = await project('walk', files);
    const { results } = await runJson([], folder);
    assert.deepEqual(
      results.map((result) => path.relative(folder, result.filePath)).sort(),
      extensions.map((extension) => path.join('src', `app.${extension}`)).sort(),
    );
    for (const result of results) {
      assert.deepEqual(
        result.messages.map((message) => message.ruleId),
        [MISSING, PERMISSION],
        result.filePath,
      );
    }
  });

  it('lints a file named on the command line even inside node_modules', async () => {
    const folder = await project('explicit', { 'node_modules/dep/index.js': PERMISSION_ONLY });
    const { code, results } = await runJson(['node_modules/dep/index.js'], folder);
    assert.equal(code, 0);
    assert.equal(results.length, 1);
    assert.equal(results[0]!.filePath, path.join(folder, 'node_modules', 'dep', 'index.js'));
  });

  it('does not follow a symbolic link to a folder (no loop), and lints a link to a file', async () => {
    const folder = await project('links', { 'src/app.ts': APP });
    await fs.symlink(folder, path.join(folder, 'src', 'loop'), 'dir');
    await fs.symlink(path.join(folder, 'src', 'app.ts'), path.join(folder, 'linked.ts'), 'file');
    const { code, results } = await runJson(['.'], folder);
    assert.equal(code, 1);
    assert.deepEqual(
      results.map((result) => path.relative(folder, result.filePath)),
      ['linked.ts', path.join('src', 'app.ts')],
    );
  });

  it('reports an unreadable file on stderr, goes on, and exits 2: the run is incomplete', async () => {
    const folder = await project('unreadable', { 'a.ts': APP, 'c.ts': CLEAN });
    // A link to nothing cannot be read, whoever runs the test (root reads a chmod 000 file).
    await fs.symlink(path.join(folder, 'missing-target.ts'), path.join(folder, 'b.ts'), 'file');
    const { code, results, stderr } = await runJson(['.'], folder);
    assert.equal(code, 2);
    assert.match(stderr, new RegExp(`^skipped ${escape(path.join(folder, 'b.ts'))}: .*ENOENT`, 'm'));
    assert.deepEqual(
      results.map((result) => path.basename(result.filePath)),
      ['a.ts', 'c.ts'],
    );
  });

  it('reports a file it cannot open on stderr, goes on, and exits 2', async () => {
    const folder = await project('no-permission', { 'a.ts': APP, 'b.ts': CLEAN });
    await fs.chmod(path.join(folder, 'b.ts'), 0o000);
    const outcome = await withoutRoot([root, folder], () => runJson(['.'], folder));
    const { code, results, stderr } = outcome;
    assert.equal(code, 2);
    assert.match(stderr, new RegExp(`^skipped ${escape(path.join(folder, 'b.ts'))}: .*EACCES`, 'm'));
    assert.deepEqual(results.map((result) => path.basename(result.filePath)), ['a.ts']);
  });

  it('exits 2 with a message on bad usage', async () => {
    const folder = await project('usage', { 'a.ts': CLEAN });
    const unknownOption = await run(['--nope'], folder);
    assert.equal(unknownOption.code, 2);
    assert.match(unknownOption.stderr, /--nope/);
    assert.equal(unknownOption.stdout, '');

    const bothFixes = await run(['--fix', '--fix-dry-run'], folder);
    assert.equal(bothFixes.code, 2);
    assert.match(bothFixes.stderr, /--fix and --fix-dry-run/);

    for (const value of ['many', '-1', '1.5']) {
      const maxWarnings = await run(['--max-warnings', value], folder);
      assert.equal(maxWarnings.code, 2, value);
      assert.match(maxWarnings.stderr, /--max-warnings/, value);
    }

    for (const value of ['0', 'many', '-2', '1.5']) {
      const threads = await run(['--threads', value], folder);
      assert.equal(threads.code, 2, value);
      assert.match(threads.stderr, /--threads/, value);
    }
    for (const value of ['big', '-1', '1e6']) {
      const maxFileSize = await run(['--max-file-size', value], folder);
      assert.equal(maxFileSize.code, 2, value);
      assert.match(maxFileSize.stderr, /--max-file-size/, value);
    }

    const bothConfigs = await run(['--config', 'x.json', '--no-config'], folder);
    assert.equal(bothConfigs.code, 2);
    assert.match(bothConfigs.stderr, /--config and --no-config/);

    const noConfigFile = await run(['--config', 'nowhere.json'], folder);
    assert.equal(noConfigFile.code, 2);
    assert.match(noConfigFile.stderr, /cannot read the configuration file nowhere\.json: .*ENOENT/);
    assert.equal(noConfigFile.stdout, '');

    const unknownFormat = await run(['--format', 'xml'], folder);
    assert.equal(unknownFormat.code, 2);
    assert.match(unknownFormat.stderr, /format "xml"/);

    const noFormat = await run(['--format'], folder);
    assert.equal(noFormat.code, 2);
    assert.match(noFormat.stderr, /--format/);

    const missing = await run(['a.ts', 'does-not-exist'], folder);
    assert.equal(missing.code, 2);
    assert.match(missing.stderr, /no such file or folder: does-not-exist/);
    assert.equal(missing.stdout, '');
  });

  it('--help and --version', async () => {
    const help = await run(['--help'], root);
    assert.equal(help.code, 0);
    assert.match(help.stdout, /^Usage: http-auth-lint/);
    for (const option of ['--format', 'sarif', 'github', '--quiet', '--max-warnings', '--fix', '--fix-dry-run', '--report-unused-disable', '--config', '--no-config', '.httpauthlintrc.json', '--threads', '--max-file-size', 'incomplete']) {
      assert.ok(help.stdout.includes(option), option);
    }
    const version = await run(['--version'], root);
    assert.equal(version.code, 0);
    const manifest = JSON.parse(await fs.readFile(path.join(OUT, '..', 'package.json'), 'utf8')) as { version: string };
    assert.equal(version.stdout, `${manifest.version}\n`);
  });
});
