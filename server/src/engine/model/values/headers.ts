import ts from 'typescript';
import type { ConstBindings } from './status';
import type { HeaderWrite } from '../types';

/** A string known at compile time: a literal, a template without substitutions, or a const bound to one. */
export function staticString(expression: ts.Expression | undefined, consts: ConstBindings): string | undefined {
  if (!expression) return undefined;
  if (ts.isStringLiteralLike(expression)) return expression.text;
  if (ts.isParenthesizedExpression(expression)) return staticString(expression.expression, consts);
  if (ts.isIdentifier(expression)) {
    const initializer = consts.get(expression.text);
    return initializer && ts.isStringLiteralLike(initializer) ? initializer.text : undefined;
  }
  return undefined;
}

export function headerWrite(nameExpr: ts.Expression | undefined, valueExpr: ts.Expression | undefined, node: ts.Node, consts: ConstBindings): HeaderWrite {
  const name = staticString(nameExpr, consts);
  return {
    name: name?.toLowerCase(),
    value: staticString(valueExpr, consts),
    nameNode: nameExpr && ts.isStringLiteralLike(nameExpr) ? nameExpr : undefined,
    valueNode: valueExpr,
    valueLiteral: valueExpr && literalOf(valueExpr, consts),
    node,
  };
}

/** The string literal an expression's value is written in: itself, or the const it names. */
function literalOf(expression: ts.Expression, consts: ConstBindings): ts.StringLiteralLike | undefined {
  if (ts.isStringLiteralLike(expression)) return expression;
  if (ts.isParenthesizedExpression(expression)) return literalOf(expression.expression, consts);
  if (ts.isIdentifier(expression)) {
    const initializer = consts.get(expression.text);
    return initializer && ts.isStringLiteralLike(initializer) ? initializer : undefined;
  }
  return undefined;
}

export const unknownWrite = (node: ts.Node): HeaderWrite => ({ name: undefined, value: undefined, nameNode: undefined, valueNode: undefined, node });

/** Headers in an object literal `{ 'WWW-Authenticate': v }`, also inside `new Headers(...)`, or in
 * Fetch's array of pairs `[['WWW-Authenticate', v]]`; anything not statically readable (a spread,
 * a computed key, a variable) is an unknown write. */
export function headersOfObject(expression: ts.Expression, consts: ConstBindings): HeaderWrite[] {
  if (ts.isNewExpression(expression) && ts.isIdentifier(expression.expression) && expression.expression.text === 'Headers') {
    const [init] = expression.arguments ?? [];
    return init ? headersOfObject(init, consts) : [];
  }
  if (ts.isArrayLiteralExpression(expression)) {
    return expression.elements.map((pair) =>
      ts.isArrayLiteralExpression(pair) && pair.elements.length === 2 ? headerWrite(pair.elements[0], pair.elements[1], pair, consts) : unknownWrite(pair),
    );
  }
  if (!ts.isObjectLiteralExpression(expression)) return [unknownWrite(expression)];
  return expression.properties.flatMap((property): HeaderWrite[] => {
    if (ts.isSpreadAssignment(property)) return spreadHeaders(property.expression, consts, property);
    if (ts.isPropertyAssignment(property) || ts.isShorthandPropertyAssignment(property)) {
      const key = property.name;
      const value = ts.isPropertyAssignment(property) ? property.initializer : undefined;
      if (ts.isIdentifier(key)) return [{ ...headerWrite(undefined, value, property, consts), name: key.text.toLowerCase() }];
      if (ts.isStringLiteralLike(key)) return [headerWrite(key, value, property, consts)];
      if (ts.isComputedPropertyName(key)) return [headerWrite(key.expression, value, property, consts)];
    }
    return [unknownWrite(property)];
  });
}

/** The headers a spread adds: those of a const object of the file (`...corsHeaders`), on either
 * side of a condition (`...(cors && corsHeaders)` adds them or nothing); anything else may add any. */
function spreadHeaders(expression: ts.Expression, consts: ConstBindings, spread: ts.Node, depth = 0): HeaderWrite[] {
  let inner = expression;
  while (ts.isParenthesizedExpression(inner) || ts.isAsExpression(inner)) inner = inner.expression;
  if (depth > 3) return [unknownWrite(spread)];
  if (ts.isBinaryExpression(inner) && inner.operatorToken.kind === ts.SyntaxKind.AmpersandAmpersandToken) return spreadHeaders(inner.right, consts, spread, depth + 1);
  if (ts.isBinaryExpression(inner) && (inner.operatorToken.kind === ts.SyntaxKind.BarBarToken || inner.operatorToken.kind === ts.SyntaxKind.QuestionQuestionToken)) {
    return [...spreadHeaders(inner.left, consts, spread, depth + 1), ...spreadHeaders(inner.right, consts, spread, depth + 1)];
  }
  if (ts.isConditionalExpression(inner)) return [...spreadHeaders(inner.whenTrue, consts, spread, depth + 1), ...spreadHeaders(inner.whenFalse, consts, spread, depth + 1)];
  if (ts.isObjectLiteralExpression(inner)) return headersOfObject(inner, consts);
  if (ts.isIdentifier(inner)) {
    const initializer = consts.get(inner.text);
    if (initializer && ts.isObjectLiteralExpression(initializer)) return headersOfObject(initializer, consts).map((write) => ({ ...write, node: spread }));
  }
  // `...{}`-like literals that add nothing: `undefined`, `false`, `null`.
  if (inner.kind === ts.SyntaxKind.NullKeyword || inner.kind === ts.SyntaxKind.FalseKeyword || (ts.isIdentifier(inner) && inner.text === 'undefined')) return [];
  return [unknownWrite(spread)];
}

/** Headers in node's flat array form of `writeHead`: `['WWW-Authenticate', v, 'X-Other', w]`. */
export function headersOfFlatArray(expression: ts.ArrayLiteralExpression, consts: ConstBindings): HeaderWrite[] {
  const writes: HeaderWrite[] = [];
  const elements = expression.elements;
  for (let i = 0; i < elements.length; i += 2) {
    if (ts.isSpreadElement(elements[i])) return [...writes, unknownWrite(elements[i])];
    writes.push(headerWrite(elements[i], elements[i + 1], elements[i], consts));
  }
  return writes;
}

/** The `headers` argument of `writeHead(status, [statusMessage], [headers])`. */
export function writeHeadHeadersArgument(call: ts.CallExpression): ts.Expression | undefined {
  const [, second, third] = call.arguments;
  if (third) return third;
  if (second && !ts.isStringLiteralLike(second)) return second;
  return undefined;
}

export function headersOfWriteHead(call: ts.CallExpression, consts: ConstBindings): HeaderWrite[] {
  const argument = writeHeadHeadersArgument(call);
  if (!argument) return [];
  if (ts.isArrayLiteralExpression(argument)) return headersOfFlatArray(argument, consts);
  return headersOfObject(argument, consts);
}

/** The writes of a `(name, value)` or `(headers object)` call such as `res.set(...)`, `res.setHeader(...)`. */
export function headerWritesOfArguments(call: ts.CallExpression, consts: ConstBindings): HeaderWrite[] {
  const [first, second] = call.arguments;
  if (!first) return [];
  if (second || ts.isStringLiteralLike(first)) return [headerWrite(first, second, call, consts)];
  return headersOfObject(first, consts);
}
