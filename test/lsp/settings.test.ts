// Settings over the protocol: read per document through workspace/configuration, cached, dropped
// on didChangeConfiguration (followed by new diagnostics), defaults without the capability.
import assert from 'node:assert/strict';
import { after, afterEach, before, describe, it } from 'node:test';
import { DiagnosticSeverity, MessageType, type Diagnostic } from 'vscode-languageserver-protocol/node';
import { EXPRESS_APP } from './fixtures';
import { LspSession, fileUri } from './lspClient';

const MISSING = 'missing-www-authenticate';
const PERMISSION = 'unauthorized-for-permission';

function codes(diagnostics: Diagnostic[]): string[] {
  return diagnostics.map((diagnostic) => String(diagnostic.code)).sort();
}

describe('settings', () => {
  let session: LspSession;

  before(async () => {
    session = await LspSession.start();
  });

  afterEach(() => session.reset());

  after(async () => {
    await session.dispose();
  });

  it('reads the section once per document, with the document as scope', async () => {
    const first = fileUri('scope-a.ts');
    const second = fileUri('scope-b.ts');
    const before = session.configurationRequests.length;
    await session.open(first, EXPRESS_APP);
    await session.open(second, EXPRESS_APP);
    await session.diagnostics(first);
    await session.diagnostics(second);
    await session.replace(first, "'unauthorized'", "'log in'");
    await session.diagnostics(first);
    const requests = session.configurationRequests.slice(before);
    assert.deepEqual(
      requests.map((item) => [item.section, item.scopeUri]),
      [
        ['httpAuthLint', first],
        ['httpAuthLint', second],
      ],
    );
  });

  it('a rule set to off disappears after a configuration change, the others stay', async () => {
    const uri = fileUri('off.ts');
    await session.open(uri, EXPRESS_APP);
    assert.deepEqual(codes(await session.diagnostics(uri)), [MISSING, PERMISSION]);
    session.settings.set('', { rules: { [MISSING]: 'off' } });
    await session.changeConfiguration();
    // Same text, same version: the new publish is the one without the rule.
    const diagnostics = await session.diagnostics(uri, (params) => params.version === 1);
    assert.deepEqual(codes(diagnostics), [PERMISSION]);
  });

  it('settings are per document', async () => {
    const quiet = fileUri('quiet.ts');
    const loud = fileUri('loud.ts');
    session.settings.set(quiet, { rules: { [PERMISSION]: 'off' } });
    await session.open(quiet, EXPRESS_APP);
    await session.open(loud, EXPRESS_APP);
    assert.deepEqual(codes(await session.diagnostics(quiet)), [MISSING]);
    assert.deepEqual(codes(await session.diagnostics(loud)), [MISSING, PERMISSION]);
  });

  it('maps each severity setting to the diagnostic severity', async () => {
    const uri = fileUri('severity.ts');
    session.settings.set('', { rules: { [MISSING]: 'hint', [PERMISSION]: 'information' } });
    await session.open(uri, EXPRESS_APP);
    const diagnostics = await session.diagnostics(uri);
    assert.equal(diagnostics.find((d) => d.code === MISSING)?.severity, DiagnosticSeverity.Hint);
    assert.equal(diagnostics.find((d) => d.code === PERMISSION)?.severity, DiagnosticSeverity.Information);

    session.settings.set('', { rules: { [MISSING]: 'warning', [PERMISSION]: 'error' } });
    await session.changeConfiguration();
    const changed = await session.diagnostics(uri, (params) => params.version === 1);
    assert.equal(changed.find((d) => d.code === MISSING)?.severity, DiagnosticSeverity.Warning);
    assert.equal(changed.find((d) => d.code === PERMISSION)?.severity, DiagnosticSeverity.Error);
  });

  it('an unknown severity is logged and the default kept', async () => {
    const uri = fileUri('typo.ts');
    session.settings.set('', { rules: { [MISSING]: 'loud' } });
    await session.open(uri, EXPRESS_APP);
    const diagnostics = await session.diagnostics(uri);
    assert.equal(diagnostics.find((d) => d.code === MISSING)?.severity, DiagnosticSeverity.Error);
    const log = session.logs.find((entry) => entry.message.includes(`${MISSING} = "loud"`));
    assert.ok(log, JSON.stringify(session.logs));
    assert.equal(log.type, MessageType.Warning);
  });

  it('an unknown rule id and a challenge of the wrong type are logged, and the rest still applies', async () => {
    const uri = fileUri('odd-settings.ts');
    session.settings.set('', { rules: { 'no-such-rule': 'error', [PERMISSION]: 'off' }, defaultChallenge: 42 });
    await session.open(uri, EXPRESS_APP);
    const diagnostics = await session.diagnostics(uri);
    assert.deepEqual(codes(diagnostics), [MISSING]);
    assert.ok(session.logs.some((entry) => entry.message.includes('httpAuthLint.rules.no-such-rule')), JSON.stringify(session.logs));
    assert.ok(session.logs.some((entry) => entry.message.includes('httpAuthLint.defaultChallenge = 42')), JSON.stringify(session.logs));
    // The fix falls back to the default challenge.
    const fix = (await session.codeActions(uri, [diagnostics[0]!])).find((action) => action.isPreferred);
    assert.ok(fix);
    assert.ok((await session.applyAction(uri, fix)).getText().includes(`'Bearer realm="api"'`));
  });

  it('enable: false publishes no diagnostics, and true brings them back', async () => {
    const uri = fileUri('disabled.ts');
    session.settings.set('', { enable: false });
    await session.open(uri, EXPRESS_APP);
    assert.deepEqual(await session.diagnostics(uri), []);
    session.settings.set('', { enable: true });
    await session.changeConfiguration();
    assert.deepEqual(codes(await session.diagnostics(uri, (params) => params.diagnostics.length > 0)), [MISSING, PERMISSION]);
  });

  it('the fix writes defaultChallenge', async () => {
    const uri = fileUri('challenge.ts');
    session.settings.set('', { defaultChallenge: 'Basic realm="admin area", charset="UTF-8"' });
    await session.open(uri, EXPRESS_APP);
    const missing = (await session.diagnostics(uri)).find((d) => d.code === MISSING);
    assert.ok(missing);
    const fix = (await session.codeActions(uri, [missing])).find((action) => action.isPreferred);
    assert.ok(fix);
    const document = await session.applyAction(uri, fix);
    // The file quotes with ', so the challenge goes in as written.
    assert.ok(document.getText().includes(`'Basic realm="admin area", charset="UTF-8"'`), document.getText());
    const diagnostics = await session.diagnostics(uri);
    assert.ok(!diagnostics.some((d) => d.code === MISSING), JSON.stringify(diagnostics));
  });
});

describe('a client without workspace/configuration', () => {
  let session: LspSession;

  before(async () => {
    session = await LspSession.start({ configuration: false });
  });

  after(async () => {
    await session.dispose();
  });

  it('gets the default settings and is never asked for configuration', async () => {
    const uri = fileUri('defaults.ts');
    await session.open(uri, EXPRESS_APP);
    const diagnostics = await session.diagnostics(uri);
    assert.deepEqual(codes(diagnostics), [MISSING, PERMISSION]);
    assert.equal(diagnostics.find((d) => d.code === MISSING)?.severity, DiagnosticSeverity.Error);
    assert.deepEqual(session.configurationRequests, []);
  });
});

describe('the server process', () => {
  it('ends with exit code 0 after shutdown and exit', async () => {
    const session = await LspSession.start();
    const uri = fileUri('lifecycle.ts');
    await session.open(uri, EXPRESS_APP);
    await session.diagnostics(uri);
    assert.equal(await session.stop(), 0);
  });
});
