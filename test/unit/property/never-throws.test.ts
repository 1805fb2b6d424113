// Issue 5, "bad input never hurts": whatever the text (a handler file, the same file half-typed, or
// no program at all), the engine answers without throwing, every rule runs to its end, and every
// range it returns lies inside the text.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import { applyEdits, disableForLineFix, fixAll, hoverAt, lint, parse, type Fix, type TextRange } from '../../../server/src/engine';
import { anyHandlerFile, garbage, settings, type Input } from './arbitraries';
import { runs } from './support';

function assertInside(text: string, range: TextRange, what: string): void {
  assert.ok(Number.isInteger(range.start) && Number.isInteger(range.end), `${what}: integer offsets`);
  assert.ok(0 <= range.start && range.start <= range.end && range.end <= text.length, `${what}: ${range.start}..${range.end} inside 0..${text.length}`);
}

function assertFixApplies(text: string, fix: Fix, what: string): void {
  assert.ok(fix.edits.length > 0 || fix.disabledReason, `${what}: a fix without edits says why`);
  for (const edit of fix.edits) assertInside(text, edit, `${what}: edit`);
  // applyEdits throws on overlapping edits: one fix's edits never overlap (the LSP forbids it).
  applyEdits(text, fix.edits);
}

function check({ fileName, text }: Input, userSettings: object, hoverAtFraction: number): void {
  const result = lint(fileName, text, userSettings);
  assert.deepEqual(result.ruleFailures.map((f) => `${f.ruleId}: ${String(f.error)}`), []);
  for (const e of result.syntaxErrors) assertInside(text, e, 'syntax error');
  for (const finding of result.findings) {
    assertInside(text, finding, finding.ruleId);
    for (const related of finding.related) assertInside(text, related, `${finding.ruleId}: related`);
    for (const fix of finding.fixes) assertFixApplies(text, fix, `${finding.ruleId}: ${fix.title}`);
    assertFixApplies(text, disableForLineFix(text, finding), `${finding.ruleId}: disable for this line`);
  }
  for (const directive of result.unusedDirectives) {
    assertInside(text, directive, 'unused directive');
    assertFixApplies(text, directive.fix, 'unused directive');
  }
  const hover = hoverAt(parse(fileName, text), Math.floor(hoverAtFraction * (text.length + 1)), result.findings, userSettings);
  if (hover) assertInside(text, hover, 'hover');
  fixAll(fileName, text, userSettings);
}

describe('the engine never throws', () => {
  it('on handler files, whole or mutated', () => {
    fc.assert(fc.property(anyHandlerFile, settings, fc.double({ min: 0, max: 1, noNaN: true }), check), runs(500));
  });

  it('on text that is no program', () => {
    fc.assert(fc.property(garbage, settings, fc.double({ min: 0, max: 1, noNaN: true }), check), runs(500));
  });
});
