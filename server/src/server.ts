// The language server's logic, thin over the engine: documents, settings per document,
// diagnostics while typing, code actions, the show-documentation command. main.ts binds it to a
// connection; nothing here knows which transport carries it.
import {
  CodeActionKind,
  TextDocumentSyncKind,
  TextDocuments,
  type CodeAction,
  type CodeActionParams,
  type Connection,
  type DidChangeConfigurationParams,
  type ExecuteCommandParams,
  type InitializeParams,
  type InitializeResult,
} from 'vscode-languageserver/node';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { isLintableFile, lint } from './engine';
import type { LintResult } from './engine/types';
import { SHOW_DOCUMENTATION_COMMAND, actionsForFinding, dedupeActions, wantsQuickFixes } from './codeActions';
import { SOURCE, isDiagnosticData, toDiagnostic } from './diagnostics';
import { SECTION, defaultSettings, resolveSettings, type DocumentSettings } from './settings';

/** Typing pauses shorter than this lint once, at the end. */
const DEBOUNCE_MS = 150;

interface LintRun {
  version: number;
  settings: DocumentSettings;
  result: LintResult;
}

export class HttpAuthLintServer {
  readonly documents = new TextDocuments(TextDocument);

  private hasConfigurationCapability = false;
  /** Settings pushed by a client without `workspace/configuration`; defaults until then. */
  private globalSettings: DocumentSettings = defaultSettings();
  private readonly settingsCache = new Map<string, Promise<DocumentSettings>>();
  private readonly timers = new Map<string, NodeJS.Timeout>();
  /** Bumped on every lint request for a document: a run that finds a newer number drops its result. */
  private readonly generations = new Map<string, number>();
  /** The last run whose diagnostics were published, per document. */
  private readonly published = new Map<string, LintRun>();
  private readonly loggedFailures = new Set<string>();
  private readonly loggedWarnings = new Set<string>();
  /** Paths of the workspace folders: `httpAuthLint.proxyFiles` globs are relative to them. */
  private workspaceFolders: string[] = [];

  constructor(private readonly connection: Connection) {}

  initialize(params: InitializeParams): InitializeResult {
    this.workspaceFolders = (params.workspaceFolders ?? []).map((folder) => pathOf(folder.uri));
    const workspace = params.capabilities.workspace;
    this.hasConfigurationCapability = workspace?.configuration === true;
    return {
      capabilities: {
        textDocumentSync: {
          openClose: true,
          change: TextDocumentSyncKind.Incremental,
        },
        codeActionProvider: { codeActionKinds: [CodeActionKind.QuickFix] },
        executeCommandProvider: { commands: [SHOW_DOCUMENTATION_COMMAND] },
      },
      serverInfo: { name: SOURCE },
    };
  }

  /** Binds the document events; main.ts calls it once the connection exists. */
  listen(): void {
    // TextDocuments fires onDidOpen and then onDidChangeContent for an open: the first lint of a
    // document runs at once, the ones while typing after a pause.
    const opening = new Set<string>();
    this.documents.onDidOpen((event) => opening.add(event.document.uri));
    this.documents.onDidChangeContent((event) => {
      const uri = event.document.uri;
      this.schedule(uri, opening.delete(uri) ? 0 : DEBOUNCE_MS);
    });
    this.documents.onDidClose((event) => this.closed(event.document.uri));
    this.documents.listen(this.connection);
  }

  didChangeConfiguration(params: DidChangeConfigurationParams): void {
    this.guard('didChangeConfiguration', () => {
      if (!this.hasConfigurationCapability) {
        const pushed = (params.settings as Record<string, unknown> | null | undefined)?.[SECTION];
        this.globalSettings = resolveSettings(pushed, (message) => this.warnOnce(message));
      }
      this.settingsCache.clear();
      for (const document of this.documents.all()) {
        this.schedule(document.uri, 0);
      }
    });
  }

  async codeActions(params: CodeActionParams): Promise<CodeAction[]> {
    try {
      const uri = params.textDocument.uri;
      const document = this.documents.get(uri);
      if (!document || !wantsQuickFixes(params.context.only)) {
        return [];
      }
      const ours = params.context.diagnostics.filter((diagnostic) => diagnostic.source === SOURCE && typeof diagnostic.code === 'string');
      if (ours.length === 0) {
        return [];
      }
      const version = document.version;
      const run = await this.runFor(document);
      // The text moved on while settings were read: these actions would edit the wrong text.
      const current = this.documents.get(uri);
      if (!run || !current || current.version !== version) {
        return [];
      }
      const actions: CodeAction[] = [];
      for (const diagnostic of ours) {
        const data = diagnostic.data;
        // A diagnostic computed for another version names offsets in another text.
        if (isDiagnosticData(data) && data.version !== version) {
          continue;
        }
        const start = isDiagnosticData(data) ? data.start : current.offsetAt(diagnostic.range.start);
        const end = isDiagnosticData(data) ? data.end : current.offsetAt(diagnostic.range.end);
        const finding = run.result.findings.find(
          (candidate) => candidate.ruleId === diagnostic.code && candidate.start === start && candidate.end === end,
        );
        if (finding) {
          actions.push(...actionsForFinding(current, diagnostic, finding));
        }
      }
      return dedupeActions(actions);
    } catch (error) {
      this.logError('codeAction', error);
      return [];
    }
  }

  async executeCommand(params: ExecuteCommandParams): Promise<void> {
    try {
      if (params.command !== SHOW_DOCUMENTATION_COMMAND) {
        this.connection.console.error(`Unknown command ${params.command}.`);
        return;
      }
      const url = params.arguments?.[0];
      if (typeof url !== 'string' || !/^https?:\/\//.test(url)) {
        this.connection.console.error(`${SHOW_DOCUMENTATION_COMMAND} expects a documentation URL, got ${JSON.stringify(url)}.`);
        return;
      }
      const result = await this.connection.window.showDocument({ uri: url, external: true });
      if (!result.success) {
        this.connection.console.warn(`The client did not open ${url}.`);
      }
    } catch (error) {
      this.logError('executeCommand', error);
    }
  }

  private schedule(uri: string, delay: number): void {
    clearTimeout(this.timers.get(uri));
    this.timers.set(
      uri,
      setTimeout(() => {
        this.timers.delete(uri);
        void this.validate(uri);
      }, delay),
    );
  }

  private closed(uri: string): void {
    clearTimeout(this.timers.get(uri));
    this.timers.delete(uri);
    this.generations.set(uri, (this.generations.get(uri) ?? 0) + 1);
    this.settingsCache.delete(uri);
    this.published.delete(uri);
    this.guard('clear diagnostics', () => this.connection.sendDiagnostics({ uri, diagnostics: [] }));
  }

  private async validate(uri: string): Promise<void> {
    try {
      const generation = (this.generations.get(uri) ?? 0) + 1;
      this.generations.set(uri, generation);
      const document = this.documents.get(uri);
      if (!document) {
        return;
      }
      const settings = await this.settingsFor(uri);
      // A newer edit, close or settings change started another run while we waited.
      const current = this.documents.get(uri);
      if (this.generations.get(uri) !== generation || !current) {
        return;
      }
      const run = settings.enable ? this.lintNow(current, settings) : undefined;
      if (run) {
        this.published.set(uri, run);
      } else {
        this.published.delete(uri);
      }
      const diagnostics = run ? run.result.findings.map((finding) => toDiagnostic(current, finding)) : [];
      await this.connection.sendDiagnostics({ uri, version: current.version, diagnostics });
    } catch (error) {
      this.logError(`validate ${uri}`, error);
    }
  }

  /** The run for the document's current version: the published one, or a fresh one when the
   * published run is older (the debounce has not fired yet) or used other settings. */
  private async runFor(document: TextDocument): Promise<LintRun | undefined> {
    const settings = await this.settingsFor(document.uri);
    if (!settings.enable) {
      return undefined;
    }
    const current = this.documents.get(document.uri);
    if (!current || current.version !== document.version) {
      return undefined;
    }
    const published = this.published.get(document.uri);
    if (published && published.version === current.version && published.settings === settings) {
      return published;
    }
    return this.lintNow(current, settings);
  }

  private lintNow(document: TextDocument, settings: DocumentSettings): LintRun | undefined {
    const fileName = fileNameOf(document);
    if (!isLintableFile(fileName)) {
      return undefined;
    }
    const root = this.workspaceFolders.filter((folder) => fileName.startsWith(`${folder}/`)).sort((a, b) => b.length - a.length)[0];
    const result = lint(fileName, document.getText(), { ...settings.lint, root });
    for (const failure of result.ruleFailures) {
      const key = `${failure.ruleId}\0${document.uri}`;
      if (!this.loggedFailures.has(key)) {
        this.loggedFailures.add(key);
        this.connection.console.error(
          `Rule ${failure.ruleId} failed on ${document.uri}; the other rules still ran.\n${describe(failure.error)}`,
        );
      }
    }
    return { version: document.version, settings, result };
  }

  private settingsFor(uri: string): Promise<DocumentSettings> {
    if (!this.hasConfigurationCapability) {
      return Promise.resolve(this.globalSettings);
    }
    let settings = this.settingsCache.get(uri);
    if (!settings) {
      settings = this.connection.workspace.getConfiguration({ scopeUri: uri, section: SECTION }).then(
        (raw: unknown) => resolveSettings(raw, (message) => this.warnOnce(message)),
        (error: unknown) => {
          this.logError(`read settings for ${uri}`, error);
          return defaultSettings();
        },
      );
      this.settingsCache.set(uri, settings);
    }
    return settings;
  }

  private warnOnce(message: string): void {
    if (!this.loggedWarnings.has(message)) {
      this.loggedWarnings.add(message);
      this.connection.console.warn(message);
    }
  }

  private guard(what: string, action: () => unknown): void {
    try {
      const result = action();
      if (result instanceof Promise) {
        result.catch((error: unknown) => this.logError(what, error));
      }
    } catch (error) {
      this.logError(what, error);
    }
  }

  private logError(what: string, error: unknown): void {
    try {
      this.connection.console.error(`${what} failed: ${describe(error)}`);
    } catch {
      // The connection is gone (the client exited); there is nobody left to tell.
    }
  }
}

const EXTENSION_BY_LANGUAGE: Record<string, string> = {
  typescript: '.ts',
  typescriptreact: '.tsx',
  javascript: '.js',
  javascriptreact: '.jsx',
};

/** The engine picks the script kind from the name's extension. An untitled document (or a file
 * without an extension) has none: its language id says which one it would have. */
function pathOf(uri: string): string {
  try {
    return decodeURIComponent(new URL(uri).pathname).replace(/\/$/, '');
  } catch {
    return uri;
  }
}

export function fileNameOf(document: TextDocument): string {
  const path = pathOf(document.uri);
  if (/\.[cm]?[jt]sx?$/i.test(path)) {
    return path;
  }
  return `${path}${EXTENSION_BY_LANGUAGE[document.languageId] ?? '.ts'}`;
}

function describe(error: unknown): string {
  return error instanceof Error ? (error.stack ?? error.message) : String(error);
}
