// Diagnostics while typing, spoken over stdio to the bundled server.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { DiagnosticSeverity, type Diagnostic } from 'vscode-languageserver-protocol/node';
import { ANOTHER_HANDLER, CLEAN_APP, EXPRESS_APP, MISSING_CHALLENGE_SITE, PERMISSION_SITE } from './fixtures';
import { LspSession, fileUri, rangeOf, textAt } from './lspClient';

const MISSING = 'missing-www-authenticate';
const PERMISSION = 'unauthorized-for-permission';

function byRule(diagnostics: Diagnostic[], ruleId: string): Diagnostic[] {
  return diagnostics.filter((diagnostic) => diagnostic.code === ruleId);
}

describe('diagnostics', () => {
  let session: LspSession;

  before(async () => {
    session = await LspSession.start();
  });

  after(async () => {
    await session.dispose();
  });

  it('declares incremental sync, quick fixes, fix-all, hover and the documentation command', () => {
    const capabilities = session.initializeResult?.capabilities;
    assert.deepEqual(capabilities?.textDocumentSync, { openClose: true, change: 2, save: { includeText: false } });
    assert.deepEqual(capabilities?.codeActionProvider, { codeActionKinds: ['quickfix', 'source.fixAll.http-auth-lint'] });
    assert.equal(capabilities?.hoverProvider, true);
    assert.deepEqual(capabilities?.executeCommandProvider?.commands, ['httpAuthLint.showDocumentation']);
  });

  it('publishes a diagnostic on open with rule id, source, docs link, severity and range', async () => {
    const uri = fileUri('open.ts');
    const document = await session.open(uri, EXPRESS_APP);
    const diagnostics = await session.diagnostics(uri);
    const [missing, ...moreMissing] = byRule(diagnostics, MISSING);
    assert.ok(missing, `no ${MISSING} in ${JSON.stringify(diagnostics)}`);
    assert.equal(moreMissing.length, 0);
    assert.equal(missing.source, 'http-auth-lint');
    assert.match(missing.codeDescription?.href ?? '', /^https:\/\/.*\/missing-www-authenticate(\.md)?$/);
    assert.equal(missing.severity, DiagnosticSeverity.Error);
    assert.match(typeof missing.message === 'string' ? missing.message : missing.message.value, /WWW-Authenticate/);
    // The range is on the 401 that lacks the challenge, and inside that send.
    const site = rangeOf(document, MISSING_CHALLENGE_SITE);
    assert.equal(missing.range.start.line, site.start.line);
    assert.ok(missing.range.start.character >= site.start.character, JSON.stringify(missing.range));
    assert.ok(missing.range.end.character <= site.end.character, JSON.stringify(missing.range));
    assert.match(textAt(document, missing.range), /401|status/);
    for (const related of missing.relatedInformation ?? []) {
      assert.equal(related.location.uri, uri);
    }

    const [permission] = byRule(diagnostics, PERMISSION);
    assert.ok(permission, `no ${PERMISSION} in ${JSON.stringify(diagnostics)}`);
    assert.equal(permission.severity, DiagnosticSeverity.Warning);
    assert.equal(permission.range.start.line, rangeOf(document, PERMISSION_SITE).start.line);
    assert.ok(diagnostics.every((diagnostic) => diagnostic.source === 'http-auth-lint'));
  });

  it('publishes no diagnostic for code without a finding', async () => {
    const uri = fileUri('clean.ts');
    await session.open(uri, CLEAN_APP);
    assert.deepEqual(await session.diagnostics(uri), []);
  });

  it('publishes diagnostics for the new version after an incremental change', async () => {
    const uri = fileUri('change.ts');
    await session.open(uri, EXPRESS_APP);
    assert.equal(byRule(await session.diagnostics(uri), MISSING).length, 1);

    const document = await session.replace(uri, "\napp.delete('/posts/:id'", `${ANOTHER_HANDLER}\napp.delete('/posts/:id'`);
    assert.equal(document.version, 2);
    const diagnostics = await session.diagnostics(uri);
    const missing = byRule(diagnostics, MISSING);
    assert.equal(missing.length, 2, JSON.stringify(diagnostics));
    assert.deepEqual(
      missing.map((diagnostic) => diagnostic.range.start.line).sort((a, b) => a - b),
      [rangeOf(document, MISSING_CHALLENGE_SITE).start.line, rangeOf(document, "res.status(401).send('log in first')").start.line],
    );
    // The permission finding moved down with the inserted lines.
    assert.equal(byRule(diagnostics, PERMISSION)[0]?.range.start.line, rangeOf(document, PERMISSION_SITE).start.line);
  });

  it('publishes only the latest version after rapid edits', async () => {
    const uri = fileUri('rapid.ts');
    await session.open(uri, EXPRESS_APP);
    await session.diagnostics(uri);
    const from = session.published.length;
    const before = await session.stats();
    const typed = "'unauthorized, sorry'";
    // Type one character at a time, without waiting between keystrokes.
    let current = "'unauthorized'";
    for (let i = "'unauthorized".length; i < typed.length; i++) {
      const next = `${typed.slice(0, i)}'`;
      await session.replace(uri, current, next);
      current = next;
    }
    const final = session.document(uri).version;
    assert.ok(final >= 8, `only ${final - 1} edits`);
    const diagnostics = await session.diagnostics(uri, (params) => params.version === final);
    const versions = session.published.slice(from).filter((params) => params.uri === uri).map((params) => params.version);
    assert.deepEqual(versions, [final]);
    // The typing was applied to the document's tree in one incremental update, and the finding
    // still sits on the 401 that lacks its challenge.
    const after = await session.stats();
    assert.equal(after.incrementalParses - before.incrementalParses, 1);
    // And only the statement typed in was analysed again: the others kept their findings.
    assert.ok(after.lastLint.statements > 3, JSON.stringify(after.lastLint));
    assert.equal(after.lastLint.analyzed, 1, JSON.stringify(after.lastLint));
    assert.deepEqual(
      byRule(diagnostics, MISSING).map((diagnostic) => diagnostic.range.start.line),
      [rangeOf(session.document(uri), "res.status(401).json({ error: 'unauthorized, sorry' })").start.line],
    );
  });

  it('clears the diagnostics of a closed document', async () => {
    const uri = fileUri('close.ts');
    await session.open(uri, EXPRESS_APP);
    assert.ok((await session.diagnostics(uri)).length > 0);
    await session.close(uri);
    const cleared = await session.diagnostics(uri, () => true);
    assert.deepEqual(cleared, []);
  });

  it('a change sent right before close publishes nothing after the clearing', async () => {
    const uri = fileUri('close-while-typing.ts');
    await session.open(uri, EXPRESS_APP);
    await session.diagnostics(uri);
    await session.replace(uri, "'unauthorized'", "'who are you?'");
    await session.close(uri);
    await session.diagnostics(uri, (params) => params.diagnostics.length === 0);
    // Open another document and wait for its diagnostics: by then a stale publish for the closed
    // one (its debounce was 150 ms) would have arrived before them.
    const witness = fileUri('witness.ts');
    await session.open(witness, EXPRESS_APP);
    await session.replace(witness, "'unauthorized'", "'nope'");
    await session.diagnostics(witness);
    const afterClose = session.publishedSinceMark(uri);
    assert.deepEqual(
      afterClose.map((params) => params.diagnostics.length),
      [0],
      JSON.stringify(afterClose),
    );
  });

  it('lints what parsed in a file with a syntax error and reports no syntax error itself', async () => {
    const uri = fileUri('broken.ts');
    await session.open(uri, `${EXPRESS_APP}\nconst broken = ;\n`);
    const diagnostics = await session.diagnostics(uri);
    assert.equal(byRule(diagnostics, MISSING).length, 1, JSON.stringify(diagnostics));
    assert.ok(diagnostics.every((diagnostic) => diagnostic.code === MISSING || diagnostic.code === PERMISSION), JSON.stringify(diagnostics));
  });

  it('lints an untitled JavaScript document', async () => {
    const uri = 'untitled:Untitled-1';
    const javascript = EXPRESS_APP.replace("import express from 'express';", "const express = require('express');");
    await session.open(uri, javascript, 'javascript');
    assert.equal(byRule(await session.diagnostics(uri), MISSING).length, 1);
  });

  it('lints a .jsx file with JSX in it', async () => {
    const uri = fileUri('page.jsx');
    const jsx = `${EXPRESS_APP}\nexport const Page = () => <div className="x">hello</div>;\n`;
    await session.open(uri, jsx, 'javascriptreact');
    assert.equal(byRule(await session.diagnostics(uri), MISSING).length, 1);
  });
});
