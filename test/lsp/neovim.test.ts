// Issue 13: the language server with a second, real client. Neovim from Debian (0.7.2), headless,
// starts `http-auth-lint-language-server --stdio` with its own LSP client, opens a route of a
// project, gets the diagnostics, asks for the code actions and applies the quick fix
// (test/neovim/quick-fix.lua); the file on disk then sends its challenge. Neovim is installed by
// test/neovim/setup.sh (as root) when it is missing.
import assert from 'node:assert/strict';
import { execFile, execFileSync } from 'node:child_process';
import { promises as fs } from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { after, before, describe, it } from 'node:test';
import { EXPRESS_APP } from './fixtures';
import { REPO_ROOT } from './lspClient';

interface NeovimResult {
  diagnostics: { line: number; code: string }[];
  actions: string[];
  applied: boolean;
  error: string | null;
}

describe('Neovim, headless, with the language server', () => {
  let nvim: string;
  let folder: string;

  before(async () => {
    nvim = execFileSync('bash', [path.join(REPO_ROOT, 'test', 'neovim', 'setup.sh')], { encoding: 'utf8' }).trim();
    folder = await fs.mkdtemp(path.join(os.tmpdir(), 'http-auth-lint-neovim-'));
    await fs.writeFile(path.join(folder, 'package.json'), '{ "name": "neovim-project", "private": true }\n');
    await fs.mkdir(path.join(folder, 'src'));
    await fs.writeFile(path.join(folder, 'src', 'app.ts'), EXPRESS_APP);
  });

  after(async () => {
    await fs.rm(folder, { recursive: true, force: true });
  });

  it('gets the diagnostics and applies the quick fix from http-auth-lint-language-server', async () => {
    const resultFile = path.join(folder, 'result.json');
    const env = {
      ...process.env,
      HTTP_AUTH_LINT_SERVER: JSON.stringify([process.execPath, path.join(REPO_ROOT, 'bin', 'http-auth-lint-language-server.js'), '--stdio']),
      HTTP_AUTH_LINT_FILE: path.join('src', 'app.ts'),
      HTTP_AUTH_LINT_RESULT: resultFile,
    };
    const script = path.join(REPO_ROOT, 'test', 'neovim', 'quick-fix.lua');
    await new Promise<void>((resolve, reject) => {
      execFile(nvim, ['--headless', '--clean', '-c', `luafile ${script}`], { cwd: folder, env, timeout: 60_000 }, (error, _stdout, stderr) => (error ? reject(new Error(`${error.message}\n${stderr}`)) : resolve()));
    });
    const result = JSON.parse(await fs.readFile(resultFile, 'utf8')) as NeovimResult;
    assert.equal(result.error, null, `Neovim: ${result.error}; actions offered: ${result.actions.join(', ')}`);
    assert.deepEqual(result.diagnostics.map((d) => d.code).sort(), ['missing-www-authenticate', 'unauthorized-for-permission']);
    assert.ok(result.actions.includes('Add WWW-Authenticate challenge'), result.actions.join(', '));
    assert.equal(result.applied, true);
    const fixed = await fs.readFile(path.join(folder, 'src', 'app.ts'), 'utf8');
    assert.match(fixed, /return res\.status\(401\)\.set\('WWW-Authenticate', 'Bearer realm="api"'\)\.json\(\{ error: 'unauthorized' \}\);/);
    assert.equal(fixed.replace(".set('WWW-Authenticate', 'Bearer realm=\"api\"')", ''), EXPRESS_APP, 'nothing else changed');
  });
});
