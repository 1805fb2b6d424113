// Issue 5: fixing in bulk (fix-all on save, the CLI's --fix) converges: a second run changes
// nothing, and the fixed file has no syntax error the file did not have.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import { fixAll, lint, minimalEdit, type LintSettings } from '../../../server/src/engine';
import { anyHandlerFile, type Input, settings } from './arbitraries';
import { duplicatedChallengeKey, fixOverBrokenCode } from './known-bugs';
import { assertNoNewSyntaxError, runs } from './support';

describe('fix all', () => {
  it('is idempotent and adds no syntax error', () => {
    fc.assert(
      fc.property(anyHandlerFile, settings, fc.boolean(), ({ fileName, text }: Input, userSettings: Partial<LintSettings>, removeUnusedDirectives: boolean) => {
        const once = fixAll(fileName, text, userSettings, { removeUnusedDirectives });
        const twice = fixAll(fileName, once.output, userSettings, { removeUnusedDirectives });
        if (duplicatedChallengeKey(twice.output)) return;
        assert.equal(twice.output, once.output, `a second fix-all changed the file\n--- input\n${text}\n--- once\n${once.output}`);
        assert.equal(twice.fixed, 0);
        const edit = minimalEdit(text, once.output);
        if (!edit) return;
        const errors = lint(fileName, text).syntaxErrors;
        // The lines fix-all changed: bug 6 writes next to a broken literal on the same line.
        const lines = { start: text.lastIndexOf('\n', edit.start - 1) + 1, end: (text.indexOf('\n', edit.end) + 1 || text.length + 1) - 1, newText: '' };
        const excused = () => fixOverBrokenCode(errors, undefined, { title: 'fix all', safe: true, edits: [lines] });
        assertNoNewSyntaxError(errors, lint(fileName, once.output).syntaxErrors, [edit], `after fix-all\n--- input\n${text}\n--- output\n${once.output}`, excused);
      }),
      runs(400),
    );
  });
});
