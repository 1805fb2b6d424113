// LSP 3.17 pull diagnostics (textDocument/diagnostic, workspace/diagnostic): each report carries a
// result id, a hash of its diagnostics. A client that asks again with the id of what it already
// shows gets "unchanged": a file whose findings did not change costs a few bytes, however often the
// client asks (VS Code asks for the workspace again two seconds after every answer).
import { createHash } from 'node:crypto';
import {
  DocumentDiagnosticReportKind,
  type Diagnostic,
  type FullDocumentDiagnosticReport,
  type PreviousResultId,
  type UnchangedDocumentDiagnosticReport,
  type WorkspaceDocumentDiagnosticReport,
} from 'vscode-languageserver/node';

/** The diagnostics of one file, as the workspace report lists them. */
export interface FileReport {
  uri: string;
  /** The open document's version they are of; null for a file read from disk. */
  version: number | null;
  diagnostics: Diagnostic[];
}

/** Result ids of the lists already hashed: the index's lists of closed files live until their
 * file's findings change (and no list is changed once made), and VS Code asks for the whole
 * workspace every two seconds: a list is hashed once, not on every pull. */
const resultIds = new WeakMap<readonly Diagnostic[], string>();

export function resultIdOf(diagnostics: readonly Diagnostic[]): string {
  let id = resultIds.get(diagnostics);
  if (id === undefined) {
    id = createHash('sha1').update(JSON.stringify(diagnostics)).digest('base64url').slice(0, 16);
    resultIds.set(diagnostics, id);
  }
  return id;
}

const NO_DIAGNOSTICS = resultIdOf([]);

/** A report with its result id (optional in the protocol, always given here). */
export type IdentifiedReport = (FullDocumentDiagnosticReport | UnchangedDocumentDiagnosticReport) & { resultId: string };

export function documentReport(diagnostics: Diagnostic[], previousResultId: string | undefined): IdentifiedReport {
  const resultId = resultIdOf(diagnostics);
  return resultId === previousResultId ? { kind: DocumentDiagnosticReportKind.Unchanged, resultId } : { kind: DocumentDiagnosticReportKind.Full, resultId, items: diagnostics };
}

/** The report of the workspace: every file with findings, full where the client's id differs, and
 * an empty full report for each file the client has findings of that now has none. */
export function workspaceReport(files: readonly FileReport[], previous: readonly PreviousResultId[]): (WorkspaceDocumentDiagnosticReport & { resultId: string })[] {
  const known = new Map(previous.map((entry) => [entry.uri, entry.value]));
  const items: (WorkspaceDocumentDiagnosticReport & { resultId: string })[] = [];
  const listed = new Set<string>();
  for (const { uri, version, diagnostics } of files) {
    listed.add(uri);
    const report = documentReport(diagnostics, known.get(uri));
    items.push({ ...report, uri, version });
  }
  for (const [uri, value] of known) {
    if (!listed.has(uri) && value !== NO_DIAGNOSTICS) items.push({ kind: DocumentDiagnosticReportKind.Full, uri, version: null, resultId: NO_DIAGNOSTICS, items: [] });
  }
  return items;
}
