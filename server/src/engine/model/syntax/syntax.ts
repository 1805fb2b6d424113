// Small readings of syntax that several adapters share.
import ts from 'typescript';
import { isStatementList } from './paths';

/** The name a call is made by: `f` for `f(x)`, `m` for `a.b.m(x)`. */
/** `=`, `+=`, `??=` and the other assignment operators. */
export function isAssignmentOperator(kind: ts.SyntaxKind): boolean {
  return kind >= ts.SyntaxKind.FirstAssignment && kind <= ts.SyntaxKind.LastAssignment;
}

export function calleeName(call: ts.CallExpression): string | undefined {
  const callee = call.expression;
  if (ts.isIdentifier(callee)) return callee.text;
  if (ts.isPropertyAccessExpression(callee)) return callee.name.text;
  return undefined;
}

/** The node inside `within` that spans exactly `spot` (from its first token, without the trivia
 * before it): a node a summary or an evaluation gave by its place, found again in a syntax tree. */
export function nodeSpanning(within: ts.Node, spot: { start: number; end: number }): ts.Node | undefined {
  const sourceFile = within.getSourceFile();
  let found: ts.Node | undefined;
  const visit = (node: ts.Node): void => {
    if (found || node.end < spot.start || node.pos > spot.end) return;
    if (node.getStart(sourceFile) === spot.start && node.end === spot.end) found = node;
    else ts.forEachChild(node, visit);
  };
  visit(within);
  return found;
}

/** The `name: value` property of an object literal (a plain or quoted key), for one name or any of a set. */
export function propertyAssignment(literal: ts.ObjectLiteralExpression, names: string | ReadonlySet<string>): ts.PropertyAssignment | undefined {
  const wanted = (name: string) => (typeof names === 'string' ? name === names : names.has(name));
  return literal.properties.find(
    (p): p is ts.PropertyAssignment => ts.isPropertyAssignment(p) && (ts.isIdentifier(p.name) || ts.isStringLiteral(p.name)) && wanted(p.name.text),
  );
}

/** `null` or `undefined`. */
export const isNullish = (expression: ts.Expression): boolean =>
  expression.kind === ts.SyntaxKind.NullKeyword || (ts.isIdentifier(expression) && expression.text === 'undefined');

/** The expression inside parentheses, `await`, `!` and type assertions (`as`, `<T>`, `satisfies`):
 * what a value is, however it is written. */
export function unwrapExpression(expression: ts.Expression): ts.Expression {
  let current = expression;
  while (ts.isParenthesizedExpression(current) || ts.isAsExpression(current) || ts.isSatisfiesExpression(current) || ts.isNonNullExpression(current) || ts.isAwaitExpression(current) || ts.isTypeAssertionExpression(current)) {
    current = current.expression;
  }
  return current;
}

/** A value written as itself: a number, a string, a template without substitutions, true, false,
 * null or undefined. */
export const isLiteralValue = (node: ts.Expression): boolean => node.kind === ts.SyntaxKind.TrueKeyword || node.kind === ts.SyntaxKind.FalseKeyword || isNullish(node) || ts.isLiteralExpression(node);

/** Whether `identifier` reads a parameter of a function around it: no `const`/`let`/`var` of that
 * name is declared in a block between them. (A file's consts are kept by name, whatever their
 * scope: a parameter must not be taken for one.) */
export function isParameterReference(identifier: ts.Identifier): boolean {
  const name = identifier.text;
  for (let scope: ts.Node | undefined = identifier.parent; scope; scope = scope.parent) {
    if (ts.isFunctionLike(scope)) {
      if (scope.parameters.some((parameter) => ts.isIdentifier(parameter.name) && parameter.name.text === name)) return true;
      continue;
    }
    if (!isStatementList(scope)) continue;
    const declares = scope.statements.some((statement) => ts.isVariableStatement(statement) && statement.declarationList.declarations.some((d) => ts.isIdentifier(d.name) && d.name.text === name));
    if (declares) return false;
  }
  return false;
}
