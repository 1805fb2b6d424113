// Bad input never hurts (issue 5), spoken over stdio to the bundled server: incremental edits of
// every shape give the diagnostics a fresh parse gives; a cancelled code action costs nothing; a
// file over httpAuthLint.maxFileSize, binary content and text that was not UTF-8 are skipped with
// one informational diagnostic and no tree; only open, analyzed documents keep a tree; a rule that
// throws leaves the other rules' diagnostics and is logged once. The server runs with a debounce
// of 0 (`initializationOptions.debounceMs`), so every change is linted as it arrives.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import { after, before, describe, it } from 'node:test';
import {
  CancellationTokenSource,
  CodeActionRequest,
  DiagnosticSeverity,
  LSPErrorCodes,
  ResponseError,
  type CodeAction,
  type Command,
  type Diagnostic,
  type Range,
} from 'vscode-languageserver-protocol/node';
import { ANOTHER_HANDLER, EXPRESS_APP, MANY_FIXES_APP, MISSING_CHALLENGE_SITE, PERMISSION_SITE } from './fixtures';
import { LspSession, REPO_ROOT, fileUri, rangeOf } from './lspClient';

const MISSING = 'missing-www-authenticate';
const PERMISSION = 'unauthorized-for-permission';
const FIX_ALL_KIND = 'source.fixAll.http-auth-lint';

/** Diagnostics without `data` (it names the version they were computed for), and without the
 * document's URI in their related locations. */
function comparable(diagnostics: Diagnostic[]): unknown[] {
  return diagnostics.map(({ data: _data, relatedInformation, ...rest }) => ({
    ...rest,
    related: relatedInformation?.map(({ location, message }) => ({ range: location.range, message })),
  }));
}

function messageOf(diagnostic: Diagnostic): string {
  return typeof diagnostic.message === 'string' ? diagnostic.message : diagnostic.message.value;
}

/** The range of `search` as a change's range, and the text around it for a second change. */
function at(session: LspSession, uri: string, search: string, after?: string): Range {
  return rangeOf(session.document(uri), search, after);
}

describe('bad input', () => {
  let session: LspSession;
  let fresh = 0;

  before(async () => {
    session = await LspSession.start({ initializationOptions: { debounceMs: 0 } });
  });

  after(async () => {
    await session.dispose();
  });

  /** The diagnostics the server gives a new document with `text`, opened and closed again. */
  async function freshDiagnostics(text: string): Promise<Diagnostic[]> {
    const uri = fileUri(`fresh-${++fresh}.ts`);
    await session.open(uri, text);
    const diagnostics = await session.diagnostics(uri);
    await session.close(uri);
    await session.diagnostics(uri, (params) => params.diagnostics.length === 0);
    return diagnostics;
  }

  it('after edits of every shape, publishes what a fresh parse of the text gives, from updated trees', async () => {
    const uri = fileUri('incremental.ts');
    await session.open(uri, EXPRESS_APP);
    await session.diagnostics(uri);
    const before = await session.stats();

    const edits: (() => Promise<unknown>)[] = [
      // A handler pasted in.
      () => session.replace(uri, "\napp.delete('/posts/:id'", `${ANOTHER_HANDLER}\napp.delete('/posts/:id'`),
      // Two changes in one notification, back to front as an editor sends a multi-cursor edit.
      () =>
        session.change(uri, [
          { range: at(session, uri, 'res.sendStatus(204)'), text: 'res.sendStatus(401)' },
          { range: at(session, uri, "'unauthorized'"), text: "'who are you?'" },
        ]),
      // Two changes in one notification, front to back: the second range is in the text the first left.
      async () => {
        const first = at(session, uri, "return res.status(401).json({ error: 'who are you?' });");
        const document = session.document(uri);
        const firstText = '// http-auth-lint-disable-next-line missing-www-authenticate\n    ';
        const shifted = document.getText().replace(document.getText(first), `${firstText}${document.getText(first)}`);
        const offset = shifted.indexOf("res.status(401).send('log in first')");
        const line = shifted.slice(0, offset).split('\n').length - 1;
        const character = offset - shifted.lastIndexOf('\n', offset - 1) - 1;
        await session.change(uri, [
          { range: { start: first.start, end: first.start }, text: firstText },
          { range: { start: { line, character: character + 11 }, end: { line, character: character + 14 } }, text: '403' },
        ]);
      },
      // A syntax error that swallows the rest of the file, and its repair.
      () => session.replace(uri, "app.get('/me'", "app.get(`/me'"),
      () => session.replace(uri, "app.get(`/me'", "app.get('/me'"),
      // A whole handler deleted.
      () => {
        const text = session.document(uri).getText();
        const start = text.indexOf("\napp.get('/settings'");
        return session.replace(uri, text.slice(start, text.indexOf("\napp.delete('/posts/:id'")), '');
      },
    ];
    // Typed one character per notification, without waiting in between.
    const typing = async (): Promise<void> => {
      const target = "res.status(401).set('WWW-Authenticate', 'Bearer realm=\"api\"')";
      const start = session.document(uri).getText().indexOf(target) + 'res.status(401)'.length;
      for (const [i, char] of [...'.set("WWW-Authenticate", "Basic")'].entries()) {
        const position = session.document(uri).positionAt(start + i);
        await session.change(uri, [{ range: { start: position, end: position }, text: char }]);
      }
    };
    for (const edit of [...edits, typing]) {
      await edit();
      const diagnostics = await session.diagnostics(uri);
      assert.deepEqual(comparable(diagnostics), comparable(await freshDiagnostics(session.document(uri).getText())), session.document(uri).getText());
    }
    const after = await session.stats();
    // Each fresh document was parsed once; the edited one was only ever updated.
    assert.equal(after.fullParses - before.fullParses, fresh);
    assert.ok(after.incrementalParses - before.incrementalParses >= edits.length + 1, JSON.stringify({ before, after }));
    await session.close(uri);
  });

  it('answers a cancelled code action request without linting or fixing', async () => {
    const uri = fileUri('cancelled.ts');
    await session.open(uri, MANY_FIXES_APP);
    const diagnostics = await session.diagnostics(uri);
    const params = {
      textDocument: { uri },
      range: diagnostics[0]!.range,
      context: { diagnostics, only: ['quickfix', FIX_ALL_KIND] },
    };

    // Not cancelled, the same request lints nothing (the published run is current) but runs the
    // engine's fix-all for the source action and for "Fix all <rule> problems".
    const start = await session.stats();
    const answered = await session.connection.sendRequest(CodeActionRequest.type, params);
    assert.ok((answered ?? []).some((action: Command | CodeAction) => 'kind' in action && action.kind === FIX_ALL_KIND));
    const afterAnswer = await session.stats();
    assert.equal(afterAnswer.lintRuns, start.lintRuns);
    assert.ok(afterAnswer.fixAllRuns > start.fixAllRuns);

    // Cancelled right after it was sent: the cancellation is read with the request, as when the
    // server is busy while VS Code moves on.
    const source = new CancellationTokenSource();
    const { request } = await session.whileStopped(() => {
      const request = session.connection.sendRequest(CodeActionRequest.type, params, source.token);
      source.cancel();
      return { request };
    });
    const outcome = await request.then(
      (result) => ({ result }),
      (error: unknown) => ({ error }),
    );
    if ('error' in outcome) {
      assert.ok(outcome.error instanceof ResponseError, String(outcome.error));
      assert.equal(outcome.error.code, LSPErrorCodes.RequestCancelled);
    } else {
      assert.deepEqual(outcome.result ?? [], []);
    }
    const afterCancel = await session.stats();
    assert.equal(afterCancel.lintRuns, afterAnswer.lintRuns);
    assert.equal(afterCancel.fixAllRuns, afterAnswer.fixAllRuns);
    await session.close(uri);
  });

  it('skips a file over the default httpAuthLint.maxFileSize (2 MiB, from package.json) with one diagnostic, keeping no tree', async () => {
    const manifest = JSON.parse(readFileSync(path.join(REPO_ROOT, 'package.json'), 'utf8')) as {
      contributes: { configuration: { properties: Record<string, { default?: unknown }> } };
    };
    const limit = manifest.contributes.configuration.properties['httpAuthLint.maxFileSize']?.default;
    assert.equal(limit, 2 * 1024 * 1024);
    const uri = fileUri('huge.ts');
    const padding = `// ${'x'.repeat(2.5 * 1024 * 1024 - EXPRESS_APP.length - 4)}\n`;
    const before = await session.stats();
    await session.open(uri, `${EXPRESS_APP}${padding}`);
    const diagnostics = await session.diagnostics(uri);
    assert.equal(diagnostics.length, 1, JSON.stringify(diagnostics));
    const [skipped] = diagnostics;
    assert.equal(
      messageOf(skipped!),
      'This file is 2.5 MB, over httpAuthLint.maxFileSize (2 MB): HTTP Auth Lint did not analyze it.',
    );
    assert.equal(skipped!.severity, DiagnosticSeverity.Information);
    assert.deepEqual(skipped!.range, { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } });
    assert.equal(skipped!.source, 'http-auth-lint');
    // No analysis, no tree, and nothing for code actions or hover to work on.
    const stats = await session.stats();
    assert.equal(stats.lintRuns, before.lintRuns);
    assert.equal(stats.sourceFiles, before.sourceFiles);
    assert.deepEqual(await session.codeActions(uri, diagnostics, rangeOf(session.document(uri), MISSING_CHALLENGE_SITE)), []);
    assert.equal(await session.hover(uri, rangeOf(session.document(uri), '401').start), null);

    // Typing in it keeps it skipped; cutting it under the limit gets it analyzed.
    await session.replace(uri, 'xxxx', 'yyyy');
    assert.equal((await session.diagnostics(uri)).length, 1);
    await session.replace(uri, padding.replace('xxxx', 'yyyy'), '');
    const analyzed = await session.diagnostics(uri);
    assert.equal(analyzed.filter((d) => d.code === MISSING).length, 1, JSON.stringify(analyzed));
    assert.equal((await session.stats()).sourceFiles, before.sourceFiles + 1);
    await session.close(uri);
    assert.equal((await session.stats()).sourceFiles, before.sourceFiles);
  });

  it('counts httpAuthLint.maxFileSize in UTF-8 bytes, as set in the editor for the file', async () => {
    const uri = fileUri('accents.ts');
    session.settings.set(uri, { maxFileSize: 1000 });
    // Fewer than 1000 characters, more than 1000 bytes.
    const text = `${EXPRESS_APP.slice(0, 200)}\n// ${'é'.repeat(500)}\n`;
    assert.ok(text.length < 1000 && Buffer.byteLength(text) > 1000);
    await session.open(uri, text);
    const [skipped, ...more] = await session.diagnostics(uri);
    assert.deepEqual(more, []);
    assert.equal(messageOf(skipped!), 'This file is 1.2 KB, over httpAuthLint.maxFileSize (1000 bytes): HTTP Auth Lint did not analyze it.');
    session.settings.set(uri, { maxFileSize: 2000 });
    await session.changeConfiguration();
    const analyzed = await session.diagnostics(uri, (params) => params.diagnostics.every((d) => d.code !== 'file-too-large'));
    assert.ok(analyzed.some((d) => d.code === MISSING), JSON.stringify(analyzed));
    session.settings.delete(uri);
    await session.close(uri);
  });

  it('skips binary content (a NUL byte) and text that was not UTF-8 (U+FFFD) with one diagnostic each', async () => {
    const cases = [
      { name: 'nul.ts', text: EXPRESS_APP.replace('const app', 'const\0app'), says: /NUL byte/ },
      // Anywhere in the file, as the CLI skips it.
      { name: 'late-nul.ts', text: `${EXPRESS_APP}\n/* ${'-'.repeat(9000)} */\nconst end = '\0';\n`, says: /NUL byte/ },
      { name: 'latin1.ts', text: EXPRESS_APP.replace("'unauthorized'", "'non autoris\uFFFD'"), says: /U\+FFFD.*UTF-8/ },
    ];
    const before = await session.stats();
    for (const { name, text, says } of cases) {
      const uri = fileUri(name);
      await session.open(uri, text);
      const diagnostics = await session.diagnostics(uri);
      assert.equal(diagnostics.length, 1, JSON.stringify(diagnostics));
      assert.match(messageOf(diagnostics[0]!), says);
      assert.match(messageOf(diagnostics[0]!), /^HTTP Auth Lint did not analyze this file/);
      assert.equal(diagnostics[0]!.severity, DiagnosticSeverity.Information);
      assert.equal(diagnostics[0]!.code, 'not-text');
    }
    assert.equal((await session.stats()).sourceFiles, before.sourceFiles);
    // Repaired, the file is analyzed.
    await session.replace(fileUri('nul.ts'), '\0', ' ');
    assert.equal((await session.diagnostics(fileUri('nul.ts'))).filter((d) => d.code === MISSING).length, 1);
    // Only the start of a file is looked at for U+FFFD: one far down is just text.
    const late = fileUri('late-fffd.ts');
    await session.open(late, `${EXPRESS_APP}\n/* ${'-'.repeat(9000)} */\nconst sign = '\uFFFD';\n`);
    assert.equal((await session.diagnostics(late)).filter((d) => d.code === MISSING).length, 1);
    for (const uri of [fileUri('nul.ts'), fileUri('late-nul.ts'), fileUri('latin1.ts'), late]) {
      await session.close(uri);
    }
  });

  it('keeps one tree per open, analyzed document, and none once they are closed', async () => {
    const start = await session.stats();
    const uris = Array.from({ length: 50 }, (_, i) => fileUri(`many-${i}.ts`));
    for (const uri of uris) {
      await session.open(uri, EXPRESS_APP.replace("'/me'", `'/me/${uri.length}'`));
    }
    for (const uri of uris) {
      await session.diagnostics(uri);
    }
    // Disabled for one document: it is open, but not analyzed.
    const disabled = fileUri('disabled.ts');
    session.settings.set(disabled, { enable: false });
    await session.open(disabled, EXPRESS_APP);
    assert.deepEqual(await session.diagnostics(disabled), []);
    const open = await session.stats();
    assert.equal(open.openDocuments, start.openDocuments + 51);
    assert.equal(open.sourceFiles, start.sourceFiles + 50);
    for (const uri of [...uris, disabled]) {
      await session.close(uri);
    }
    session.settings.delete(disabled);
    const closed = await session.stats();
    assert.equal(closed.openDocuments, start.openDocuments);
    assert.equal(closed.sourceFiles, start.sourceFiles);
  });
});

describe('a rule that throws (HTTP_AUTH_LINT_TEST_FAULTS)', () => {
  let session: LspSession;

  before(async () => {
    session = await LspSession.start({ initializationOptions: { debounceMs: 0 }, env: { HTTP_AUTH_LINT_TEST_FAULTS: `rule:${MISSING}` } });
  });

  after(async () => {
    await session.dispose();
  });

  it("publishes the other rules' diagnostics and logs the failure once, with the rule and the file", async () => {
    const uri = fileUri('faulty.ts');
    const document = await session.open(uri, EXPRESS_APP);
    const diagnostics = await session.diagnostics(uri);
    assert.deepEqual(
      diagnostics.map((d) => [d.code, d.range.start.line]),
      [[PERMISSION, rangeOf(document, PERMISSION_SITE).start.line]],
    );
    await session.replace(uri, "'unauthorized'", "'who are you?'");
    assert.equal((await session.diagnostics(uri)).length, 1);
    const failures = session.logs.filter((log) => log.message.includes(`Rule ${MISSING} failed`));
    assert.equal(failures.length, 1, JSON.stringify(session.logs));
    assert.ok(failures[0]!.message.includes(uri), failures[0]!.message);
    assert.match(failures[0]!.message, /test fault/);
    // The status item says so too.
    await session.status((status) => status.lastError?.includes(MISSING) === true);
    await session.close(uri);
  });
});
