// One linted file's findings, positioned in lines and columns: what every formatter reads.
import type { Finding, Fix, LintResult, ReportedSeverity, TextRange } from '../engine';
import { LineIndex } from './positions';

/** What stylish, SARIF and GitHub annotations call a report of an unused suppression comment
 * (ESLint's JSON has `ruleId: null` for it, and so has ours). */
export const UNUSED_DIRECTIVE_ID = 'unused-disable-directive';

/** 1-based lines and columns, like ESLint's; the end is exclusive. Columns count UTF-16 units. */
export interface Span {
  line: number;
  column: number;
  endLine: number;
  endColumn: number;
}

export interface PositionedEdit extends Span {
  newText: string;
  /** The file it edits, when it is not the report's (a fix in the app's error handler). */
  filePath?: string;
}

export interface Problem extends Span {
  /** null: a suppression comment that suppresses nothing (--report-unused-disable). */
  ruleId: string | null;
  severity: ReportedSeverity;
  message: string;
  docsUrl: string | undefined;
  /** Places that explain the finding (the guard that was read, a helper or error handler of
   * another file: `filePath` then says which). */
  related: (Span & { message: string; filePath?: string })[];
  /** Its first fix is safe: --fix applies it. */
  fixable: boolean;
  /** The fixes that carry edits, safe ones and suggestions. */
  fixes: { title: string; safe: boolean; edits: PositionedEdit[] }[];
}

/** A rule that threw on a file, by its message: reports cross from worker threads as plain data. */
export interface FailureReport {
  ruleId: string;
  message: string;
}

/** Plain data (structured-cloneable): worker threads send it to the main thread as it is. */
export interface FileReport {
  /** Absolute. */
  filePath: string;
  /** The text the problems are positioned in (after --fix or --fix-dry-run, the fixed text). */
  source: string;
  problems: Problem[];
  ruleFailures: FailureReport[];
  /** The fixed text, when --fix or --fix-dry-run changed the file. */
  output?: string;
}

/** A problem in a configuration file (reported on stderr, and by sarif and github). */
export interface ConfigProblemReport extends Span {
  /** Absolute. */
  filePath: string;
  message: string;
}

/** A file or folder the run skipped (reported on stderr, and by sarif as a notification). */
export interface SkippedReport {
  /** Absolute. */
  path: string;
  reason: string;
  /** It could not be read: the run is incomplete. Otherwise it was skipped on purpose (too large,
   * binary, not lintable). */
  incomplete: boolean;
}

export interface Counts {
  errorCount: number;
  warningCount: number;
  fixableErrorCount: number;
  fixableWarningCount: number;
}

/** ESLint knows two severities: error is 2; warning, information and hint count as warnings (1). */
export function eslintSeverity(severity: ReportedSeverity): 1 | 2 {
  return severity === 'error' ? 2 : 1;
}

export function countProblems(problems: readonly Problem[]): Counts {
  const counts: Counts = { errorCount: 0, warningCount: 0, fixableErrorCount: 0, fixableWarningCount: 0 };
  for (const problem of problems) {
    if (eslintSeverity(problem.severity) === 2) {
      counts.errorCount++;
      if (problem.fixable) counts.fixableErrorCount++;
    } else {
      counts.warningCount++;
      if (problem.fixable) counts.fixableWarningCount++;
    }
  }
  return counts;
}

export function countAll(reports: readonly FileReport[]): Counts {
  return countProblems(reports.flatMap((report) => report.problems));
}

/** --quiet: the errors alone. */
export function errorsOnly(reports: readonly FileReport[]): FileReport[] {
  return reports.map((report) => ({ ...report, problems: report.problems.filter((problem) => problem.severity === 'error') }));
}

/** The fix --fix applies for a finding: its first, when safe and not disabled (as engine fixAll). */
export function isFixable(finding: Finding): boolean {
  const fix = finding.fixes[0];
  return !!fix && fix.safe && fix.edits.length > 0;
}

function positioned(lines: LineIndex, range: TextRange): Span {
  const start = lines.at(range.start);
  const end = lines.at(range.end);
  return { line: start.line, column: start.column, endLine: end.line, endColumn: end.column };
}

function positionedFixes(lines: LineIndex, fixes: readonly Fix[], otherFile?: OtherFileLines): Problem['fixes'] {
  return fixes
    .filter((fix) => fix.edits.length > 0)
    .flatMap((fix) => {
      const edits: PositionedEdit[] = [];
      for (const edit of fix.edits) {
        const other = edit.file === undefined ? undefined : otherFile?.(edit.file);
        if (edit.file !== undefined && !other) return []; // a file that cannot be read: no fix to offer
        edits.push({ ...positioned(other ?? lines, edit), newText: edit.newText, ...(edit.file !== undefined && { filePath: edit.file }) });
      }
      return [{ title: fix.title, safe: fix.safe, edits }];
    });
}

/** The positions in another file, for related locations there; undefined when it cannot be read. */
export type OtherFileLines = (filePath: string) => LineIndex | undefined;

/** The report of one file from a lint result of `source`. */
export function toReport(filePath: string, source: string, result: LintResult, options: { reportUnusedDisable: boolean; otherFile?: OtherFileLines }): FileReport {
  const ruleFailures = result.ruleFailures.map((failure) => ({
    ruleId: failure.ruleId,
    message: failure.error instanceof Error ? failure.error.message : String(failure.error),
  }));
  if (result.findings.length === 0 && (!options.reportUnusedDisable || result.unusedDirectives.length === 0)) {
    // Most files: no line index to build, and no text to keep (it is shown in code frames only).
    return { filePath, source: '', problems: [], ruleFailures };
  }
  const lines = new LineIndex(source);
  const problems: Problem[] = result.findings.map((finding) => ({
    ruleId: finding.ruleId,
    severity: finding.severity,
    message: finding.message,
    docsUrl: finding.docsUrl,
    ...positioned(lines, finding),
    related: finding.related.flatMap((related) => {
      if (related.file === undefined || related.file === filePath) return [{ ...positioned(lines, related), message: related.message }];
      const other = options.otherFile?.(related.file);
      return other ? [{ ...positioned(other, related), message: related.message, filePath: related.file }] : [];
    }),
    fixable: isFixable(finding),
    fixes: positionedFixes(lines, finding.fixes, options.otherFile),
  }));
  if (options.reportUnusedDisable) {
    for (const directive of result.unusedDirectives) {
      problems.push({
        ruleId: null,
        severity: 'warning',
        message: directive.message,
        docsUrl: undefined,
        ...positioned(lines, directive),
        related: [],
        // --fix removes it when unused directives are reported (as ESLint with reportUnusedDisableDirectives).
        fixable: directive.fix.safe && directive.fix.edits.length > 0,
        fixes: positionedFixes(lines, [directive.fix]),
      });
    }
  }
  problems.sort((a, b) => a.line - b.line || a.column - b.column);
  return { filePath, source, problems, ruleFailures };
}
