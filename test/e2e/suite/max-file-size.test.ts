// httpAuthLint.maxFileSize, set the way a user does (workspace settings), reaches the server (the
// client sends its effective value): a file over it gets one informational diagnostic naming the
// setting instead of findings; raised again, the file is analyzed.
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { codeOf, openFixture, waitForDiagnostics } from './helpers';

const RULE = 'missing-www-authenticate';

describe('httpAuthLint.maxFileSize', () => {
  const config = (): vscode.WorkspaceConfiguration => vscode.workspace.getConfiguration('httpAuthLint');

  after(async () => {
    await config().update('maxFileSize', undefined, vscode.ConfigurationTarget.Workspace);
  });

  it('skips a file over it with one informational diagnostic, and analyzes it again under a larger one', async () => {
    const { document: doc } = await openFixture('max-file-size.js');
    await waitForDiagnostics(doc.uri, (ds) => ds.some((d) => codeOf(d) === RULE), `a ${RULE}`);

    await config().update('maxFileSize', 100, vscode.ConfigurationTarget.Workspace);
    const [skipped, ...more] = await waitForDiagnostics(doc.uri, (ds) => ds.some((d) => codeOf(d) === 'file-too-large'), 'the file skipped');
    assert.deepEqual(more, []);
    assert.equal(skipped!.severity, vscode.DiagnosticSeverity.Information);
    assert.match(skipped!.message, /^This file is \d+ bytes, over httpAuthLint\.maxFileSize \(100 bytes\): HTTP Auth Lint did not analyze it\.$/);
    assert.equal(skipped!.range.start.line, 0);

    await config().update('maxFileSize', undefined, vscode.ConfigurationTarget.Workspace);
    await waitForDiagnostics(doc.uri, (ds) => ds.length === 1 && codeOf(ds[0]!) === RULE, `the ${RULE} again`);
  });
});
