// The language server's entry point (bundled to dist/server.js): creates the connection over the
// transport named on the command line (--stdio, --node-ipc, --socket=N) and binds its handlers to
// the server class. No logic lives here. In an index worker (workspace/index-thread.ts), which
// runs this same bundle, it builds the index instead.
import { ProposedFeatures, createConnection } from 'vscode-languageserver/node';
import { ruleCatalog, rulesWithFault } from './engine';
import { STATS_REQUEST } from './protocol';
import { HttpAuthLintServer, type ServerOptions } from './server';
import { isIndexWorker, serveIndex } from './workspace/index-thread';

/** Test-only fault injection, read once at start: `HTTP_AUTH_LINT_TEST_FAULTS=rule:<rule-id>` makes
 * that rule throw on every file, so the protocol tests can see one failing rule leave the others'
 * diagnostics. Never set outside tests. */
const TEST_FAULTS = 'HTTP_AUTH_LINT_TEST_FAULTS';

function testFaults(spec: string | undefined): { options: ServerOptions; problem?: string } {
  if (!spec) {
    return { options: {} };
  }
  const rule = /^rule:([a-z0-9-]+)$/.exec(spec.trim());
  if (!rule || !ruleCatalog.some((known) => known.id === rule[1])) {
    return { options: {}, problem: `Ignored ${TEST_FAULTS}=${JSON.stringify(spec)}: expected rule:<rule-id> with a known rule id.` };
  }
  return { options: { rules: rulesWithFault(rule[1]!) }, problem: `${TEST_FAULTS}: rule ${rule[1]} throws on every file.` };
}

if (isIndexWorker()) {
  void serveIndex();
} else {
  startServer();
}

function startServer(): void {
  const faults = testFaults(process.env[TEST_FAULTS]);
  const connection = createConnection(ProposedFeatures.all);
  const server = new HttpAuthLintServer(connection, faults.options);

  connection.onInitialize((params) => server.initialize(params));
  connection.onInitialized(() => {
    if (faults.problem) {
      connection.console.warn(faults.problem);
    }
    server.initialized();
  });
  connection.onDidChangeConfiguration((params) => server.didChangeConfiguration(params));
  connection.onDidChangeWatchedFiles((params) => server.didChangeWatchedFiles(params));
  connection.onCodeAction((params, token) => server.codeActions(params, token));
  connection.onHover((params, token) => server.hover(params, token));
  connection.languages.diagnostics.on((params) => server.documentDiagnostics(params));
  connection.languages.diagnostics.onWorkspace((params) => server.workspaceDiagnosticReport(params));
  connection.onExecuteCommand((params) => server.executeCommand(params));
  connection.onRequest(STATS_REQUEST, () => server.stats());
  server.listen();
  connection.listen();
}
