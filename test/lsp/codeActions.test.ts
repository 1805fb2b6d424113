// Quick fixes over the protocol: computed for the version asked about, applied as an editor
// would, and checked by the diagnostics the server publishes for the edited text.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { CodeAction, Diagnostic, TextDocumentEdit } from 'vscode-languageserver-protocol/node';
import { EXPRESS_APP, MISSING_CHALLENGE_SITE, PERMISSION_SITE } from './fixtures';
import { LspSession, fileUri } from './lspClient';

const MISSING = 'missing-www-authenticate';
const PERMISSION = 'unauthorized-for-permission';

function only(diagnostics: Diagnostic[], ruleId: string): Diagnostic {
  const found = diagnostics.filter((diagnostic) => diagnostic.code === ruleId);
  assert.equal(found.length, 1, `expected one ${ruleId} in ${JSON.stringify(diagnostics)}`);
  return found[0]!;
}

function titled(actions: CodeAction[], title: string): CodeAction {
  const action = actions.find((candidate) => candidate.title === title);
  assert.ok(action, `no "${title}" in ${JSON.stringify(actions.map((candidate) => candidate.title))}`);
  return action;
}

describe('code actions', () => {
  let session: LspSession;

  before(async () => {
    session = await LspSession.start();
  });

  after(async () => {
    await session.dispose();
  });

  it('offers the fixes, then "Disable" and "Show documentation", all tied to the diagnostic', async () => {
    const uri = fileUri('actions.ts');
    await session.open(uri, EXPRESS_APP);
    const missing = only(await session.diagnostics(uri), MISSING);
    const actions = await session.codeActions(uri, [missing]);
    const titles = actions.map((action) => action.title);
    assert.ok(actions.length >= 3, JSON.stringify(titles));
    assert.deepEqual(titles.slice(-2), [`Disable ${MISSING} for this line`, `Show documentation for ${MISSING}`]);
    for (const action of actions) {
      assert.equal(action.kind, 'quickfix');
      assert.deepEqual(action.diagnostics, [missing]);
    }
    const preferred = actions.filter((action) => action.isPreferred);
    assert.equal(preferred.length, 1, JSON.stringify(actions));
    assert.equal(preferred[0], actions[0]);
    for (const action of actions.slice(0, -1)) {
      const changes = action.edit?.documentChanges as TextDocumentEdit[];
      assert.equal(changes.length, 1);
      assert.deepEqual(changes[0]!.textDocument, { uri, version: 1 });
    }
  });

  it('a fix the framework cannot carry is offered disabled, with the reason', async () => {
    const uri = fileUri('nest.controller.ts');
    const text = `import { Controller, Get, UnauthorizedException } from '@nestjs/common';\n@Controller('me')\nexport class MeController {\n  @Get()\n  me() {\n    throw new UnauthorizedException();\n  }\n}\n`;
    await session.open(uri, text);
    const missing = only(await session.diagnostics(uri), MISSING);
    const fix = titled(await session.codeActions(uri, [missing]), 'Add WWW-Authenticate challenge');
    assert.equal(fix.edit, undefined);
    assert.match(fix.disabled?.reason ?? '', /exception filter/);
  });

  it('the preferred fix adds the default challenge and the diagnostic goes away', async () => {
    const uri = fileUri('fix.ts');
    await session.open(uri, EXPRESS_APP);
    const missing = only(await session.diagnostics(uri), MISSING);
    const fix = (await session.codeActions(uri, [missing])).find((action) => action.isPreferred);
    assert.ok(fix);
    const document = await session.applyAction(uri, fix);
    const line = document.getText().split('\n').find((text) => text.includes("{ error: 'unauthorized' }"));
    assert.match(line ?? '', /WWW-Authenticate/i);
    assert.ok(document.getText().includes('Bearer realm="api"'), document.getText());
    const diagnostics = await session.diagnostics(uri);
    assert.deepEqual(
      diagnostics.filter((diagnostic) => diagnostic.code === MISSING),
      [],
    );
    // The other finding is untouched.
    only(diagnostics, PERMISSION);
  });

  it('the permission fix sends 403 and the diagnostic goes away', async () => {
    const uri = fileUri('permission.ts');
    await session.open(uri, EXPRESS_APP);
    const permission = only(await session.diagnostics(uri), PERMISSION);
    const actions = await session.codeActions(uri, [permission]);
    const fix = actions.find((action) => action.isPreferred) ?? actions[0]!;
    assert.notEqual(fix.title, `Disable ${PERMISSION} for this line`);
    const document = await session.applyAction(uri, fix);
    assert.ok(!document.getText().includes(PERMISSION_SITE), document.getText());
    assert.ok(document.getText().includes('403'), document.getText());
    const diagnostics = await session.diagnostics(uri);
    assert.equal(diagnostics.filter((diagnostic) => diagnostic.code === PERMISSION).length, 0, JSON.stringify(diagnostics));
  });

  it('"Disable <rule> for this line" adds the comment and silences only that rule', async () => {
    const uri = fileUri('disable.ts');
    await session.open(uri, EXPRESS_APP);
    const missing = only(await session.diagnostics(uri), MISSING);
    const disable = titled(await session.codeActions(uri, [missing]), `Disable ${MISSING} for this line`);
    const document = await session.applyAction(uri, disable);
    const lines = document.getText().split('\n');
    const site = lines.findIndex((text) => text.includes(MISSING_CHALLENGE_SITE));
    assert.equal(lines[site - 1]?.trim(), `// http-auth-lint-disable-next-line ${MISSING}`);
    // The comment keeps the indentation of the line it silences.
    assert.equal(lines[site - 1]!.match(/^\s*/)![0], lines[site]!.match(/^\s*/)![0]);
    const diagnostics = await session.diagnostics(uri);
    assert.equal(diagnostics.filter((diagnostic) => diagnostic.code === MISSING).length, 0, JSON.stringify(diagnostics));
    only(diagnostics, PERMISSION);
  });

  it('"Show documentation" runs a server command that asks the client to open the page', async () => {
    const uri = fileUri('docs.ts');
    await session.open(uri, EXPRESS_APP);
    const missing = only(await session.diagnostics(uri), MISSING);
    const show = titled(await session.codeActions(uri, [missing]), `Show documentation for ${MISSING}`);
    assert.equal(show.edit, undefined);
    assert.equal(show.command?.command, 'httpAuthLint.showDocumentation');
    assert.deepEqual(show.command?.arguments, [missing.codeDescription?.href]);
    const before = session.shownDocuments.length;
    await session.executeCommand(show.command.command, show.command.arguments ?? []);
    const shown = await session.waitFor('window/showDocument', () => session.shownDocuments[before]);
    assert.deepEqual(shown, { uri: missing.codeDescription?.href, external: true });
  });

  it('answers a diagnostic of an older version only where the current text has the same finding', async () => {
    const uri = fileUri('stale.ts');
    await session.open(uri, EXPRESS_APP);
    const stale = only(await session.diagnostics(uri), MISSING);
    await session.replace(uri, "'unauthorized'", "'please log in'");
    // Asked before the server published version 2: the 401 is still where `stale` says, and the
    // actions edit version 2 (a closed file's findings, read from disk, are in this state as it opens).
    const actions = await session.codeActions(uri, [stale]);
    assert.ok(actions.length >= 3);
    assert.equal((actions[0]!.edit?.documentChanges as TextDocumentEdit[])[0]!.textDocument.version, 2);
    // A line above moves the 401 down: nothing of the current text is where `stale` says.
    await session.replace(uri, 'const app = express();', 'const app = express();\n');
    assert.deepEqual(await session.codeActions(uri, [stale]), []);
    const fresh = only(await session.diagnostics(uri), MISSING);
    const changes = (await session.codeActions(uri, [fresh]))[0]!.edit?.documentChanges as TextDocumentEdit[];
    assert.equal(changes[0]!.textDocument.version, 3);
  });

  it('answers code actions for the current version before its diagnostics are published', async () => {
    const uri = fileUri('early.ts');
    await session.open(uri, EXPRESS_APP);
    const published = only(await session.diagnostics(uri), MISSING);
    // Lines are added above: version 2's finding is one line lower.
    await session.replace(uri, 'const app = express();', 'const app = express();\n');
    const moved = {
      ...published,
      range: {
        start: { ...published.range.start, line: published.range.start.line + 1 },
        end: { ...published.range.end, line: published.range.end.line + 1 },
      },
      data: undefined,
    };
    const actions = await session.codeActions(uri, [moved]);
    assert.ok(actions.length >= 3, JSON.stringify(actions));
    assert.equal((actions[0]!.edit?.documentChanges as TextDocumentEdit[])[0]!.textDocument.version, 2);
  });

  it('ignores diagnostics of other sources and unknown documents', async () => {
    const uri = fileUri('others.ts');
    await session.open(uri, EXPRESS_APP);
    const missing = only(await session.diagnostics(uri), MISSING);
    assert.deepEqual(await session.codeActions(uri, [{ ...missing, source: 'ts' }]), []);
    assert.deepEqual(await session.codeActions(fileUri('never-opened.ts'), [missing]), []);
  });
});
