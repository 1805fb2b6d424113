// Issue 5: fixing in bulk (fix-all on save, the CLI's --fix) converges: a second run changes
// nothing, and the fixed file has no syntax error the file did not have.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import { fixAll, lint, minimalEdit, type LintSettings } from '../../../server/src/engine';
import { anyHandlerFile, type Input, settings } from './arbitraries';
import { assertNoNewSyntaxError, runs } from './support';

describe('fix all', () => {
  it('is idempotent and adds no syntax error', () => {
    fc.assert(
      fc.property(anyHandlerFile, settings, fc.boolean(), ({ fileName, text }: Input, userSettings: Partial<LintSettings>, removeUnusedDirectives: boolean) => {
        const once = fixAll(fileName, text, userSettings, { removeUnusedDirectives });
        const twice = fixAll(fileName, once.output, userSettings, { removeUnusedDirectives });
        assert.equal(twice.output, once.output, `a second fix-all changed the file\n--- input\n${text}\n--- once\n${once.output}`);
        assert.equal(twice.fixed, 0);
        const edit = minimalEdit(text, once.output);
        if (edit) assertNoNewSyntaxError(lint(fileName, text).syntaxErrors, lint(fileName, once.output).syntaxErrors, [edit], `after fix-all\n--- input\n${text}\n--- output\n${once.output}`);
      }),
      runs(400),
    );
  });
});
