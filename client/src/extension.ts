// The extension's client: starts the language server (dist/server.js), restarts it when it crashes
// (crashHandler.ts), registers the two commands of package.json, watches the project config files
// for the server, answers the server's settings requests with what the user set, and shows the
// server's state as a language status item. Everything else happens in the server.
import * as path from 'node:path';
import * as vscode from 'vscode';
import {
  LanguageClient,
  State,
  TransportKind,
  type DocumentSelector,
  type LanguageClientOptions,
  type ServerOptions,
} from 'vscode-languageclient/node';
import { SECTION, STATS_REQUEST, STATUS_NOTIFICATION, type ServerStats, type StatusParams } from '../../server/src/protocol';
import { CrashHandler, type Notice } from './crashHandler';

const LANGUAGES = ['typescript', 'typescriptreact', 'javascript', 'javascriptreact'];
/** Files on disk and new buffers; a virtual workspace's folders add their own scheme (package.json
 * declares limited virtual workspace support: no config file is read there). */
const SCHEMES = ['file', 'untitled'];
const CONFIG_FILE_GLOB = '**/.httpauthlintrc.json';
/** What the project index reads: source files, and the files that say where a project starts and
 * how its imports resolve. */
const PROJECT_FILES_GLOB = '**/{*.ts,*.tsx,*.js,*.jsx,*.mjs,*.cjs,*.mts,*.cts,package.json,tsconfig*.json,jsconfig*.json,pnpm-workspace.yaml}';
const RESTART_COMMAND = `${SECTION}.restartServer`;
const SHOW_OUTPUT_COMMAND = `${SECTION}.showOutput`;
/** Settings that stay with the editor: they have no place in the project's config file. They are
 * sent with their effective value (trace.server is the client's own). */
const EDITOR_ONLY = new Set(['enable', 'scope', 'maxFileSize', 'trace.server']);

type ServerState = 'starting' | 'running' | 'stopped';

/** What activate() returns: for the end-to-end tests, which kill the server and watch it come back. */
export interface HttpAuthLintApi {
  serverState(): ServerState;
  readonly onDidChangeServerState: vscode.Event<ServerState>;
  /** The server's answer to the stats request (its process id among them). */
  serverStats(): Promise<ServerStats>;
  /** What the user was told about server crashes, oldest first. */
  crashNotices(): readonly Notice[];
}

let client: LanguageClient | undefined;

export async function activate(context: vscode.ExtensionContext): Promise<HttpAuthLintApi> {
  const serverModule = context.asAbsolutePath(path.join('dist', 'server.js'));
  // The server keeps its compiled code in the extension's storage (server/src/launch/compile-cache.ts).
  const env = { ...process.env, HTTP_AUTH_LINT_CACHE_DIR: path.join(context.globalStorageUri.fsPath, 'compile-cache') };
  const serverOptions: ServerOptions = {
    run: { module: serverModule, transport: TransportKind.ipc, options: { env } },
    debug: {
      module: serverModule,
      transport: TransportKind.ipc,
      options: { env, execArgv: ['--nolazy', '--inspect=6009'] },
    },
  };
  // Plain filters, which are both a client and a vscode document selector.
  const schemes = [...new Set([...SCHEMES, ...(vscode.workspace.workspaceFolders ?? []).map((folder) => folder.uri.scheme)])];
  const filters = LANGUAGES.flatMap((language) => schemes.map((scheme) => ({ language, scheme })));
  const documentSelector: DocumentSelector = filters;
  const lintKeys = lintSettingKeys(context.extension.packageJSON);
  const configWatcher = vscode.workspace.createFileSystemWatcher(CONFIG_FILE_GLOB);
  const projectWatcher = vscode.workspace.createFileSystemWatcher(PROJECT_FILES_GLOB);
  const crashes = new CrashHandler(
    (notice) => void tell(notice, languageClient),
    commandTitle(context.extension.packageJSON, RESTART_COMMAND),
  );
  const clientOptions: LanguageClientOptions = {
    documentSelector,
    errorHandler: crashes,
    // The server answers pulls (LSP 3.17) when the client offers them: a file is asked for again
    // after each edit and save; the server asks for every file again when what one offers the
    // others changes (workspace/diagnostic/refresh), and the workspace report fills the Problems
    // panel with the files that are not open.
    diagnosticPullOptions: { onChange: true, onSave: true },
    synchronize: {
      // Sends workspace/didChangeConfiguration when any httpAuthLint.* setting changes; the server
      // then drops its cached settings and reads them again per document.
      // files.exclude too: what it hides is not indexed, and a change of it indexes the folders again.
      configurationSection: [SECTION, 'files.exclude'],
      // Created, changed and deleted config files: the server re-reads them, publishes their
      // problems on them and lints the open documents again. Project files: the server indexes
      // their folder again (a helper that now sends its challenge clears its callers' findings).
      fileEvents: [configWatcher, projectWatcher],
    },
    middleware: {
      workspace: {
        // The project's .httpauthlintrc.json sits under the editor settings, but only under those
        // the user set: a setting's default must not undo the file. `workspace/configuration`
        // answers with effective values, defaults included, and the server cannot tell them apart,
        // so the answer for our section is rebuilt here from inspect(), keeping only set values.
        // The server stays editor-neutral: any client that sends only what the user set works.
        configuration: async (params, token, next) => {
          const answers = await next(params, token);
          if (!Array.isArray(answers)) {
            return answers;
          }
          return params.items.map((item, index) =>
            item.section === SECTION ? explicitSettings(item.scopeUri, lintKeys, EDITOR_ONLY) : answers[index],
          );
        },
      },
    },
  };
  // The id 'httpAuthLint' makes the client read `httpAuthLint.trace.server` itself.
  const languageClient = new LanguageClient(SECTION, 'HTTP Auth Lint', serverOptions, clientOptions);
  client = languageClient;
  const status = new ServerStatus(filters);
  const stateChanged = new vscode.EventEmitter<ServerState>();
  context.subscriptions.push(
    configWatcher,
    projectWatcher,
    status,
    stateChanged,
    languageClient.onDidChangeState(({ newState }) => {
      status.state(newState);
      stateChanged.fire(stateName(newState));
    }),
    languageClient.onNotification(STATUS_NOTIFICATION, (params: StatusParams) => status.update(params)),
    vscode.commands.registerCommand(RESTART_COMMAND, () => {
      crashes.reset();
      return restart(languageClient);
    }),
    vscode.commands.registerCommand(SHOW_OUTPUT_COMMAND, () => languageClient.outputChannel.show()),
  );
  await languageClient.start();
  return {
    serverState: () => stateName(languageClient.state),
    onDidChangeServerState: stateChanged.event,
    serverStats: () => languageClient.sendRequest<ServerStats>(STATS_REQUEST),
    crashNotices: () => [...crashes.notices],
  };
}

function stateName(state: State): ServerState {
  return state === State.Running ? 'running' : state === State.Starting ? 'starting' : 'stopped';
}

/** Shows a crash notice without waiting for it to be dismissed, with the way to act on it. */
async function tell(notice: Notice, languageClient: LanguageClient): Promise<void> {
  const showOutput = 'Show Output';
  const restartServer = 'Restart Server';
  const choice =
    notice.severity === 'warning'
      ? await vscode.window.showWarningMessage(notice.message, showOutput)
      : await vscode.window.showErrorMessage(notice.message, showOutput, restartServer);
  if (choice === showOutput) {
    languageClient.outputChannel.show();
  } else if (choice === restartServer) {
    await vscode.commands.executeCommand(RESTART_COMMAND);
  }
}

/** "HTTP Auth Lint: Restart Server", as the command palette shows it (package.json). */
function commandTitle(
  packageJSON: { contributes?: { commands?: { command: string; title: string; category?: string }[] } },
  command: string,
): string {
  const entry = packageJSON.contributes?.commands?.find((candidate) => candidate.command === command);
  return entry ? [entry.category, entry.title].filter(Boolean).join(': ') : command;
}

export async function deactivate(): Promise<void> {
  await client?.stop();
  client = undefined;
}

/** Restarts from any state: `restart()` stops first, which throws unless the client runs (it may be
 * starting, or stopped after crashing too often). */
async function restart(languageClient: LanguageClient): Promise<void> {
  try {
    if (languageClient.state === State.Running) {
      await languageClient.restart();
    } else {
      await languageClient.start();
    }
  } catch (error) {
    languageClient.error('Restarting the server failed', error, 'force');
  }
}

/** `httpAuthLint.*` keys the config file can also set (`rules.<id>`, `defaultChallenge`,
 * `proxyFiles`), read from the manifest so the list is kept in one place. */
function lintSettingKeys(packageJSON: { contributes?: { configuration?: { properties?: Record<string, unknown> } } }): string[] {
  const prefix = `${SECTION}.`;
  return Object.keys(packageJSON.contributes?.configuration?.properties ?? {})
    .filter((key) => key.startsWith(prefix))
    .map((key) => key.slice(prefix.length))
    .filter((key) => !EDITOR_ONLY.has(key));
}

/** The section as the server reads it (`{ enable, maxFileSize, rules: { <id>: severity }, ... }`):
 * the editor-only settings with their effective value, and for the others the most specific value
 * the user set: folder, then workspace, then user settings. */
function explicitSettings(scopeUri: string | undefined, keys: readonly string[], editorOnly: ReadonlySet<string>): Record<string, unknown> {
  const scope = scopeUri ? vscode.Uri.parse(scopeUri) : undefined;
  const config = vscode.workspace.getConfiguration(SECTION, scope);
  const answer: Record<string, unknown> = {};
  for (const key of editorOnly) {
    if (!key.includes('.')) {
      answer[key] = config.get(key);
    }
  }
  for (const key of keys) {
    const inspected = config.inspect(key);
    const value = inspected?.workspaceFolderValue ?? inspected?.workspaceValue ?? inspected?.globalValue;
    if (value === undefined) {
      continue;
    }
    // `rules.missing-www-authenticate` nests as { rules: { 'missing-www-authenticate': ... } }.
    const [head, ...rest] = key.split('.');
    if (rest.length === 0) {
      answer[head!] = value;
    } else {
      const nested = (answer[head!] ??= {}) as Record<string, unknown>;
      nested[rest.join('.')] = value;
    }
  }
  return answer;
}

/** The language status of the four languages, two items (an item has one command): how many files
 * the server checked and its last error, with "Show Output"; whether the server runs, with
 * "Restart". */
class ServerStatus implements vscode.Disposable {
  private readonly item: vscode.LanguageStatusItem;
  private readonly restartItem: vscode.LanguageStatusItem;
  private checked = 0;
  private lastError: string | undefined;
  private running = false;
  private starting = false;

  constructor(selector: vscode.DocumentSelector) {
    this.item = vscode.languages.createLanguageStatusItem(`${SECTION}.status`, selector);
    this.item.name = 'HTTP Auth Lint';
    this.item.command = { title: 'Show Output', command: SHOW_OUTPUT_COMMAND };
    this.restartItem = vscode.languages.createLanguageStatusItem(`${SECTION}.restart`, selector);
    this.restartItem.name = 'HTTP Auth Lint server';
    this.restartItem.text = 'HTTP Auth Lint server';
    this.restartItem.command = { title: 'Restart', command: RESTART_COMMAND };
    this.render();
  }

  state(state: State): void {
    this.running = state === State.Running;
    this.starting = state === State.Starting;
    if (this.starting) {
      // A new server process counts from zero.
      this.checked = 0;
      this.lastError = undefined;
    }
    this.render();
  }

  update(params: StatusParams): void {
    this.checked = params.checkedFiles;
    this.lastError = params.lastError;
    this.render();
  }

  dispose(): void {
    this.item.dispose();
    this.restartItem.dispose();
  }

  private render(): void {
    const files = `${this.checked} ${this.checked === 1 ? 'file' : 'files'} checked`;
    this.item.text = `HTTP Auth Lint: ${files}`;
    // The last error stays until the server restarts: the output has its details.
    this.item.detail = this.lastError;
    this.item.severity = this.lastError !== undefined ? vscode.LanguageStatusSeverity.Error : vscode.LanguageStatusSeverity.Information;
    this.restartItem.busy = this.starting;
    this.restartItem.detail = this.running ? 'running' : this.starting ? 'starting' : 'stopped';
    this.restartItem.severity = this.running || this.starting ? vscode.LanguageStatusSeverity.Information : vscode.LanguageStatusSeverity.Error;
  }
}
