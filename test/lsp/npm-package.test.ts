// The npm package as users get it: `npm pack`, installed from the tarball into an empty project
// (offline: the package has no dependencies), and run as `npx http-auth-lint`. The tarball holds
// what its bin loads and nothing else: a file missing here is a crash after install (issue 13:
// dist/cli-core.js was left out), a file too many is weight every user downloads.
import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { existsSync, promises as fs } from 'node:fs';
import { createRequire } from 'node:module';
import * as os from 'node:os';
import * as path from 'node:path';
import { after, before, describe, it } from 'node:test';
import { ESLint, type Linter } from 'eslint';
import tseslint from 'typescript-eslint';
import { EXPRESS_APP } from './fixtures';
import { LspSession, REPO_ROOT, pathUri } from './lspClient';

/** What the bins load: `bin/http-auth-lint.js` dist/cli.js, the loader of dist/cli-core.js (which
 * worker threads load too), `bin/http-auth-lint-language-server.js` dist/server.js, the loader of
 * dist/server-core.js (with TypeScript's compiler); `http-auth-lint/eslint-plugin` is
 * dist/eslint-plugin.js; the CLI and the plugin load dist/typescript.js when they first parse; the
 * CLI and the server read a large project's files on a thread that runs dist/text-pass.js. The package.json the CLI reads its version from, and the README and LICENSE
 * that npm always packs. */
const PACKED_FILES = [
  'LICENSE',
  'README.md',
  'bin/http-auth-lint-language-server.js',
  'bin/http-auth-lint.js',
  'dist/cli-core.js',
  'dist/cli.js',
  'dist/eslint-plugin.js',
  'dist/server-core.js',
  'dist/server.js',
  'dist/text-pass.js',
  'dist/typescript.js',
  'package.json',
];

interface Run {
  code: number;
  stdout: string;
  stderr: string;
}

function run(command: string, args: string[], cwd: string): Promise<Run> {
  return new Promise((resolve) => {
    // npm_config_* of the `npm test` that started this process would steer the nested npm calls.
    const env = Object.fromEntries(Object.entries(process.env).filter(([name]) => !name.toLowerCase().startsWith('npm_')));
    execFile(command, args, { cwd, env, maxBuffer: 16 * 1024 * 1024 }, (error, stdout, stderr) => {
      const code = error && typeof error.code === 'number' ? error.code : error ? -1 : 0;
      resolve({ code, stdout, stderr });
    });
  });
}

/** The `// expect: rule, ...` markers of an example, as `line rule`. */
function expectedFindings(text: string): string[] {
  return text.split('\n').flatMap((line, index) => {
    const match = /expect: ([\w-]+(?:, [\w-]+)*)\s*$/.exec(line);
    return match ? match[1].split(', ').map((rule) => `${index + 1} ${rule}`) : [];
  });
}

describe('the npm package', () => {
  let folder: string;
  let tarball: string;
  let packed: string[];
  let project: string;

  before(async () => {
    assert.ok(existsSync(path.join(REPO_ROOT, 'dist', 'cli-core.js')), 'dist/cli-core.js is missing: run `node scripts/build.mjs`');
    folder = await fs.mkdtemp(path.join(os.tmpdir(), 'http-auth-lint-npm-'));
    // --ignore-scripts: `prepare` would rebuild dist/ while other tests run the bundles.
    const pack = await run('npm', ['pack', '--json', '--ignore-scripts', '--pack-destination', folder], REPO_ROOT);
    assert.equal(pack.code, 0, pack.stderr);
    const [result] = JSON.parse(pack.stdout) as { filename: string; files: { path: string }[] }[];
    tarball = path.join(folder, result!.filename);
    packed = result!.files.map((file) => file.path).sort();
    project = path.join(folder, 'project');
    await fs.mkdir(project);
    await fs.writeFile(path.join(project, 'package.json'), JSON.stringify({ name: 'fresh-project', version: '1.0.0', private: true }));
  });

  after(async () => {
    await fs.rm(folder, { recursive: true, force: true });
  });

  it('holds what its bin loads and nothing else', () => {
    assert.deepEqual(packed, PACKED_FILES, 'change .npmignore, or this list if the CLI now loads the file');
  });

  it('installs into an empty project offline, and `npx http-auth-lint` reports the marked findings', async () => {
    const install = await run('npm', ['install', '--offline', '--no-audit', '--no-fund', tarball], project);
    assert.equal(install.code, 0, install.stderr);
    const example = path.join(REPO_ROOT, 'examples', 'express-api.ts');
    const { code, stdout, stderr } = await run('npx', ['--offline', 'http-auth-lint', example, '--format', 'json'], project);
    assert.equal(stderr, '');
    assert.equal(code, 1, 'errors found: exit code 1');
    const [report] = JSON.parse(stdout) as { messages: { ruleId: string; line: number }[] }[];
    const found = report!.messages.map((message) => `${message.line} ${message.ruleId}`).sort();
    assert.deepEqual(found, expectedFindings(await fs.readFile(example, 'utf8')).sort());
  });

  it('runs on worker threads from the installed package (they load dist/cli-core.js)', async () => {
    const examples = path.join(REPO_ROOT, 'examples');
    const { code, stdout, stderr } = await run('npx', ['--offline', 'http-auth-lint', examples, '--threads', '2', '--format', 'json'], project);
    assert.equal(stderr, '');
    assert.equal(code, 1);
    const reports = JSON.parse(stdout) as { filePath: string; messages: { ruleId: string; line: number }[] }[];
    assert.ok(reports.length >= 10, 'every example is reported');
    for (const report of reports) {
      const found = report.messages.map((message) => `${message.line} ${message.ruleId}`).sort();
      assert.deepEqual(found, expectedFindings(await fs.readFile(report.filePath, 'utf8')).sort(), report.filePath);
    }
  });

  it('runs the language server from the installed package: `http-auth-lint-language-server --stdio`', async () => {
    const bin = path.join(project, 'node_modules', '.bin', 'http-auth-lint-language-server');
    const app = path.join(project, 'src', 'app.ts');
    await fs.mkdir(path.dirname(app), { recursive: true });
    await fs.writeFile(app, EXPRESS_APP);
    const session = await LspSession.start({ command: [bin, '--stdio'], cwd: project, workspaceFolders: [project], initializationOptions: { debounceMs: 0 } });
    try {
      assert.equal(session.initializeResult?.serverInfo?.name, 'http-auth-lint');
      await session.open(pathUri(app), EXPRESS_APP);
      const diagnostics = await session.diagnostics(pathUri(app));
      assert.ok(diagnostics.some((d) => d.code === 'missing-www-authenticate'), JSON.stringify(diagnostics.map((d) => d.code)));
    } finally {
      await session.dispose();
    }
  });

  it('gives ESLint its plugin as `http-auth-lint/eslint-plugin`, which reports the marked findings', async () => {
    // Resolved as the fresh project would (through the package's exports), not from this repository.
    const entry = createRequire(path.join(project, 'package.json')).resolve('http-auth-lint/eslint-plugin');
    assert.equal(entry, path.join(project, 'node_modules', 'http-auth-lint', 'dist', 'eslint-plugin.js'));
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    const plugin = require(entry) as { configs: { recommended: Linter.Config } };
    const example = path.join(REPO_ROOT, 'examples', 'express-api.ts');
    const eslint = new ESLint({ cwd: project, overrideConfigFile: true, overrideConfig: [{ files: ['**/*.ts'], languageOptions: { parser: tseslint.parser } }, plugin.configs.recommended] });
    const [result] = await eslint.lintText(await fs.readFile(example, 'utf8'), { filePath: path.join(project, 'express-api.ts') });
    const found = result!.messages.map((message) => `${message.line} ${String(message.ruleId).replace('http-auth-lint/', '')}`).sort();
    assert.deepEqual(found, expectedFindings(await fs.readFile(example, 'utf8')).sort());
  });

  it('answers --version with the version of the package', async () => {
    const manifest = JSON.parse(await fs.readFile(path.join(REPO_ROOT, 'package.json'), 'utf8')) as { version: string };
    const { code, stdout } = await run('npx', ['--offline', 'http-auth-lint', '--version'], project);
    assert.equal(code, 0);
    assert.equal(stdout.trim(), manifest.version);
  });
});
