// The project's .httpauthlintrc.json in real VS Code: it applies under the editor settings the
// user set, and only those (a setting's default does not undo it); a change on disk reaches the
// server through the client's file watcher; its problems show on the file itself.
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { codeOf, openFixture, waitForDiagnostics, workspaceUri } from './helpers';

const RULE = 'missing-www-authenticate';
const withSeverity = (severity: vscode.DiagnosticSeverity) => (ds: vscode.Diagnostic[]) =>
  ds.some((d) => codeOf(d) === RULE && d.severity === severity);

describe('project configuration (.httpauthlintrc.json)', () => {
  const configUri = (): vscode.Uri => workspaceUri('configured/.httpauthlintrc.json');
  const settings = (): vscode.WorkspaceConfiguration => vscode.workspace.getConfiguration('httpAuthLint');
  let original: Uint8Array;
  let doc: vscode.TextDocument;

  before(async () => {
    original = await vscode.workspace.fs.readFile(configUri());
    ({ document: doc } = await openFixture('configured/app.js'));
  });

  after(async () => {
    await settings().update(`rules.${RULE}`, undefined, vscode.ConfigurationTarget.Workspace);
    await vscode.workspace.fs.writeFile(configUri(), original);
  });

  it("the file's severity applies: the setting's default (error) does not override it", async () => {
    await waitForDiagnostics(doc.uri, withSeverity(vscode.DiagnosticSeverity.Warning), 'a warning, from the config file');
  });

  it('a setting the user sets overrides the file, and unsetting it gives the file back', async () => {
    await settings().update(`rules.${RULE}`, 'hint', vscode.ConfigurationTarget.Workspace);
    await waitForDiagnostics(doc.uri, withSeverity(vscode.DiagnosticSeverity.Hint), 'a hint, from the workspace setting');
    await settings().update(`rules.${RULE}`, undefined, vscode.ConfigurationTarget.Workspace);
    await waitForDiagnostics(doc.uri, withSeverity(vscode.DiagnosticSeverity.Warning), 'the warning again');
  });

  it('a change of the file on disk lints the open document again', async () => {
    await vscode.workspace.fs.writeFile(configUri(), new TextEncoder().encode('{ "rules": { "missing-www-authenticate": "off" } }\n'));
    await waitForDiagnostics(doc.uri, (ds) => !ds.some((d) => codeOf(d) === RULE), 'the rule turned off');
  });

  it('a wrong severity is an error on the config file, linting goes on with the default, and fixing it clears it', async () => {
    await vscode.workspace.fs.writeFile(configUri(), new TextEncoder().encode('{ "rules": { "missing-www-authenticate": "loud" } }\n'));
    const [problem, ...more] = await waitForDiagnostics(configUri(), (ds) => ds.length > 0, 'a problem on the config file');
    assert.equal(more.length, 0);
    assert.equal(problem.severity, vscode.DiagnosticSeverity.Error);
    assert.match(problem.message, /severity of missing-www-authenticate/);
    const text = new TextDecoder().decode(await vscode.workspace.fs.readFile(configUri()));
    assert.equal(problem.range.start.character, text.indexOf('"loud"'), 'on the value');
    await waitForDiagnostics(doc.uri, withSeverity(vscode.DiagnosticSeverity.Error), 'the default severity');

    await vscode.workspace.fs.writeFile(configUri(), original);
    await waitForDiagnostics(configUri(), (ds) => ds.length === 0, 'no problem on the config file');
    await waitForDiagnostics(doc.uri, withSeverity(vscode.DiagnosticSeverity.Warning), 'the warning again');
  });
});
