// The output formats (stylish, json, sarif, github), --quiet and --max-warnings, on temporary
// projects. SARIF is validated against the OASIS SARIF 2.1.0 schema (the rtm.5 schema file that
// @microsoft/jest-sarif ships, a draft-04 schema, hence ajv-draft-04).
import assert from 'node:assert/strict';
import { promises as fs } from 'node:fs';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import { after, before, describe, it } from 'node:test';
import Ajv from 'ajv-draft-04';
import addFormats from 'ajv-formats';
import type * as Sarif from 'sarif';
import {
  APP,
  CLEAN,
  GATE_407,
  MISSING,
  MISSING_SITE,
  ORIGIN_407,
  OUT,
  PERMISSION,
  PERMISSION_ONLY,
  PERMISSION_SITE,
  REPO,
  engine,
  escapeRegExp,
  positionOf,
  run,
  runJson,
  tempRoot,
} from './helpers';

type GithubModule = typeof import('../../../server/src/cli/formatters/github');
// eslint-disable-next-line @typescript-eslint/no-require-imports
const github = require(path.join(OUT, 'server', 'src', 'cli', 'formatters', 'github.js')) as GithubModule;

const SCHEMA = path.join(REPO, 'node_modules', '@microsoft', 'jest-sarif', 'lib', 'schemas', 'sarif-2.1.0-rtm.5.json');

/** A suppression that suppresses nothing, above the permission warning of APP. */
const WITH_UNUSED = APP.replace("  if (req.user.role !== 'admin') {", "  // http-auth-lint-disable-next-line invalid-challenge -- an old reason\n  if (req.user.role !== 'admin') {");

async function sarifValidator(): Promise<ReturnType<Ajv['compile']>> {
  const schema = JSON.parse(await fs.readFile(SCHEMA, 'utf8')) as { $schema: string; title: string };
  assert.match(schema.$schema, /draft-04/);
  assert.match(schema.title, /SARIF\) Version 2\.1\.0/);
  // The schema's `language` pattern is not valid with the `u` flag; without it, it compiles as written.
  const ajv = new Ajv({ allErrors: true, unicodeRegExp: false });
  addFormats(ajv);
  return ajv.compile(schema);
}

describe('output formats', () => {
  const temp = tempRoot('http-auth-lint-formats-');
  const project = temp.project;

  before(temp.create);
  after(temp.remove);

  describe('stylish', () => {
    it('prints each problem as an aligned row with its code frame, evidence and docs link', async () => {
      const folder = await project('stylish', { 'src/app.ts': APP, 'src/clean.js': CLEAN });
      const { code, stdout, stderr } = await run([], folder);
      assert.equal(code, 1);
      assert.equal(stderr, '');
      const lines = stdout.split('\n');
      const header = lines.indexOf(path.join('src', 'app.ts'));
      assert.ok(header >= 0, stdout);
      assert.ok(!stdout.includes('clean.js'), stdout);

      const missing = positionOf(APP, MISSING_SITE);
      const errorRow = lines[header + 1]!;
      assert.match(errorRow, new RegExp(`^  ${missing.line}:${missing.column} +error +This 401 has no WWW-Authenticate header\\b.* +${MISSING}$`));
      // One line of context above and below, the finding's line marked, carets under its range.
      const source = APP.split('\n');
      assert.equal(lines[header + 2], `    ${missing.line - 1} | ${source[missing.line - 2]}`);
      const marked = lines[header + 3]!;
      assert.equal(marked, `  > ${missing.line} | ${source[missing.line - 1]}`);
      const carets = lines[header + 4]!;
      const range = engine.lint('app.ts', APP).findings.find((finding) => finding.ruleId === MISSING)!;
      assert.equal(carets.indexOf('^') - marked.indexOf('| ') - 2, missing.column - 1);
      assert.equal(carets.trim().replace(/^\|\s*/, ''), '^'.repeat(range.end - range.start));
      assert.equal(APP.slice(range.start, range.end), 'res.status(401)');
      assert.equal(lines[header + 5], `    ${missing.line + 1} | ${source[missing.line]}`);
      assert.equal(lines[header + 6], `    docs: ${range.docsUrl}`);

      // The warning: its row aligned with the error's, and the guard it read.
      const warningRow = lines.find((line) => line.endsWith(PERMISSION))!;
      const permission = positionOf(APP, PERMISSION_SITE);
      assert.match(warningRow, new RegExp(`^  ${permission.line}:${permission.column} +warning +This 401 answers a permission failure`));
      assert.equal(errorRow.indexOf('error'), warningRow.indexOf('warning'));
      assert.equal(errorRow.indexOf('This 401'), warningRow.indexOf('This 401'));
      const guard = positionOf(APP, "req.user.role !== 'admin'");
      assert.ok(lines.includes(`    see ${guard.line}:${guard.column}: The permission check: \`req.user.role !== 'admin'\``), stdout);

      assert.ok(lines.includes('✖ 2 problems (1 error, 1 warning)'), stdout);
      assert.ok(lines.includes('  1 error and 0 warnings potentially fixable with the `--fix` option.'), stdout);
    });

    it('--quiet shows and counts errors only', async () => {
      const folder = await project('quiet', { 'app.ts': APP, 'warn.js': PERMISSION_ONLY });
      const { code, stdout } = await run(['--quiet'], folder);
      assert.equal(code, 1);
      assert.ok(!stdout.includes(PERMISSION), stdout);
      assert.ok(!stdout.includes('warn.js'), stdout);
      assert.ok(stdout.includes(MISSING), stdout);
      assert.ok(stdout.includes('✖ 1 problem (1 error, 0 warnings)'), stdout);

      const warningsOnly = await project('quiet-warnings', { 'warn.js': PERMISSION_ONLY });
      assert.deepEqual(await run(['--quiet'], warningsOnly), { code: 0, stdout: '', stderr: '' });
    });
  });

  describe('--max-warnings', () => {
    it('exits 1 above the limit with a message, 0 at it; --quiet does not hide the count', async () => {
      // Two warnings, no error.
      const folder = await project('max-warnings', { 'a.js': PERMISSION_ONLY, 'b.js': GATE_407 });
      const none = await run([], folder);
      assert.equal(none.code, 0);
      assert.ok(none.stdout.includes('(0 errors, 2 warnings)'), none.stdout);

      const atLimit = await run(['--max-warnings', '2'], folder);
      assert.equal(atLimit.code, 0);
      assert.equal(atLimit.stderr, '');

      const above = await run(['--max-warnings', '1'], folder);
      assert.equal(above.code, 1);
      assert.equal(above.stderr, 'http-auth-lint found too many warnings (2; maximum: 1).\n');
      assert.equal(above.stdout, none.stdout);

      const zero = await run(['--max-warnings', '0', '--format', 'json'], folder);
      assert.equal(zero.code, 1);
      assert.equal((JSON.parse(zero.stdout) as unknown[]).length, 2);

      const quiet = await run(['--quiet', '--max-warnings', '1'], folder);
      assert.equal(quiet.code, 1);
      assert.equal(quiet.stdout, '');
      assert.match(quiet.stderr, /too many warnings/);
    });

    it('does not hide errors: an error exits 1 within the limit', async () => {
      const folder = await project('max-warnings-errors', { 'app.ts': APP });
      assert.equal((await run(['--max-warnings', '10'], folder)).code, 1);
    });
  });

  describe('json', () => {
    it('--quiet leaves the warnings out of messages and counts', async () => {
      const folder = await project('json-quiet', { 'app.ts': APP });
      const { code, results } = await runJson(['--quiet'], folder);
      assert.equal(code, 1);
      assert.deepEqual(results[0]!.messages.map((message) => message.ruleId), [MISSING]);
      assert.deepEqual([results[0]!.errorCount, results[0]!.warningCount, results[0]!.fixableErrorCount], [1, 0, 1]);
    });
  });

  describe('severities hint and information', () => {
    it('are warnings in json and stylish counts, notes in sarif, notices in github', async () => {
      const folder = await project('severities', {
        '.httpauthlintrc.json': JSON.stringify({ rules: { [PERMISSION]: 'hint', [ORIGIN_407]: 'information' } }),
        'a.js': PERMISSION_ONLY,
        'b.js': GATE_407,
      });
      const json = await runJson([], folder);
      assert.equal(json.code, 0);
      assert.deepEqual(
        json.results.map((result) => [result.messages.map((message) => [message.ruleId, message.severity]), result.warningCount, result.errorCount]),
        [
          [[[PERMISSION, 1]], 1, 0],
          [[[ORIGIN_407, 1]], 1, 0],
        ],
      );
      const stylish = await run([], folder);
      assert.match(stylish.stdout, new RegExp(`^  \\d+:\\d+ +hint +.*${PERMISSION}$`, 'm'));
      assert.match(stylish.stdout, new RegExp(`^  \\d+:\\d+ +information +.*${ORIGIN_407}$`, 'm'));
      assert.ok(stylish.stdout.includes('(0 errors, 2 warnings)'), stylish.stdout);
      assert.equal((await run(['--max-warnings', '1'], folder)).code, 1);

      const sarif = JSON.parse((await run(['--format', 'sarif'], folder)).stdout) as Sarif.Log;
      assert.deepEqual(sarif.runs[0]!.results!.map((result) => [result.ruleId, result.level]), [
        [PERMISSION, 'note'],
        [ORIGIN_407, 'note'],
      ]);
      const annotations = (await run(['--format', 'github'], folder)).stdout;
      assert.match(annotations, new RegExp(`^::notice file=a\\.js,.*title=${PERMISSION}::`, 'm'));
      assert.match(annotations, new RegExp(`^::notice file=b\\.js,.*title=${ORIGIN_407}::`, 'm'));
    });
  });

  describe('sarif', () => {
    it('validates against the SARIF 2.1.0 schema, which rejects a broken log', async () => {
      const validate = await sarifValidator();
      const folder = await project('sarif-valid', {
        'src/app.ts': WITH_UNUSED,
        'src/with space, and comma.js': PERMISSION_ONLY,
        'src/clean.js': CLEAN,
        // A broken entry: reported as a configuration notification, linting goes on.
        '.httpauthlintrc.json': '{ "rules": { "challenge-lost": "loud" } }',
      });
      const { code, stdout } = await run(['--format', 'sarif', '--report-unused-disable'], folder);
      assert.equal(code, 2);
      const log = JSON.parse(stdout) as Sarif.Log;
      assert.ok(validate(log), JSON.stringify(validate.errors, null, 2));
      assert.equal(log.runs[0]!.results!.length, 4);
      assert.equal(log.runs[0]!.invocations![0]!.toolConfigurationNotifications!.length, 1);

      // The same validator fails what breaks the format: it could fail ours.
      const broken = structuredClone(log) as unknown as { runs: { results: { level: string; locations: { physicalLocation: { region: { startLine: number } } }[] }[] }[] };
      broken.runs[0]!.results[0]!.level = 'fatal';
      assert.equal(validate(broken), false);
      const noLine = structuredClone(log) as unknown as typeof broken;
      noLine.runs[0]!.results[0]!.locations[0]!.physicalLocation.region.startLine = 0;
      assert.equal(validate(noLine), false);
    });

    it('tells skipped files as notifications: an unreadable one fails the execution, a binary one is a note', async () => {
      const validate = await sarifValidator();
      const folder = await project('sarif-skipped', { 'src/app.ts': APP });
      await fs.writeFile(path.join(folder, 'src', 'blob.js'), Buffer.from([0x00, 0x01]));
      const binaryOnly = JSON.parse((await run(['--format', 'sarif'], folder)).stdout) as Sarif.Log;
      assert.ok(validate(binaryOnly), JSON.stringify(validate.errors, null, 2));
      assert.equal(binaryOnly.runs[0]!.invocations![0]!.executionSuccessful, true);
      assert.deepEqual(
        binaryOnly.runs[0]!.invocations![0]!.toolExecutionNotifications!.map((notification) => [notification.level, notification.message.text]),
        [['note', 'Skipped: binary content (a NUL byte)']],
      );

      await fs.symlink(path.join(folder, 'nowhere.ts'), path.join(folder, 'src', 'gone.ts'));
      const { code, stdout } = await run(['--format', 'sarif'], folder);
      assert.equal(code, 2);
      const log = JSON.parse(stdout) as Sarif.Log;
      assert.ok(validate(log), JSON.stringify(validate.errors, null, 2));
      const invocation = log.runs[0]!.invocations![0]!;
      assert.equal(invocation.executionSuccessful, false);
      assert.deepEqual(
        invocation.toolExecutionNotifications!.map((notification) => [notification.level, notification.locations![0]!.physicalLocation!.artifactLocation!.uri]),
        [
          ['error', 'src/gone.ts'],
          ['note', 'src/blob.js'],
        ],
      );
      assert.equal(log.runs[0]!.results!.length, 2);
    });

    it('describes the tool and every rule, and positions each result relative to %SRCROOT%', async () => {
      const folder = await project('sarif-content', { 'src/app.ts': APP, 'src/clean.js': CLEAN });
      const { code, stdout } = await run(['--format', 'sarif'], folder);
      assert.equal(code, 1);
      const log = JSON.parse(stdout) as Sarif.Log;
      assert.equal(log.version, '2.1.0');
      assert.equal(log.$schema, 'https://json.schemastore.org/sarif-2.1.0.json');
      assert.equal(log.runs.length, 1);
      const run0 = log.runs[0]!;
      const driver = run0.tool.driver;
      const manifest = JSON.parse(await fs.readFile(path.join(REPO, 'package.json'), 'utf8')) as { version: string; repository: { url: string } };
      assert.equal(driver.name, 'http-auth-lint');
      assert.equal(driver.version, manifest.version);
      assert.equal(driver.informationUri, manifest.repository.url);
      const rules = driver.rules!;
      assert.deepEqual(
        rules.map((rule) => rule.id),
        [...engine.ruleCatalog.map((rule) => rule.id), 'unused-disable-directive'],
      );
      for (const info of engine.ruleCatalog) {
        const rule = rules.find((candidate) => candidate.id === info.id)!;
        assert.equal(rule.helpUri, info.docsUrl);
        assert.equal(rule.shortDescription!.text, `${info.description}.`);
        assert.ok(rule.help!.markdown!.includes(`](${info.docsUrl})`));
        assert.ok(rule.help!.text.length > 0);
        assert.equal(rule.defaultConfiguration!.level, info.defaultSeverity === 'error' ? 'error' : 'warning');
        assert.match(rule.name!, /^[A-Z][A-Za-z]+$/);
      }
      assert.deepEqual(run0.originalUriBaseIds, { '%SRCROOT%': { uri: `${pathToFileURL(folder).href}/` } });

      const results = run0.results!;
      assert.deepEqual(
        results.map((result) => [result.ruleId, rules[result.ruleIndex!]!.id, result.level]),
        [
          [MISSING, MISSING, 'error'],
          [PERMISSION, PERMISSION, 'warning'],
        ],
      );
      const [missing, permission] = results;
      const location = missing!.locations![0]!.physicalLocation!;
      assert.deepEqual(location.artifactLocation, { uri: 'src/app.ts', uriBaseId: '%SRCROOT%' });
      const site = positionOf(APP, 'res.status(401)', MISSING_SITE);
      assert.deepEqual(location.region, { startLine: site.line, startColumn: site.column, endLine: site.endLine, endColumn: site.endColumn });
      assert.match(missing!.message.text!, /^This 401 has no WWW-Authenticate header/);
      // The safe fix, as a replacement at the end of the range.
      assert.deepEqual(missing!.fixes![0]!.artifactChanges[0]!.replacements[0], {
        deletedRegion: { startLine: site.endLine, startColumn: site.endColumn, endLine: site.endLine, endColumn: site.endColumn },
        insertedContent: { text: ".set('WWW-Authenticate', 'Bearer realm=\"api\"')" },
      });
      // The evidence of the heuristic rule, as a related location.
      const guard = positionOf(APP, "req.user.role !== 'admin'");
      assert.deepEqual(permission!.relatedLocations, [
        {
          id: 1,
          physicalLocation: {
            artifactLocation: { uri: 'src/app.ts', uriBaseId: '%SRCROOT%' },
            region: { startLine: guard.line, startColumn: guard.column, endLine: guard.endLine, endColumn: guard.endColumn },
          },
          message: { text: "The permission check: `req.user.role !== 'admin'`" },
        },
      ]);
    });

    it('encodes paths as URI references', async () => {
      const folder = await project('sarif-uri', { 'src/with space, and #.js': PERMISSION_ONLY });
      const log = JSON.parse((await run(['--format', 'sarif'], folder)).stdout) as Sarif.Log;
      assert.equal(log.runs[0]!.results![0]!.locations![0]!.physicalLocation!.artifactLocation!.uri, 'src/with%20space%2C%20and%20%23.js');
    });

    it('gives stable fingerprints: the same when lines move, different for two results on like lines', async () => {
      const fingerprints = async (name: string, text: string): Promise<string[]> => {
        const folder = await project(name, { 'app.ts': text });
        const log = JSON.parse((await run(['--format', 'sarif'], folder)).stdout) as Sarif.Log;
        return log.runs[0]!.results!.map((result) => result.partialFingerprints!['httpAuthLint/v1']!);
      };
      const original = await fingerprints('fingerprint-a', APP);
      assert.equal(original.length, 2);
      for (const value of original) assert.match(value, /^[0-9a-f]{32}$/);
      // Lines added above and the code reindented: the same alerts.
      const moved = await fingerprints('fingerprint-b', `// a header comment\n\n${APP.replace(/^ {2}/gm, '    ')}`);
      assert.deepEqual(moved, original);
      // The same 401 twice: two alerts.
      const twice = APP.replace("  res.json({ user: 'me' });", `  if (!req.query.token) {\n    return ${MISSING_SITE};\n  }\n  res.json({ user: 'me' });`);
      const doubled = await fingerprints('fingerprint-c', twice);
      assert.equal(doubled.length, 3);
      assert.equal(new Set(doubled).size, 3);
      assert.equal(doubled[0], original[0]);
    });
  });

  describe('github', () => {
    it('escapes data and properties as the runner reads them', () => {
      assert.equal(github.escapeData('100% sure\r\nnext: a, b'), '100%25 sure%0D%0Anext: a, b');
      assert.equal(github.escapeProperty('dir/a,b:c%.ts\n'), 'dir/a%2Cb%3Ac%25.ts%0A');
    });

    it('prints one workflow command per problem, with positions, rule and docs link', async () => {
      const folder = await project('github', { 'src/app.ts': APP, 'src/odd: name, 100%.js': PERMISSION_ONLY, 'src/clean.js': CLEAN });
      const { code, stdout, stderr } = await run(['--format', 'github'], folder);
      assert.equal(code, 1);
      assert.equal(stderr, '');
      const lines = stdout.trimEnd().split('\n');
      assert.equal(lines.length, 3);
      const missing = positionOf(APP, 'res.status(401)', MISSING_SITE);
      const docs = engine.ruleCatalog.find((rule) => rule.id === MISSING)!.docsUrl;
      assert.match(
        lines[0]!,
        new RegExp(
          `^::error file=src/app\\.ts,line=${missing.line},endLine=${missing.endLine},col=${missing.column},endColumn=${missing.endColumn},title=${MISSING}::This 401 has no WWW-Authenticate header[^\\n]*%0A${escapeRegExp(docs)}$`,
        ),
      );
      const permission = positionOf(PERMISSION_ONLY, 'res.status(401)');
      assert.match(lines[1]!, new RegExp(`^::warning file=src/app\\.ts,line=\\d+,.*title=${PERMISSION}::This 401 answers`));
      assert.match(
        lines[2]!,
        new RegExp(`^::warning file=src/odd%3A name%2C 100%25\\.js,line=${permission.line},endLine=${permission.endLine},col=${permission.column},endColumn=${permission.endColumn},title=${PERMISSION}::`),
      );
    });

    it('prints nothing without problems', async () => {
      const folder = await project('github-clean', { 'a.js': CLEAN });
      assert.deepEqual(await run(['--format', 'github'], folder), { code: 0, stdout: '', stderr: '' });
    });
  });
});
