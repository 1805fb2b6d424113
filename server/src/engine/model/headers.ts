import * as ts from 'typescript';
import type { ConstBindings } from './status';
import type { HeaderWrite } from './types';

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

function write(nameExpr: ts.Expression | undefined, valueExpr: ts.Expression | undefined, node: ts.Node, consts: ConstBindings): HeaderWrite {
  const name = staticString(nameExpr, consts);
  return {
    name: name?.toLowerCase(),
    value: staticString(valueExpr, consts),
    nameNode: nameExpr && ts.isStringLiteralLike(nameExpr) ? nameExpr : undefined,
    node,
  };
}

const unknownWrite = (node: ts.Node): HeaderWrite => ({ name: undefined, value: undefined, nameNode: undefined, node });

/** Headers in an object literal `{ 'WWW-Authenticate': v }`; anything not statically readable
 * (a spread, a computed key) is an unknown write. A non-literal object is one unknown write. */
export function headersOfObject(expression: ts.Expression, consts: ConstBindings): HeaderWrite[] {
  if (!ts.isObjectLiteralExpression(expression)) return [unknownWrite(expression)];
  return expression.properties.map((property) => {
    if (ts.isPropertyAssignment(property) || ts.isShorthandPropertyAssignment(property)) {
      const key = property.name;
      const value = ts.isPropertyAssignment(property) ? property.initializer : undefined;
      if (ts.isIdentifier(key)) return { ...write(undefined, value, property, consts), name: key.text.toLowerCase() };
      if (ts.isStringLiteralLike(key)) return write(key, value, property, consts);
      if (ts.isComputedPropertyName(key)) return write(key.expression, value, property, consts);
    }
    return unknownWrite(property);
  });
}

/** Headers in node's flat array form of `writeHead`: `['WWW-Authenticate', v, 'X-Other', w]`. */
export function headersOfFlatArray(expression: ts.ArrayLiteralExpression, consts: ConstBindings): HeaderWrite[] {
  const writes: HeaderWrite[] = [];
  const elements = expression.elements;
  for (let i = 0; i < elements.length; i += 2) {
    if (ts.isSpreadElement(elements[i])) return [...writes, unknownWrite(elements[i])];
    writes.push(write(elements[i], elements[i + 1], elements[i], consts));
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
  if (second || ts.isStringLiteralLike(first)) return [write(first, second, call, consts)];
  return headersOfObject(first, consts);
}
