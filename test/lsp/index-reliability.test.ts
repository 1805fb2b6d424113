// Issue 12, reliability of the background index: a workspace of 50,000 files, a file a build
// rewrites 100 times a second, a folder deleted while it is indexed, symbolic links that loop, and
// a tsconfig.json that is broken and then fixed. In each, the server keeps answering the open
// files, the index catches up with the disk, and what the Problems panel shows at the end is what
// the files on disk hold: nothing lost, nothing stale.
import assert from 'node:assert/strict';
import { promises as fs } from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { after, afterEach, describe, it } from 'node:test';
import { FileChangeType, type PublishDiagnosticsParams } from 'vscode-languageserver-protocol/node';
import { EXPRESS_APP } from './fixtures';
import { LspSession, REPO_ROOT, pathUri } from './lspClient';

const KOA_APP = path.join(REPO_ROOT, 'test', 'corpus', 'koa', 'request-error');
const NEXT_APP = path.join(REPO_ROOT, 'test', 'corpus', 'nextjs', 'response-helper');
const MISSING = 'missing-www-authenticate';

const folders: string[] = [];
let session: LspSession | undefined;

async function tempFolder(name: string): Promise<string> {
  const folder = await fs.mkdtemp(path.join(os.tmpdir(), `http-auth-lint-${name}-`));
  folders.push(folder);
  return folder;
}

async function start(folder: string): Promise<LspSession> {
  session = await LspSession.start({ workspaceFolders: [folder], initializationOptions: { debounceMs: 0 } });
  return session;
}

/** Writes `count` small source files that mention no status, 100 to a folder, a few at a time. */
async function writeFiller(folder: string, count: number): Promise<void> {
  const jobs: Array<() => Promise<void>> = [];
  for (let dir = 0; dir * 100 < count; dir++) {
    const sub = path.join(folder, 'generated', `module-${dir}`);
    jobs.push(() => fs.mkdir(sub, { recursive: true }).then(() => undefined));
    for (let file = 0; file < 100 && dir * 100 + file < count; file++) {
      jobs.push(() => fs.writeFile(path.join(sub, `part-${file}.ts`), `export const value${file} = ${dir * 100 + file};\n`));
    }
  }
  // Each folder before its files: run in order, 200 at a time within a folder's batch.
  for (let from = 0; from < jobs.length; from += 101) {
    const batch = jobs.slice(from, from + 101);
    await batch[0]!();
    await Promise.all(batch.slice(1).map((job) => job()));
  }
}

/** The last diagnostics published for `uri`. */
function lastPublished(current: LspSession, uri: string): PublishDiagnosticsParams | undefined {
  return current.published.filter((params) => params.uri === uri).at(-1);
}

/** How many index runs have ended. */
const runsEnded = (current: LspSession): number => current.progress.filter((value) => value.kind === 'end').length;

/** Waits for an index run after the `ended`th to end. */
async function nextRun(current: LspSession, ended: number): Promise<void> {
  await current.waitFor(`index run ${ended + 1} to end`, () => (runsEnded(current) > ended ? true : undefined));
}

/** Waits until the folder's index is over and no newer one runs. */
async function indexSettled(current: LspSession): Promise<void> {
  await current.waitFor('an index run to end', () => current.progress.find((value) => value.kind === 'end'));
  for (;;) {
    const [state] = (await current.stats()).index;
    if (state && state.state !== 'indexing' && !state.stale) return;
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

describe('the background index, under load and bad input', () => {
  afterEach(async () => {
    await session?.dispose();
    session = undefined;
  });

  after(async () => {
    await Promise.all(folders.map((folder) => fs.rm(folder, { recursive: true, force: true })));
  });

  it('a workspace of 50,000 files: lints an open file while it indexes, then lists the findings of the files not open', async () => {
    const folder = await tempFolder('fifty-thousand');
    await writeFiller(folder, 50_000);
    await fs.cp(KOA_APP, path.join(folder, 'app'), { recursive: true });
    const current = await start(folder);
    const open = pathUri(path.join(folder, 'open.ts'));
    await current.open(open, EXPRESS_APP);
    const diagnostics = await current.diagnostics(open);
    assert.ok(diagnostics.some((d) => d.code === MISSING));
    assert.equal(current.progress.some((value) => value.kind === 'end'), false, 'the open file was answered before the index was over');

    await indexSettled(current);
    const [state] = (await current.stats()).index;
    assert.equal(state?.state, 'ready');
    assert.equal(state?.files, 50_005, 'the filler, and the five files of the app');
    const route = pathUri(path.join(folder, 'app', 'src', 'routes', 'profile.ts'));
    assert.equal(lastPublished(current, route)?.diagnostics.length, 4);
    // The index read the files on its second thread (dist/text-pass.js): nothing said it could not.
    assert.deepEqual(current.logs.filter((log) => /text pass/.test(log.message)), []);
  });

  it('a file rewritten 100 times a second: the open file is answered meanwhile, and the last write wins', async () => {
    const folder = await tempFolder('busy-file');
    await fs.cp(KOA_APP, folder, { recursive: true });
    const routeFile = path.join(folder, 'src', 'routes', 'profile.ts');
    const route = pathUri(routeFile);
    const original = await fs.readFile(routeFile, 'utf8');
    // The build's other output: every 401 a 403, so no challenge is missing.
    const forbidden = original.replaceAll('401', '403');
    const current = await start(folder);
    await indexSettled(current);
    assert.equal(lastPublished(current, route)?.diagnostics.length, 4);

    const open = pathUri(path.join(folder, 'src', 'open.ts'));
    await current.open(open, EXPRESS_APP);
    const began = Date.now();
    let writes = 0;
    let answered = 0;
    while (Date.now() - began < 2_000) {
      await fs.writeFile(routeFile, writes % 2 === 0 ? forbidden : original);
      await current.filesChanged([{ uri: route, type: FileChangeType.Changed }]);
      writes++;
      if (writes % 20 === 0) {
        // Every 200 ms, an edit of the open file is linted at once (the index runs on its own thread).
        const [from, to] = answered % 2 === 0 ? ["error: 'unauthorized'", "error: 'please sign in'"] : ["error: 'please sign in'", "error: 'unauthorized'"];
        current.markAll();
        await current.replace(open, from, to);
        await current.diagnostics(open);
        answered++;
      }
      await new Promise((resolve) => setTimeout(resolve, 10));
    }
    assert.ok(writes >= 100, `wrote ${writes} times`);
    assert.ok(answered >= 5);
    // The last write has the 403s: none of the route's 401 findings is left once the index caught up.
    await fs.writeFile(routeFile, forbidden);
    current.markAll();
    await current.filesChanged([{ uri: route, type: FileChangeType.Changed }]);
    await current.waitFor('the route without its findings', () => (current.publishedSinceMark(route).some((params) => params.diagnostics.every((d) => d.code !== MISSING)) ? true : undefined));
    await indexSettled(current);
    assert.deepEqual(lastPublished(current, route)?.diagnostics.filter((d) => d.code === MISSING), []);
  });

  it('a folder deleted while it is indexed: the server keeps answering, and indexes it again once it is back', async () => {
    const folder = await tempFolder('deleted');
    await writeFiller(folder, 10_000);
    await fs.cp(KOA_APP, path.join(folder, 'app'), { recursive: true });
    const current = await start(folder);
    await current.waitFor('the walk', () => current.progress.find((value) => value.kind === 'report'));
    const route = path.join(folder, 'app', 'src', 'routes', 'profile.ts');
    await fs.rm(path.join(folder, 'generated'), { recursive: true, force: true });
    await fs.rm(path.join(folder, 'app'), { recursive: true, force: true });
    // The editor's watcher reports the deletions (of the folders: VS Code sends one event per root).
    await current.filesChanged([
      { uri: pathUri(path.join(folder, 'generated')), type: FileChangeType.Deleted },
      { uri: pathUri(path.join(folder, 'app')), type: FileChangeType.Deleted },
    ]);
    const open = pathUri(path.join(folder, 'open.ts'));
    await current.open(open, EXPRESS_APP);
    assert.ok((await current.diagnostics(open)).some((d) => d.code === MISSING), 'the open file is linted meanwhile');
    await indexSettled(current);
    assert.deepEqual((await current.stats()).index[0]?.files, 0, 'nothing left on disk');
    assert.deepEqual(lastPublished(current, pathUri(route))?.diagnostics ?? [], [], 'no finding of a file that is gone');

    const ended = runsEnded(current);
    await fs.cp(KOA_APP, path.join(folder, 'app'), { recursive: true });
    await current.filesChanged([{ uri: pathUri(path.join(folder, 'app')), type: FileChangeType.Created }]);
    await nextRun(current, ended);
    await indexSettled(current);
    assert.equal((await current.stats()).index[0]?.files, 5);
    assert.equal(lastPublished(current, pathUri(route))?.diagnostics.length, 4);
  });

  it('symbolic links that loop: the walk does not follow them, and the index completes', async () => {
    const folder = await tempFolder('loops');
    await fs.cp(KOA_APP, folder, { recursive: true });
    await fs.symlink(folder, path.join(folder, 'src', 'loop'), 'dir');
    await fs.symlink(path.join(folder, 'src'), path.join(folder, 'src', 'routes', 'up'), 'dir');
    const current = await start(folder);
    await indexSettled(current);
    const [state] = (await current.stats()).index;
    assert.equal(state?.state, 'ready');
    assert.equal(state?.files, 5);
    assert.equal(lastPublished(current, pathUri(path.join(folder, 'src', 'routes', 'profile.ts')))?.diagnostics.length, 4);
  });

  it('a tsconfig.json broken and then fixed: no finding through its alias while broken, the findings once fixed', async () => {
    const folder = await tempFolder('tsconfig');
    await fs.cp(NEXT_APP, folder, { recursive: true });
    for (const name of ['projects', 'me']) {
      const file = path.join(folder, 'src', 'app', 'api', name, 'route.ts');
      await fs.writeFile(file, (await fs.readFile(file, 'utf8')).replaceAll("'@/lib/", "'@app/lib/"));
    }
    const tsconfig = path.join(folder, 'tsconfig.json');
    const fixed = '{ "compilerOptions": { "baseUrl": ".", "paths": { "@app/*": ["src/*"] } } }\n';
    await fs.writeFile(tsconfig, fixed.slice(0, fixed.indexOf('"paths"') + 12));
    const current = await start(folder);
    await indexSettled(current);
    const projects = pathUri(path.join(folder, 'src', 'app', 'api', 'projects', 'route.ts'));
    assert.equal(lastPublished(current, projects), undefined, 'the routes read alone: their helpers are unknown, so nothing is said');
    assert.equal((await current.stats()).index[0]?.state, 'ready');

    await fs.writeFile(tsconfig, fixed);
    await current.filesChanged([{ uri: pathUri(tsconfig), type: FileChangeType.Changed }]);
    const published = await current.waitFor('the routes through the alias', () => lastPublished(current, projects));
    assert.deepEqual(published.diagnostics.map((d) => d.code).sort(), ['forbidden-for-missing-credentials', 'unauthorized-for-permission']);
  });
});
