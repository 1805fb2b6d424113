// A crashed language server (killed here, as a bug or the OOM killer would end it) is restarted by
// the client, which tells the user once (client/src/crashHandler.ts); after too many crashes in a
// short time it stays stopped and says so, and "Restart Server" brings it back. The server's
// process id comes from its stats request, through the API the extension returns.
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { codeOf, openFixture, rangeOf, waitForDiagnostics } from './helpers';

const RULE = 'missing-www-authenticate';
const findings = (n: number) => (ds: vscode.Diagnostic[]) => ds.filter((d) => codeOf(d) === RULE).length === n;

/** client/src/extension.ts HttpAuthLintApi, as far as this test reads it. */
interface Api {
  serverState(): string;
  onDidChangeServerState: vscode.Event<string>;
  serverStats(): Promise<{ pid: number }>;
  crashNotices(): readonly { severity: 'warning' | 'error'; message: string }[];
}

async function extensionApi(): Promise<Api> {
  const extension = vscode.extensions.getExtension<Api>('http-auth-lint.http-auth-lint');
  assert.ok(extension, 'the extension is installed');
  return extension.activate();
}

/**
 * Kills the server's process and resolves with its id once the client is running a new server
 * (`then: 'running'`) or has given up and told the user (`then: 'stopped'`).
 */
async function crash(api: Api, then: 'running' | 'stopped', timeoutMs = 30_000): Promise<number> {
  const { pid } = await api.serverStats();
  const seen: string[] = [];
  const settled = new Promise<void>((resolve, reject) => {
    const timer = setTimeout(() => {
      sub.dispose();
      reject(new Error(`timed out after ${timeoutMs} ms waiting for the client to be ${then}; states seen: ${seen.join(', ')}`));
    }, timeoutMs);
    // Subscribed while the old server runs: the first "running" is the new server's.
    const sub = api.onDidChangeServerState((state) => {
      seen.push(state);
      const gaveUp = state === 'stopped' && api.crashNotices().some((notice) => notice.severity === 'error');
      if ((then === 'running' && state === 'running') || (then === 'stopped' && gaveUp)) {
        clearTimeout(timer);
        sub.dispose();
        resolve();
      }
    });
  });
  process.kill(pid, 'SIGKILL');
  await settled;
  return pid;
}

describe('a crashed language server', () => {
  it('is restarted and lints again, the user told once; after five crashes it stays stopped and says so; Restart Server brings it back', async function () {
    this.timeout(180_000);
    const api = await extensionApi();
    const editor = await openFixture('crash.js');
    const doc = editor.document;
    await waitForDiagnostics(doc.uri, findings(1), `one ${RULE}`);
    assert.deepEqual(api.crashNotices(), []);

    const killed = await crash(api, 'running');
    assert.notEqual((await api.serverStats()).pid, killed, 'a new server process');
    assert.deepEqual(api.crashNotices(), [
      { severity: 'warning', message: "HTTP Auth Lint's server stopped unexpectedly and was restarted; see the output." },
    ]);
    // A second 401 only a running server can report.
    const copy = "app.get('/health', (req, res) => {\n  if (!req.headers.authorization) return res.sendStatus(401);\n  res.json({ ok: true });\n});\n\n";
    const at = rangeOf(doc, "app.get('/status'").start;
    assert.ok(await editor.edit((edit) => edit.insert(at, copy)));
    await waitForDiagnostics(doc.uri, findings(2), `two ${RULE} from the restarted server`);

    // Crashes 2 to 4 within three minutes: restarted, and the user is not told again.
    for (let crashes = 2; crashes <= 4; crashes++) {
      await crash(api, 'running');
    }
    assert.equal(api.crashNotices().length, 1);

    // The fifth: the client gives up, and says how to start the server again.
    await crash(api, 'stopped');
    assert.equal(api.serverState(), 'stopped');
    const [, stopped, ...more] = api.crashNotices();
    assert.deepEqual(more, []);
    assert.equal(stopped?.severity, 'error');
    assert.match(stopped?.message ?? '', /stopped unexpectedly 5 times in 3 minutes and was not restarted; see the output\. "HTTP Auth Lint: Restart Server" starts it again\./);

    await vscode.commands.executeCommand('httpAuthLint.restartServer');
    assert.equal(api.serverState(), 'running');
    assert.ok(await editor.edit((edit) => edit.delete(rangeOf(doc, copy))));
    await waitForDiagnostics(doc.uri, findings(1), `one ${RULE} from the server started again`);
    // The restart counts crashes from zero: the next one restarts the server again, silently.
    await crash(api, 'running');
    assert.equal(api.crashNotices().length, 2);
    await vscode.commands.executeCommand('workbench.action.files.revert');
  });
});
