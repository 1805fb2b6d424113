// Findings -> LSP diagnostics. A diagnostic carries in `data` the version and offsets it was
// computed for, so a code action request can tell a current diagnostic from a stale one.
import { DiagnosticSeverity, type Diagnostic, type Range } from 'vscode-languageserver/node';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import type { Finding, ReportedSeverity, TextRange } from './engine/types';

export const SOURCE = 'http-auth-lint';

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

export function toDiagnostic(document: TextDocument, finding: Finding): Diagnostic {
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
  if (finding.related.length > 0) {
    diagnostic.relatedInformation = finding.related.map((related) => ({
      location: { uri: document.uri, range: toRange(document, related) },
      message: related.message,
    }));
  }
  return diagnostic;
}

export function isDiagnosticData(value: unknown): value is DiagnosticData {
  if (typeof value !== 'object' || value === null) {
    return false;
  }
  const data = value as Record<string, unknown>;
  return typeof data.version === 'number' && typeof data.start === 'number' && typeof data.end === 'number';
}
