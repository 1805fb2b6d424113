// The branch of a function an effect is on, when the function picks it by what its caller passes:
// a dispatcher (`switch (error.type) { case 'unauthorized': return unauthorized(); ... }`, or
// `if (kind === 'forbidden') ...`) sends a 401 only for the callers that pass 'unauthorized'.
// Recorded as a Selector, read by the evaluator against the arguments of each call.
import ts from 'typescript';
import { enclosingFunctionLike } from '../../model/site-parts';
import { valueOf } from './values';
import type { Selector } from './types';

/** A literal a branch compares against: a string or a number, as written. */
function literalOf(expression: ts.Expression): string | number | undefined {
  if (ts.isStringLiteral(expression) || ts.isNoSubstitutionTemplateLiteral(expression)) return expression.text;
  if (ts.isNumericLiteral(expression)) return Number(expression.text);
  return undefined;
}

/** The parameter (or property of one) of `fn` that `expression` reads. */
export function parameterRead(fn: ts.Node, expression: ts.Expression): Pick<Selector, 'index' | 'property'> | undefined {
  if (enclosingFunctionLike(expression) !== fn) return undefined;
  const value = valueOf(expression);
  if (value.kind !== 'parameter') return undefined;
  return { index: value.index, ...(value.property !== undefined && { property: value.property }) };
}

/** The values a case clause is reached by: its own, and those of the empty clauses falling into
 * it (`case 'a': case 'b': return ...`). Undefined when `default` is among them. */
function caseValues(clause: ts.CaseClause | ts.DefaultClause): (string | number)[] | undefined {
  const clauses = clause.parent.clauses;
  const values: (string | number)[] = [];
  for (let index = clauses.indexOf(clause); index >= 0; index--) {
    const current = clauses[index];
    if (current !== clause && current.statements.length > 0) break;
    if (ts.isDefaultClause(current)) return undefined;
    const literal = literalOf(current.expression);
    if (literal === undefined) return undefined;
    values.push(literal);
  }
  return values;
}

/** `param.kind === 'x'` (either side), or `'x' === param.kind`: the parameter and the literal. */
export function equalityTest(fn: ts.Node, condition: ts.Expression): Selector | undefined {
  while (ts.isParenthesizedExpression(condition)) condition = condition.expression;
  if (!ts.isBinaryExpression(condition)) return undefined;
  const operator = condition.operatorToken.kind;
  if (operator !== ts.SyntaxKind.EqualsEqualsEqualsToken && operator !== ts.SyntaxKind.EqualsEqualsToken) return undefined;
  for (const [subject, other] of [[condition.left, condition.right], [condition.right, condition.left]]) {
    const literal = literalOf(other);
    const read = literal === undefined ? undefined : parameterRead(fn, subject);
    if (read && literal !== undefined) return { ...read, equals: [literal] };
  }
  return undefined;
}

/** The innermost branch around `node`, inside `fn`, that is picked by an argument's value. */
export function selectorOf(fn: ts.Node, node: ts.Node): Selector | undefined {
  let child = node;
  for (let current = node.parent; current && current !== fn; child = current, current = current.parent) {
    if (ts.isFunctionLike(current)) return undefined;
    if (ts.isCaseClause(current) && child !== current.expression) {
      const read = parameterRead(fn, current.parent.parent.expression);
      const equals = read && caseValues(current);
      if (read && equals) return { ...read, equals };
    }
    if (ts.isIfStatement(current) && child === current.thenStatement) {
      const selector = equalityTest(fn, current.expression);
      if (selector) return selector;
    }
  }
  return undefined;
}
