// Fix-all on save in real VS Code (issue 4, "Done when"): with
// "editor.codeActionsOnSave": { "source.fixAll.http-auth-lint": "explicit" }, saving applies every
// safe fix and removes unused suppressions; suggestions stay for a person to apply.
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { codeOf, openFixture, waitForDiagnostics } from './helpers';

const MISSING = 'missing-www-authenticate';
const PERMISSION = 'unauthorized-for-permission';
const UNUSED = 'unused-disable-directive';
const FIX_ALL_KIND = 'source.fixAll.http-auth-lint';
const CHALLENGE = `.set('WWW-Authenticate', 'Bearer realm="api"')`;

const count = (ds: vscode.Diagnostic[], code: string): number => ds.filter((d) => codeOf(d) === code).length;

describe('fix-all on save (editor.codeActionsOnSave)', () => {
  const editorConfig = (): vscode.WorkspaceConfiguration => vscode.workspace.getConfiguration('editor');

  before(async () => {
    await editorConfig().update('codeActionsOnSave', { [FIX_ALL_KIND]: 'explicit' }, vscode.ConfigurationTarget.Workspace);
  });

  after(async () => {
    await editorConfig().update('codeActionsOnSave', undefined, vscode.ConfigurationTarget.Workspace);
  });

  it('the source action is offered by its kind', async () => {
    const { document: doc } = await openFixture('fix-on-save.js');
    await waitForDiagnostics(doc.uri, (ds) => count(ds, MISSING) === 2, `two ${MISSING}`);
    const whole = new vscode.Range(doc.positionAt(0), doc.positionAt(doc.getText().length));
    const actions = await vscode.commands.executeCommand<vscode.CodeAction[]>(
      'vscode.executeCodeActionProvider',
      doc.uri,
      whole,
      FIX_ALL_KIND,
    );
    const ours = (actions ?? []).filter((action) => action.kind?.value === FIX_ALL_KIND);
    assert.equal(ours.length, 1, `offered: ${(actions ?? []).map((action) => `${action.title} (${action.kind?.value})`).join(', ')}`);
  });

  it('saving repairs the file: challenges added, the unused suppression removed, the suggestion left', async () => {
    const editor = await openFixture('fix-on-save.js');
    const doc = editor.document;
    await waitForDiagnostics(
      doc.uri,
      (ds) => count(ds, MISSING) === 2 && count(ds, UNUSED) === 1 && count(ds, PERMISSION) === 1,
      'two missing challenges, an unused suppression and a permission 401',
    );
    // A change first, as a user types before saving.
    assert.ok(await editor.edit((edit) => edit.insert(doc.positionAt(doc.getText().length), '\napp.listen(3000);\n')));
    await vscode.commands.executeCommand('workbench.action.files.save');

    const text = doc.getText();
    assert.equal(text.split(CHALLENGE).length - 1, 3, `a challenge on each 401:\n${text}`);
    assert.ok(!text.includes('http-auth-lint-disable'), `the unused suppression is gone:\n${text}`);
    assert.ok(text.includes("return res.status(401).set('WWW-Authenticate', 'Bearer realm=\"api\"').json({ error: 'admin role required' });"), 'the suggestion (403) is not applied on save');
    assert.ok(text.endsWith('app.listen(3000);\n'), 'the typed text stays');
    assert.equal(doc.isDirty, false, 'the fixes are part of the save');
    const onDisk = new TextDecoder().decode(await vscode.workspace.fs.readFile(doc.uri));
    assert.equal(onDisk, text);
    const left = await waitForDiagnostics(doc.uri, (ds) => count(ds, MISSING) === 0 && count(ds, UNUSED) === 0, 'the fixed findings to go');
    assert.deepEqual(left.map(codeOf), [PERMISSION]);
  });
});
