// Findings -> quick fixes, and the fix-all actions. Every edit is a `TextDocumentEdit` pinned to the
// version the finding was computed for: the editor refuses to apply it to any other version of
// the text.
import {
  CodeActionKind,
  TextDocumentEdit,
  type CodeAction,
  type Diagnostic,
} from 'vscode-languageserver/node';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import { disableForLineFix } from './engine';
import type { Finding, Fix, TextEdit, UnusedDirective } from './engine/types';
import { toRange, type OtherFile } from './diagnostics';
import { FIX_ALL_KIND, SOURCE } from './protocol';

export const SHOW_DOCUMENTATION_COMMAND = 'httpAuthLint.showDocumentation';

export function showDocumentationTitle(ruleId: string): string {
  return `Show documentation for ${ruleId}`;
}

export function fixAllRuleTitle(ruleId: string): string {
  return `Fix all ${ruleId} problems in this file`;
}

export const FIX_ALL_TITLE = `Fix all safely fixable ${SOURCE} problems`;

function editOf(document: TextDocument, edits: readonly TextEdit[]): CodeAction['edit'] {
  return {
    documentChanges: [
      TextDocumentEdit.create(
        { uri: document.uri, version: document.version },
        edits.map((edit) => ({ range: toRange(document, edit), newText: edit.newText })),
      ),
    ],
  };
}

/** The edit of a fix that also edits other files (the challenge in the app's error handler): one
 * change per file, each pinned to the version of the file it was computed for (an open document's,
 * or none for a file read from disk); undefined when another file cannot be read. */
function workspaceEditOf(document: TextDocument, edits: readonly TextEdit[], otherFile: OtherFile): CodeAction['edit'] | undefined {
  const byFile = new Map<string | undefined, TextEdit[]>();
  for (const edit of edits) {
    const fileEdits = byFile.get(edit.file);
    if (fileEdits) fileEdits.push(edit);
    else byFile.set(edit.file, [edit]);
  }
  const documentChanges: TextDocumentEdit[] = [];
  for (const [file, fileEdits] of byFile) {
    const other = file === undefined ? { document, open: true } : otherFile(file);
    if (!other) {
      return undefined;
    }
    const target = other.document;
    documentChanges.push(TextDocumentEdit.create({ uri: target.uri, version: other.open ? target.version : null }, fileEdits.map((edit) => ({ range: toRange(target, edit), newText: edit.newText }))));
  }
  return { documentChanges };
}

function fixAction(document: TextDocument, diagnostic: Diagnostic, fix: Fix, preferred: boolean, otherFile: OtherFile = () => undefined): CodeAction {
  if (fix.disabledReason === undefined && fix.edits.some((edit) => edit.file !== undefined)) {
    const edit = workspaceEditOf(document, fix.edits, otherFile);
    if (!edit) {
      return { title: fix.title, kind: CodeActionKind.QuickFix, diagnostics: [diagnostic], disabled: { reason: 'the other file this fix edits cannot be read' } };
    }
    return { title: fix.title, kind: CodeActionKind.QuickFix, diagnostics: [diagnostic], edit, ...(preferred && { isPreferred: true }) };
  }
  if (fix.disabledReason !== undefined) {
    // Shown greyed out with the reason: the user learns why there is no edit in this idiom.
    return { title: fix.title, kind: CodeActionKind.QuickFix, diagnostics: [diagnostic], disabled: { reason: fix.disabledReason } };
  }
  const action: CodeAction = { title: fix.title, kind: CodeActionKind.QuickFix, diagnostics: [diagnostic], edit: editOf(document, fix.edits) };
  if (preferred) {
    action.isPreferred = true;
  }
  return action;
}

/** Whether a finding's fix is applied in bulk: the engine's fix-all takes each finding's first fix
 * when it is safe. */
export function isBulkFixable(finding: Finding): boolean {
  const first = finding.fixes[0];
  return first !== undefined && first.safe && first.edits.length > 0;
}

/** The actions for one finding: its fixes (the first safe one preferred), "Fix all <rule> problems
 * in this file" when `fixAllOfRule` is given (the file has several), then "Disable <rule> for this
 * line", then "Show documentation for <rule>". */
export function actionsForFinding(document: TextDocument, diagnostic: Diagnostic, finding: Finding, fixAllOfRule?: TextEdit, otherFile?: OtherFile): CodeAction[] {
  const preferred = finding.fixes.findIndex((fix) => fix.safe);
  const actions = finding.fixes.map((fix, index) => fixAction(document, diagnostic, fix, index === preferred, otherFile));
  if (fixAllOfRule) {
    actions.push({
      title: fixAllRuleTitle(finding.ruleId),
      kind: CodeActionKind.QuickFix,
      diagnostics: [diagnostic],
      edit: editOf(document, [fixAllOfRule]),
    });
  }
  actions.push(fixAction(document, diagnostic, disableForLineFix(document.getText(), finding), false));
  const title = showDocumentationTitle(finding.ruleId);
  actions.push({
    title,
    kind: CodeActionKind.QuickFix,
    diagnostics: [diagnostic],
    command: { title, command: SHOW_DOCUMENTATION_COMMAND, arguments: [finding.docsUrl] },
  });
  return actions;
}

/** "Remove the unused suppression" for a suppression comment that suppresses nothing. */
export function actionsForUnusedDirective(document: TextDocument, diagnostic: Diagnostic, directive: UnusedDirective): CodeAction[] {
  return [fixAction(document, diagnostic, directive.fix, true)];
}

/** The source action of `editor.codeActionsOnSave` and the Source Action menu: every safe fix and
 * every unused suppression's removal, as one edit (the engine's fix-all reduced to the changed span). */
export function fixAllAction(document: TextDocument, edit: TextEdit): CodeAction {
  return { title: FIX_ALL_TITLE, kind: FIX_ALL_KIND, edit: editOf(document, [edit]) };
}

/** Two findings of one rule on one line offer the same "Disable" and "Show documentation"
 * actions; the lightbulb should list each once. */
export function dedupeActions(actions: CodeAction[]): CodeAction[] {
  const seen = new Set<string>();
  return actions.filter((action) => {
    const key = JSON.stringify([action.title, action.edit ?? null, action.command ?? null]);
    if (seen.has(key)) {
      return false;
    }
    seen.add(key);
    return true;
  });
}

/** `context.only` filters by kind prefix (LSP 3.17): `kind` is wanted by itself or by a parent of it
 * (`source` and `source.fixAll` ask for `source.fixAll.http-auth-lint`). */
function asks(only: readonly string[], kind: string): boolean {
  return only.some((wanted) => kind === wanted || kind.startsWith(`${wanted}.`));
}

/** Quick fixes are wanted by `quickfix` or by no filter (the lightbulb). */
export function wantsQuickFixes(only: string[] | undefined): boolean {
  return only === undefined || asks(only, CodeActionKind.QuickFix);
}

/** Fix-all only when asked for by kind (on save, the Source Action menu): the lightbulb's list stays
 * about the finding under the cursor. */
export function wantsFixAll(only: string[] | undefined): boolean {
  return only !== undefined && asks(only, FIX_ALL_KIND);
}
