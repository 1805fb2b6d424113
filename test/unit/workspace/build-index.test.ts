// The index a language server thread builds for a workspace folder (server/src/workspace/
// build-index.ts): the projects of the folder, the files selected and summarized, and, with the
// workspace scope, the diagnostics of the files that can hold a finding.
import assert from 'node:assert/strict';
import { promises as fs } from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import { after, before, describe, it } from 'node:test';
import { buildFolderIndex, type FileDiagnostics, type RootIndex } from '../../../server/src/workspace/build-index';

const CORPUS = path.resolve(__dirname, '..', '..', '..', '..', 'test', 'corpus', 'koa', 'request-error');

async function indexOf(folder: string, lint: boolean, exclude: string[] = []): Promise<{ walked: number; roots: RootIndex[]; linted: FileDiagnostics[] }> {
  const result = { walked: -1, roots: [] as RootIndex[], linted: [] as FileDiagnostics[] };
  await buildFolderIndex(folder, { maxFileSize: 2 ** 21, exclude, ...(lint && { lint: { overrides: {} } }) }, {
    walked: (files) => (result.walked = files),
    indexed: (index) => result.roots.push(index),
    linted: (_root, files) => result.linted.push(...files),
    warning: (message) => assert.fail(message),
  });
  return result;
}

describe('the index of a workspace folder', () => {
  let folder: string;

  before(async () => {
    folder = await fs.mkdtemp(path.join(os.tmpdir(), 'http-auth-lint-build-index-'));
    await fs.cp(CORPUS, path.join(folder, 'app'), { recursive: true });
    // Output that git ignores is not the project's code, and a second project beside the first.
    await fs.writeFile(path.join(folder, '.gitignore'), 'build/\n');
    await fs.mkdir(path.join(folder, 'build'));
    await fs.writeFile(path.join(folder, 'build', 'out.js'), "res.status(401).end();\n");
    await fs.mkdir(path.join(folder, 'tools'));
    await fs.writeFile(path.join(folder, 'tools', 'package.json'), '{ "name": "tools" }\n');
    await fs.writeFile(path.join(folder, 'tools', 'server.js'), "require('express')().get('/', (req, res) => res.status(401).end());\n");
  });

  after(() => fs.rm(folder, { recursive: true, force: true }));

  it('indexes each project of the folder, leaving out what git ignores', async () => {
    const { walked, roots } = await indexOf(folder, false);
    assert.equal(walked, 6, 'five files of the app and the tool, not build/out.js');
    assert.deepEqual(roots.map((root) => path.relative(folder, root.root)).sort(), ['app', 'tools']);
    const app = roots.find((root) => root.root.endsWith('app'))!;
    const relative = (files: string[]) => files.map((file) => path.relative(app.root, file)).sort();
    assert.ok(relative(app.selected).includes(path.join('src', 'routes', 'profile.ts')));
    assert.deepEqual(relative(app.handlerFiles), [path.join('src', 'middleware', 'error-handler.ts')]);
    assert.ok(Object.keys(app.summaries).length >= app.selected.length, 'every selected file is summarized on the index thread');
  });

  it("leaves out, and does not count, what a package's own .gitignore ignores", async () => {
    await fs.writeFile(path.join(folder, 'tools', '.gitignore'), 'gen/\n');
    await fs.mkdir(path.join(folder, 'tools', 'gen'));
    await fs.writeFile(path.join(folder, 'tools', 'gen', 'out.js'), "require('express')().get('/', (req, res) => res.status(401).end());\n");
    try {
      const { walked, roots } = await indexOf(folder, false);
      assert.equal(walked, 6, 'the count leaves tools/gen out');
      assert.ok(roots.every((root) => root.selected.every((file) => !file.includes(`${path.sep}gen${path.sep}`))));
    } finally {
      await fs.rm(path.join(folder, 'tools', 'gen'), { recursive: true, force: true });
      await fs.rm(path.join(folder, 'tools', '.gitignore'));
    }
  });

  it('leaves out what the editor excludes from the workspace (files.exclude), folders and files', async () => {
    const { walked, roots, linted } = await indexOf(folder, true, ['**/tools', '**/*.d.ts', 'app/src/utils/**']);
    assert.equal(walked, 4, 'the app without its utils folder, and no tool');
    assert.deepEqual(roots.map((root) => path.relative(folder, root.root)), ['app']);
    assert.equal(linted.filter((file) => file.uri.endsWith('/tools/server.js')).length, 0);
  });

  it('lints the selected files in their project only with the workspace scope', async () => {
    assert.deepEqual((await indexOf(folder, false)).linted, []);
    const { linted } = await indexOf(folder, true);
    const route = linted.find((file) => file.uri === pathToFileURL(path.join(folder, 'app', 'src', 'routes', 'profile.ts')).href);
    assert.deepEqual(route?.diagnostics.map((d) => d.code).sort(), ['missing-www-authenticate', 'missing-www-authenticate', 'missing-www-authenticate', 'unauthorized-for-permission']);
    const tool = linted.find((file) => file.uri.endsWith('/tools/server.js'));
    assert.deepEqual(tool?.diagnostics.map((d) => d.code), ['missing-www-authenticate']);
  });

  it('lists the unused suppressions of a file not open, as an open one shows them', async () => {
    const gate = path.join(folder, 'tools', 'gate.js');
    await fs.writeFile(gate, "// http-auth-lint-disable-next-line missing-www-authenticate -- nothing below sends a 401\nrequire('express')().get('/', (req, res) => res.status(403).end());\n");
    try {
      const { linted } = await indexOf(folder, true);
      const diagnostics = linted.find((file) => file.uri === pathToFileURL(gate).href)?.diagnostics ?? [];
      assert.deepEqual(diagnostics.map((d) => d.code), ['unused-disable-directive']);
    } finally {
      await fs.rm(gate);
    }
  });
});
