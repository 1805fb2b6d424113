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
