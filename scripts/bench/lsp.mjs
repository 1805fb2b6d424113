// A minimal LSP driver for the benchmark: starts the bundled server over stdio and times what a
// user feels (first diagnostics after start, diagnostics after a keystroke). The protocol tests
// have a fuller client (test/lsp/lspClient.ts); this one only opens, changes and waits.
import { spawn } from 'node:child_process';
import { pathToFileURL } from 'node:url';
import {
  createProtocolConnection,
  DidChangeTextDocumentNotification,
  DidOpenTextDocumentNotification,
  InitializedNotification,
  InitializeRequest,
  PublishDiagnosticsNotification,
  StreamMessageReader,
  StreamMessageWriter,
} from 'vscode-languageserver-protocol/node';

export class BenchServer {
  /** `workspaceFolders`: folder paths (the server indexes them in the background). */
  static async start(serverPath, { debounceMs = 0, env = process.env, workspaceFolders = null } = {}) {
    const started = process.hrtime.bigint();
    const child = spawn(process.execPath, [serverPath, '--stdio'], { stdio: ['pipe', 'pipe', 'inherit'], env });
    const connection = createProtocolConnection(new StreamMessageReader(child.stdout), new StreamMessageWriter(child.stdin));
    const server = new BenchServer(child, connection, started);
    connection.onNotification(PublishDiagnosticsNotification.type, (params) => server.published(params));
    // Settings: the defaults (no workspace/configuration answers).
    connection.onRequest('workspace/configuration', (params) => params.items.map(() => null));
    // The index's progress: its end is when the index is ready.
    connection.onRequest('window/workDoneProgress/create', () => null);
    connection.onNotification('$/progress', (params) => server.progressed(params.value));
    connection.listen();
    await connection.sendRequest(InitializeRequest.type, {
      processId: process.pid,
      rootUri: null,
      workspaceFolders: workspaceFolders && workspaceFolders.map((folder) => ({ uri: pathToFileURL(folder).href, name: 'bench' })),
      capabilities: { workspace: { configuration: true }, textDocument: { publishDiagnostics: { versionSupport: true } }, window: { workDoneProgress: true } },
      initializationOptions: { debounceMs },
    });
    await connection.sendNotification(InitializedNotification.type, {});
    return server;
  }

  constructor(child, connection, started) {
    this.child = child;
    this.connection = connection;
    this.started = started;
    this.waiters = [];
    this.progressEnds = [];
    this.publishes = 0;
  }

  progressed(value) {
    if (value.kind !== 'end') return;
    const at = process.hrtime.bigint();
    for (const resolve of this.progressEnds.splice(0)) resolve(at);
  }

  /** Resolves with the hrtime at which the next work done progress ends (an index is ready). */
  indexReady() {
    return new Promise((resolve) => this.progressEnds.push(resolve));
  }

  published(params) {
    const at = process.hrtime.bigint();
    this.publishes++;
    this.waiters = this.waiters.filter((waiter) => !(waiter.uri === params.uri && waiter.version === params.version && (waiter.resolve(at), true)));
  }

  /** Resolves with the hrtime at which diagnostics for this version arrive. */
  diagnosticsFor(uri, version) {
    return new Promise((resolve) => this.waiters.push({ uri, version, resolve }));
  }

  async open(file, text) {
    const uri = pathToFileURL(file).href;
    const arrived = this.diagnosticsFor(uri, 1);
    await this.connection.sendNotification(DidOpenTextDocumentNotification.type, { textDocument: { uri, languageId: 'typescript', version: 1, text } });
    return { uri, arrived };
  }

  /** One incremental change (an insertion at a position); resolves with the publish time. */
  async type(uri, version, position, text) {
    const arrived = this.diagnosticsFor(uri, version);
    await this.connection.sendNotification(DidChangeTextDocumentNotification.type, {
      textDocument: { uri, version },
      contentChanges: [{ range: { start: position, end: position }, text }],
    });
    return arrived;
  }

  /** Replaces the whole text of an open document (a new version); resolves when sent. */
  async replace(uri, version, text) {
    await this.connection.sendNotification(DidChangeTextDocumentNotification.type, { textDocument: { uri, version }, contentChanges: [{ text }] });
  }

  /** Resident memory of the server process, from /proc (Linux). */
  async rssBytes() {
    const { readFileSync } = await import('node:fs');
    const line = readFileSync(`/proc/${this.child.pid}/status`, 'utf8').split('\n').find((l) => l.startsWith('VmRSS:'));
    return Number(/\d+/.exec(line)[0]) * 1024;
  }

  stop() {
    this.child.kill();
  }
}
