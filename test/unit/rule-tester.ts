// Rule tests as data, in the valid/invalid style of ESLint's RuleTester: a valid case yields no
// finding of the rule; an invalid case yields exactly the listed findings, at the exact ranges,
// and its fixes produce `output`. Every output is re-parsed: a fix must not add a syntax error.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { applyEdits, lint, parse, type Finding, type LintSettings } from '../../server/src/engine';
import { syntaxErrorsOf } from '../../server/src/engine/parse';

export interface ValidCase {
  code: string;
  fileName?: string;
  settings?: Partial<LintSettings>;
  name?: string;
}

export interface ExpectedFinding {
  /** The underlined text, found by substring. */
  text: string;
  /** Which occurrence of `text` (0-based) when it appears more than once. */
  occurrence?: number;
  /** A substring the message must contain (the evidence it names). */
  messageIncludes?: string;
  /** How many related locations the finding has (the guard, where its value comes from...). */
  related?: number;
}

export interface InvalidCase extends ValidCase {
  errors: ExpectedFinding[];
  /** The code after applying every finding's fix; `null` when the rule offers no fix here. */
  output: string | null;
  /** With `output: null`: a substring of the reason the fix gives for being unavailable. */
  fixUnavailable?: string;
}

function rangeOf(code: string, expected: ExpectedFinding): { start: number; end: number } {
  let start = -1;
  for (let i = 0; i <= (expected.occurrence ?? 0); i++) start = code.indexOf(expected.text, start + 1);
  assert.ok(start >= 0, `expected text not in the code: ${expected.text}`);
  return { start, end: start + expected.text.length };
}

function findingsOf(ruleId: string, testCase: ValidCase): Finding[] {
  const settings: Partial<LintSettings> = { ...testCase.settings };
  const result = lint(testCase.fileName ?? 'handler.ts', testCase.code, settings);
  assert.deepEqual(result.ruleFailures, [], 'no rule may throw');
  return result.findings.filter((f) => f.ruleId === ruleId);
}

function describeCase(testCase: ValidCase): string {
  // The line that sends a status names the case best.
  const statusLine = testCase.code.split('\n').find((line) => /\b40[137]\b|Unauthorized|Forbidden|UNAUTHORIZED|FORBIDDEN/.test(line));
  return testCase.name ?? statusLine?.trim() ?? testCase.code.trim().split('\n')[0];
}

export function ruleTester(ruleId: string, cases: { valid: (string | ValidCase)[]; invalid: InvalidCase[] }): void {
  const seen = new Set<string>();
  const unique = (testCase: ValidCase) => {
    const key = `${testCase.fileName ?? ''}\n${testCase.code}\n${JSON.stringify(testCase.settings ?? {})}`;
    assert.ok(!seen.has(key), `duplicate test case: ${testCase.code}`);
    seen.add(key);
  };

  describe(ruleId, () => {
    describe('valid', () => {
      for (const entry of cases.valid) {
        const testCase = typeof entry === 'string' ? { code: entry } : entry;
        unique(testCase);
        it(describeCase(testCase), () => {
          assert.deepEqual(findingsOf(ruleId, testCase).map((f) => testCase.code.slice(f.start, f.end)), []);
        });
      }
    });

    describe('invalid', () => {
      for (const testCase of cases.invalid) {
        unique(testCase);
        it(describeCase(testCase), () => {
          const findings = findingsOf(ruleId, testCase);
          const actual = findings.map((f) => ({ start: f.start, end: f.end }));
          assert.deepEqual(actual, testCase.errors.map((e) => rangeOf(testCase.code, e)), 'ranges of the findings');
          testCase.errors.forEach((expected, i) => {
            if (expected.messageIncludes) assert.ok(findings[i].message.includes(expected.messageIncludes), `message "${findings[i].message}" lacks "${expected.messageIncludes}"`);
            if (expected.related !== undefined) assert.equal(findings[i].related?.length ?? 0, expected.related, `related locations of "${findings[i].message}"`);
            assert.ok(findings[i].docsUrl.endsWith(`/docs/rules/${ruleId}.md`));
          });

          const edits = findings.flatMap((f) => f.fixes[0]?.edits ?? []);
          if (edits.length === 0) {
            assert.equal(testCase.output, null, 'the case declares an output, but the rule offers no fix');
            if (testCase.fixUnavailable !== undefined) {
              const reasons = findings.map((f) => f.fixes[0]?.disabledReason ?? '');
              assert.ok(reasons.some((r) => r.includes(testCase.fixUnavailable!)), `no fix says "${testCase.fixUnavailable}": ${JSON.stringify(reasons)}`);
            }
            return;
          }
          assert.notEqual(testCase.output, null, 'the rule fixes this code: declare the output');
          const output = applyEdits(testCase.code, edits);
          assert.equal(output, testCase.output);
          const fileName = testCase.fileName ?? 'handler.ts';
          const before = syntaxErrorsOf(parse(fileName, testCase.code)).length;
          assert.equal(syntaxErrorsOf(parse(fileName, output)).length, before, 'the fix added a syntax error');
          assert.deepEqual(findingsOf(ruleId, { ...testCase, code: output }).length, 0, 'the fixed code still has findings of the rule');
        });
      }
    });
  });
}
