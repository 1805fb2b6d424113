// Suppressions that suppress nothing, and fixing in bulk, over the protocol: the unused-suppression
// hint and its removal, the `source.fixAll.http-auth-lint` action that editor.codeActionsOnSave
// asks for, and "Fix all <rule> problems in this file". Only safe fixes are applied in bulk.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { DiagnosticSeverity, DiagnosticTag, type CodeAction, type Diagnostic, type TextDocumentEdit } from 'vscode-languageserver-protocol/node';
import { EXPRESS_APP, MANY_FIXES_APP, UNUSED_SUPPRESSION } from './fixtures';
import { LspSession, fileUri, rangeOf } from './lspClient';

const MISSING = 'missing-www-authenticate';
const PERMISSION = 'unauthorized-for-permission';
const UNUSED = 'unused-disable-directive';
const FIX_ALL_KIND = 'source.fixAll.http-auth-lint';
const CHALLENGE = `.set('WWW-Authenticate', 'Bearer realm="api"')`;

function byCode(diagnostics: Diagnostic[], code: string): Diagnostic[] {
  return diagnostics.filter((diagnostic) => diagnostic.code === code);
}

function titled(actions: CodeAction[], title: string): CodeAction | undefined {
  return actions.find((action) => action.title === title);
}

function count(text: string, search: string): number {
  return text.split(search).length - 1;
}

describe('unused suppressions', () => {
  let session: LspSession;

  before(async () => {
    session = await LspSession.start();
  });

  after(async () => {
    await session.dispose();
  });

  it('are hints drawn as unnecessary code, on the comment', async () => {
    const uri = fileUri('unused.ts');
    const document = await session.open(uri, MANY_FIXES_APP);
    const [hint, ...more] = byCode(await session.diagnostics(uri), UNUSED);
    assert.ok(hint, 'an unused-disable-directive diagnostic');
    assert.equal(more.length, 0);
    assert.equal(hint.severity, DiagnosticSeverity.Hint);
    assert.deepEqual(hint.tags, [DiagnosticTag.Unnecessary]);
    assert.equal(hint.source, 'http-auth-lint');
    assert.match(String(hint.message), /invalid-challenge/);
    const comment = rangeOf(document, UNUSED_SUPPRESSION);
    assert.equal(hint.range.start.line, comment.start.line);
  });

  it('"Remove the unused suppression" deletes the comment line and the hint goes away', async () => {
    const uri = fileUri('unused-fix.ts');
    await session.open(uri, MANY_FIXES_APP);
    const [hint] = byCode(await session.diagnostics(uri), UNUSED);
    assert.ok(hint);
    const actions = await session.codeActions(uri, [hint]);
    assert.deepEqual(
      actions.map((action) => [action.title, action.kind, action.isPreferred]),
      [['Remove the unused suppression', 'quickfix', true]],
    );
    const document = await session.applyAction(uri, actions[0]!);
    assert.ok(!document.getText().includes('http-auth-lint-disable'), document.getText());
    assert.equal(document.lineCount, MANY_FIXES_APP.split('\n').length - 1, 'the whole line goes');
    assert.deepEqual(byCode(await session.diagnostics(uri), UNUSED), []);
  });

  it('a suppression that silences a finding is not reported', async () => {
    const uri = fileUri('used.ts');
    const text = EXPRESS_APP.replace(
      "    return res.status(401).json({ error: 'unauthorized' });",
      `    // http-auth-lint-disable-next-line ${MISSING} -- the gateway adds the challenge\n    return res.status(401).json({ error: 'unauthorized' });`,
    );
    await session.open(uri, text);
    const diagnostics = await session.diagnostics(uri);
    assert.deepEqual(
      diagnostics.map((diagnostic) => diagnostic.code),
      [PERMISSION],
    );
  });
});

describe('fix-all', () => {
  let session: LspSession;

  before(async () => {
    session = await LspSession.start();
  });

  after(async () => {
    await session.dispose();
  });

  async function fixAllActions(uri: string, only: string[]): Promise<CodeAction[]> {
    const document = session.document(uri);
    const whole = { start: { line: 0, character: 0 }, end: document.positionAt(document.getText().length) };
    return session.codeActions(uri, [], whole, only);
  }

  it(`${FIX_ALL_KIND} applies every safe fix and removes unused suppressions, in one edit pinned to the version`, async () => {
    const uri = fileUri('fix-all.ts');
    await session.open(uri, MANY_FIXES_APP);
    const before = await session.diagnostics(uri);
    assert.equal(byCode(before, MISSING).length, 2);
    const actions = await fixAllActions(uri, [FIX_ALL_KIND]);
    assert.equal(actions.length, 1, JSON.stringify(actions));
    const [action] = actions;
    assert.equal(action!.kind, FIX_ALL_KIND);
    const changes = action!.edit?.documentChanges as TextDocumentEdit[];
    assert.equal(changes.length, 1);
    assert.deepEqual(changes[0]!.textDocument, { uri, version: 1 });
    assert.equal(changes[0]!.edits.length, 1, 'one edit: the changed span');

    const document = await session.applyAction(uri, action!);
    const text = document.getText();
    // Two challenges added to the two 401s that lacked one, plus the one the permission 401 had.
    assert.equal(count(text, CHALLENGE), 3, text);
    assert.ok(!text.includes('http-auth-lint-disable'), text);
    // The permission finding's fix (sending 403) is a suggestion: left for a person to apply.
    assert.ok(text.includes("res.status(401).set('WWW-Authenticate', 'Bearer realm=\"api\"').json({ error: 'not allowed' })"), text);
    const after = await session.diagnostics(uri);
    assert.deepEqual(
      after.map((diagnostic) => diagnostic.code),
      [PERMISSION],
    );
    // Nothing left to fix: no action.
    assert.deepEqual(await fixAllActions(uri, [FIX_ALL_KIND]), []);
  });

  it('answers `source.fixAll` and `source` (the Source Action menu), never the lightbulb or `quickfix`', async () => {
    const uri = fileUri('kinds.ts');
    await session.open(uri, MANY_FIXES_APP);
    const diagnostics = await session.diagnostics(uri);
    assert.equal((await fixAllActions(uri, ['source.fixAll'])).length, 1);
    assert.equal((await fixAllActions(uri, ['source'])).length, 1);
    assert.deepEqual(await fixAllActions(uri, ['source.organizeImports']), []);
    assert.deepEqual(await fixAllActions(uri, ['quickfix']), []);
    const [missing] = byCode(diagnostics, MISSING);
    const lightbulb = await session.codeActions(uri, [missing!]);
    assert.ok(lightbulb.length > 0);
    assert.ok(lightbulb.every((action) => action.kind === 'quickfix'), JSON.stringify(lightbulb.map((action) => action.kind)));
  });

  it('follows the settings: a rule turned off is not fixed', async () => {
    const uri = fileUri('fix-all-settings.ts');
    session.settings.set(uri, { rules: { [MISSING]: 'off' } });
    await session.open(uri, MANY_FIXES_APP);
    await session.diagnostics(uri);
    const [action] = await fixAllActions(uri, [FIX_ALL_KIND]);
    assert.ok(action, 'the unused suppression is still removed');
    const text = (await session.applyAction(uri, action)).getText();
    assert.equal(count(text, CHALLENGE), 1, text);
    assert.ok(!text.includes('http-auth-lint-disable'), text);
  });

  it(`"Fix all ${MISSING} problems in this file" fixes every finding of that rule and nothing else`, async () => {
    const uri = fileUri('fix-rule.ts');
    await session.open(uri, MANY_FIXES_APP);
    const diagnostics = await session.diagnostics(uri);
    const [first] = byCode(diagnostics, MISSING);
    const actions = await session.codeActions(uri, [first!]);
    const titles = actions.map((action) => action.title);
    const fixRule = titled(actions, `Fix all ${MISSING} problems in this file`);
    assert.ok(fixRule, JSON.stringify(titles));
    assert.equal(fixRule.kind, 'quickfix');
    assert.deepEqual(fixRule.diagnostics, [first]);
    // After the finding's own fix, before "Disable" and "Show documentation".
    assert.deepEqual(titles.slice(-3), [fixRule.title, `Disable ${MISSING} for this line`, `Show documentation for ${MISSING}`]);

    const text = (await session.applyAction(uri, fixRule)).getText();
    assert.equal(count(text, CHALLENGE), 3, text);
    assert.ok(text.includes(UNUSED_SUPPRESSION), 'other rules, suppressions included, are left alone');
    const after = await session.diagnostics(uri);
    assert.deepEqual(byCode(after, MISSING), []);
    assert.equal(byCode(after, UNUSED).length, 1);
  });

  it('"Fix all" is not offered for a rule with a single finding', async () => {
    const uri = fileUri('fix-rule-one.ts');
    await session.open(uri, EXPRESS_APP);
    const diagnostics = await session.diagnostics(uri);
    for (const diagnostic of diagnostics) {
      const actions = await session.codeActions(uri, [diagnostic]);
      assert.ok(!actions.some((action) => action.title.startsWith('Fix all')), JSON.stringify(actions.map((action) => action.title)));
    }
  });
});
