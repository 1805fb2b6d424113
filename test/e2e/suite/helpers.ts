// Helpers for the extension-host suite. Diagnostics are awaited through
// vscode.languages.onDidChangeDiagnostics with a deadline, never a fixed sleep (shared/STYLE.md),
// and positions are found by substring, not hand-counted columns.
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';

export const SOURCE = 'http-auth-lint';

export function workspaceUri(name: string): vscode.Uri {
  const folder = vscode.workspace.workspaceFolders?.[0];
  assert.ok(folder, 'the suite needs the fixture workspace open');
  return vscode.Uri.joinPath(folder.uri, name);
}

export async function openFixture(name: string): Promise<vscode.TextEditor> {
  const doc = await vscode.workspace.openTextDocument(workspaceUri(name));
  return vscode.window.showTextDocument(doc);
}

/** This extension's diagnostics for a document (the TypeScript service reports on the same files). */
export function ours(uri: vscode.Uri, code?: string): vscode.Diagnostic[] {
  return vscode.languages.getDiagnostics(uri).filter((d) => d.source === SOURCE && (code === undefined || codeOf(d) === code));
}

export function codeOf(d: vscode.Diagnostic): string | number | undefined {
  return typeof d.code === 'object' ? d.code.value : d.code;
}

/**
 * Resolves with our diagnostics for `uri` as soon as `accept` likes them: checked now and on
 * every diagnostics change of that document. Rejects after `timeoutMs` with what was last seen.
 */
export function waitForDiagnostics(
  uri: vscode.Uri,
  accept: (diagnostics: vscode.Diagnostic[]) => boolean,
  what: string,
  timeoutMs = 30_000,
): Promise<vscode.Diagnostic[]> {
  return new Promise((resolve, reject) => {
    const key = uri.toString();
    const check = (): void => {
      const diagnostics = ours(uri);
      if (!accept(diagnostics)) return;
      done();
      resolve(diagnostics);
    };
    // Subscribe before the first check so a change between the two cannot be missed.
    const sub = vscode.languages.onDidChangeDiagnostics((e) => {
      if (e.uris.some((u) => u.toString() === key)) check();
    });
    const timer = setTimeout(() => {
      done();
      const seen = ours(uri).map((d) => `${codeOf(d)}@${d.range.start.line + 1}:${d.range.start.character + 1}`);
      reject(new Error(`timed out after ${timeoutMs} ms waiting for ${what} in ${uri.path}; last seen: [${seen.join(', ')}]`));
    }, timeoutMs);
    function done(): void {
      sub.dispose();
      clearTimeout(timer);
    }
    check();
  });
}

/** The range of the first occurrence of `text` in the document (optionally after `after`). */
export function rangeOf(doc: vscode.TextDocument, text: string, after?: string): vscode.Range {
  const all = doc.getText();
  const from = after === undefined ? 0 : all.indexOf(after);
  const start = all.indexOf(text, Math.max(0, from));
  assert.ok(start >= 0, `"${text}" not found in ${doc.uri.path}`);
  return new vscode.Range(doc.positionAt(start), doc.positionAt(start + text.length));
}

/** Code actions VS Code collects from every provider at `range`, with lazy edits resolved. */
export async function codeActionsAt(uri: vscode.Uri, range: vscode.Range): Promise<vscode.CodeAction[]> {
  // The provider needs the document's model; one that no editor shows may have been let go since
  // (the command then fails with "Illegal argument", as it did once in CI): opening it keeps it.
  await vscode.workspace.openTextDocument(uri);
  const actions = await vscode.commands.executeCommand<(vscode.CodeAction | vscode.Command)[]>(
    'vscode.executeCodeActionProvider',
    uri,
    range,
    undefined,
    100, // resolve up to this many actions, in case the server fills edits in codeAction/resolve
  );
  return (actions ?? []).filter((a): a is vscode.CodeAction => !('command' in a && typeof a.command === 'string'));
}

export function findAction(actions: vscode.CodeAction[], title: string): vscode.CodeAction {
  const action = actions.find((a) => a.title === title);
  assert.ok(action, `no code action "${title}"; offered: ${actions.map((a) => JSON.stringify(a.title)).join(', ')}`);
  return action;
}

/** Applies a code action the way the lightbulb does: its edit, then its command. */
export async function applyAction(action: vscode.CodeAction): Promise<void> {
  if (action.edit) assert.ok(await vscode.workspace.applyEdit(action.edit), `workspace.applyEdit refused "${action.title}"`);
  if (action.command) await vscode.commands.executeCommand(action.command.command, ...(action.command.arguments ?? []));
}
