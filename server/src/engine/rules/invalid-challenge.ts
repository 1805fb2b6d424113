import ts from 'typescript';
import { challengeProblems } from '../challenge/grammar';
import { repairChallenge } from '../challenge/repair';
import { stringLiteral, type SourceStyle } from '../model/syntax/source-style';
import type { FixOutcome } from '../model/types';
import { defineRule } from '../rule';
import type { TextRange } from '../types';

const CHALLENGE_HEADERS: Record<string, string> = { 'www-authenticate': 'WWW-Authenticate', 'proxy-authenticate': 'Proxy-Authenticate' };

/** Where a problem at [start, end) of the header value lies in the source: exactly inside a
 * literal written without escapes, else the whole literal. */
function sourceRange(literal: ts.StringLiteralLike, start: number, end: number): TextRange {
  const literalStart = literal.getStart();
  const exact = literal.getText().length === literal.text.length + 2 && end > start;
  return exact ? { start: literalStart + 1 + start, end: literalStart + 1 + end } : { start: literalStart, end: literal.end };
}

export const invalidChallenge = defineRule({
  id: 'invalid-challenge',
  description: 'Require WWW-Authenticate and Proxy-Authenticate values that follow the challenge grammar',
  defaultSeverity: 'error',
  fixKind: 'suggestion',
  messages: {
    invalid: 'Invalid {{header}} value: {{problem}}',
  },
  check({ model, settings, report }) {
    const seen = new Set<ts.Node>();
    for (const write of model.headerWrites()) {
      const header = write.name && CHALLENGE_HEADERS[write.name];
      const literal = write.valueLiteral;
      // Only values written as literals (here or in a const): a computed value is not known.
      if (!header || !literal || write.value !== literal.text || seen.has(literal)) continue;
      seen.add(literal); // a const used twice is one value, reported where it is written
      const problems = challengeProblems(literal.text);
      if (problems.length === 0) continue;
      const repair = repairChallenge(literal.text, settings.defaultChallenge);
      for (const problem of problems) {
        report({
          range: sourceRange(literal, problem.start, problem.end),
          messageId: 'invalid',
          data: { header, problem: problem.message },
          fix: repair === undefined ? undefined : { title: `Change the value to ${repair}`, outcome: replaceLiteral(literal, repair, model.facts.style) },
        });
      }
    }
  },
});

/** The literal rewritten to `value`, in the literal's own quote character. */
function replaceLiteral(literal: ts.StringLiteralLike, value: string, style: SourceStyle): FixOutcome {
  const raw = literal.getText();
  const text = raw[0] === '`' ? `\`${value.replace(/[`\\$]/g, (c) => `\\${c}`)}\`` : stringLiteral(value, { ...style, quote: raw[0] === '"' ? '"' : "'" });
  return { edits: [{ start: literal.getStart(), end: literal.end, newText: text }] };
}
