// The per-rule severity setting, changed the way a user does (workspace settings), reaches the
// server: it re-reads configuration on change and refreshes diagnostics.
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { codeOf, openFixture, waitForDiagnostics } from './helpers';

const RULE = 'missing-www-authenticate';

describe('severity setting', () => {
  const config = (): vscode.WorkspaceConfiguration => vscode.workspace.getConfiguration('httpAuthLint');
  const key = `rules.${RULE}`;

  after(async () => {
    await config().update(key, undefined, vscode.ConfigurationTarget.Workspace);
  });

  it('"warning" downgrades the finding and "off" removes it', async () => {
    const { document: doc } = await openFixture('severity.js');
    const withSeverity = (s: vscode.DiagnosticSeverity) => (ds: vscode.Diagnostic[]) =>
      ds.some((d) => codeOf(d) === RULE && d.severity === s);
    await waitForDiagnostics(doc.uri, withSeverity(vscode.DiagnosticSeverity.Error), 'the default error');

    await config().update(key, 'warning', vscode.ConfigurationTarget.Workspace);
    await waitForDiagnostics(doc.uri, withSeverity(vscode.DiagnosticSeverity.Warning), 'a warning');

    await config().update(key, 'off', vscode.ConfigurationTarget.Workspace);
    const left = await waitForDiagnostics(doc.uri, (ds) => !ds.some((d) => codeOf(d) === RULE), 'no finding');
    assert.equal(left.length, 0);
  });
});
