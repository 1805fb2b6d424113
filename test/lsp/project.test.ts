// Issue 12, the editor on the whole project: a workspace folder is indexed in the background (with
// work done progress), and an open file is then read with its project: an error class and the
// error handler that answers it live in other files. Related information opens the handler; the
// quick fix writes the challenge into it (a workspace edit of a file that is not open); an unsaved
// edit of the handler, or a change of it on disk, clears the route's findings at once.
import assert from 'node:assert/strict';
import { promises as fs } from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { after, before, describe, it } from 'node:test';
import { FileChangeType, type Diagnostic, type TextDocumentEdit } from 'vscode-languageserver-protocol/node';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { LspSession, REPO_ROOT, pathUri } from './lspClient';

const CORPUS = path.join(REPO_ROOT, 'test', 'corpus', 'koa', 'request-error');
const MISSING = 'missing-www-authenticate';
const PERMISSION = 'unauthorized-for-permission';

/** The findings a file's `// expect:` markers name, as "line: rule" (0-based lines). */
function expected(text: string): string[] {
  return text.split('\n').flatMap((line, index) => {
    const marker = /\/\/ expect: (.+)$/.exec(line);
    return marker ? marker[1]!.split(',').map((rule) => `${index}: ${rule.trim()}`) : [];
  });
}

const found = (diagnostics: Diagnostic[]): string[] => diagnostics.map((d) => `${d.range.start.line}: ${String(d.code)}`);

describe('the editor reads a file with its project', () => {
  let folder: string;
  let session: LspSession;
  let routeFile: string;
  let handlerFile: string;
  let routeText: string;

  before(async () => {
    folder = await fs.mkdtemp(path.join(os.tmpdir(), 'http-auth-lint-project-'));
    await fs.cp(CORPUS, folder, { recursive: true });
    routeFile = path.join(folder, 'src', 'routes', 'profile.ts');
    handlerFile = path.join(folder, 'src', 'middleware', 'error-handler.ts');
    routeText = await fs.readFile(routeFile, 'utf8');
    session = await LspSession.start({ workspaceFolders: [folder], initializationOptions: { debounceMs: 0 } });
  });

  after(async () => {
    await session.dispose();
    await fs.rm(folder, { recursive: true, force: true });
  });

  it('indexes the folder in the background, with progress', async () => {
    await session.waitFor('the end of the index progress', () => session.progress.find((value) => value.kind === 'end'));
    const begin = session.progress.find((value) => value.kind === 'begin');
    assert.match(begin?.title ?? '', /HTTP Auth Lint/);
    assert.ok(session.progress.some((value) => value.kind === 'report' && /^Indexing \d+ files$/.test(value.message ?? '')), JSON.stringify(session.progress));
    const stats = await session.stats();
    const [state] = stats.index;
    assert.equal(state?.state, 'ready');
    assert.equal(state?.files, 5, 'the five source files of the project');
    assert.equal(stats.standbyIndexThread, 'taken', 'the index ran on the thread the loader started before the server');
  });

  it('lists the findings of a file that is not open (the workspace scope)', async () => {
    const uri = pathUri(routeFile);
    const published = await session.waitFor('the route findings, unopened', () => session.published.find((params) => params.uri === uri));
    assert.equal(session.documents.has(uri), false);
    assert.deepEqual(found(published.diagnostics).sort(), expected(routeText).sort());
    assert.equal(session.published.filter((params) => params.uri !== uri && params.diagnostics.length > 0).length, 0, 'no other file has a finding');
  });

  it('finds in a route what its error class and error handler in other files decide', async () => {
    const uri = pathUri(routeFile);
    await session.open(uri, routeText);
    const diagnostics = await session.diagnostics(uri);
    assert.deepEqual(found(diagnostics).sort(), expected(routeText).sort());
    const missing = diagnostics.find((d) => d.code === MISSING)!;
    assert.ok(
      missing.relatedInformation?.some((related) => related.location.uri === pathUri(handlerFile)),
      `related information opens the error handler: ${JSON.stringify(missing.relatedInformation)}`,
    );
  });

  it('says on hover what the error class sends and which handler answers it', async () => {
    const uri = pathUri(routeFile);
    const at = routeText.indexOf("new RequestError({ code: 'auth.missing_token'");
    const line = routeText.slice(0, at).split('\n').length - 1;
    const character = at - routeText.lastIndexOf('\n', at - 1) - 1 + 'new Req'.length;
    const hover = await session.hover(uri, { line, character });
    const text = hover && typeof hover.contents === 'object' && 'value' in hover.contents ? hover.contents.value : '';
    assert.match(text, /^`RequestError` \(src\/errors\/request-error\.ts:\d+\) sends the 401 given here, answered by the error handler at src\/middleware\/error-handler\.ts:\d+, without a `WWW-Authenticate` challenge\.$/m);
  });

  it('offers the challenge in the error handler as a quick fix that edits the closed handler file', async () => {
    const uri = pathUri(routeFile);
    const diagnostics = await session.diagnostics(uri);
    const missing = diagnostics.find((d) => d.code === MISSING)!;
    const actions = await session.codeActions(uri, [missing]);
    const fix = actions.find((action) => action.edit?.documentChanges?.some((change) => 'textDocument' in change && change.textDocument.uri === pathUri(handlerFile)));
    assert.ok(fix, `a fix edits the handler: ${JSON.stringify(actions.map((action) => action.title))}`);
    assert.equal(fix.disabled, undefined);
    const change = fix.edit!.documentChanges!.find((c) => 'textDocument' in c && c.textDocument.uri === pathUri(handlerFile)) as TextDocumentEdit;
    assert.equal(change.textDocument.version, null, 'a file that is not open is edited as it is on disk');
    const handler = TextDocument.create(pathUri(handlerFile), 'typescript', 0, await fs.readFile(handlerFile, 'utf8'));
    const fixed = TextDocument.applyEdits(handler, change.edits.map((edit) => ({ range: edit.range, newText: 'newText' in edit ? edit.newText : '' })));
    assert.match(fixed, /WWW-Authenticate/);
  });

  it('clears the route at once when the open handler gets the challenge, before it is saved', async () => {
    const handlerUri = pathUri(handlerFile);
    const original = await fs.readFile(handlerFile, 'utf8');
    await session.open(handlerUri, original);
    await session.diagnostics(handlerUri);
    const routeUri = pathUri(routeFile);
    session.markAll();
    await session.replace(handlerUri, 'ctx.status = error.status;', "if (error.status === 401) ctx.set('WWW-Authenticate', 'Bearer');\n        ctx.status = error.status;");
    const after = await session.diagnostics(routeUri, (params) => !params.diagnostics.some((d) => d.code === MISSING));
    assert.deepEqual(found(after), expected(routeText).filter((entry) => entry.endsWith(PERMISSION)), 'the permission finding stays');
    // Closed unsaved: the project reads the handler from disk again, and the findings come back.
    session.markAll();
    await session.close(handlerUri);
    const back = await session.diagnostics(routeUri, (params) => params.diagnostics.some((d) => d.code === MISSING));
    assert.deepEqual(found(back).sort(), expected(routeText).sort());
  });

  it('reads a change on disk that the file watcher reports', async () => {
    const routeUri = pathUri(routeFile);
    const original = await fs.readFile(handlerFile, 'utf8');
    await fs.writeFile(handlerFile, original.replace('ctx.status = error.status;', "ctx.set('WWW-Authenticate', 'Bearer');\n        ctx.status = error.status;"));
    session.markAll();
    await session.filesChanged([{ uri: pathUri(handlerFile), type: FileChangeType.Changed }]);
    const after = await session.diagnostics(routeUri, (params) => !params.diagnostics.some((d) => d.code === MISSING));
    assert.deepEqual(found(after), expected(routeText).filter((entry) => entry.endsWith(PERMISSION)));
  });

  it('shows a closed file what the index found in it on disk', async () => {
    const routeUri = pathUri(routeFile);
    session.markAll();
    await session.close(routeUri);
    const closed = await session.waitFor('the closed route', () => session.publishedSinceMark(routeUri).at(-1));
    assert.deepEqual(found(closed.diagnostics), expected(routeText).filter((entry) => entry.endsWith(PERMISSION)));
  });

  it('clears the findings of a folder removed from the workspace', async () => {
    const routeUri = pathUri(routeFile);
    session.markPublishes(routeUri);
    await session.changeWorkspaceFolders([], [folder]);
    const cleared = await session.waitFor('the route cleared', () => session.publishedSinceMark(routeUri).at(-1));
    assert.deepEqual(cleared.diagnostics, []);
    assert.deepEqual((await session.stats()).index, [], 'the folder is no longer indexed');
  });
});

describe('an edit of a helper', () => {
  const NEXT_APP = path.join(REPO_ROOT, 'test', 'corpus', 'nextjs', 'response-helper');
  let folder: string;
  let session: LspSession;

  before(async () => {
    folder = await fs.mkdtemp(path.join(os.tmpdir(), 'http-auth-lint-helper-edit-'));
    await fs.cp(NEXT_APP, folder, { recursive: true });
    session = await LspSession.start({ workspaceFolders: [folder], initializationOptions: { debounceMs: 0 } });
    await session.waitFor('the end of the index progress', () => session.progress.find((value) => value.kind === 'end'));
  });

  after(async () => {
    await session.dispose();
    await fs.rm(folder, { recursive: true, force: true });
  });

  it('lints again the open files that read it, and only them', async () => {
    const uriOf = (name: string) => pathUri(path.join(folder, 'src', ...name.split('/')));
    const open = async (name: string) => {
      const uri = uriOf(name);
      await session.open(uri, await fs.readFile(path.join(folder, 'src', ...name.split('/')), 'utf8'));
      return { uri, diagnostics: await session.diagnostics(uri) };
    };
    const projects = await open('app/api/projects/route.ts');
    const health = await open('app/api/health/route.ts');
    assert.deepEqual(projects.diagnostics.map((d) => d.code).sort(), ['forbidden-for-missing-credentials', 'unauthorized-for-permission']);
    const helper = await open('lib/http.ts');
    session.markAll();
    // forbidden() now answers 401, without a challenge: the route that calls it for a missing user is fine now.
    await session.replace(helper.uri, "{ status: 403, headers: noStore }", "{ status: 401, headers: noStore }");
    const after = await session.diagnostics(projects.uri, (params) => !params.diagnostics.some((d) => d.code === 'forbidden-for-missing-credentials'));
    assert.ok(after.every((d) => d.code !== 'forbidden-for-missing-credentials'), JSON.stringify(after.map((d) => d.code)));
    await new Promise((resolve) => setTimeout(resolve, 200));
    await session.stats();
    assert.deepEqual(session.publishedSinceMark(health.uri), [], 'the health route imports no helper: it is not linted again');
  });
});

describe('what the editor excludes from the workspace', () => {
  let folder: string;
  let session: LspSession;

  before(async () => {
    folder = await fs.mkdtemp(path.join(os.tmpdir(), 'http-auth-lint-excluded-'));
    await fs.cp(CORPUS, folder, { recursive: true });
  });

  after(async () => {
    await session.dispose();
    await fs.rm(folder, { recursive: true, force: true });
  });

  it('is not indexed: files.exclude hides the routes, which get no findings in the Problems panel', async () => {
    session = await LspSession.start({ workspaceFolders: [folder], initializationOptions: { debounceMs: 0 }, filesExclude: { '**/routes': true, '**/*.md': true, '**/out': false } });
    await session.waitFor('the end of the index progress', () => session.progress.find((value) => value.kind === 'end'));
    assert.ok(session.configurationRequests.some((item) => item.section === 'files.exclude' && item.scopeUri === pathUri(folder)), 'asked for the folder');
    assert.equal((await session.stats()).index[0]?.files, 4, 'the five source files less the route');
    assert.deepEqual(session.published, []);
  });
});

describe('the openFiles scope', () => {
  let folder: string;
  let session: LspSession;

  before(async () => {
    folder = await fs.mkdtemp(path.join(os.tmpdir(), 'http-auth-lint-open-files-'));
    await fs.cp(CORPUS, folder, { recursive: true });
    session = await LspSession.start({ workspaceFolders: [folder], initializationOptions: { debounceMs: 0 }, settings: { scope: 'openFiles' } });
  });

  after(async () => {
    await session.dispose();
    await fs.rm(folder, { recursive: true, force: true });
  });

  it('lints no file that is not open, and still reads an open one with its project', async () => {
    await session.waitFor('the end of the index progress', () => session.progress.find((value) => value.kind === 'end'));
    assert.deepEqual(session.published, [], 'nothing published for files that are not open');
    const routeFile = path.join(folder, 'src', 'routes', 'profile.ts');
    const text = await fs.readFile(routeFile, 'utf8');
    await session.open(pathUri(routeFile), text);
    assert.deepEqual(found(await session.diagnostics(pathUri(routeFile))).sort(), expected(text).sort());
  });

  it('lists the files that are not open once the scope becomes the workspace', async () => {
    const routeUri = pathUri(path.join(folder, 'src', 'routes', 'profile.ts'));
    await session.close(routeUri);
    session.settings.set('', { scope: 'workspace' });
    await session.changeConfiguration();
    const published = await session.waitFor('the route, closed, from the index', () => session.publishedSinceMark(routeUri).find((params) => params.diagnostics.length > 0));
    assert.equal(published.diagnostics.length, 4);
  });
});

describe('a server with no workspace folder', () => {
  let session: LspSession;

  before(async () => {
    session = await LspSession.start({ workspaceFolders: [], initializationOptions: { debounceMs: 0 } });
  });

  after(() => session.dispose());

  it('ends the index thread it started for the first folder', async () => {
    const stats = await session.stats();
    assert.deepEqual(stats.index, []);
    assert.equal(stats.standbyIndexThread, 'released');
  });
});
