// The language server's logic, thin over the engine: documents (each open one with a syntax tree
// kept up to date incrementally, sourceFiles.ts), settings per document (the project's
// .httpauthlintrc.json under the editor settings the user set), diagnostics while typing (or one
// note saying why a file was not analyzed, skip.ts), the config file's own problems, code actions
// (quick fixes, fix-all), hover, the status the client shows, the show-documentation command.
// Each workspace folder is indexed in the background (workspace/): once it is, an open file is
// read as part of its project (the helpers it calls, the error handler that answers its errors).
// main.ts binds it to a connection; nothing here knows which transport carries it.
import { statSync } from 'node:fs';
import * as nodePath from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import {
  CodeActionKind,
  FileChangeType,
  LSPErrorCodes,
  MarkupKind,
  ResponseError,
  TextDocumentSyncKind,
  TextDocuments,
  type CancellationToken,
  type CodeAction,
  type CodeActionParams,
  type Connection,
  type Diagnostic,
  type DocumentDiagnosticParams,
  type DocumentDiagnosticReport,
  type DidChangeConfigurationParams,
  type DidChangeWatchedFilesParams,
  type ExecuteCommandParams,
  type Hover,
  type HoverParams,
  type InitializeParams,
  type InitializeResult,
  type WorkspaceDiagnosticParams,
  type WorkspaceDiagnosticReport,
  type WorkspaceFolder,
  type WorkspaceFoldersChangeEvent,
} from 'vscode-languageserver/node';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { CONFIG_FILE_NAME, DEFAULT_CHALLENGE, fixAll, hoverAt, IncrementalLint, isLintableFile, lint, lintSource, minimalEdit, readsFrom, type ProjectContext } from './engine';
import type { LintResult, LintSettings, TextEdit } from './engine/types';
import { ConfigCache, resolveSettings as resolveProjectSettings, type LoadedConfig } from './config/project-config';
import {
  SHOW_DOCUMENTATION_COMMAND,
  actionsForFinding,
  actionsForUnusedDirective,
  dedupeActions,
  fixAllAction,
  isBulkFixable,
  wantsFixAll,
  wantsQuickFixes,
} from './codeActions';
import {
  SOURCE,
  UNUSED_DIRECTIVE_CODE,
  configProblemDiagnostics,
  isDiagnosticData,
  diagnosticsOf,
  toRange,
  toSkipDiagnostic,
  type OtherFile,
} from './diagnostics';
import { isInside } from './disk/inside';
import { readRegularFile } from './disk/project-host';
import { otherFilesOf } from './other-files';
import { documentReport, resultIdOf, workspaceReport, type FileReport } from './pull-reports';
import { FIX_ALL_KIND, STATUS_NOTIFICATION, type InitializationOptions, type ServerStats, type StatusParams } from './protocol';
import { SECTION, defaultEditorSettings, excludedGlobs, readEditorSettings, type EditorSettings } from './settings';
import { skipReason } from './skip';
import { COMPILED_EVENT } from './launch/compile-cache';
import { SourceFiles } from './sourceFiles';
import { WorkspaceProjects } from './workspace/workspace-projects';
import { releaseStandbyIndexThread, standbyState } from './workspace/standby-index-thread';
import { IndexProgress } from './workspace/index-progress';
import { WorkspaceDiagnostics, type Publication } from './workspace/workspace-diagnostics';
import { ClosedFilePush } from './workspace/closed-file-push';
import type { FolderIndexSettings } from './workspace/build-index';

/** Typing pauses shorter than this lint once, at the end (`initializationOptions.debounceMs`). */
const DEFAULT_DEBOUNCE_MS = 150;

/** The rules the engine runs: its own, unless a test swaps in a faulty one (main.ts). */
type Rules = Parameters<typeof lintSource>[2];

export interface ServerOptions {
  /** Rules to run instead of the engine's (HTTP_AUTH_LINT_TEST_FAULTS, read in main.ts). */
  rules?: Rules;
}

/** What one document is linted with: engine defaults < nearest config file < editor settings. */
interface DocumentSettings {
  enable: boolean;
  /** The file matches the `ignore` globs of its config file: no diagnostics, no actions. */
  ignored: boolean;
  /** `httpAuthLint.maxFileSize`, in bytes. */
  maxFileSize: number;
  lint: LintSettings;
}

/** The findings of one version of a document. Its tree stays in `SourceFiles`, which keeps only the
 * newest one (ts.updateSourceFile invalidates the older trees). */
interface LintRun {
  version: number;
  fileName: string;
  settings: DocumentSettings;
  /** What the project offered the file then: its project (a new index makes a new one) and stamp. */
  project: object | undefined;
  stamp: number;
  result: LintResult;
}

export class HttpAuthLintServer {
  private readonly sourceFiles = new SourceFiles();
  /** Per open document analysed: what its last lint found, statement by statement. */
  private readonly linters = new Map<string, IncrementalLint>();
  private lastLint = { statements: 0, analyzed: 0 };
  private lastStatus: string | undefined;
  private firstLintDone = false;
  /** The documents' texts; each incremental change is also recorded for the document's tree. */
  readonly documents = new TextDocuments({
    create: TextDocument.create,
    update: (document, changes, version) => this.sourceFiles.applyChanges(document, changes, version),
  });

  private hasConfigurationCapability = false;
  private hasWorkspaceFolderCapability = false;
  /** Settings pushed by a client without `workspace/configuration`; none until then. */
  private pushedSettings: EditorSettings = defaultEditorSettings();
  private readonly settingsCache = new Map<string, Promise<DocumentSettings>>();
  private readonly configs = new ConfigCache();
  /** Per config file path, the problems last published on it (JSON), so each change is sent once. */
  private readonly configReports = new Map<string, string>();
  /** Cancels the lint scheduled for a document. */
  private readonly scheduled = new Map<string, () => void>();
  /** A new number for every lint request of a document: a run that finds another number (or none,
   * after a close) drops its result. */
  private readonly generations = new Map<string, number>();
  private lastGeneration = 0;
  /** The last run whose diagnostics were published, per document. */
  private readonly published = new Map<string, LintRun>();
  private readonly loggedFailures = new Set<string>();
  private readonly loggedWarnings = new Set<string>();
  /** Documents linted since start, and the last failure: what the client's status item shows. */
  private readonly checked = new Set<string>();
  private lastError: string | undefined;
  /** Paths of the workspace folders: a config file is looked for up to the document's folder, and
   * `proxyFiles` set in the editor are relative to it. */
  private workspaceFolders: string[] = [];
  /** The workspace folders at start that are on this machine's disk (not a virtual workspace's). */
  private localFolders: string[] = [];
  private debounceMs = DEFAULT_DEBOUNCE_MS;
  private readonly rules: Rules;
  private lintRuns = 0;
  private fixAllRuns = 0;
  /** Per open document, a number that changes whenever what its project offers it may have (a
   * file it reads changed): its incremental lint keeps its findings only while it stays the same. */
  private readonly projectStamps = new Map<string, number>();
  /** The open documents by file path: the projects read them instead of the disk. */
  private readonly openPaths = new Map<string, string>();
  private hasProgressCapability = false;
  /** The client asks for diagnostics (LSP 3.17 pull) instead of being sent them. */
  private pullDiagnostics = false;
  /** The client re-asks for every file's diagnostics when told to (workspace/diagnostic/refresh). */
  private hasRefreshCapability = false;
  private refreshPending = false;
  /** Pull mode: the latest diagnostics of each open document, and the result id the client was last
   * given for each file; findings that differ from what the client holds make it ask again. */
  private readonly delivered = new Map<string, { version: number; diagnostics: Diagnostic[] }>();
  private readonly pulledIds = new Map<string, string>();
  private readonly progress = new IndexProgress(() => (this.hasProgressCapability ? this.connection.window.createWorkDoneProgress() : undefined));
  /** Whether the client has told of a change on disk (VS Code's extension watches the project's
   * files). Until one does, a file saved in the editor is taken as changed on disk: a client that
   * watches nothing (Neovim's, unless configured) would otherwise keep the index, and the
   * findings of closed files, as they were at the start. */
  private clientWatchesFiles = false;
  /** The findings of the files that are not open (the `workspace` scope). */
  private readonly workspaceDiagnostics = new WorkspaceDiagnostics((uri) => this.documents.get(uri) !== undefined);
  /** Closed files' findings pushed to a client that pulls but never asks for the workspace report. */
  private readonly closedPush = new ClosedFilePush(
    (publication) => this.guard('push closed-file diagnostics', () => this.connection.sendDiagnostics(publication)),
    () => this.workspaceDiagnostics.ofClosedFiles(),
  );
  /** The projects of the workspace folders, indexed in the background. */
  private readonly workspace = new WorkspaceProjects(
    (file) => this.openDocumentAt(file)?.getText(),
    (folder) => this.indexSettingsOf(folder),
    {
      progress: (folder, files) => this.progress.update(folder, files),
      linted: (folder, files) => this.workspaceDiagnostics.add(folder, files),
      warning: (folder, message) => this.warnOnce(`index of ${folder}: ${message}`),
      finished: (folder, roots, failed) => this.indexFinished(folder, roots, failed),
    },
    { maxFileSize: defaultEditorSettings().maxFileSize, exclude: [] },
  );

  constructor(
    private readonly connection: Connection,
    options: ServerOptions = {},
  ) {
    this.rules = options.rules;
  }

  initialize(params: InitializeParams): InitializeResult {
    this.setWorkspaceFolders(params.workspaceFolders ?? []);
    this.localFolders = (params.workspaceFolders ?? []).filter((folder) => folder.uri.startsWith('file:')).map((folder) => pathOf(folder.uri));
    const debounceMs = (params.initializationOptions as InitializationOptions | null | undefined)?.debounceMs;
    if (typeof debounceMs === 'number' && Number.isFinite(debounceMs) && debounceMs >= 0) {
      this.debounceMs = debounceMs;
    }
    const workspace = params.capabilities.workspace;
    this.hasConfigurationCapability = workspace?.configuration === true;
    this.hasWorkspaceFolderCapability = workspace?.workspaceFolders === true;
    this.hasProgressCapability = params.capabilities.window?.workDoneProgress === true;
    this.pullDiagnostics = params.capabilities.textDocument?.diagnostic !== undefined;
    this.hasRefreshCapability = workspace?.diagnostics?.refreshSupport === true;
    return {
      capabilities: {
        textDocumentSync: {
          openClose: true,
          change: TextDocumentSyncKind.Incremental,
          // For a client that tells of no change on disk: a save is one (clientWatchesFiles).
          save: { includeText: false },
        },
        codeActionProvider: { codeActionKinds: [CodeActionKind.QuickFix, FIX_ALL_KIND] },
        hoverProvider: true,
        // A file's findings depend on others (the helpers it calls): the client asks again for the
        // open files when another one changes; the workspace report lists the files not open.
        ...(this.pullDiagnostics && { diagnosticProvider: { identifier: SOURCE, interFileDependencies: true, workspaceDiagnostics: true } }),
        executeCommandProvider: { commands: [SHOW_DOCUMENTATION_COMMAND] },
        workspace: { workspaceFolders: { supported: true, changeNotifications: true } },
      },
      serverInfo: { name: SOURCE },
    };
  }

  /** After the handshake: folder changes can be listened to, and the config files at the folders'
   * roots are checked, so their problems show before any file below them is opened. */
  initialized(): void {
    if (this.hasWorkspaceFolderCapability) {
      this.connection.workspace.onDidChangeWorkspaceFolders((event) => this.didChangeWorkspaceFolders(event));
    }
    for (const folder of this.localFolders) {
      // A folder that is not (or no longer) on disk has nothing to index.
      this.guard('index the folder', () => isDirectory(folder) && this.workspace.addFolder(folder));
      this.guard('check the folder config', () => {
        const config = nodePath.join(folder, CONFIG_FILE_NAME);
        if (isFile(config)) {
          this.reportConfig(this.configs.load(config));
        }
      });
    }
    // No folder to index: the thread the loader started for the first one is not needed.
    if (this.workspace.states().length === 0) releaseStandbyIndexThread();
    if (this.pullDiagnostics) this.closedPush.start();
  }

  /** Binds the document events; main.ts calls it once the connection exists. */
  listen(): void {
    // TextDocuments fires onDidOpen and then onDidChangeContent for an open: the first lint of a
    // document runs at once, the ones while typing after a pause.
    const opening = new Set<string>();
    this.documents.onDidOpen((event) => {
      opening.add(event.document.uri);
      this.closedPush.opened(event.document.uri);
      if (event.document.uri.startsWith('file:')) this.openPaths.set(pathOf(event.document.uri), event.document.uri);
    });
    this.documents.onDidChangeContent((event) => {
      const uri = event.document.uri;
      this.schedule(uri, opening.delete(uri) ? 0 : this.debounceMs);
    });
    this.documents.onDidClose((event) => this.closed(event.document.uri, event.document.getText()));
    // A close without a save leaves the disk as it was: only a save is a change.
    this.documents.onDidSave((event) => this.changedInEditor(event.document.uri));
    this.documents.listen(this.connection);
  }

  /** A file saved in the editor, for a client that tells of no change on disk: its folder is
   * indexed again (after the usual pause, and at most every 2 s while saves go on), as a file
   * event would have it. */
  private changedInEditor(uri: string): void {
    if (this.clientWatchesFiles || !uri.startsWith('file:')) return;
    this.guard('index after a save', () => this.workspace.changed([pathOf(uri)]));
  }

  didChangeConfiguration(params: DidChangeConfigurationParams): void {
    this.guard('didChangeConfiguration', () => {
      if (!this.hasConfigurationCapability) {
        const pushed = (params.settings as Record<string, unknown> | null | undefined)?.[SECTION];
        this.pushedSettings = readEditorSettings(pushed, (message) => this.warnOnce(message));
      }
      this.relintAll();
      // The scope, or the settings the workspace's files are linted with, may have changed.
      this.workspace.refresh();
    });
  }

  /** A config file was created, changed or deleted (the client watches every one in
   * the workspace):
   * its problems are published on it, and every open document is linted again. */
  didChangeWatchedFiles(params: DidChangeWatchedFilesParams): void {
    this.clientWatchesFiles = true;
    this.guard('didChangeWatchedFiles', () => {
      let configChanged = false;
      const sourceChanges: string[] = [];
      for (const change of params.changes) {
        // A config file of a virtual workspace is not on this machine's disk; its name may be.
        if (!change.uri.startsWith('file:')) {
          continue;
        }
        const path = pathOf(change.uri);
        // Both re-index the folder: a config file changes how its closed files are linted.
        sourceChanges.push(path);
        if (nodePath.basename(path) !== CONFIG_FILE_NAME) {
          continue;
        }
        configChanged = true;
        this.configs.forget(path);
        if (change.type === FileChangeType.Deleted || !isFile(path)) {
          this.clearConfigReport(path);
        } else {
          this.reportConfig(this.configs.load(path));
        }
      }
      if (sourceChanges.length > 0) {
        this.workspace.changed(sourceChanges);
      }
      if (configChanged) {
        this.relintAll();
      }
    });
  }

  /** A folder's projects were indexed again: the open files in it are read with them. */
  private indexFinished(folder: string, roots: readonly string[], failed: string | undefined): void {
    this.progress.done(folder);
    if (failed !== undefined) {
      this.logError(`index ${folder}`, new Error(failed));
    }
    this.publishAll(this.workspaceDiagnostics.finish(folder));
    if (roots.length === 0) {
      return;
    }
    for (const document of this.documents.all()) {
      if (document.uri.startsWith('file:') && roots.includes(this.workspace.rootOf(pathOf(document.uri)))) {
        this.schedule(document.uri, 0);
      }
    }
  }

  didChangeWorkspaceFolders(event: WorkspaceFoldersChangeEvent): void {
    this.guard('didChangeWorkspaceFolders', () => {
      const removed = new Set(event.removed.map((folder) => pathOf(folder.uri)));
      const kept = this.workspaceFolders.filter((folder) => !removed.has(folder));
      this.workspaceFolders = [...kept, ...event.added.map((folder) => pathOf(folder.uri))];
      for (const folder of removed) {
        this.workspace.removeFolder(folder);
        this.progress.done(folder);
        this.publishAll(this.workspaceDiagnostics.remove(folder));
      }
      for (const folder of event.added) {
        if (folder.uri.startsWith('file:') && isDirectory(pathOf(folder.uri))) {
          this.workspace.addFolder(pathOf(folder.uri));
        }
      }
      this.relintAll();
    });
  }

  /** Answers a cancelled request with RequestCancelled before any engine work: VS Code cancels the
   * lightbulb's request on every cursor move, and fix-all lints the file up to ten times. */
  async codeActions(params: CodeActionParams, token?: CancellationToken): Promise<CodeAction[] | ResponseError> {
    try {
      if (token?.isCancellationRequested) {
        return cancelled();
      }
      const uri = params.textDocument.uri;
      const document = this.documents.get(uri);
      const only = params.context.only;
      const quickFixes = wantsQuickFixes(only);
      const fixAllWanted = wantsFixAll(only);
      if (!document || (!quickFixes && !fixAllWanted)) {
        return [];
      }
      const ours = quickFixes
        ? params.context.diagnostics.filter((diagnostic) => diagnostic.source === SOURCE && typeof diagnostic.code === 'string')
        : [];
      if (ours.length === 0 && !fixAllWanted) {
        return [];
      }
      const version = document.version;
      const settings = await this.settingsFor(uri);
      // Reading settings may have waited for the client, which may have cancelled meanwhile.
      if (token?.isCancellationRequested) {
        return cancelled();
      }
      const run = this.runFor(document, settings);
      // The text moved on while settings were read: these actions would edit the wrong text.
      const current = this.documents.get(uri);
      if (!run || !current || current.version !== version) {
        return [];
      }
      const actions: CodeAction[] = [];
      const ruleFixAll = new Map<string, TextEdit | undefined>();
      for (const diagnostic of ours) {
        // The offsets a diagnostic of this version carries; else where its range is in this text (the
        // Problems panel may still show the closed file's findings, read from disk by the index, as
        // its document opens). Either way only a finding of the current run there gets actions.
        const data = isDiagnosticData(diagnostic.data) && diagnostic.data.version === version ? diagnostic.data : undefined;
        const start = data ? data.start : current.offsetAt(diagnostic.range.start);
        const end = data ? data.end : current.offsetAt(diagnostic.range.end);
        if (diagnostic.code === UNUSED_DIRECTIVE_CODE) {
          const directive = run.result.unusedDirectives.find((candidate) => candidate.start === start && candidate.end === end);
          if (directive) {
            actions.push(...actionsForUnusedDirective(current, diagnostic, directive));
          }
          continue;
        }
        const finding = run.result.findings.find(
          (candidate) => candidate.ruleId === diagnostic.code && candidate.start === start && candidate.end === end,
        );
        if (finding) {
          if (!ruleFixAll.has(finding.ruleId)) {
            ruleFixAll.set(finding.ruleId, this.fixAllOfRule(current, run, finding.ruleId));
          }
          actions.push(...actionsForFinding(current, diagnostic, finding, ruleFixAll.get(finding.ruleId), this.otherFiles()));
        }
      }
      if (fixAllWanted) {
        this.fixAllRuns++;
        const edit = minimalEdit(current.getText(), fixAll(run.fileName, current.getText(), run.settings.lint, {}, this.lintTextFor(uri)).output);
        if (edit) {
          actions.push(fixAllAction(current, edit));
        }
      }
      return dedupeActions(actions);
    } catch (error) {
      this.logError('codeAction', error);
      return [];
    }
  }

  async hover(params: HoverParams, token?: CancellationToken): Promise<Hover | null | ResponseError> {
    try {
      const document = this.documents.get(params.textDocument.uri);
      if (!document) {
        return null;
      }
      const settings = await this.settingsFor(document.uri);
      if (token?.isCancellationRequested) {
        return cancelled();
      }
      const run = this.runFor(document, settings);
      const current = this.documents.get(params.textDocument.uri);
      const sourceFile = run && this.sourceFiles.current(params.textDocument.uri, run.version);
      if (!run || !current || current.version !== run.version || !sourceFile) {
        return null;
      }
      const hover = hoverAt(sourceFile, current.offsetAt(params.position), run.result.findings, run.settings.lint, this.projectContextOf(document.uri));
      if (!hover) {
        return null;
      }
      return { contents: { kind: MarkupKind.Markdown, value: hover.contents }, range: toRange(current, hover) };
    } catch (error) {
      this.logError('hover', error);
      return null;
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

  /** "Fix all <rule> problems in this file" when two or more findings of the rule have a safe fix:
   * one finding alone has its own fix. */
  private fixAllOfRule(document: TextDocument, run: LintRun, ruleId: string): TextEdit | undefined {
    const fixable = run.result.findings.filter((finding) => finding.ruleId === ruleId && isBulkFixable(finding));
    if (fixable.length < 2) {
      return undefined;
    }
    const text = document.getText();
    this.fixAllRuns++;
    return minimalEdit(text, fixAll(run.fileName, text, run.settings.lint, { onlyRule: ruleId }, this.lintTextFor(document.uri)).output);
  }

  /** How fix-all lints the passes of a document: in its project, when it is indexed. */
  private lintTextFor(uri: string): Parameters<typeof fixAll>[4] {
    const context = this.projectContextOf(uri);
    return (fileName, text, settings) => lint(fileName, text, settings, context);
  }

  private projectContextOf(uri: string): ProjectContext | undefined {
    return uri.startsWith('file:') ? this.workspace.contextOf(pathOf(uri)) : undefined;
  }

  /** The `httpAuthLint/stats` request (protocol.ts). */
  stats(): ServerStats {
    const { rss, heapUsed, heapTotal, external } = process.memoryUsage();
    return {
      pid: process.pid,
      openDocuments: this.documents.keys().length,
      sourceFiles: this.sourceFiles.size,
      fullParses: this.sourceFiles.counts.full,
      incrementalParses: this.sourceFiles.counts.incremental,
      lintRuns: this.lintRuns,
      fixAllRuns: this.fixAllRuns,
      lastLint: this.lastLint,
      index: this.workspace.states(),
      standbyIndexThread: standbyState(),
      closedFilePush: this.closedPush.state(),
      memory: { rss, heapUsed, heapTotal, external },
    };
  }

  private relintAll(): void {
    this.settingsCache.clear();
    for (const document of this.documents.all()) {
      this.schedule(document.uri, 0);
    }
  }

  private schedule(uri: string, delay: number): void {
    this.scheduled.get(uri)?.();
    const run = () => {
      this.scheduled.delete(uri);
      void this.validate(uri);
    };
    // No debounce means the next turn of the event loop: a 0 ms timer waits at least 1 ms in Node.
    if (delay === 0) {
      const immediate = setImmediate(run);
      this.scheduled.set(uri, () => clearImmediate(immediate));
    } else {
      const timer = setTimeout(run, delay);
      this.scheduled.set(uri, () => clearTimeout(timer));
    }
  }

  /** `text`: the document's last text, unsaved edits included. */
  private closed(uri: string, text: string): void {
    this.scheduled.get(uri)?.();
    this.scheduled.delete(uri);
    // A run still waiting for settings finds no generation of its own and drops its result.
    this.generations.delete(uri);
    this.settingsCache.delete(uri);
    this.published.delete(uri);
    this.sourceFiles.delete(uri);
    this.linters.delete(uri);
    this.projectStamps.delete(uri);
    if (uri.startsWith('file:') && this.openPaths.get(pathOf(uri)) === uri) {
      this.openPaths.delete(pathOf(uri));
      // The project reads the file from disk again: what an unsaved edit of it offered is gone.
      if (readRegularFile(pathOf(uri)) !== text) {
        this.workspace.contextOf(pathOf(uri))?.project.forgetSummary(pathOf(uri));
        this.projectFileChanged(uri);
      }
    }
    // A closed file of the workspace shows what the index found in it on disk.
    if (this.pullDiagnostics) {
      this.delivered.delete(uri);
      this.pulledIds.delete(uri);
      this.requestRefresh();
      this.closedPush.publish([{ uri, diagnostics: this.workspaceDiagnostics.ofClosed(uri) }]);
    } else {
      this.guard('clear diagnostics', () => this.connection.sendDiagnostics({ uri, diagnostics: this.workspaceDiagnostics.ofClosed(uri) }));
    }
  }

  private async validate(uri: string): Promise<void> {
    try {
      const generation = ++this.lastGeneration;
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
      const diagnostics = this.analyze(current, settings);
      await this.deliver(uri, current.version, diagnostics);
    } catch (error) {
      this.logError(`validate ${uri}`, error);
    }
  }

  /** The document's diagnostics, from the run of its current version (runFor: a pull and the
   * debounced lint of one edit lint it once). Keeps the run for code actions and hovers. */
  private analyze(current: TextDocument, settings: DocumentSettings): Diagnostic[] {
    const uri = current.uri;
    const analyzed = settings.enable && !settings.ignored && isLintableFile(fileNameOf(current));
    const skip = analyzed ? skipReason(current.getText(), settings.maxFileSize) : undefined;
    const run = analyzed && !skip ? this.runFor(current, settings) : undefined;
    if (run) {
      this.published.set(uri, run);
      this.checked.add(uri);
    } else {
      // Nothing of a document that is not analyzed is kept, least of all its tree.
      this.published.delete(uri);
      this.sourceFiles.delete(uri);
      this.linters.delete(uri);
    }
    this.sendStatus();
    if (!this.firstLintDone) {
      this.firstLintDone = true;
      // The loader caches the compiled code now: it then holds what linting compiled as well.
      (process as NodeJS.EventEmitter).emit(COMPILED_EVENT);
    }
    if (skip) {
      return [toSkipDiagnostic(skip)];
    }
    const otherFile = this.otherFiles();
    return run ? diagnosticsOf(current, run.result, otherFile) : [];
  }

  /** Sends a document's diagnostics (push), or, when the client pulls them, asks it to pull again
   * if they differ from what it was last given. */
  private async deliver(uri: string, version: number, diagnostics: Diagnostic[]): Promise<void> {
    if (!this.pullDiagnostics) {
      await this.connection.sendDiagnostics({ uri, version, diagnostics });
      return;
    }
    this.delivered.set(uri, { version, diagnostics });
    if (this.pulledIds.get(uri) !== resultIdOf(diagnostics)) {
      this.requestRefresh();
    }
  }

  /** `textDocument/diagnostic`: an open document's findings for its current text; a closed file's
   * as its folder's index found them on disk. */
  async documentDiagnostics(params: DocumentDiagnosticParams): Promise<DocumentDiagnosticReport> {
    const uri = params.textDocument.uri;
    let diagnostics: Diagnostic[] = [];
    try {
      const settings = this.documents.get(uri) && (await this.settingsFor(uri));
      const current = this.documents.get(uri);
      if (current && settings) {
        diagnostics = this.analyze(current, settings);
        this.delivered.set(uri, { version: current.version, diagnostics });
      } else {
        diagnostics = this.workspaceDiagnostics.ofClosed(uri);
      }
    } catch (error) {
      this.logError(`diagnostics of ${uri}`, error);
    }
    const report = documentReport(diagnostics, params.previousResultId);
    this.pulledIds.set(uri, report.resultId);
    return report;
  }

  /** `workspace/diagnostic`: the findings of every file of the workspace folders (the open ones
   * from their unsaved text), unchanged where the client already holds them. */
  workspaceDiagnosticReport(params: WorkspaceDiagnosticParams): WorkspaceDiagnosticReport {
    this.closedPush.workspacePulled();
    const files: FileReport[] = this.workspaceDiagnostics.ofClosedFiles().map(({ uri, diagnostics }) => ({ uri, version: null, diagnostics }));
    for (const [uri, { version, diagnostics }] of this.delivered) {
      if (this.documents.get(uri)) {
        files.push({ uri, version, diagnostics });
      }
    }
    const items = workspaceReport(files, params.previousResultIds);
    for (const item of items) {
      this.pulledIds.set(item.uri, item.resultId);
    }
    return { items };
  }

  /** Asks the client to pull every file's diagnostics again, once for all the changes of this turn. */
  private requestRefresh(): void {
    if (!this.hasRefreshCapability || this.refreshPending) {
      return;
    }
    this.refreshPending = true;
    setImmediate(() => {
      this.refreshPending = false;
      this.guard('refresh diagnostics', () => this.connection.languages.diagnostics.refresh());
    });
  }

  /** The run for the document's current version with `settings`: the published one, or a fresh
   * one when the published run is older (the debounce has not fired yet) or used other settings.
   * None for a document that is not analyzed. */
  private runFor(document: TextDocument, settings: DocumentSettings): LintRun | undefined {
    if (!settings.enable || settings.ignored) {
      return undefined;
    }
    const current = this.documents.get(document.uri);
    if (!current || current.version !== document.version) {
      return undefined;
    }
    const published = this.published.get(document.uri);
    if (
      published &&
      published.version === current.version &&
      published.settings === settings &&
      published.project === this.projectContextOf(document.uri)?.project &&
      published.stamp === (this.projectStamps.get(document.uri) ?? 0)
    ) {
      return published;
    }
    if (skipReason(current.getText(), settings.maxFileSize)) {
      return undefined;
    }
    return this.lintNow(current, settings);
  }

  private lintNow(document: TextDocument, settings: DocumentSettings): LintRun | undefined {
    const fileName = fileNameOf(document);
    if (!isLintableFile(fileName)) {
      return undefined;
    }
    const sourceFile = this.sourceFiles.get(document.uri, fileName, document.getText(), document.version);
    this.lintRuns++;
    let linter = this.linters.get(document.uri);
    if (!linter) {
      this.linters.set(document.uri, (linter = new IncrementalLint()));
    }
    const context = this.projectContextOf(document.uri);
    const stamp = this.projectStamps.get(document.uri) ?? 0;
    const project = context && { context, stamp };
    const result = linter.lint(sourceFile, settings.lint, this.sourceFiles.originOf(document.uri), this.rules, project);
    this.lastLint = linter.lastRun;
    // What it offers its project changed (a helper now sends its challenge): its open callers are read again.
    if (linter.summaryChanged) {
      this.projectFileChanged(document.uri);
    }
    for (const failure of result.ruleFailures) {
      const key = `${failure.ruleId}\0${document.uri}`;
      if (!this.loggedFailures.has(key)) {
        this.loggedFailures.add(key);
        this.connection.console.error(
          `Rule ${failure.ruleId} failed on ${document.uri}; the other rules still ran.\n${describe(failure.error)}`,
        );
        this.lastError = `Rule ${failure.ruleId} failed on ${nodePath.basename(fileName)}: ${firstLine(failure.error)}`;
      }
    }
    return { version: document.version, fileName, settings, project: context?.project, stamp, result };
  }

  /** Other files as the editor has them, for one answer (other-files.ts). */
  private otherFiles(): OtherFile {
    return otherFilesOf((file) => this.openDocumentAt(file));
  }

  /** The open document of a file on disk, if it is open. */
  private openDocumentAt(file: string): TextDocument | undefined {
    const uri = this.openPaths.get(file);
    return uri === undefined ? undefined : this.documents.get(uri);
  }

  /** How a folder is indexed, with the editor settings for it: its files are linted for the
   * Problems panel with the settings the user set there, unless the scope is `openFiles` or the
   * linter is disabled there; what the editor excludes from the workspace is not read. */
  private async indexSettingsOf(folder: string): Promise<FolderIndexSettings> {
    const uri = pathToFileURL(folder).href;
    const [editor, exclude] = await Promise.all([this.editorSettingsFor(uri), this.filesExcludeOf(uri)]);
    return {
      maxFileSize: editor.maxFileSize,
      exclude,
      ...(editor.enable && editor.scope === 'workspace' && { lint: { overrides: editor.overrides } }),
    };
  }

  /** The `files.exclude` globs that are on for a folder; none from a client that cannot be asked. */
  private async filesExcludeOf(uri: string): Promise<string[]> {
    if (!this.hasConfigurationCapability) {
      return [];
    }
    try {
      return excludedGlobs(await this.connection.workspace.getConfiguration({ scopeUri: uri, section: 'files.exclude' }));
    } catch (error) {
      this.logError(`read files.exclude for ${uri}`, error);
      return [];
    }
  }

  private publishAll(publications: readonly Publication[]): void {
    if (this.pullDiagnostics) {
      if (publications.length > 0) {
        this.requestRefresh();
      }
      this.closedPush.publish(publications);
      return;
    }
    for (const publication of publications) {
      this.guard('publish workspace diagnostics', () => this.connection.sendDiagnostics(publication));
    }
  }

  /** What an open file offers its project changed: the other open files of the project are read
   * again, in full (their incremental lints see the new stamp). */
  private projectFileChanged(changedUri: string): void {
    const changed = pathOf(changedUri);
    const project = this.workspace.contextOf(changed)?.project;
    const root = this.workspace.rootOf(changed);
    for (const document of this.documents.all()) {
      if (document.uri === changedUri || !document.uri.startsWith('file:') || this.workspace.rootOf(pathOf(document.uri)) !== root) {
        continue;
      }
      // The files that cannot read the changed one keep their findings, and their next lint stays
      // incremental: a 20,000-line file that imports no helper is not linted again.
      if (!project || readsFrom(project, pathOf(document.uri), changed)) {
        this.projectStamps.set(document.uri, (this.projectStamps.get(document.uri) ?? 0) + 1);
        this.schedule(document.uri, this.debounceMs);
      }
    }
  }

  private settingsFor(uri: string): Promise<DocumentSettings> {
    let settings = this.settingsCache.get(uri);
    if (!settings) {
      settings = this.editorSettingsFor(uri).then((editor) => this.documentSettings(uri, editor));
      this.settingsCache.set(uri, settings);
    }
    return settings;
  }

  private editorSettingsFor(uri: string): Promise<EditorSettings> {
    if (!this.hasConfigurationCapability) {
      return Promise.resolve(this.pushedSettings);
    }
    return this.connection.workspace.getConfiguration({ scopeUri: uri, section: SECTION }).then(
      (raw: unknown) => readEditorSettings(raw, (message) => this.warnOnce(message)),
      (error: unknown) => {
        this.logError(`read settings for ${uri}`, error);
        return defaultEditorSettings();
      },
    );
  }

  /** Layers the editor settings over the nearest config file, looked for up to the document's
   * workspace folder (each folder of a multi-root workspace has its own). */
  private documentSettings(uri: string, editor: EditorSettings): DocumentSettings {
    const path = pathOf(uri);
    const folder = this.folderOf(path);
    const fromEditor: DocumentSettings = {
      enable: editor.enable,
      ignored: false,
      maxFileSize: editor.maxFileSize,
      lint: {
        rules: { ...editor.overrides.rules },
        defaultChallenge: editor.overrides.defaultChallenge ?? DEFAULT_CHALLENGE,
        proxyFiles: editor.overrides.proxyFiles ?? [],
        root: folder,
      },
    };
    // An untitled buffer has no folder on disk to look for a config file in.
    if (!uri.startsWith('file:')) {
      return fromEditor;
    }
    try {
      const resolved = resolveProjectSettings(path, this.configs, { boundary: folder, fallbackRoot: folder, overrides: editor.overrides });
      if (resolved.config) {
        this.reportConfig(resolved.config);
      }
      return { enable: editor.enable, ignored: resolved.ignored, maxFileSize: editor.maxFileSize, lint: resolved.settings };
    } catch (error) {
      this.logError(`read the project configuration for ${uri}`, error);
      return fromEditor;
    }
  }

  private folderOf(path: string): string | undefined {
    return this.workspaceFolders
      .filter((folder) => isInside(path, folder))
      .sort((a, b) => b.length - a.length)[0];
  }

  private setWorkspaceFolders(folders: WorkspaceFolder[]): void {
    this.workspaceFolders = folders.map((folder) => pathOf(folder.uri));
  }

  /** Publishes a config file's problems on the file itself (open in the editor or not), when they
   * differ from what was last published there. */
  private reportConfig(loaded: LoadedConfig): void {
    const key = JSON.stringify(loaded.problems);
    if ((this.configReports.get(loaded.path) ?? '[]') === key) {
      return;
    }
    this.configReports.set(loaded.path, key);
    const uri = pathToFileURL(loaded.path).href;
    this.guard('publish config problems', () =>
      this.connection.sendDiagnostics({ uri, diagnostics: configProblemDiagnostics(uri, loaded.text, loaded.problems) }),
    );
  }

  private clearConfigReport(path: string): void {
    if (this.configReports.delete(path)) {
      const uri = pathToFileURL(path).href;
      this.guard('clear config problems', () => this.connection.sendDiagnostics({ uri, diagnostics: [] }));
    }
  }

  /** Tells the client's status item what changed since the last time (not on every keystroke). */
  private sendStatus(): void {
    const params: StatusParams = { checkedFiles: this.checked.size };
    if (this.lastError !== undefined) {
      params.lastError = this.lastError;
    }
    const sent = JSON.stringify(params);
    if (sent === this.lastStatus) {
      return;
    }
    this.lastStatus = sent;
    this.guard('send status', () => this.connection.sendNotification(STATUS_NOTIFICATION, params));
  }

  private warnOnce(message: string): void {
    if (this.loggedWarnings.has(message)) return;
    this.loggedWarnings.add(message);
    try {
      this.connection.console.warn(message);
    } catch {
      // The connection is gone (the client exited); there is nobody left to tell.
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
    this.lastError = `${what} failed: ${firstLine(error)}`;
    try {
      this.connection.console.error(`${what} failed: ${describe(error)}`);
      this.sendStatus();
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

/** The file system path of a `file:` URI (the path part of any other), without a trailing separator. */
function pathOf(uri: string): string {
  try {
    const path = uri.startsWith('file:') ? fileURLToPath(uri) : decodeURIComponent(new URL(uri).pathname);
    return path.length > 1 ? path.replace(/[\\/]$/, '') : path;
  } catch {
    return uri;
  }
}

/** The engine picks the script kind from the name's extension. An untitled document (or a file
 * without an extension) has none: its language id says which one it would have. */
export function fileNameOf(document: TextDocument): string {
  const path = pathOf(document.uri);
  if (/\.[cm]?[jt]sx?$/i.test(path)) {
    return path;
  }
  return `${path}${EXTENSION_BY_LANGUAGE[document.languageId] ?? '.ts'}`;
}

function isFile(path: string): boolean {
  try {
    return statSync(path).isFile();
  } catch {
    return false;
  }
}

function isDirectory(path: string): boolean {
  try {
    return statSync(path).isDirectory();
  } catch {
    return false;
  }
}

function cancelled(): ResponseError {
  return new ResponseError(LSPErrorCodes.RequestCancelled, 'The request was cancelled.');
}

function describe(error: unknown): string {
  return error instanceof Error ? (error.stack ?? error.message) : String(error);
}

function firstLine(error: unknown): string {
  return (error instanceof Error ? error.message : String(error)).split('\n')[0]!;
}
