// The whole project in real VS Code (issue 12): the findings of a route that is not open appear in
// the Problems panel once the workspace is indexed; the permission check in the route gets its
// finding; the quick fix writes the challenge into the error middleware, another file, and the
// route's findings update without the middleware being saved.
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { applyAction, codeActionsAt, codeOf, ours, waitForDiagnostics, workspaceUri } from './helpers';

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
