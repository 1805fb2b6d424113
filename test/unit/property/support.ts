// What the property tests share: the run configuration, and comparing two lint results across an
// edit (findings and syntax errors move when text is inserted before them).
import assert from 'node:assert/strict';
import fc from 'fast-check';
import type { Finding, SyntaxProblem, TextEdit } from '../../../server/src/engine';

/** CI runs a fixed seed, so a failure is the same on every machine. To hunt for bugs locally:
 * `PROPERTY_SEED=random PROPERTY_RUNS_FACTOR=10 node --test out/test/unit/property/`.
 * fast-check prints the seed and the shrunk counterexample of a failure. */
const seedSetting = process.env.PROPERTY_SEED;
export const SEED = seedSetting === 'random' ? Date.now() ^ (Math.random() * 0x100000000) : seedSetting ? Number(seedSetting) : 0x4a17;
const FACTOR = Number(process.env.PROPERTY_RUNS_FACTOR ?? 1);

fc.configureGlobal({ seed: SEED, includeErrorInReport: true });

/** `numRuns` for a property, scaled by PROPERTY_RUNS_FACTOR. */
export function runs(n: number): { numRuns: number } {
  return { numRuns: Math.max(1, Math.round(n * FACTOR)) };
}

/** Where an offset of the edited text came from in the original: an exact offset, or a place
 * inside the text an edit wrote (then anywhere in the range that edit replaced). */
export type Origin = { at: number } | { within: { start: number; end: number } };

export function origin(edits: readonly TextEdit[], offset: number): Origin {
  let delta = 0;
  for (const edit of [...edits].sort((a, b) => a.start - b.start)) {
    const newStart = edit.start + delta;
    const newEnd = newStart + edit.newText.length;
    if (offset < newStart) return { at: offset - delta };
    if (offset < newEnd) return { within: { start: edit.start, end: edit.end } };
    delta = newEnd - edit.end;
  }
  return { at: offset - delta };
}

function matches(o: Origin, start: number): boolean {
  return 'at' in o ? o.at === start : o.within.start <= start && start <= o.within.end;
}

/** The items of `after` that have no counterpart in `before` once mapped back through `edits`
 * (same key, same origin); each item of `before` is the counterpart of one item at most. */
export function added<T extends { start: number }>(before: readonly T[], after: readonly T[], edits: readonly TextEdit[], key: (item: T) => string): T[] {
  const unmatched = [...before];
  const result: T[] = [];
  for (const item of after) {
    const o = origin(edits, item.start);
    // Exact origins first, so that an item inside an edit does not take an exact item's counterpart.
    const index = unmatched.findIndex((b) => key(b) === key(item) && matches(o, b.start));
    if (index === -1) result.push(item);
    else unmatched.splice(index, 1);
  }
  return result;
}

export const findingKey = (f: Finding): string => f.ruleId;
export const syntaxKey = (e: SyntaxProblem): string => e.message;

/** A short description of findings for failure messages. */
export function describeFindings(text: string, findings: readonly Finding[]): string {
  return findings.map((f) => `${f.ruleId} at ${f.start}: ${JSON.stringify(text.slice(f.start, Math.min(f.end, f.start + 60)))}`).join('\n');
}

/** No syntax error after `edits` that was not there before. A text without errors is compared
 * error by error; in one with errors, the parser's recovery moves and rewords them as text
 * changes, so only their number is compared. */
export function assertNoNewSyntaxError(before: readonly SyntaxProblem[], after: readonly SyntaxProblem[], edits: readonly TextEdit[], what: string): void {
  const newErrors = before.length === 0 ? added(before, after, edits, syntaxKey) : after.length > before.length ? after : [];
  if (newErrors.length === 0) return;
  const describe = (errors: readonly SyntaxProblem[]) => errors.map((e) => `${e.message} at ${e.start}`);
  assert.deepEqual(describe(newErrors), before.length === 0 ? [] : describe(before), `new syntax errors ${what}`);
}
