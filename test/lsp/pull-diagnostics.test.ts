// Issue 12: LSP 3.17 pull diagnostics, for a client that offers them (VS Code does). The server
// announces a diagnostic provider and sends no findings itself: the client asks per open file and
// for the whole workspace, and a result id makes a file whose findings did not change cost nothing.
// When what one file offers the others changes (a helper now sends its challenge), the server asks
// the client to pull again (workspace/diagnostic/refresh). Clients without pull keep push
// (project.test.ts and the rest of the protocol tests).
import assert from 'node:assert/strict';
import { promises as fs } from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { after, before, describe, it } from 'node:test';
import type { Diagnostic, DocumentDiagnosticReport, WorkspaceDocumentDiagnosticReport } from 'vscode-languageserver-protocol/node';
import { LspSession, REPO_ROOT, pathUri } from './lspClient';

const CORPUS = path.join(REPO_ROOT, 'test', 'corpus', 'koa', 'request-error');
const MISSING = 'missing-www-authenticate';

const rules = (diagnostics: Diagnostic[]): string[] => diagnostics.map((d) => `${d.range.start.line}: ${String(d.code)}`).sort();

function full(report: DocumentDiagnosticReport | WorkspaceDocumentDiagnosticReport): Diagnostic[] {
  assert.equal(report.kind, 'full', `a full report: ${JSON.stringify(report)}`);
  return report.kind === 'full' ? report.items : [];
}

describe('pull diagnostics', () => {
  let folder: string;
  let session: LspSession;
  let routeUri: string;
  let handlerUri: string;
  let routeText: string;
  let handlerText: string;
  /** The route's findings as the corpus marks them. */
  let expectedRoute: string[];

  before(async () => {
    folder = await fs.mkdtemp(path.join(os.tmpdir(), 'http-auth-lint-pull-'));
    await fs.cp(CORPUS, folder, { recursive: true });
    const routeFile = path.join(folder, 'src', 'routes', 'profile.ts');
    const handlerFile = path.join(folder, 'src', 'middleware', 'error-handler.ts');
    routeUri = pathUri(routeFile);
    handlerUri = pathUri(handlerFile);
    routeText = await fs.readFile(routeFile, 'utf8');
    handlerText = await fs.readFile(handlerFile, 'utf8');
    expectedRoute = routeText
      .split('\n')
      .flatMap((line, index) => (/\/\/ expect: (.+)$/.exec(line)?.[1]?.split(',') ?? []).map((rule) => `${index}: ${rule.trim()}`))
      .sort();
    session = await LspSession.start({ workspaceFolders: [folder], initializationOptions: { debounceMs: 0 }, pullDiagnostics: true });
    await session.waitFor('the end of the index', () => session.progress.find((value) => value.kind === 'end'));
  });

  after(async () => {
    await session.dispose();
    await fs.rm(folder, { recursive: true, force: true });
  });

  it('announces a provider of diagnostics that depend on other files, for the workspace too', () => {
    assert.deepEqual(session.initializeResult?.capabilities.diagnosticProvider, { identifier: 'http-auth-lint', interFileDependencies: true, workspaceDiagnostics: true });
  });

  it('reports the files that are not open in the workspace report, and unchanged ones by their id', async () => {
    // The index is over (before()): its findings are in the report.
    const first = await session.pullWorkspace();
    assert.deepEqual(
      first.items.map((item) => item.uri),
      [routeUri],
      'only the route has findings',
    );
    const route = first.items[0]!;
    assert.deepEqual(rules(full(route)), expectedRoute);
    assert.equal(route.version, null, 'read from disk');

    const again = await session.pullWorkspace([{ uri: routeUri, value: route.resultId! }]);
    assert.deepEqual(again.items, [{ kind: 'unchanged', uri: routeUri, version: null, resultId: route.resultId }]);
    assert.equal(session.published.filter((params) => params.uri.endsWith('.ts')).length, 0, 'no diagnostics are pushed');
    assert.equal((await session.stats()).closedFilePush, 'pulled');
  });

  it('reports an open file for its unsaved text: unchanged while it is, full again once it changes', async () => {
    await session.open(routeUri, routeText);
    const opened = await session.pull(routeUri);
    assert.deepEqual(rules(full(opened)), expectedRoute);
    assert.deepEqual(await session.pull(routeUri, opened.resultId), { kind: 'unchanged', resultId: opened.resultId });

    // The 401 for a missing user becomes a 403: that finding goes, a forbidden-for-missing-credentials may come.
    await session.replace(routeUri, "status: 401 }); // expect: missing-www-authenticate\n", "status: 403 });\n");
    const edited = await session.pull(routeUri, opened.resultId);
    // The pull linted the new version; the server's own lint of the edit reuses that run.
    const runs = (await session.stats()).lintRuns;
    await new Promise((resolve) => setTimeout(resolve, 100));
    assert.equal((await session.stats()).lintRuns, runs, 'one lint per version');
    assert.notEqual(edited.resultId, opened.resultId);
    assert.ok(!rules(full(edited)).includes(expectedRoute[0]!), `the first finding is gone: ${JSON.stringify(rules(full(edited)))}`);
    await session.replace(routeUri, "status: 403 });\n", "status: 401 }); // expect: missing-www-authenticate\n");
    assert.deepEqual(rules(full(await session.pull(routeUri))), expectedRoute);
  });

  it('asks the client to pull again when the open handler gets its challenge, and the route is clear of it', async () => {
    const before = await session.pull(routeUri);
    await session.open(handlerUri, handlerText);
    await session.pull(handlerUri);
    const refreshes = session.refreshes;
    await session.replace(handlerUri, 'ctx.status = error.status;', "if (error.status === 401) ctx.set('WWW-Authenticate', 'Bearer');\n        ctx.status = error.status;");
    await session.pull(handlerUri);
    await session.waitFor('a refresh request', () => (session.refreshes > refreshes ? true : undefined));
    const after = await session.pull(routeUri, before.resultId);
    assert.ok(!full(after).some((d) => d.code === MISSING), `no missing challenge left: ${JSON.stringify(rules(full(after)))}`);
    assert.equal(full(after).length, 1, 'the permission finding stays');
  });

  it('reports a closed file from disk again in the workspace report', async () => {
    await session.close(handlerUri);
    await session.close(routeUri);
    const report = (await session.pullWorkspace()).items.find((item) => item.uri === routeUri && item.version === null);
    assert.ok(report, 'the closed route is in the report');
    assert.deepEqual(rules(full(report)), expectedRoute, 'the unsaved challenge is gone with its document');
  });
});

/** A server on a copy of the corpus, for a client that pulls its documents only (Neovim's): the
 * session, the folder, and the route with findings. */
async function documentsOnly(prefix: string): Promise<{ session: LspSession; folder: string; routeUri: string; routeText: string }> {
  const folder = await fs.mkdtemp(path.join(os.tmpdir(), prefix));
  await fs.cp(CORPUS, folder, { recursive: true });
  const routeFile = path.join(folder, 'src', 'routes', 'profile.ts');
  const routeText = await fs.readFile(routeFile, 'utf8');
  const session = await LspSession.start({ workspaceFolders: [folder], initializationOptions: { debounceMs: 0 }, pullDiagnostics: true, workspacePull: false });
  return { session, folder, routeUri: pathUri(routeFile), routeText };
}

describe('pull diagnostics, with a client that never asks for the workspace report (Neovim)', () => {
  let folder: string;
  let session: LspSession;
  let routeUri: string;
  let routeText: string;

  before(async () => {
    ({ session, folder, routeUri, routeText } = await documentsOnly('http-auth-lint-pull-documents-'));
  });

  after(async () => {
    await session.dispose();
    await fs.rm(folder, { recursive: true, force: true });
  });

  it('is sent the findings of the files that are not open, once it has not asked in time', async () => {
    const pushed = await session.waitFor('the route pushed, unopened', () => session.published.find((params) => params.uri === routeUri && params.diagnostics.length > 0));
    const expected = routeText
      .split('\n')
      .flatMap((line, index) => (/\/\/ expect: (.+)$/.exec(line)?.[1]?.split(',') ?? []).map((rule) => `${index}: ${rule.trim()}`))
      .sort();
    assert.deepEqual(rules(pushed.diagnostics), expected);
    assert.equal((await session.stats()).closedFilePush, 'pushing');
  });

  it('takes a file back when it is opened (the client pulls it), and pushes it again when it is closed', async () => {
    await session.open(routeUri, routeText);
    await session.waitFor('the route taken back', () => session.publishedSinceMark(routeUri).find((params) => params.diagnostics.length === 0));
    assert.ok(full(await session.pull(routeUri)).length > 0, 'the open route is pulled');
    await session.close(routeUri);
    await session.waitFor('the route pushed again', () => session.publishedSinceMark(routeUri).find((params) => params.diagnostics.length > 0));
  });

  it('takes them all back at its first workspace pull: nothing shows twice', async () => {
    const report = await session.pullWorkspace();
    assert.ok(report.items.some((item) => item.uri === routeUri));
    await session.waitFor('the pushed route cleared', () => session.published.filter((params) => params.uri === routeUri).at(-1)?.diagnostics.length === 0 || undefined);
    assert.equal((await session.stats()).closedFilePush, 'pulled');
  });
});

describe('a client that tells of no change on disk (no file watching)', () => {
  let client: Awaited<ReturnType<typeof documentsOnly>>;

  before(async () => {
    client = await documentsOnly('http-auth-lint-no-watch-');
  });

  after(async () => {
    await client.session.dispose();
    await fs.rm(client.folder, { recursive: true, force: true });
  });

  it('indexes again when a file is saved and closed, though the client tells of no change on disk', async () => {
    const { session, folder, routeUri, routeText } = client;
    await session.waitFor('the route pushed, unopened', () => session.published.find((params) => params.uri === routeUri && params.diagnostics.length > 0));
    // The route's 401s become 404s in the editor, and it is saved.
    const fixed = routeText.replace(/\/\/ expect: .*$/gm, '').replaceAll('401', '404');
    await session.open(routeUri, fixed);
    await fs.writeFile(path.join(folder, 'src', 'routes', 'profile.ts'), fixed);
    await session.save(routeUri);
    await session.close(routeUri);
    // What the index pushes last for the closed route is what the disk now holds: no finding.
    await session.waitFor('the route pushed empty from a new index', () => {
      const last = session.publishedSinceMark(routeUri).at(-1);
      return last && last.diagnostics.length === 0 && (session.progress.filter((value) => value.kind === 'end').length >= 2 || undefined) ? last : undefined;
    });
    await new Promise((resolve) => setTimeout(resolve, 300));
    assert.equal(session.publishedSinceMark(routeUri).at(-1)?.diagnostics.length, 0, 'no stale finding pushed back');
  });
});
