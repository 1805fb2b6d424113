// Findings -> quick fixes. Every edit is a `TextDocumentEdit` pinned to the version the finding was
// computed for: the editor refuses to apply it to any other version of the text.
import {
  CodeActionKind,
  TextDocumentEdit,
  type CodeAction,
  type Diagnostic,
} from 'vscode-languageserver/node';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import { disableForLineFix } from './engine';
import type { Finding, Fix } from './engine/types';
import { toRange } from './diagnostics';

export const SHOW_DOCUMENTATION_COMMAND = 'httpAuthLint.showDocumentation';

export function showDocumentationTitle(ruleId: string): string {
  return `Show documentation for ${ruleId}`;
}

function fixAction(document: TextDocument, diagnostic: Diagnostic, fix: Fix, preferred: boolean): CodeAction {
  if (fix.disabledReason !== undefined) {
    // Shown greyed out with the reason: the user learns why there is no edit in this idiom.
    return { title: fix.title, kind: CodeActionKind.QuickFix, diagnostics: [diagnostic], disabled: { reason: fix.disabledReason } };
  }
  const action: CodeAction = {
    title: fix.title,
    kind: CodeActionKind.QuickFix,
    diagnostics: [diagnostic],
    edit: {
      documentChanges: [
        TextDocumentEdit.create(
          { uri: document.uri, version: document.version },
          fix.edits.map((edit) => ({ range: toRange(document, edit), newText: edit.newText })),
        ),
      ],
    },
  };
  if (preferred) {
    action.isPreferred = true;
  }
  return action;
}

/** The actions for one finding: its fixes (the first safe one preferred), then "Disable <rule> for
 * this line", then "Show documentation for <rule>". */
export function actionsForFinding(document: TextDocument, diagnostic: Diagnostic, finding: Finding): CodeAction[] {
  const preferred = finding.fixes.findIndex((fix) => fix.safe);
  const actions = finding.fixes.map((fix, index) => fixAction(document, diagnostic, fix, index === preferred));
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

/** `context.only` filters by kind prefix: `quickfix` is wanted by `quickfix` itself or by no filter. */
export function wantsQuickFixes(only: string[] | undefined): boolean {
  return only === undefined || only.some((kind) => kind === CodeActionKind.QuickFix || CodeActionKind.QuickFix.startsWith(`${kind}.`));
}
