// The whole project in real VS Code (issue 12): the findings of a route that is not open appear in
// the Problems panel once the workspace is indexed; the permission check in the route gets its
// finding; the quick fix writes the challenge into the error middleware, another file, and the
// route's findings update without the middleware being saved. The same with a response helper: its
// own finding is listed without opening it, and the fix from its caller writes into it.
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { applyAction, codeActionsAt, codeOf, findAction, ours, waitForDiagnostics, workspaceUri } from './helpers';

const MISSING = 'missing-www-authenticate';
const PERMISSION = 'unauthorized-for-permission';

describe('the whole project (an error class and its error middleware in other files)', () => {
  const route = workspaceUri('project/src/routes/orders.ts');
  const middleware = workspaceUri('project/src/middleware/errors.ts');

  it('lists the findings of a route that was never opened', async () => {
    assert.ok(!vscode.workspace.textDocuments.some((doc) => doc.uri.toString() === route.toString()), 'the route is not open');
    const diagnostics = await waitForDiagnostics(route, (ds) => ds.some((d) => codeOf(d) === PERMISSION), 'the route findings from the index');
    assert.deepEqual(diagnostics.map((d) => `${d.range.start.line + 1} ${codeOf(d)}`).sort(), [`10 ${MISSING}`, `11 ${MISSING}`, `11 ${PERMISSION}`]);
    const missing = diagnostics.find((d) => codeOf(d) === MISSING)!;
    assert.ok(missing.relatedInformation?.some((related) => related.location.uri.toString() === middleware.toString()), 'related information opens the middleware');
    // VS Code asks for the workspace report (at once, then every 2 s): the server never pushes
    // these as well (no finding twice).
    const extension = vscode.extensions.getExtension<{ serverStats(): Promise<{ closedFilePush: string }> }>('http-auth-lint.http-auth-lint');
    assert.equal((await extension!.activate().then((api) => api.serverStats())).closedFilePush, 'pulled');
  });

  it('writes the challenge into the middleware from the route, and the route updates', async () => {
    const editor = await vscode.window.showTextDocument(await vscode.workspace.openTextDocument(route));
    const [missing] = await waitForDiagnostics(editor.document.uri, (ds) => ds.some((d) => codeOf(d) === MISSING), MISSING);
    const actions = await codeActionsAt(route, missing!.range);
    const fix = actions.find((action) => action.edit?.entries().some(([uri]) => uri.toString() === middleware.toString()));
    assert.ok(fix, `a quick fix edits the middleware; offered: ${actions.map((a) => a.title).join(', ')}`);
    await applyAction(fix);
    const handler = vscode.workspace.textDocuments.find((doc) => doc.uri.toString() === middleware.toString());
    assert.match(handler?.getText() ?? '', /WWW-Authenticate/);
    const after = await waitForDiagnostics(route, (ds) => !ds.some((d) => codeOf(d) === MISSING), 'the route without missing challenges');
    assert.deepEqual(after.map((d) => codeOf(d)), [PERMISSION], 'the permission finding stays');
    assert.deepEqual(ours(middleware), []);
    await handler?.save();
  });
});

describe('the whole project (a response helper in another file)', () => {
  const route = workspaceUri('project-helper/src/routes/users.ts');
  const helper = workspaceUri('project-helper/src/lib/http.ts');
  const lines = (diagnostics: vscode.Diagnostic[]) => diagnostics.map((d) => `${d.range.start.line + 1} ${codeOf(d)}`).sort();

  it('lists the finding of a helper that was never opened, and its callers get theirs', async () => {
    assert.ok(!vscode.workspace.textDocuments.some((doc) => doc.uri.toString() === helper.toString()), 'the helper is not open');
    const inHelper = await waitForDiagnostics(helper, (ds) => ds.some((d) => codeOf(d) === MISSING), 'the helper finding from the index');
    assert.deepEqual(lines(inHelper), [`5 ${MISSING}`]);
    await vscode.window.showTextDocument(await vscode.workspace.openTextDocument(route));
    const inRoute = await waitForDiagnostics(route, (ds) => ds.some((d) => codeOf(d) === PERMISSION), 'the permission finding');
    assert.deepEqual(lines(inRoute), [`12 ${MISSING}`, `13 ${MISSING}`, `13 ${PERMISSION}`]);
  });

  it('writes the challenge into the helper from its caller; the route and the helper update', async () => {
    const missing = ours(route, MISSING).find((d) => d.range.start.line === 11)!;
    const actions = await codeActionsAt(route, missing.range);
    const fix = actions.find((action) => action.edit?.entries().some(([uri]) => uri.toString() === helper.toString()));
    assert.ok(fix, `a quick fix edits the helper; offered: ${actions.map((a) => a.title).join(', ')}`);
    await applyAction(fix);
    const helperDocument = vscode.workspace.textDocuments.find((doc) => doc.uri.toString() === helper.toString())!;
    assert.match(helperDocument.getText(), /if \(status === 401\) res\.set\('WWW-Authenticate'/);
    const after = await waitForDiagnostics(route, (ds) => !ds.some((d) => codeOf(d) === MISSING), 'the route without missing challenges');
    assert.deepEqual(lines(after), [`13 ${PERMISSION}`], 'the permission finding stays');
    // The helper's own 401 is still without one; its own fix clears it.
    const [own] = await waitForDiagnostics(helper, (ds) => ds.length === 1, 'the helper finding of unauthorized()');
    await applyAction(findAction(await codeActionsAt(helper, own!.range), 'Add WWW-Authenticate challenge'));
    await waitForDiagnostics(helper, (ds) => ds.length === 0, 'the helper clear');
    const saved = await (await vscode.workspace.openTextDocument(helper)).save();
    assert.ok(saved, 'the helper is saved');
  });
});
