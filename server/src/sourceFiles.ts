// One ts.SourceFile per open document, kept up to date from the LSP's incremental changes with
// ts.updateSourceFile (issue 5): after a keystroke in a 20,000-line file the incremental parser
// reuses every node the edit did not touch, about a tenth of the cost of a full parse.
//
// The changes are recorded as they arrive (TextDocuments calls `applyChanges` with the text before
// them) and collapsed into one TextChangeRange over the tree's text; the tree itself is brought up
// to date only when a lint asks for it, so typing during the debounce parses once. Whenever the
// record is incomplete (a full-text change, a version we did not see, a change of file name), the
// next request parses the whole text again, as it does for a document seen for the first time.
//
// ts.updateSourceFile moves the nodes it reuses into the new tree and invalidates the old one:
// nothing else may hold a tree of an older version, so this class hands out the current tree only.
// Closed documents keep nothing: an AST costs about 35 bytes of heap per byte of source.
import ts from 'typescript';
import { TextDocument, type TextDocumentContentChangeEvent } from 'vscode-languageserver-textdocument';
import { parse, type TreeOrigin } from './engine';

interface Entry {
  fileName: string;
  sourceFile: ts.SourceFile;
  /** The tree `sourceFile` was updated from, and the edit; none after a full parse. */
  origin: TreeOrigin | undefined;
  /** The document version `sourceFile` was parsed for. */
  version: number;
  /** The edits since then, collapsed into one range over `sourceFile.text`. */
  pending: ts.TextChangeRange | undefined;
  /** The version the pending edits lead to (`version` when there are none). */
  pendingVersion: number;
  /** A change could not be recorded: the next request parses the whole text. */
  stale: boolean;
}

export interface ParseCounts {
  /** Trees parsed from the whole text (first lint, fallbacks). */
  full: number;
  /** Trees brought up to date with ts.updateSourceFile. */
  incremental: number;
}

export class SourceFiles {
  readonly counts: ParseCounts = { full: 0, incremental: 0 };
  private readonly entries = new Map<string, Entry>();

  /** For TextDocuments' `update`: records the changes as ranges over the text before each of them,
   * then applies them (one at a time: each change's range is relative to the text the previous
   * one left, as the LSP defines it). */
  applyChanges(document: TextDocument, changes: readonly TextDocumentContentChangeEvent[], version: number): TextDocument {
    const entry = this.entries.get(document.uri);
    if (!entry || entry.stale || entry.pendingVersion !== document.version) {
      if (entry) {
        entry.stale = true;
      }
      return TextDocument.update(document, [...changes], version);
    }
    const ranges = entry.pending ? [entry.pending] : [];
    let current = document;
    for (const change of changes) {
      if ('range' in change) {
        const a = current.offsetAt(change.range.start);
        const b = current.offsetAt(change.range.end);
        const start = Math.min(a, b);
        ranges.push(ts.createTextChangeRange(ts.createTextSpan(start, Math.max(a, b) - start), change.text.length));
      } else {
        entry.stale = true;
      }
      current = TextDocument.update(current, [change], version);
    }
    if (!entry.stale && ranges.length > 0) {
      entry.pending = ts.collapseTextChangeRangesAcrossMultipleVersions(ranges);
      entry.pendingVersion = version;
    }
    return current;
  }

  /** The tree of `text`, the document's text at `version`: the kept one when it is of that
   * version, else the kept one updated by the recorded changes, else a fresh parse. */
  get(uri: string, fileName: string, text: string, version: number): ts.SourceFile {
    const entry = this.entries.get(uri);
    if (entry && !entry.stale && entry.fileName === fileName) {
      if (entry.version === version && entry.sourceFile.text === text) {
        return entry.sourceFile;
      }
      const updated = entry.pendingVersion === version ? this.update(entry, text) : undefined;
      if (updated) {
        this.set(uri, fileName, updated, version, { previous: entry.sourceFile, change: entry.pending! });
        return updated;
      }
    }
    const sourceFile = parse(fileName, text);
    this.counts.full++;
    this.set(uri, fileName, sourceFile, version);
    return sourceFile;
  }

  /** Where the kept tree came from, when it was updated from an earlier one: the incremental lint
   * then analyses only what the edit changed. */
  originOf(uri: string): TreeOrigin | undefined {
    return this.entries.get(uri)?.origin;
  }

  /** The kept tree, when it is of `version` (hover reads the tree the findings came from). */
  current(uri: string, version: number): ts.SourceFile | undefined {
    const entry = this.entries.get(uri);
    return entry && !entry.stale && entry.version === version ? entry.sourceFile : undefined;
  }

  delete(uri: string): void {
    this.entries.delete(uri);
  }

  get size(): number {
    return this.entries.size;
  }

  private update(entry: Entry, text: string): ts.SourceFile | undefined {
    const change = entry.pending;
    const old = entry.sourceFile;
    // The record must describe exactly this text; if not, a change was missed somewhere.
    if (!change || old.text.length - change.span.length + change.newLength !== text.length) {
      return undefined;
    }
    // The old tree is no longer usable from here on, whatever happens.
    entry.stale = true;
    try {
      const updated = ts.updateSourceFile(old, text, change);
      this.counts.incremental++;
      return updated;
    } catch {
      // A failure of the incremental parser: the full parse below gives the same tree.
      return undefined;
    }
  }

  private set(uri: string, fileName: string, sourceFile: ts.SourceFile, version: number, origin?: TreeOrigin): void {
    this.entries.set(uri, { fileName, sourceFile, origin, version, pending: undefined, pendingVersion: version, stale: false });
  }
}
