// Findings, unused suppressions and config file problems -> LSP diagnostics. A diagnostic of a
// document carries in `data` the version and offsets it was computed for, so a code action
// request can tell a current diagnostic from a stale one.
import { DiagnosticSeverity, DiagnosticTag, type Diagnostic, type Range } from 'vscode-languageserver/node';
import { TextDocument } from 'vscode-languageserver-textdocument';
import type { ConfigProblem } from './engine';
import type { Finding, LintResult, ReportedSeverity, TextRange, UnusedDirective } from './engine/types';
import { SOURCE } from './protocol';
import type { SkipReason } from './skip';

export { SOURCE };

/** The code of a suppression comment that suppresses nothing (ESLint's name for the same report). */
export const UNUSED_DIRECTIVE_CODE = 'unused-disable-directive';

export interface DiagnosticData {
  version: number;
  start: number;
  end: number;
}

const SEVERITY: Record<ReportedSeverity, DiagnosticSeverity> = {
  hint: DiagnosticSeverity.Hint,
  information: DiagnosticSeverity.Information,
  warning: DiagnosticSeverity.Warning,
  error: DiagnosticSeverity.Error,
};

export function toRange(document: TextDocument, range: TextRange): Range {
  return { start: document.positionAt(range.start), end: document.positionAt(range.end) };
}

/** Another file a finding points at (a helper, an error handler), as the editor has it: an open
 * document, or the file read from disk; undefined when it cannot be read. */
export type OtherFile = (file: string) => { document: TextDocument; open: boolean } | undefined;

export function toDiagnostic(document: TextDocument, finding: Finding, otherFile: OtherFile = () => undefined): Diagnostic {
  const data: DiagnosticData = { version: document.version, start: finding.start, end: finding.end };
  const diagnostic: Diagnostic = {
    range: toRange(document, finding),
    severity: SEVERITY[finding.severity],
    code: finding.ruleId,
    codeDescription: { href: finding.docsUrl },
    source: SOURCE,
    message: finding.message,
    data,
  };
  // Places in other files (a helper, an error handler) come from project analysis; one whose
  // file cannot be read is left out rather than pointed at the wrong line.
  const related = finding.related.flatMap((r) => {
    const file = r.file === undefined ? document : otherFile(r.file)?.document;
    return file ? [{ location: { uri: file.uri, range: toRange(file, r) }, message: r.message }] : [];
  });
  if (related.length > 0) {
    diagnostic.relatedInformation = related;
  }
  return diagnostic;
}

/** A lint's diagnostics as a document shows them: its findings, then its unused suppressions
 * (an open document, and a file the index linted for the Problems panel). */
export function diagnosticsOf(document: TextDocument, result: LintResult, otherFile?: OtherFile): Diagnostic[] {
  return [...result.findings.map((finding) => toDiagnostic(document, finding, otherFile)), ...result.unusedDirectives.map((directive) => toUnusedDirectiveDiagnostic(document, directive))];
}

/** A hint, drawn faded (`Unnecessary`) like unused code: the comment can go. */
export function toUnusedDirectiveDiagnostic(document: TextDocument, directive: UnusedDirective): Diagnostic {
  const data: DiagnosticData = { version: document.version, start: directive.start, end: directive.end };
  return {
    range: toRange(document, directive),
    severity: DiagnosticSeverity.Hint,
    tags: [DiagnosticTag.Unnecessary],
    code: UNUSED_DIRECTIVE_CODE,
    source: SOURCE,
    message: directive.message,
    data,
  };
}

/** The one diagnostic of a document that was not analyzed (too large, not text), at its start:
 * informational, since nothing is wrong with the code that we know of. */
export function toSkipDiagnostic(reason: SkipReason): Diagnostic {
  return {
    range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } },
    severity: DiagnosticSeverity.Information,
    code: reason.code,
    source: SOURCE,
    message: reason.message,
  };
}

/** Problems of a `.httpauthlintrc.json`, shown on the file itself: each one dropped only its entry,
 * but the user should learn that the project runs without it. */
export function configProblemDiagnostics(uri: string, text: string, problems: readonly ConfigProblem[]): Diagnostic[] {
  const file = TextDocument.create(uri, 'json', 0, text);
  return problems.map((problem) => ({
    range: toRange(file, problem),
    severity: DiagnosticSeverity.Error,
    source: SOURCE,
    message: problem.message,
  }));
}

export function isDiagnosticData(value: unknown): value is DiagnosticData {
  if (typeof value !== 'object' || value === null) {
    return false;
  }
  const data = value as Record<string, unknown>;
  return typeof data.version === 'number' && typeof data.start === 'number' && typeof data.end === 'number';
}
