// A minimal LSP client for the protocol tests: starts the bundled server (dist/server.js --stdio)
// as a child process, keeps its own copy of each open document, answers workspace/configuration
// from `settings` (only what a test sets, as the VS Code client sends only what the user set),
// sends file change events for the files a test writes, and records what the server sends
// (diagnostics, logs, its status notifications). Every wait is for an event, bounded by a timeout
// that fails the test with what was seen instead.
import { spawn, type ChildProcessWithoutNullStreams } from 'node:child_process';
import { existsSync } from 'node:fs';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { STATS_REQUEST, STATUS_NOTIFICATION, type ServerStats, type StatusParams as ServerStatus } from '../../server/src/protocol';
import {
  CodeActionRequest,
  ConfigurationRequest,
  DidChangeConfigurationNotification,
  DidChangeWatchedFilesNotification,
  DidChangeWorkspaceFoldersNotification,
  DidChangeTextDocumentNotification,
  DidCloseTextDocumentNotification,
  DidSaveTextDocumentNotification,
  DidOpenTextDocumentNotification,
  DiagnosticRefreshRequest,
  DocumentDiagnosticRequest,
  ExecuteCommandRequest,
  ExitNotification,
  HoverRequest,
  InitializeRequest,
  InitializedNotification,
  LogMessageNotification,
  PublishDiagnosticsNotification,
  SetTraceNotification,
  ShowDocumentRequest,
  ShutdownRequest,
  WorkDoneProgressCreateRequest,
  WorkspaceDiagnosticRequest,
  StreamMessageReader,
  StreamMessageWriter,
  createProtocolConnection,
  type CodeAction,
  type Command,
  type ConfigurationItem,
  type Diagnostic,
  type DocumentDiagnosticReport,
  type FileEvent,
  type Hover,
  type Position,
  type InitializeResult,
  type LogMessageParams,
  type ProtocolConnection,
  type PublishDiagnosticsParams,
  type Range,
  type ShowDocumentParams,
  type TextDocumentEdit,
  type TextEdit,
  type WorkspaceDiagnosticReport,
} from 'vscode-languageserver-protocol/node';

/** out/test/lsp -> the repository. */
export const REPO_ROOT = path.resolve(__dirname, '..', '..', '..');
export const SERVER_BUNDLE = path.join(REPO_ROOT, 'dist', 'server.js');

const WAIT_MS = 15_000;

/** Where the documents of `fileUri` live: not on disk, and the default workspace folder, so no
 * config file above the repository changes what the tests see. */
export const TEST_WORKSPACE = path.join(REPO_ROOT, '.lsp-test-workspace');

// The server's custom notification and request, named where the server names them.
export type { ServerStats, StatusParams as ServerStatus } from '../../server/src/protocol';

export function fileUri(name: string): string {
  return pathToFileURL(path.join(TEST_WORKSPACE, name)).toString();
}

export function pathUri(file: string): string {
  return pathToFileURL(file).toString();
}

export interface StartOptions {
  /** Whether the client announces `workspace.configuration` (default true). */
  configuration?: boolean;
  /** Folder paths sent as the workspace folders (default: TEST_WORKSPACE). */
  workspaceFolders?: string[];
  /** Sent as `initializationOptions` (e.g. `{ debounceMs: 0 }`). */
  initializationOptions?: unknown;
  /** Added to the server process's environment (e.g. HTTP_AUTH_LINT_TEST_FAULTS). */
  env?: Record<string, string>;
  /** The `httpAuthLint` section answered from the start (as `settings.set('', ...)`). */
  settings?: unknown;
  /** The `files.exclude` answer from the start (as `session.filesExclude`). */
  filesExclude?: unknown;
  /** The server's command line (default: this node, dist/server.js --stdio). */
  command?: string[];
  /** The server's working folder (default: the repository). */
  cwd?: string;
  /** Whether the client asks for diagnostics (LSP 3.17 pull, with refresh support) rather than
   * being sent them (default false). */
  pullDiagnostics?: boolean;
  /** With pullDiagnostics: whether the client asks for the workspace report once right after the
   * handshake, as VS Code does (default true); Neovim's client never does. */
  workspacePull?: boolean;
}

export class LspSession {
  /** The `httpAuthLint` section answered to workspace/configuration, per scopeUri ('' = any); an
   * Error makes the request fail. */
  readonly settings = new Map<string, unknown>();
  readonly configurationRequests: ConfigurationItem[] = [];
  /** The answer to workspace/configuration for `files.exclude` (VS Code's globs hidden from the workspace). */
  filesExclude: unknown = null;
  readonly published: PublishDiagnosticsParams[] = [];
  readonly logs: LogMessageParams[] = [];
  readonly shownDocuments: ShowDocumentParams[] = [];
  /** How many times the server asked the client to pull diagnostics again. */
  refreshes = 0;
  readonly statuses: ServerStatus[] = [];
  /** Work done progress the server reported ($/progress values, in order). */
  readonly progress: { kind: string; title?: string; message?: string }[] = [];
  readonly documents = new Map<string, TextDocument>();
  initializeResult: InitializeResult | undefined;

  /** Per document, the number of publishes seen when the test last sent something about it. */
  private readonly marks = new Map<string, number>();
  private readonly listeners = new Set<() => void>();
  private stderr = '';
  private readonly exited: Promise<number | null>;

  private constructor(
    private readonly child: ChildProcessWithoutNullStreams,
    readonly connection: ProtocolConnection,
  ) {
    child.stderr.on('data', (chunk: Buffer) => {
      this.stderr += chunk.toString();
    });
    this.exited = new Promise((resolve) => child.on('exit', (code) => resolve(code)));
    connection.onNotification(PublishDiagnosticsNotification.type, (params) => {
      this.published.push(params);
      this.notify();
    });
    connection.onNotification(LogMessageNotification.type, (params) => {
      this.logs.push(params);
      this.notify();
    });
    connection.onRequest(ConfigurationRequest.type, (params) =>
      params.items.map((item) => {
        this.configurationRequests.push(item);
        if (item.section === 'files.exclude') {
          return this.filesExclude;
        }
        if (item.section !== 'httpAuthLint') {
          return null;
        }
        const answer = this.settings.get(item.scopeUri ?? '') ?? this.settings.get('') ?? null;
        // A test that sets an Error gets an error response: the client failed to read settings.
        if (answer instanceof Error) {
          throw answer;
        }
        return answer;
      }),
    );
    connection.onNotification(STATUS_NOTIFICATION, (params: ServerStatus) => {
      this.statuses.push(params);
      this.notify();
    });
    connection.onRequest(WorkDoneProgressCreateRequest.type, () => undefined);
    connection.onNotification('$/progress', (params: { value: { kind: string; title?: string; message?: string } }) => {
      this.progress.push(params.value);
      this.notify();
    });
    connection.onRequest(DiagnosticRefreshRequest.type, () => {
      this.refreshes++;
      this.notify();
    });
    connection.onRequest(ShowDocumentRequest.type, (params) => {
      this.shownDocuments.push(params);
      this.notify();
      return { success: true };
    });
    connection.listen();
  }

  static async start(options: StartOptions = {}): Promise<LspSession> {
    if (!options.command && !existsSync(SERVER_BUNDLE)) {
      throw new Error(`${SERVER_BUNDLE} is missing: run \`node scripts/build.mjs\` first (npm run test:lsp does).`);
    }
    const [command, ...args] = options.command ?? [process.execPath, SERVER_BUNDLE, '--stdio'];
    const child = spawn(command!, args, {
      cwd: options.cwd ?? REPO_ROOT,
      stdio: 'pipe',
      env: { ...process.env, ...options.env },
    });
    const connection = createProtocolConnection(new StreamMessageReader(child.stdout), new StreamMessageWriter(child.stdin));
    const session = new LspSession(child, connection);
    if (options.settings !== undefined) {
      session.settings.set('', options.settings);
    }
    session.filesExclude = options.filesExclude ?? null;
    const folders = options.workspaceFolders ?? [TEST_WORKSPACE];
    session.initializeResult = await connection.sendRequest(InitializeRequest.type, {
      processId: process.pid,
      rootUri: null,
      initializationOptions: options.initializationOptions,
      workspaceFolders: folders.map((folder) => ({ uri: pathUri(folder), name: path.basename(folder) })),
      capabilities: {
        workspace: {
          configuration: options.configuration ?? true,
          ...(options.pullDiagnostics && { diagnostics: { refreshSupport: true } }),
          didChangeConfiguration: { dynamicRegistration: false },
          didChangeWatchedFiles: { dynamicRegistration: false },
          workspaceFolders: true,
        },
        textDocument: {
          synchronization: { dynamicRegistration: false },
          publishDiagnostics: {
            relatedInformation: true,
            versionSupport: true,
            codeDescriptionSupport: true,
            dataSupport: true,
          },
          hover: { contentFormat: ['markdown', 'plaintext'] },
          ...(options.pullDiagnostics && { diagnostic: { dynamicRegistration: false, relatedDocumentSupport: false } }),
          codeAction: {
            codeActionLiteralSupport: { codeActionKind: { valueSet: ['quickfix', 'source', 'source.fixAll'] } },
            isPreferredSupport: true,
            dataSupport: true,
          },
        },
        window: { showDocument: { support: true }, workDoneProgress: true },
      },
    });
    await connection.sendNotification(InitializedNotification.type, {});
    if (options.pullDiagnostics && options.workspacePull !== false) await session.pullWorkspace();
    return session;
  }

  async open(uri: string, text: string, languageId = 'typescript'): Promise<TextDocument> {
    const document = TextDocument.create(uri, languageId, 1, text);
    this.documents.set(uri, document);
    this.mark(uri);
    await this.connection.sendNotification(DidOpenTextDocumentNotification.type, {
      textDocument: { uri, languageId, version: 1, text },
    });
    return document;
  }

  /** Sends one incremental change: the first occurrence of `search` becomes `replacement`. */
  async replace(uri: string, search: string, replacement: string): Promise<TextDocument> {
    const document = this.document(uri);
    const start = document.getText().indexOf(search);
    if (start < 0) {
      throw new Error(`"${search}" is not in ${uri}`);
    }
    const range = { start: document.positionAt(start), end: document.positionAt(start + search.length) };
    return this.change(uri, [{ range, text: replacement }]);
  }

  async change(uri: string, changes: { range: Range; text: string }[]): Promise<TextDocument> {
    const document = this.document(uri);
    const version = document.version + 1;
    TextDocument.update(document, changes, version);
    this.mark(uri);
    await this.connection.sendNotification(DidChangeTextDocumentNotification.type, {
      textDocument: { uri, version },
      contentChanges: changes,
    });
    return document;
  }

  /** textDocument/didSave (the test writes the file on disk itself). */
  async save(uri: string): Promise<void> {
    await this.connection.sendNotification(DidSaveTextDocumentNotification.type, { textDocument: { uri } });
  }

  async close(uri: string): Promise<void> {
    this.documents.delete(uri);
    this.mark(uri);
    await this.connection.sendNotification(DidCloseTextDocumentNotification.type, { textDocument: { uri } });
  }

  async changeConfiguration(): Promise<void> {
    for (const uri of this.documents.keys()) {
      this.mark(uri);
    }
    await this.connection.sendNotification(DidChangeConfigurationNotification.type, { settings: null });
  }

  /** Closes every open document and goes back to the default settings: the state between tests. */
  async reset(): Promise<void> {
    for (const uri of [...this.documents.keys()]) {
      await this.close(uri);
    }
    this.settings.clear();
    await this.changeConfiguration();
  }

  /** Tells the server that files changed on disk, as an editor's file watcher does. */
  async filesChanged(changes: FileEvent[]): Promise<void> {
    for (const uri of [...this.documents.keys(), ...changes.map((change) => change.uri)]) {
      this.mark(uri);
    }
    await this.connection.sendNotification(DidChangeWatchedFilesNotification.type, { changes });
  }

  async changeWorkspaceFolders(added: string[], removed: string[]): Promise<void> {
    for (const uri of this.documents.keys()) {
      this.mark(uri);
    }
    const folder = (folderPath: string) => ({ uri: pathUri(folderPath), name: path.basename(folderPath) });
    await this.connection.sendNotification(DidChangeWorkspaceFoldersNotification.type, {
      event: { added: added.map(folder), removed: removed.map(folder) },
    });
  }

  /** From now on, `diagnostics(uri)` waits for a publish after this point. */
  markPublishes(uri: string): void {
    this.mark(uri);
  }

  /** Resolves with the first status notification received that satisfies `accept`. */
  async status(accept: (status: ServerStatus) => boolean): Promise<ServerStatus> {
    return this.waitFor('a status notification', () => this.statuses.find(accept));
  }

  document(uri: string): TextDocument {
    const document = this.documents.get(uri);
    if (!document) {
      throw new Error(`${uri} is not open`);
    }
    return document;
  }

  /** The first diagnostics published for `uri` since the test last sent something about it that
   * satisfy `accept`; by default, those for the document's current version. */
  async diagnostics(
    uri: string,
    accept: (params: PublishDiagnosticsParams) => boolean = (params) => params.version === this.documents.get(uri)?.version,
  ): Promise<Diagnostic[]> {
    const from = this.marks.get(uri) ?? 0;
    const params = await this.waitFor(`diagnostics for ${uri}`, () =>
      this.published.slice(from).find((candidate) => candidate.uri === uri && accept(candidate)),
    );
    return params.diagnostics;
  }

  /** Every publish for `uri` since the test last sent something about it. */
  publishedSinceMark(uri: string): PublishDiagnosticsParams[] {
    return this.published.slice(this.marks.get(uri) ?? 0).filter((params) => params.uri === uri);
  }

  async codeActions(uri: string, diagnostics: Diagnostic[], range: Range = diagnostics[0]!.range, only?: string[]): Promise<CodeAction[]> {
    const result = await this.connection.sendRequest(CodeActionRequest.type, {
      textDocument: { uri },
      range,
      context: only ? { diagnostics, only } : { diagnostics },
    });
    // A bare Command has a string `command`; a CodeAction's `command`, if any, is an object.
    return (result ?? []).filter((item: Command | CodeAction): item is CodeAction => typeof item.command !== 'string');
  }

  /** Applies a code action's edit to our copy of the document and sends it as one incremental
   * change, as an editor does; refuses an edit pinned to another version. */
  async applyAction(uri: string, action: CodeAction): Promise<TextDocument> {
    const document = this.document(uri);
    const changes = (action.edit?.documentChanges ?? []) as TextDocumentEdit[];
    if (changes.length !== 1 || changes[0]!.textDocument.uri !== uri) {
      throw new Error(`expected one TextDocumentEdit for ${uri}, got ${JSON.stringify(action.edit)}`);
    }
    const edit = changes[0]!;
    if (edit.textDocument.version !== document.version) {
      throw new Error(`edit pinned to version ${edit.textDocument.version}, document is at ${document.version}`);
    }
    // Sent back to front, as an editor does: each change's range is still right for the text the
    // previous changes left, because they all lie after it.
    const edits = (edit.edits as TextEdit[])
      .map((e) => ({ offset: document.offsetAt(e.range.start), change: { range: e.range, text: e.newText } }))
      .sort((a, b) => b.offset - a.offset);
    return this.change(
      uri,
      edits.map((e) => e.change),
    );
  }

  /** textDocument/diagnostic: the server's report of one file (pull diagnostics). */
  pull(uri: string, previousResultId?: string): Promise<DocumentDiagnosticReport> {
    return this.connection.sendRequest(DocumentDiagnosticRequest.type, { textDocument: { uri }, ...(previousResultId !== undefined && { previousResultId }) });
  }

  /** workspace/diagnostic: the server's report of every file, given the result ids the client holds. */
  pullWorkspace(previousResultIds: { uri: string; value: string }[] = []): Promise<WorkspaceDiagnosticReport> {
    return this.connection.sendRequest(WorkspaceDiagnosticRequest.type, { previousResultIds });
  }

  async hover(uri: string, position: Position): Promise<Hover | null> {
    return this.connection.sendRequest(HoverRequest.type, { textDocument: { uri }, position });
  }

  async executeCommand(command: string, args: unknown[]): Promise<void> {
    await this.connection.sendRequest(ExecuteCommandRequest.type, { command, arguments: args });
  }

  /** What the server holds and has done so far (the httpAuthLint/stats request). */
  async stats(): Promise<ServerStats> {
    return this.connection.sendRequest<ServerStats>(STATS_REQUEST);
  }

  /**
   * Runs `send` while the server process is stopped (SIGSTOP), and lets it go on once everything
   * `send` wrote is in its input: it then reads those messages together, as it would when they
   * arrive while it is busy. (POSIX only.)
   */
  async whileStopped<T>(send: () => T): Promise<T> {
    this.child.kill('SIGSTOP');
    try {
      const result = send();
      // The writer sends messages in order: once this one is written, so is everything before it.
      await this.connection.sendNotification(SetTraceNotification.type, { value: 'off' });
      return result;
    } finally {
      this.child.kill('SIGCONT');
    }
  }

  async waitFor<T>(what: string, probe: () => T | undefined): Promise<T> {
    const found = probe();
    if (found !== undefined) {
      return found;
    }
    return new Promise<T>((resolve, reject) => {
      const check = (): void => {
        const value = probe();
        if (value !== undefined) {
          done();
          resolve(value);
        }
      };
      const timer = setTimeout(() => {
        done();
        reject(
          new Error(
            `timed out waiting for ${what}; published: ${JSON.stringify(this.published.map((p) => [p.uri, p.version, p.diagnostics.length]))}; ` +
              `logs: ${JSON.stringify(this.logs.map((l) => l.message))}; stderr: ${this.stderr}`,
          ),
        );
      }, WAIT_MS);
      const done = (): void => {
        clearTimeout(timer);
        this.listeners.delete(check);
      };
      this.listeners.add(check);
    });
  }

  /** shutdown, then exit: resolves with the process's exit code. */
  async stop(): Promise<number | null> {
    await this.connection.sendRequest(ShutdownRequest.type);
    await this.connection.sendNotification(ExitNotification.type);
    const code = await this.exited;
    this.connection.dispose();
    return code;
  }

  /** For `after` hooks: ends the server whatever state the test left it in. */
  async dispose(): Promise<void> {
    if (this.child.exitCode === null && this.child.signalCode === null) {
      try {
        await Promise.race([this.stop(), this.exited]);
      } catch {
        this.child.kill();
      }
    }
    this.connection.dispose();
  }

  get serverStderr(): string {
    return this.stderr;
  }

  /** From now on, waits for diagnostics see only what is published after this call. */
  markAll(): void {
    for (const uri of this.documents.keys()) {
      this.mark(uri);
    }
  }

  private mark(uri: string): void {
    this.marks.set(uri, this.published.length);
  }

  private notify(): void {
    for (const listener of [...this.listeners]) {
      listener();
    }
  }
}

/** The text a range covers in a document. */
export function textAt(document: TextDocument, range: Range): string {
  return document.getText(range);
}

/** The range of the first occurrence of `search` (after the first of `after`, when given). */
export function rangeOf(document: TextDocument, search: string, after?: string): Range {
  const text = document.getText();
  const from = after === undefined ? 0 : text.indexOf(after);
  const start = text.indexOf(search, from < 0 ? 0 : from);
  if (start < 0) {
    throw new Error(`"${search}" not found`);
  }
  return { start: document.positionAt(start), end: document.positionAt(start + search.length) };
}
