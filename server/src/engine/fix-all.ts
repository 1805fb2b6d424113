// Fixing in bulk (fix-all on save, "Fix all <rule> problems", the CLI's --fix): only safe fixes,
// since a suggestion changes what clients see and wants a person's eye. Fixes whose edits overlap
// wait for the next pass, as in ESLint: lint, apply what does not overlap, lint again.
import { applyEdits } from './fixes';
import { lint } from './lint';
import type { Fix, LintResult, LintSettings, TextEdit } from './types';

const MAX_PASSES = 10;

export interface FixAllResult {
  output: string;
  /** How many findings' fixes were applied, over all passes. */
  fixed: number;
  /** Edits of other files that safe fixes of the first pass make (the challenge added in the app's
   * error handler): the caller applies them to those files, each once. */
  elsewhere: TextEdit[];
}

/** Lints a text of the file: the engine's lint, or a shell's (the CLI's, reading the file in its project). */
export type LintText = (fileName: string, text: string, settings: Partial<LintSettings>) => LintResult;

function span(fix: Fix): { start: number; end: number } {
  return { start: Math.min(...fix.edits.map((e) => e.start)), end: Math.max(...fix.edits.map((e) => e.end)) };
}

/** The safe fixes of one pass that do not overlap each other, first come first served. */
function nonOverlapping(fixes: Fix[]): TextEdit[] {
  const taken: { start: number; end: number }[] = [];
  const edits: TextEdit[] = [];
  for (const fix of fixes) {
    const range = span(fix);
    if (taken.some((t) => range.start < t.end && t.start < range.end)) continue;
    taken.push(range);
    edits.push(...fix.edits);
  }
  return edits;
}

export interface FixAllOptions {
  /** Fix this rule's findings only. */
  onlyRule?: string;
  /** Remove unused suppression comments too (not with onlyRule). Default true: the editor shows
   * them; the CLI removes them only when it reports them (--report-unused-disable), as ESLint. */
  removeUnusedDirectives?: boolean;
}

/** Applies the safe fixes of every rule, or of one, until none is left to apply. */
export function fixAll(fileName: string, text: string, settings: Partial<LintSettings> = {}, options: FixAllOptions = {}, lintText: LintText = lint): FixAllResult {
  const { onlyRule, removeUnusedDirectives = !onlyRule } = options;
  let output = text;
  let fixed = 0;
  const elsewhere: TextEdit[] = [];
  for (let pass = 0; pass < MAX_PASSES; pass++) {
    const result = lintText(fileName, output, settings);
    const safe = [
      ...result.findings.filter((f) => !onlyRule || f.ruleId === onlyRule).flatMap((f) => f.fixes.slice(0, 1)),
      ...(removeUnusedDirectives ? result.unusedDirectives.map((d) => d.fix) : []),
    ].filter((fix) => fix.safe && fix.edits.length > 0);
    // A fix that edits another file is that file's to apply; here only fixes of this file.
    const fixes = safe.filter((fix) => fix.edits.every((edit) => edit.file === undefined));
    if (pass === 0) elsewhere.push(...safe.filter((fix) => !fixes.includes(fix)).flatMap((fix) => fix.edits.filter((edit) => edit.file !== undefined)));
    const edits = nonOverlapping(fixes.sort((a, b) => span(a).start - span(b).start));
    if (edits.length === 0) break;
    const next = applyEdits(output, edits);
    if (next === output) break;
    fixed += fixes.filter((fix) => fix.edits.every((e) => edits.includes(e))).length;
    output = next;
  }
  return { output, fixed, elsewhere };
}

/** One edit that turns `before` into `after`: the changed middle, so an editor keeps the cursor
 * and the undo step small. */
export function minimalEdit(before: string, after: string): TextEdit | undefined {
  if (before === after) return undefined;
  let start = 0;
  while (start < before.length && start < after.length && before[start] === after[start]) start++;
  let end = 0;
  while (end < before.length - start && end < after.length - start && before[before.length - 1 - end] === after[after.length - 1 - end]) end++;
  return { start, end: before.length - end, newText: after.slice(start, after.length - end) };
}
