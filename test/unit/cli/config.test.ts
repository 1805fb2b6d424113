// `.httpauthlintrc.json` in the CLI: the nearest one applies to each file; rules, proxyFiles,
// defaultChallenge and ignore change the findings; a broken one is told as path:line:col and
// exits 2 while the findings still print; --config and --no-config.
import assert from 'node:assert/strict';
import * as path from 'node:path';
import { after, before, describe, it } from 'node:test';
import type * as Sarif from 'sarif';
import {
  APP,
  GATE_407,
  MISSING,
  MISSING_PROXY,
  MISSING_SITE,
  ORIGIN_407,
  PERMISSION,
  PERMISSION_ONLY,
  escapeRegExp,
  lineColumn,
  run,
  runJson,
  tempRoot,
  type JsonResult,
} from './helpers';

const CONFIG = '.httpauthlintrc.json';

function findings(results: JsonResult[], folder: string): Record<string, [string | null, number][]> {
  return Object.fromEntries(
    results.map((result) => [path.relative(folder, result.filePath).split(path.sep).join('/'), result.messages.map((message) => [message.ruleId, message.severity] as [string | null, number])]),
  );
}

describe('configuration files', () => {
  const temp = tempRoot('http-auth-lint-config-');
  const project = temp.project;

  before(temp.create);
  after(temp.remove);

  it('a non-default configuration changes the findings: rules off and re-graded, proxyFiles, ignore', async () => {
    const files = {
      'src/app.ts': APP,
      'src/gate.js': GATE_407,
      'proxy/gate.js': GATE_407,
      'generated/client.ts': APP,
      'src/api.gen.ts': APP,
      'src/deep/generated.ts': APP,
    };
    const defaults = await project('defaults', files);
    const before = await runJson([], defaults);
    assert.equal(before.code, 1);
    assert.deepEqual(findings(before.results, defaults), {
      'generated/client.ts': [
        [MISSING, 2],
        [PERMISSION, 1],
      ],
      'proxy/gate.js': [[ORIGIN_407, 1]],
      'src/api.gen.ts': [
        [MISSING, 2],
        [PERMISSION, 1],
      ],
      'src/app.ts': [
        [MISSING, 2],
        [PERMISSION, 1],
      ],
      'src/deep/generated.ts': [
        [MISSING, 2],
        [PERMISSION, 1],
      ],
      'src/gate.js': [[ORIGIN_407, 1]],
    });

    const configured = await project('configured', {
      ...files,
      [CONFIG]: JSON.stringify(
        {
          $schema: './node_modules/http-auth-lint/schemas/httpauthlintrc.schema.json',
          rules: { [MISSING]: 'off', [PERMISSION]: 'error' },
          proxyFiles: ['proxy/**'],
          ignore: ['generated/', '*.gen.ts'],
        },
        null,
        2,
      ),
    });
    const after = await runJson([], configured);
    assert.equal(after.stderr, '');
    assert.equal(after.code, 1);
    assert.deepEqual(findings(after.results, configured), {
      // The 407 in proxy code is right, but needs its challenge.
      'proxy/gate.js': [[MISSING_PROXY, 2]],
      'src/app.ts': [[PERMISSION, 2]],
      // `generated/` is a folder at the config's root: a file named generated.ts elsewhere stays.
      'src/deep/generated.ts': [[PERMISSION, 2]],
      'src/gate.js': [[ORIGIN_407, 1]],
    });
  });

  it('ignored files are skipped silently, even when named on the command line', async () => {
    const folder = await project('ignored', { [CONFIG]: '{ "ignore": ["legacy/**"] }', 'legacy/old.ts': APP, 'new.ts': PERMISSION_ONLY });
    assert.deepEqual(await run(['legacy'], folder), { code: 0, stdout: '', stderr: '' });
    assert.deepEqual(await run([path.join('legacy', 'old.ts')], folder), { code: 0, stdout: '', stderr: '' });
    const all = await runJson([], folder);
    assert.deepEqual(findings(all.results, folder), { 'new.ts': [[PERMISSION, 1]] });
  });

  it('the nearest configuration applies, not a merge with the ones above', async () => {
    const folder = await project('nearest', {
      [CONFIG]: JSON.stringify({ rules: { [MISSING]: 'off', [PERMISSION]: 'off' } }),
      'root.ts': APP,
      'packages/api/.httpauthlintrc.json': JSON.stringify({ rules: { [PERMISSION]: 'error' } }),
      'packages/api/src/app.ts': APP,
    });
    const { code, results } = await runJson([], folder);
    assert.equal(code, 1);
    assert.deepEqual(findings(results, folder), {
      'packages/api/src/app.ts': [
        [MISSING, 2],
        [PERMISSION, 2],
      ],
      'root.ts': [],
    });
  });

  it('defaultChallenge is what --fix writes', async () => {
    const folder = await project('challenge', { [CONFIG]: JSON.stringify({ defaultChallenge: 'Basic realm="admin", charset="UTF-8"' }), 'app.ts': APP });
    const { stdout } = await run(['--fix-dry-run'], folder);
    assert.ok(stdout.includes(`+    return res.status(401).set('WWW-Authenticate', 'Basic realm="admin", charset="UTF-8"').json({ error: 'unauthorized' });`), stdout);
  });

  it('--config uses one file for every file instead of the nearest; --no-config uses none', async () => {
    const folder = await project('explicit', {
      [CONFIG]: JSON.stringify({ rules: { [MISSING]: 'off' } }),
      'ci/lint.json': JSON.stringify({ rules: { [PERMISSION]: 'off' } }),
      'app.ts': APP,
      'sub/app.ts': APP,
    });
    const nearest = await runJson([], folder);
    assert.deepEqual(findings(nearest.results, folder), { 'app.ts': [[PERMISSION, 1]], 'sub/app.ts': [[PERMISSION, 1]] });

    const given = await runJson(['--config', 'ci/lint.json'], folder);
    assert.equal(given.stderr, '');
    assert.deepEqual(findings(given.results, folder), { 'app.ts': [[MISSING, 2]], 'sub/app.ts': [[MISSING, 2]] });

    const none = await runJson(['--no-config'], folder);
    assert.deepEqual(findings(none.results, folder)['app.ts'], [
      [MISSING, 2],
      [PERMISSION, 1],
    ]);
  });

  it('a broken configuration: each problem as path:line:col on stderr, defaults for the broken entries, findings printed, exit 2', async () => {
    const config = `{
  "rules": {
    "${MISSING}": "loud",
    "no-such-rule": "off",
    "${PERMISSION}": "off"
  },
  "proxyFiles": "proxy/**",
  "colour": true
}
`;
    const folder = await project('broken', { [CONFIG]: config, 'src/app.ts': APP, 'src/more.ts': APP });
    const { code, results, stderr } = await runJson([], folder);
    assert.equal(code, 2);
    const at = (needle: string): string => {
      const { line, column } = lineColumn(config, config.indexOf(needle));
      return `${CONFIG}:${line}:${column}: `;
    };
    const lines = stderr.trimEnd().split('\n');
    // Told once, though two files use it.
    assert.equal(lines.length, 4, stderr);
    assert.match(lines[0]!, new RegExp(`^${escapeRegExp(at('"loud"'))}The severity of ${MISSING} must be one of off, hint, information, warning, error\\.$`));
    assert.match(lines[1]!, new RegExp(`^${escapeRegExp(at('"no-such-rule"'))}Unknown rule "no-such-rule"`));
    assert.match(lines[2]!, new RegExp(`^${escapeRegExp(at('"proxy/**"'))}"proxyFiles" must be an array`));
    assert.match(lines[3]!, new RegExp(`^${escapeRegExp(at('"colour"'))}Unknown setting "colour"`));
    // The broken severity falls back to the default (error); the valid entry (PERMISSION off) holds.
    assert.deepEqual(findings(results, folder), { 'src/app.ts': [[MISSING, 2]], 'src/more.ts': [[MISSING, 2]] });
  });

  it('a configuration that is not JSON: exit 2 with where and why, linting with the defaults', async () => {
    const config = '{ "rules": { "missing-www-authenticate": "off", } }\n';
    const folder = await project('not-json', { [CONFIG]: config, 'app.ts': PERMISSION_ONLY, 'other.ts': APP });
    const { code, stdout, stderr } = await run([], folder);
    assert.equal(code, 2);
    const { line, column } = lineColumn(config, config.indexOf('}'));
    // The parser may tell more than one thing about the same spot; each line says where and why.
    for (const told of stderr.trimEnd().split('\n')) {
      assert.match(told, new RegExp(`^${escapeRegExp(`${CONFIG}:${line}:${column}: `)}Not valid JSON: \\w+\\.$`));
    }
    // Stylish findings with the defaults: the rule the file meant to turn off still reports.
    assert.ok(stdout.includes(MISSING_SITE), stdout);
    assert.ok(stdout.includes(MISSING), stdout);
    assert.ok(stdout.includes('✖ 3 problems (1 error, 2 warnings)'), stdout);
  });

  it('a broken --config file exits 2 even when no file is linted; sarif and github report it too', async () => {
    const folder = await project('broken-given', { 'lint.json': '{ "rules": [] }', 'empty/.keep': '' });
    const { code, stdout, stderr } = await run(['--config', 'lint.json', 'empty'], folder);
    assert.equal(code, 2);
    assert.equal(stdout, '');
    assert.match(stderr, /^lint\.json:1:12: "rules" must be an object/);

    const github = await run(['--config', 'lint.json', '--format', 'github', 'empty'], folder);
    assert.equal(github.code, 2);
    assert.match(github.stdout, /^::error file=lint\.json,line=1,endLine=1,col=12,endColumn=14,title=http-auth-lint configuration::"rules" must be an object/);

    const sarif = await run(['--config', 'lint.json', '--format', 'sarif', 'empty'], folder);
    assert.equal(sarif.code, 2);
    const log = JSON.parse(sarif.stdout) as Sarif.Log;
    const [notification, ...more] = log.runs[0]!.invocations![0]!.toolConfigurationNotifications!;
    assert.equal(more.length, 0);
    assert.equal(notification!.level, 'error');
    assert.match(notification!.message.text!, /^"rules" must be an object/);
    assert.deepEqual(notification!.locations![0]!.physicalLocation, {
      artifactLocation: { uri: 'lint.json', uriBaseId: '%SRCROOT%' },
      region: { startLine: 1, startColumn: 12, endLine: 1, endColumn: 14 },
    });
  });
});
