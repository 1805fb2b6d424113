// Hover on a status at a response site, and the status notification the client's language status
// item shows.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { MarkupKind, type MarkupContent } from 'vscode-languageserver-protocol/node';
import { CLEAN_APP, EXPRESS_APP, MISSING_CHALLENGE_SITE, PERMISSION_SITE } from './fixtures';
import { LspSession, fileUri, rangeOf } from './lspClient';

const MISSING = 'missing-www-authenticate';

describe('hover', () => {
  let session: LspSession;

  before(async () => {
    session = await LspSession.start();
  });

  after(async () => {
    await session.dispose();
  });

  it('on a 401 says what it means, what clients do, and links the finding of this site', async () => {
    const uri = fileUri('hover.ts');
    const document = await session.open(uri, EXPRESS_APP);
    await session.diagnostics(uri);
    const status = rangeOf(document, '401', MISSING_CHALLENGE_SITE);
    const hover = await session.hover(uri, { line: status.start.line, character: status.start.character + 1 });
    assert.ok(hover, 'a hover');
    const contents = hover.contents as MarkupContent;
    assert.equal(contents.kind, MarkupKind.Markdown);
    assert.match(contents.value, /\*\*401 Unauthorized\*\*/);
    assert.match(contents.value, /WWW-Authenticate/);
    assert.match(contents.value, /What clients do/);
    assert.match(contents.value, new RegExp(`\\[${MISSING}\\]\\(https://[^)]+/docs/rules/${MISSING}\\.md\\)`));
    // The range is the response site the status belongs to: it covers the status.
    assert.ok(hover.range, 'a range');
    const start = document.offsetAt(hover.range.start);
    const end = document.offsetAt(hover.range.end);
    const at = document.offsetAt(status.start);
    assert.ok(start <= at && at < end, JSON.stringify(hover.range));
  });

  it('on a clean 401 names the rules that checked it', async () => {
    const uri = fileUri('hover-clean.ts');
    const document = await session.open(uri, CLEAN_APP);
    await session.diagnostics(uri);
    const hover = await session.hover(uri, rangeOf(document, '401').start);
    assert.ok(hover);
    assert.match((hover.contents as MarkupContent).value, /no problem found here/);
  });

  it('follows the current text, and is null away from a response status', async () => {
    const uri = fileUri('hover-edit.ts');
    const document = await session.open(uri, EXPRESS_APP);
    await session.diagnostics(uri);
    await session.replace(uri, PERMISSION_SITE, "res.status(403).set('WWW-Authenticate'");
    // Asked before the new diagnostics arrive: the hover reads version 2.
    const hover = await session.hover(uri, rangeOf(document, '403').start);
    assert.ok(hover);
    assert.match((hover.contents as MarkupContent).value, /\*\*403 Forbidden\*\*/);
    assert.equal(await session.hover(uri, rangeOf(document, 'express()').start), null);
    assert.equal(await session.hover(fileUri('never-opened.ts'), { line: 0, character: 0 }), null);
  });
});

describe('status notification', () => {
  let session: LspSession;

  before(async () => {
    session = await LspSession.start();
  });

  after(async () => {
    await session.dispose();
  });

  it('counts the distinct files linted, once each however often they change', async () => {
    const first = fileUri('status-a.ts');
    const second = fileUri('status-b.ts');
    await session.open(first, EXPRESS_APP);
    await session.status((status) => status.checkedFiles === 1);
    await session.replace(first, "'unauthorized'", "'log in'");
    await session.diagnostics(first);
    await session.open(second, CLEAN_APP);
    const status = await session.status((candidate) => candidate.checkedFiles === 2);
    assert.equal(status.lastError, undefined);
    assert.ok(session.statuses.every((candidate) => candidate.checkedFiles <= 2), JSON.stringify(session.statuses));
  });

  it('carries the last error, and linting goes on with the defaults', async () => {
    const uri = fileUri('status-error.ts');
    session.settings.set(uri, new Error('settings are unreadable'));
    await session.open(uri, EXPRESS_APP);
    const diagnostics = await session.diagnostics(uri);
    assert.deepEqual(diagnostics.map((diagnostic) => diagnostic.code).sort(), [MISSING, 'unauthorized-for-permission']);
    const status = await session.status((candidate) => candidate.lastError !== undefined);
    assert.match(status.lastError ?? '', /read settings for .*status-error\.ts failed: .*settings are unreadable/);
  });
});
