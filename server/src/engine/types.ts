// The engine's public vocabulary: everything the server and the CLI read from a lint run.
// Positions are 0-based UTF-16 offsets into the linted text; shells convert them to lines.

export const SEVERITIES = ['off', 'hint', 'information', 'warning', 'error'] as const;
export type Severity = (typeof SEVERITIES)[number];
export type ReportedSeverity = Exclude<Severity, 'off'>;

export interface TextRange {
  start: number;
  end: number;
}

/** Replaces `text.slice(start, end)` with `newText`; `start === end` inserts. */
export interface TextEdit extends TextRange {
  newText: string;
  /** The file it edits, when it is not the finding's own (the app's error handler, a helper). */
  file?: string;
}

/** A code change offered for a finding. `safe` fixes may be applied in bulk (fix-all, `--fix`);
 * the others are suggestions a person applies one by one. A fix that cannot be written in the
 * framework's idiom has no edits and says why in `disabledReason` (an editor shows it greyed out). */
export interface Fix {
  title: string;
  edits: TextEdit[];
  safe: boolean;
  disabledReason?: string;
}

/** A place that explains a finding: the guard that was read, where a header was set. */
export interface RelatedLocation extends TextRange {
  message: string;
  /** The file it is in, when it is not the finding's own (a helper, an error handler). */
  file?: string;
}

export interface Finding extends TextRange {
  ruleId: string;
  severity: ReportedSeverity;
  message: string;
  docsUrl: string;
  related: RelatedLocation[];
  fixes: Fix[];
}

export interface SyntaxProblem extends TextRange {
  message: string;
}

/** A rule that threw: reported so a shell can log it once; the other rules still ran. */
export interface RuleFailure {
  ruleId: string;
  error: unknown;
}

/** A suppression comment that suppressed nothing; its fix removes it (or the idle rule names). */
export interface UnusedDirective extends TextRange {
  message: string;
  fix: Fix;
}

export interface LintResult {
  findings: Finding[];
  syntaxErrors: SyntaxProblem[];
  ruleFailures: RuleFailure[];
  unusedDirectives: UnusedDirective[];
}

export interface LintSettings {
  /** Severity per rule id; a rule missing here runs at its default severity. */
  rules: Record<string, Severity>;
  /** The `WWW-Authenticate` value quick fixes write. */
  defaultChallenge: string;
  /** Globs of files that are proxy code (`httpAuthLint.proxyFiles`), relative to `root`. */
  proxyFiles?: readonly string[];
  /** The folder `proxyFiles` are relative to: the workspace folder, or the CLI's current directory. */
  root?: string;
}

export const DEFAULT_CHALLENGE = 'Bearer realm="api"';
