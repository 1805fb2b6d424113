// Small readings of syntax that several adapters share.
import ts from 'typescript';

/** The name a call is made by: `f` for `f(x)`, `m` for `a.b.m(x)`. */
export function calleeName(call: ts.CallExpression): string | undefined {
  const callee = call.expression;
  if (ts.isIdentifier(callee)) return callee.text;
  if (ts.isPropertyAccessExpression(callee)) return callee.name.text;
  return undefined;
}

/** The `name: value` property of an object literal (a plain or quoted key), for one name or any of a set. */
export function propertyAssignment(literal: ts.ObjectLiteralExpression, names: string | ReadonlySet<string>): ts.PropertyAssignment | undefined {
  const wanted = (name: string) => (typeof names === 'string' ? name === names : names.has(name));
  return literal.properties.find(
    (p): p is ts.PropertyAssignment => ts.isPropertyAssignment(p) && (ts.isIdentifier(p.name) || ts.isStringLiteral(p.name)) && wanted(p.name.text),
  );
}
