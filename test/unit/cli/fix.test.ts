// --fix, --fix-dry-run and --report-unused-disable on temporary projects.
import assert from 'node:assert/strict';
import { promises as fs } from 'node:fs';
import * as path from 'node:path';
import { after, before, describe, it } from 'node:test';
import { applyPatch } from 'diff';
import { APP, CLEAN, GATE_407, MISSING, MISSING_PROXY, MISSING_SITE, PERMISSION, PERMISSION_SITE, positionOf, run, runJson, tempRoot } from './helpers';

const FIXED_SITE = "res.status(401).set('WWW-Authenticate', 'Bearer realm=\"api\"').json({ error: 'unauthorized' })";
const FIXED_APP = APP.replace(MISSING_SITE, FIXED_SITE);

const DIRECTIVE_LINE = '  // http-auth-lint-disable-next-line invalid-challenge -- an old reason\n';
/** APP with a suppression that suppresses nothing above the permission warning. */
const WITH_UNUSED = APP.replace("  if (req.user.role !== 'admin') {", `${DIRECTIVE_LINE}  if (req.user.role !== 'admin') {`);
/** A suppression in use: the error it silences is not fixed, and the comment stays. */
const WITH_USED = APP.replace("  if (!req.headers.authorization) {\n", '  if (!req.headers.authorization) {\n    // http-auth-lint-disable-next-line missing-www-authenticate -- the gateway adds it\n');

describe('fixing', () => {
  const temp = tempRoot('http-auth-lint-fix-');
  const project = temp.project;

  before(temp.create);
  after(temp.remove);

  it('--fix writes the safe fixes, reports what remains and is idempotent; suggestions stay', async () => {
    const folder = await project('fix', { 'src/app.ts': APP, 'src/clean.js': CLEAN, 'proxy/gate.js': GATE_407, '.httpauthlintrc.json': '{ "proxyFiles": ["proxy/**"] }' });
    const file = path.join(folder, 'src', 'app.ts');
    const first = await runJson(['--fix'], folder);
    assert.equal(first.stderr, '');
    // The error is fixed; the warning (a suggestion) remains: exit 0.
    assert.equal(first.code, 0);
    const written = await fs.readFile(file, 'utf8');
    assert.equal(written, FIXED_APP);
    assert.ok(written.includes(PERMISSION_SITE));
    assert.equal(await fs.readFile(path.join(folder, 'src', 'clean.js'), 'utf8'), CLEAN);
    assert.equal(await fs.readFile(path.join(folder, 'proxy', 'gate.js'), 'utf8'), GATE_407.replace('res.status(407)', "res.status(407).set('Proxy-Authenticate', 'Basic realm=\"proxy\"')"));

    const app = first.results.find((result) => result.filePath === file)!;
    assert.equal(app.output, FIXED_APP);
    assert.deepEqual(app.messages.map((message) => message.ruleId), [PERMISSION]);
    // Positioned in the fixed text.
    const site = positionOf(FIXED_APP, 'res.status(401)', PERMISSION_SITE);
    assert.deepEqual([app.messages[0]!.line, app.messages[0]!.column], [site.line, site.column]);
    assert.equal(first.results.find((result) => result.filePath.endsWith('clean.js'))!.output, undefined);
    assert.deepEqual(first.results.find((result) => result.filePath.endsWith('gate.js'))!.messages, []);

    const second = await runJson(['--fix'], folder);
    assert.equal(second.code, 0);
    assert.equal(await fs.readFile(file, 'utf8'), FIXED_APP);
    assert.ok(second.results.every((result) => result.output === undefined));
    assert.deepEqual(
      second.results.map((result) => result.messages.map((message) => message.ruleId)),
      first.results.map((result) => result.messages.map((message) => message.ruleId)),
    );
  });

  it('--fix exits 1 when an error without a safe fix remains', async () => {
    const folder = await project('fix-remaining', { 'src/app.ts': APP, '.httpauthlintrc.json': `{ "rules": { "${PERMISSION}": "error" } }` });
    const { code, results } = await runJson(['--fix'], folder);
    assert.equal(code, 1);
    assert.deepEqual(results[0]!.messages.map((message) => [message.ruleId, message.severity]), [[PERMISSION, 2]]);
    assert.equal(await fs.readFile(path.join(folder, 'src', 'app.ts'), 'utf8'), FIXED_APP);
  });

  it('--fix-dry-run prints a unified diff that applies to the file, writes nothing, exits on what would remain', async () => {
    const folder = await project('dry-run', { 'src/app.ts': APP, 'src/clean.js': CLEAN });
    const file = path.join(folder, 'src', 'app.ts');
    const { mtimeMs } = await fs.stat(file);
    const { code, stdout, stderr } = await run(['--fix-dry-run'], folder);
    assert.equal(stderr, '');
    assert.equal(code, 0);
    assert.equal(await fs.readFile(file, 'utf8'), APP);
    assert.equal((await fs.stat(file)).mtimeMs, mtimeMs);

    const diffEnd = stdout.indexOf('\n\nsrc');
    const patch = stdout.slice(0, diffEnd + 1);
    assert.match(patch, /^--- a\/src\/app\.ts\n\+\+\+ b\/src\/app\.ts\n@@ -\d+,\d+ \+\d+,\d+ @@\n/);
    assert.ok(patch.includes(`\n-    return ${MISSING_SITE};\n+    return ${FIXED_SITE};\n`), patch);
    assert.equal(applyPatch(APP, patch), FIXED_APP);
    assert.ok(!patch.includes('clean.js'));
    // Then the report of what --fix would leave.
    const report = stdout.slice(diffEnd);
    assert.ok(report.includes(PERMISSION) && !report.includes(MISSING), report);
    assert.ok(report.includes('✖ 1 problem (0 errors, 1 warning)'), report);
  });

  it('--fix-dry-run with json: the diff on stderr, the fixed text in "output"', async () => {
    const folder = await project('dry-run-json', { 'app.ts': APP });
    const { code, results, stderr } = await runJson(['--fix-dry-run'], folder);
    assert.equal(code, 0);
    assert.match(stderr, /^--- a\/app\.ts\n\+\+\+ b\/app\.ts\n/);
    assert.equal(results[0]!.output, FIXED_APP);
    assert.equal(await fs.readFile(path.join(folder, 'app.ts'), 'utf8'), APP);
  });

  it('--fix leaves an unused suppression alone unless --report-unused-disable, and never touches a used one', async () => {
    const folder = await project('unused-fix', { 'a.ts': WITH_UNUSED, 'b.ts': WITH_USED });
    await runJson(['--fix'], folder);
    assert.equal(await fs.readFile(path.join(folder, 'a.ts'), 'utf8'), FIXED_APP.replace("  if (req.user.role !== 'admin') {", `${DIRECTIVE_LINE}  if (req.user.role !== 'admin') {`));
    assert.equal(await fs.readFile(path.join(folder, 'b.ts'), 'utf8'), WITH_USED);

    const { code, results } = await runJson(['--fix', '--report-unused-disable'], folder);
    assert.equal(code, 0);
    assert.equal(await fs.readFile(path.join(folder, 'a.ts'), 'utf8'), FIXED_APP);
    assert.equal(await fs.readFile(path.join(folder, 'b.ts'), 'utf8'), WITH_USED);
    assert.ok(results.every((result) => result.messages.every((message) => message.ruleId !== null)));
  });

  it('--report-unused-disable reports unused suppressions as fixable warnings with ruleId null', async () => {
    const folder = await project('unused-report', { 'app.ts': WITH_UNUSED, 'used.ts': WITH_USED });
    const without = await runJson([], folder);
    assert.deepEqual(without.results.map((result) => result.messages.map((message) => message.ruleId)), [[MISSING, PERMISSION], [PERMISSION]]);

    const { code, results } = await runJson(['--report-unused-disable'], folder);
    assert.equal(code, 1);
    const [app, used] = results;
    assert.deepEqual(app!.messages.map((message) => [message.ruleId, message.severity]), [
      [MISSING, 2],
      [null, 1],
      [PERMISSION, 1],
    ]);
    const directive = app!.messages[1]!;
    const at = positionOf(WITH_UNUSED, '// http-auth-lint-disable-next-line invalid-challenge -- an old reason');
    assert.deepEqual([directive.line, directive.column, directive.endLine, directive.endColumn], [at.line, at.column, at.endLine, at.endColumn]);
    assert.match(directive.message, /invalid-challenge/);
    assert.deepEqual([app!.errorCount, app!.warningCount, app!.fixableErrorCount, app!.fixableWarningCount], [1, 2, 1, 1]);
    assert.deepEqual(used!.messages.map((message) => message.ruleId), [PERMISSION]);

    const stylish = await run(['--report-unused-disable'], folder);
    assert.match(stylish.stdout, new RegExp(`^  ${at.line}:${at.column} +warning +Unused http-auth-lint-disable-next-line directive.* unused-disable-directive$`, 'm'));
    assert.ok(stylish.stdout.includes('✖ 4 problems (1 error, 3 warnings)'), stylish.stdout);
    assert.equal((await run(['--report-unused-disable', '--max-warnings', '2'], folder)).code, 1);
  });

  it('--fix with missing-proxy-authenticate in a proxy file and CRLF line endings keeps the line endings', async () => {
    const crlf = GATE_407.replace(/\n/g, '\r\n');
    const folder = await project('crlf-fix', { 'proxy.js': `// http-auth-lint proxy\r\n${crlf}` });
    const { code, results } = await runJson(['--fix'], folder);
    assert.equal(code, 0);
    assert.deepEqual(results[0]!.messages, []);
    const written = await fs.readFile(path.join(folder, 'proxy.js'), 'utf8');
    assert.ok(written.includes("res.status(407).set('Proxy-Authenticate', 'Basic realm=\"proxy\"')"), written);
    assert.equal(written.split('\r\n').length, `// http-auth-lint proxy\r\n${crlf}`.split('\r\n').length);
    assert.ok(!/[^\r]\n/.test(written));
    assert.equal(MISSING_PROXY, 'missing-proxy-authenticate');
  });
});
