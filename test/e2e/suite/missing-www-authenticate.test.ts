// missing-www-authenticate in real VS Code: the diagnostic, its link, and its code actions as
// VS Code itself collects and applies them (vscode.executeCodeActionProvider, workspace.applyEdit).
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { applyAction, codeActionsAt, codeOf, findAction, openFixture, ours, rangeOf, waitForDiagnostics } from './helpers';

const RULE = 'missing-www-authenticate';
const FIX = 'Add WWW-Authenticate challenge';
const CHALLENGE = 'Bearer realm="api"'; // default of the httpAuthLint.defaultChallenge setting

function fmt(r: vscode.Range): string {
  return `${r.start.line + 1}:${r.start.character + 1}-${r.end.line + 1}:${r.end.character + 1}`;
}

describe('missing-www-authenticate on an Express route (TypeScript)', () => {
  const sent = "res.status(401).json({ error: 'missing token' });";
  const fixed = `res.status(401).set('WWW-Authenticate', '${CHALLENGE}').json({ error: 'missing token' });`;
  let editor: vscode.TextEditor;
  let finding: vscode.Diagnostic | undefined;

  before(async () => {
    editor = await openFixture('express-app.ts');
  });

  it('reports the 401 sent without a challenge', async () => {
    const uri = editor.document.uri;
    await waitForDiagnostics(uri, (ds) => ds.some((d) => codeOf(d) === RULE), RULE);
    const found = ours(uri, RULE);
    assert.equal(found.length, 1, 'one finding for the one 401');
    finding = found[0];
    assert.equal(finding.severity, vscode.DiagnosticSeverity.Error, 'the rule defaults to error');
    // The squiggle sits on the call that sets the status, not the whole statement.
    const status = rangeOf(editor.document, 'res.status(401)', sent);
    assert.ok(finding.range.isEqual(status), `range ${fmt(finding.range)} is res.status(401) at ${fmt(status)}`);
    assert.match(finding.message, /WWW-Authenticate/);
  });

  it("links the rule's documentation page", () => {
    assert.ok(finding, 'needs the finding of the first test');
    assert.ok(typeof finding.code === 'object', 'code carries a codeDescription target');
    assert.equal(finding.code.value, RULE);
    assert.match(finding.code.target.toString(true), new RegExp(`^https://.+/docs/rules/${RULE}\\.md$`));
  });

  it('offers to disable the rule for the line and to show its documentation', async () => {
    assert.ok(finding, 'needs the finding of the first test');
    const actions = await codeActionsAt(editor.document.uri, finding.range);
    findAction(actions, `Disable ${RULE} for this line`);
    const docs = findAction(actions, `Show documentation for ${RULE}`);
    // Not executed: it opens a browser tab. It must open the page the diagnostic links.
    assert.ok(typeof finding.code === 'object');
    assert.equal(String(docs.command?.arguments?.[0]), finding.code.target.toString(true));
  });

  it('quick fix adds the challenge to the Express chain and the finding goes away', async () => {
    assert.ok(finding, 'needs the finding of the first test');
    const doc = editor.document;
    const line = rangeOf(doc, sent).start.line;
    const fix = findAction(await codeActionsAt(doc.uri, finding.range), FIX);
    assert.ok(fix.kind && vscode.CodeActionKind.QuickFix.contains(fix.kind), `"${FIX}" is a quick fix`);
    await applyAction(fix);
    assert.equal(doc.lineAt(line).text.trim(), fixed);
    await waitForDiagnostics(doc.uri, (ds) => !ds.some((d) => codeOf(d) === RULE), 'the finding to go away');
    await doc.save();
  });
});

describe('missing-www-authenticate on a node:http server (JavaScript)', () => {
  const sent = "res.writeHead(401, { 'Content-Type': 'text/plain' });";
  let editor: vscode.TextEditor;

  before(async () => {
    editor = await openFixture('node-http.js');
  });

  it('reports the writeHead(401) and the quick fix adds the header to its headers', async () => {
    const doc = editor.document;
    await waitForDiagnostics(doc.uri, (ds) => ds.some((d) => codeOf(d) === RULE), RULE);
    const [finding, ...more] = ours(doc.uri, RULE);
    assert.equal(more.length, 0, 'one finding for the one 401');
    const statement = rangeOf(doc, sent);
    assert.ok(statement.contains(finding.range), `range ${fmt(finding.range)} lies in the statement at ${fmt(statement)}`);

    await applyAction(findAction(await codeActionsAt(doc.uri, finding.range), FIX));
    const text = doc.lineAt(statement.start.line).text;
    assert.ok(text.includes(`'WWW-Authenticate': '${CHALLENGE}'`), `writeHead's headers gain the challenge: ${text.trim()}`);
    await waitForDiagnostics(doc.uri, (ds) => !ds.some((d) => codeOf(d) === RULE), 'the finding to go away');
    await doc.save();
  });
});

describe('Disable missing-www-authenticate for this line', () => {
  it('adds a disable-next-line comment above the 401 and the finding goes away', async () => {
    const { document: doc } = await openFixture('suppress.js');
    await waitForDiagnostics(doc.uri, (ds) => ds.some((d) => codeOf(d) === RULE), RULE);
    const [finding] = ours(doc.uri, RULE);
    const line = rangeOf(doc, "res.status(401).send('password required');").start.line;

    await applyAction(findAction(await codeActionsAt(doc.uri, finding.range), `Disable ${RULE} for this line`));
    assert.equal(doc.lineAt(line).text, `    // http-auth-lint-disable-next-line ${RULE}`, 'the comment keeps the indentation');
    assert.equal(doc.lineAt(line + 1).text.trim(), "res.status(401).send('password required');");
    await waitForDiagnostics(doc.uri, (ds) => !ds.some((d) => codeOf(d) === RULE), 'the finding to go away');
    await doc.save();
  });
});

describe('diagnostics follow typing', () => {
  it('removing the challenge reports the 401; putting it back clears it', async () => {
    const editor = await openFixture('challenged.js');
    const doc = editor.document;
    const header = rangeOf(doc, `res.setHeader('WWW-Authenticate', '${CHALLENGE}');`);
    const line = doc.lineAt(header.start.line).rangeIncludingLineBreak;
    const original = doc.getText(line);

    assert.ok(await editor.edit((e) => e.delete(line)));
    await waitForDiagnostics(doc.uri, (ds) => ds.some((d) => codeOf(d) === RULE), `${RULE} after deleting the header`);

    assert.ok(await editor.edit((e) => e.insert(line.start, original)));
    await waitForDiagnostics(doc.uri, (ds) => ds.length === 0, 'no finding once the header is back');
  });
});
