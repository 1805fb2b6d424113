// "HTTP Auth Lint: Restart Server" (package.json commands): a new server answers afterwards.
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { codeOf, openFixture, rangeOf, waitForDiagnostics } from './helpers';

const RULE = 'missing-www-authenticate';
const findings = (n: number) => (ds: vscode.Diagnostic[]) => ds.filter((d) => codeOf(d) === RULE).length === n;

describe('Restart Server', () => {
  it('restarts the language server, which lints the next edit', async () => {
    const editor = await openFixture('restart.js');
    const doc = editor.document;
    await waitForDiagnostics(doc.uri, findings(1), `one ${RULE}`);
    await vscode.commands.executeCommand('httpAuthLint.restartServer');
    // A second 401 only a running server can report.
    const handler = "app.get('/status', (req, res) => {";
    const at = rangeOf(doc, handler).start;
    const copy = "app.get('/health', (req, res) => {\n  if (!req.headers.authorization) return res.sendStatus(401);\n  res.json({ ok: true });\n});\n\n";
    assert.ok(await editor.edit((edit) => edit.insert(at, copy)));
    await waitForDiagnostics(doc.uri, findings(2), `two ${RULE} after the restart`);
    await vscode.commands.executeCommand('workbench.action.files.revert');
  });
});
