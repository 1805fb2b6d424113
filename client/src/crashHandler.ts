// What the client does when the language server dies (issue 5: a crash must never leave the user
// without findings, or without knowing why): restart it, up to MAX_RESTARTS times within
// WINDOW_MS, telling the user once that it happened; after that, leave it stopped and say so, with
// the way to start it again. The library's own handler would show its generic message on every
// stop; ours marks each result `handled`, so the client only logs its message to the output.
import { CloseAction, ErrorAction, type CloseHandlerResult, type ErrorHandler, type ErrorHandlerResult } from 'vscode-languageclient/node';

/** Crashes this close together count towards the limit (the library's default window). */
export const WINDOW_MS = 3 * 60 * 1000;
/** Restarts allowed within the window; the next crash leaves the server stopped. */
export const MAX_RESTARTS = 4;

export const RESTARTED_MESSAGE = "HTTP Auth Lint's server stopped unexpectedly and was restarted; see the output.";

export function stoppedMessage(crashes: number, restartCommandTitle: string): string {
  return (
    `HTTP Auth Lint's server stopped unexpectedly ${crashes} times in ${WINDOW_MS / 60_000} minutes and was not restarted; ` +
    `see the output. "${restartCommandTitle}" starts it again.`
  );
}

export type Notice = { severity: 'warning'; message: string } | { severity: 'error'; message: string };

export class CrashHandler implements ErrorHandler {
  /** What the user was told, oldest first (the end-to-end test reads it). */
  readonly notices: Notice[] = [];
  private crashes: number[] = [];
  private toldRestarted = false;

  constructor(
    private readonly tell: (notice: Notice) => void,
    private readonly restartCommandTitle: string,
    private readonly now: () => number = Date.now,
  ) {}

  /** A message failed to be read or written. When the server's process has ended, `closed`
   * follows and decides (restart it, or leave it stopped and say so). A dying connection fails
   * every message still in flight (the pulls of open files and of the workspace), so the library's
   * default, shutting down after three errors, would stop the server without a word: go on. */
  error(): ErrorHandlerResult {
    return { action: ErrorAction.Continue, handled: true };
  }

  /** The server's process ended without being asked to (a stop or Restart Server never gets here). */
  closed(): CloseHandlerResult {
    const now = this.now();
    this.crashes = [...this.crashes.filter((time) => now - time < WINDOW_MS), now];
    if (this.crashes.length > MAX_RESTARTS) {
      const message = stoppedMessage(this.crashes.length, this.restartCommandTitle);
      this.crashes = [];
      this.notify({ severity: 'error', message });
      return { action: CloseAction.DoNotRestart, message, handled: true };
    }
    if (!this.toldRestarted) {
      this.toldRestarted = true;
      this.notify({ severity: 'warning', message: RESTARTED_MESSAGE });
    }
    return { action: CloseAction.Restart, message: 'The server stopped unexpectedly; restarting it.', handled: true };
  }

  /** The user restarted the server: earlier crashes no longer count against the new one. */
  reset(): void {
    this.crashes = [];
  }

  private notify(notice: Notice): void {
    this.notices.push(notice);
    this.tell(notice);
  }
}
