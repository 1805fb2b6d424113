// What the client and the server of the extension both name: the settings section, the fix-all
// code action kind, and the status notification. Plain values and types only, so the client's
// bundle takes nothing from the server's libraries when it imports this file.

/** The settings section in VS Code (`httpAuthLint.*`). */
export const SECTION = 'httpAuthLint';

/** The diagnostics' `source`, and the suffix of the fix-all code action kind. */
export const SOURCE = 'http-auth-lint';

/** `source.fixAll.<tool>` is the kind VS Code's `editor.codeActionsOnSave` asks for by name. */
export const FIX_ALL_KIND = `source.fixAll.${SOURCE}`;

/** Sent by the server after each lint, so the client's status item can say what it does. */
export const STATUS_NOTIFICATION = 'httpAuthLint/status';

export interface StatusParams {
  /** Distinct documents linted since the server started. */
  checkedFiles: number;
  /** The last failure the server logged (a rule that threw, a handler that failed), if any. */
  lastError?: string;
}

/** What a client may pass as `initializationOptions`. */
export interface InitializationOptions {
  /** Milliseconds of typing pause before a document is linted again (default 150). Tests and the
   * benchmark pass 0 to see every change linted at once. */
  debounceMs?: number;
}

/** A request for what the server holds and has done: for the tests (the process to kill, work done
 * or not done for a request) and the benchmark (trees kept, memory). No parameters. */
export const STATS_REQUEST = 'httpAuthLint/stats';

/** A workspace folder's index, as the server's statistics report it. */
export interface FolderIndexState {
  folder: string;
  state: 'indexing' | 'ready' | 'failed';
  /** The files of its projects that were read (git-ignored ones are not). */
  files: number;
  projects: number;
  /** How long its last index took, from its start to its last project. */
  ms: number;
  /** Files changed on disk that this index has not read yet: another one follows. */
  stale?: boolean;
}

export interface ServerStats {
  pid: number;
  /** Documents open in the client. */
  openDocuments: number;
  /** Syntax trees kept (one per open document that is analyzed, none for the others). */
  sourceFiles: number;
  /** Trees parsed from the whole text, and trees brought up to date with ts.updateSourceFile. */
  fullParses: number;
  incrementalParses: number;
  /** Runs of the engine's rules over a tree (lints), and of its fix-all (code actions). */
  lintRuns: number;
  fixAllRuns: number;
  /** The last lint: the file's top-level statements, and how many of them were analysed (the others
   * kept their findings from the lint before: the edit did not touch them). */
  lastLint: { statements: number; analyzed: number };
  /** The workspace folders' indexes: indexing, ready or failed; files read, projects, time taken. */
  index: FolderIndexState[];
  /** The index thread the loader starts before the server's code (standby-index-thread.ts):
   * waiting for the first folder, taken by its index, released (no folder, or not taken in
   * time), failed before it was taken (the index started its own), or none (a build without the
   * loader). */
  standbyIndexThread: 'waiting' | 'taken' | 'released' | 'failed' | 'none';
  /** The findings of files not open, for a client that pulls diagnostics (closed-file-push.ts):
   * off (the client does not pull: all are pushed), waiting (for its first workspace pull),
   * pushing (it did not ask for the workspace report in time), or pulled (it did: nothing is
   * pushed from then on). */
  closedFilePush: 'off' | 'waiting' | 'pushing' | 'pulled';
  /** process.memoryUsage() at the time of the answer, in bytes. */
  memory: { rss: number; heapUsed: number; heapTotal: number; external: number };
}
