// Issue 5: every fix the engine offers does what it says and nothing else. Over generated handler
// files, whole and mutated, for each finding's fix, its "disable for this line" fix and each unused
// suppression's removal:
// - the fixed text has no syntax error that the text did not have (errors compared by message and
//   position, mapped back through the fix's edits; in a text that already had errors, their number
//   does not grow, since the parser's recovery moves and rewords them);
// - the fixed finding is gone and no finding appears: every finding after the fix has a
//   counterpart of the same rule before it, at the same place (mapped back through the edits), and
//   the fixed finding is nobody's counterpart;
// - the fix is not offered again: no fix after it writes the same text at the same place.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import { applyEdits, disableForLineFix, lint, type Finding, type Fix, type LintResult, type LintSettings } from '../../../server/src/engine';
import { anyHandlerFile, generated, settings, type Input } from './arbitraries';
import { added, assertNoNewSyntaxError, describeFindings, findingKey, origin, runs } from './support';

interface Offered {
  fix: Fix;
  /** The finding it fixes; none for an unused suppression's removal. */
  finding?: Finding;
}

function offered(text: string, result: LintResult): Offered[] {
  return [
    ...result.findings.flatMap((finding) => [...finding.fixes, disableForLineFix(text, finding)].map((fix) => ({ fix, finding }))),
    ...result.unusedDirectives.map((d) => ({ fix: d.fix })),
  ].filter(({ fix }) => fix.edits.length > 0);
}

/** `again` writes the same text as `fix`, at the place `fix` wrote it. */
function repeats(fix: Fix, again: Fix): boolean {
  return (
    again.edits.length === fix.edits.length &&
    again.edits.every((edit, i) => {
      const first = fix.edits[i];
      if (edit.newText !== first.newText || edit.newText === '') return false;
      const o = origin(fix.edits, edit.start);
      const at = 'at' in o ? o.at : o.within.start;
      return first.start <= at && at <= first.end;
    })
  );
}

function checkFixes({ fileName, text }: Input, userSettings: Partial<LintSettings>): void {
  const before = lint(fileName, text, userSettings);
  for (const { fix, finding } of offered(text, before)) {
    const output = applyEdits(text, fix.edits);
    const after = lint(fileName, output, userSettings);
    const what = `${finding ? `${finding.ruleId} at ${finding.start}` : 'unused suppression'}: "${fix.title}"\n--- before\n${text}\n--- after\n${output}`;

    assertNoNewSyntaxError(before.syntaxErrors, after.syntaxErrors, fix.edits, `after ${what}`);

    const counterparts = before.findings.filter((f) => f !== finding);
    const newFindings = added(counterparts, after.findings, fix.edits, findingKey).filter(
      // Moving a dropped challenge into the thrown error makes it sent, and so checked: a value
      // that breaks the grammar, or an `error="invalid_token"` on a 403, is reported then. The fix
      // wrote no new value.
      (f) => !(finding?.ruleId === 'challenge-lost' && (f.ruleId === 'invalid-challenge' || f.ruleId === 'forbidden-for-missing-credentials')),
    );
    assert.equal(newFindings.length, 0, `findings not there before (or not fixed) after ${what}\n--- new\n${describeFindings(output, newFindings)}`);

    const again = after.findings.flatMap((f) => f.fixes).find((g) => repeats(fix, g));
    assert.equal(again, undefined, `the same fix offered again after ${what}`);
  }
}

describe('fixes', () => {
  it('on generated handler files: no new syntax error, the finding gone, none added, not offered again', () => {
    fc.assert(fc.property(generated, settings, checkFixes), runs(400));
  });

  it('on mutated handler files too', () => {
    fc.assert(fc.property(anyHandlerFile, settings, checkFixes), runs(400));
  });
});
