// The two other core rules in real VS Code: each one's diagnostic and its quick fix, which
// rewrites the status (issue 2, item 4).
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { applyAction, codeActionsAt, codeOf, findAction, openFixture, ours, rangeOf, waitForDiagnostics } from './helpers';

const hasRule = (rule: string) => (ds: vscode.Diagnostic[]) => ds.some((d) => codeOf(d) === rule);

describe('unauthorized-for-permission', () => {
  const RULE = 'unauthorized-for-permission';

  it('reports a 401 for a missing role as a warning, and the fix sends 403', async () => {
    const { document: doc } = await openFixture('permission.js');
    await waitForDiagnostics(doc.uri, hasRule(RULE), RULE);
    const [finding] = ours(doc.uri, RULE);
    assert.equal(finding.severity, vscode.DiagnosticSeverity.Warning, 'the rule defaults to warning');
    assert.match(finding.message, /req\.user\.role/, 'the message names the guard it saw');
    const sent = "return res.status(401).json({ error: 'admin role required' });";
    const line = rangeOf(doc, sent).start.line;

    await applyAction(findAction(await codeActionsAt(doc.uri, finding.range), 'Send 403 Forbidden instead'));
    assert.equal(doc.lineAt(line).text.trim(), sent.replace('401', '403'));
    // A 403 needs no challenge either, so no rule is left on this file.
    await waitForDiagnostics(doc.uri, (ds) => ds.length === 0, 'no finding after the fix');
    await doc.save();
  });
});

describe('proxy-auth-from-origin', () => {
  const RULE = 'proxy-auth-from-origin';

  it('reports a 407 from an origin route, and the fix sends 401 with a challenge', async () => {
    const { document: doc } = await openFixture('proxy-origin.js');
    await waitForDiagnostics(doc.uri, hasRule(RULE), RULE);
    const [finding] = ours(doc.uri, RULE);
    assert.equal(finding.severity, vscode.DiagnosticSeverity.Warning, 'the rule defaults to warning');
    const line = rangeOf(doc, 'res.status(407)').start.line;

    await applyAction(findAction(await codeActionsAt(doc.uri, finding.range), 'Send 401 with a WWW-Authenticate challenge instead'));
    const text = doc.lineAt(line).text;
    assert.ok(text.includes('res.status(401)'), `the status becomes 401: ${text.trim()}`);
    assert.ok(text.includes(`'WWW-Authenticate', 'Bearer realm="api"'`), `with the default challenge: ${text.trim()}`);
    await waitForDiagnostics(doc.uri, (ds) => ds.length === 0, 'no finding after the fix');
    await doc.save();
  });
});
