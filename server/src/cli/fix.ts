// --fix and --fix-dry-run: the safe fixes of every rule, never suggestions (they change what
// clients see and want a person's eye). Unused suppression comments are removed only when they are
// reported (--report-unused-disable), as ESLint does with reportUnusedDisableDirectives: without it
// the user has not been told about them, and a fix should not change what it did not report.
import { FILE_HEADERS_ONLY, createTwoFilesPatch } from 'diff';
import { fixAll, type LintResult, type LintSettings, type LintText, type TextEdit } from '../engine';
import { posixRelative } from './paths';
import { isFixable } from './report';

/**
 * The text with the fixes --fix applies. `first` is the lint result of `text`: a file with
 * nothing to fix (most files) costs no further lint.
 */
export function fixedText(fileName: string, text: string, settings: Partial<LintSettings>, first: LintResult, removeUnusedDirectives: boolean, lintText?: LintText): { output: string; elsewhere: TextEdit[] } {
  const unused = removeUnusedDirectives && first.unusedDirectives.some((directive) => directive.fix.safe && directive.fix.edits.length > 0);
  if (!unused && !first.findings.some(isFixable)) return { output: text, elsewhere: [] };
  const { output, elsewhere } = fixAll(fileName, text, settings, { removeUnusedDirectives }, lintText);
  return { output, elsewhere };
}

/** The edits of other files that fixes make, each once (every throw an error handler answers
 * carries the same edit of that handler), by file; edits that overlap an earlier one are left. */
export function editsByFile(edits: readonly TextEdit[]): Map<string, TextEdit[]> {
  const byFile = new Map<string, TextEdit[]>();
  const seen = new Set<string>();
  for (const edit of edits) {
    if (edit.file === undefined) continue;
    const key = `${edit.file}\0${edit.start}\0${edit.end}\0${edit.newText}`;
    if (seen.has(key)) continue;
    seen.add(key);
    const list = byFile.get(edit.file) ?? [];
    if (list.some((other) => edit.start < other.end && other.start < edit.end)) continue;
    list.push({ start: edit.start, end: edit.end, newText: edit.newText });
    byFile.set(edit.file, list);
  }
  return byFile;
}

/** A unified diff of one file, named as `git diff` does (a/ and b/ before the path relative to the
 * current directory; a file outside it by its absolute path), so `git apply` takes it. */
export function unifiedDiff(filePath: string, cwd: string, before: string, after: string): string {
  const relative = posixRelative(filePath, cwd);
  const [oldName, newName] = relative ? [`a/${relative}`, `b/${relative}`] : [filePath, filePath];
  return createTwoFilesPatch(oldName, newName, before, after, undefined, undefined, { context: 3, headerOptions: FILE_HEADERS_ONLY });
}
