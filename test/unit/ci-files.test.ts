// The files that put the CLI where teams already run checks: action.yml (a composite GitHub Action)
// and .pre-commit-hooks.yaml (the pre-commit framework). Their shape, as GitHub and pre-commit
// read them: the inputs and steps of the action, the entry and file types of the hook.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import { describe, it } from 'node:test';
import { parse } from 'yaml';

const root = path.join(__dirname, '..', '..', '..');
const read = (name: string): unknown => parse(readFileSync(path.join(root, name), 'utf8'));
const manifest = JSON.parse(readFileSync(path.join(root, 'package.json'), 'utf8')) as { name: string; bin: Record<string, string>; scripts: Record<string, string> };

interface Step {
  id?: string;
  name: string;
  if?: string;
  uses?: string;
  shell?: string;
  run?: string;
  env?: Record<string, string>;
  with?: Record<string, string>;
}

interface Action {
  name: string;
  description: string;
  branding: { icon: string; color: string };
  inputs: Record<string, { description: string; required: boolean; default: string }>;
  outputs: Record<string, { description: string; value: string }>;
  runs: { using: string; steps: Step[] };
}

describe('action.yml', () => {
  const action = read('action.yml') as Action;

  it('is a composite action with a name, a description and branding', () => {
    assert.equal(action.runs.using, 'composite');
    assert.ok(action.name && action.description.length <= 125, 'the Marketplace shows 125 characters of the description');
    assert.ok(action.branding.icon && action.branding.color);
  });

  it('takes the paths, the version, the SARIF file and the two switches, each with a default', () => {
    assert.deepEqual(Object.keys(action.inputs).sort(), ['fail-on-error', 'paths', 'sarif-file', 'upload-sarif', 'version']);
    for (const [name, input] of Object.entries(action.inputs)) {
      assert.ok(input.description, `${name} says what it is`);
      assert.equal(input.required, false, `${name} is optional`);
      assert.equal(typeof input.default, 'string', `${name} has a default`);
    }
    assert.equal(action.inputs['paths']!.default, '.');
  });

  it('runs the CLI of this package for SARIF, uploads it, and fails on errors', () => {
    const [lint, upload, fail] = action.runs.steps;
    assert.equal(action.runs.steps.length, 3);
    assert.equal(lint!.shell, 'bash');
    assert.match(lint!.run!, /version="\$\{LINT_VERSION:-\$\(node -p "require\(process\.env\.GITHUB_ACTION_PATH \+ '\/package\.json'\)\.version"\)\}"/, 'the version defaults to the action\'s own');
    assert.equal(action.inputs['version']!.default, '');
    assert.match(lint!.run!, new RegExp(`npx --yes "${manifest.name}@\\$\\{version\\}" \\$LINT_PATHS --format sarif > "\\$SARIF_FILE"`));
    assert.match(lint!.run!, /if \[ ! -s "\$SARIF_FILE" \]; then/, 'no report is an error of its own');
    assert.ok(Object.keys(manifest.bin).includes(manifest.name), 'npx runs the bin named as the package');
    assert.match(lint!.run!, /echo "exit-code=\$code" >> "\$GITHUB_OUTPUT"/);
    // The inputs reach the script as environment variables only: no `${{ }}` in a script's text.
    for (const step of action.runs.steps) assert.doesNotMatch(step.run ?? '', /\$\{\{/, `${step.name}: no expression in the script`);
    assert.deepEqual(lint!.env, { LINT_PATHS: '${{ inputs.paths }}', LINT_VERSION: '${{ inputs.version }}', SARIF_FILE: '${{ inputs.sarif-file }}' });
    assert.match(upload!.uses!, /^github\/codeql-action\/upload-sarif@v\d+$/);
    assert.equal(upload!.if, "inputs.upload-sarif == 'true'");
    assert.equal(upload!.with!['sarif_file'], '${{ inputs.sarif-file }}');
    assert.equal(fail!.if, "inputs.fail-on-error == 'true' && steps.lint.outputs.exit-code != '0'");
    assert.match(fail!.run!, /exit "\$EXIT_CODE"/);
    assert.equal(action.outputs['exit-code']!.value, '${{ steps.lint.outputs.exit-code }}');
  });
});

describe('.pre-commit-hooks.yaml', () => {
  const hooks = read('.pre-commit-hooks.yaml') as { id: string; name: string; entry: string; language: string; types_or: string[]; require_serial: boolean }[];

  it('declares one node hook that runs the bin on staged JavaScript and TypeScript files', () => {
    assert.equal(hooks.length, 1);
    const [hook] = hooks;
    assert.equal(hook!.id, 'http-auth-lint');
    assert.equal(hook!.language, 'node');
    assert.ok(Object.keys(manifest.bin).includes(hook!.entry), 'the entry is a bin of the package');
    assert.deepEqual([...hook!.types_or].sort(), ['javascript', 'jsx', 'ts', 'tsx']);
    assert.equal(hook!.require_serial, true);
  });

  it('installs from this repository: the package builds its bundles when installed from source', () => {
    assert.equal(manifest.scripts['prepare'], 'node scripts/build.mjs --production');
  });
});
