// The findings of the files that are not open (the `workspace` scope), as the last index of their
// folder linted them from disk. A folder's index sends them project by project; when it is over,
// what changed is published: new findings, changed ones, and files whose findings went away. An
// open document publishes its own (from its unsaved text); when it is closed, its file shows
// what the index found on disk again.
import type { Diagnostic } from 'vscode-languageserver/node';
import type { FileDiagnostics } from './build-index';

export interface Publication {
  uri: string;
  diagnostics: Diagnostic[];
}

export class WorkspaceDiagnostics {
  /** Per folder, by file URI, what was last published (files without findings are not kept). */
  private readonly published = new Map<string, Map<string, Diagnostic[]>>();
  /** Per folder, what its running index linted so far. */
  private readonly pending = new Map<string, Map<string, Diagnostic[]>>();

  constructor(private readonly isOpen: (uri: string) => boolean) {}

  add(folder: string, files: readonly FileDiagnostics[]): void {
    let pending = this.pending.get(folder);
    if (!pending) this.pending.set(folder, (pending = new Map()));
    for (const { uri, diagnostics } of files) if (diagnostics.length > 0) pending.set(uri, diagnostics);
  }

  /** The folder's index is over: what to publish for the files that are not open. An index that
   * failed, or linted nothing (the `openFiles` scope), leaves nothing behind. */
  finish(folder: string): Publication[] {
    const next = this.pending.get(folder) ?? new Map<string, Diagnostic[]>();
    this.pending.delete(folder);
    return this.replace(folder, next);
  }

  /** The folder is gone from the workspace: its files' findings are cleared. */
  remove(folder: string): Publication[] {
    this.pending.delete(folder);
    const publications = this.replace(folder, new Map());
    this.published.delete(folder);
    return publications;
  }

  /** What a file that was just closed shows: the findings the index found on disk. */
  ofClosed(uri: string): Diagnostic[] {
    for (const files of this.published.values()) {
      const diagnostics = files.get(uri);
      if (diagnostics) return diagnostics;
    }
    return [];
  }

  /** The findings of every file with some that is not open, for a workspace report (pull diagnostics). */
  ofClosedFiles(): Publication[] {
    const files: Publication[] = [];
    for (const published of this.published.values()) for (const [uri, diagnostics] of published) if (!this.isOpen(uri)) files.push({ uri, diagnostics });
    return files;
  }

  private replace(folder: string, next: Map<string, Diagnostic[]>): Publication[] {
    const before = this.published.get(folder) ?? new Map<string, Diagnostic[]>();
    this.published.set(folder, next);
    const publications: Publication[] = [];
    for (const [uri, diagnostics] of next) {
      if (!this.isOpen(uri) && JSON.stringify(before.get(uri)) !== JSON.stringify(diagnostics)) publications.push({ uri, diagnostics });
    }
    for (const uri of before.keys()) if (!next.has(uri) && !this.isOpen(uri)) publications.push({ uri, diagnostics: [] });
    return publications;
  }
}
