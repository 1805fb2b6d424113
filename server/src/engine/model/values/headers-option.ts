// The `headers` of an error's properties: http-errors' `createError(401, msg, { headers })` (also
// under Koa's `ctx.throw` and `ctx.assert`) and `Object.assign(new Error(), { statusCode, headers })`.
// Fastify (error-handler.js setErrorHeaders) and Koa (context.js onerror) send an error's `headers`.
import ts from 'typescript';
import { headersOfObject, unknownWrite } from './headers';
import { appendToLiteral, stringLiteral, type SourceStyle } from '../syntax/source-style';
import type { ConstBindings } from './status';
import type { FixOutcome, HeaderWrite } from '../types';

function headersProperty(literal: ts.ObjectLiteralExpression): ts.ObjectLiteralElementLike | undefined {
  return literal.properties.find(
    (p) => (ts.isPropertyAssignment(p) || ts.isShorthandPropertyAssignment(p)) && ts.isIdentifier(p.name) && p.name.text === 'headers',
  );
}

/** The headers an error's properties literal carries; a spread or a headers variable may carry
 * any header, so it is an unknown write. */
export function headersOfProperties(literal: ts.ObjectLiteralExpression, consts: ConstBindings): HeaderWrite[] {
  const spreads = literal.properties.filter(ts.isSpreadAssignment).map(unknownWrite);
  const headers = headersProperty(literal);
  if (!headers) return spreads;
  if (ts.isPropertyAssignment(headers)) return [...spreads, ...headersOfObject(headers.initializer, consts)];
  return [...spreads, unknownWrite(headers)];
}

/** Adds a header to an error's properties literal: into its `headers` object, or a new `headers`. */
export function addToProperties(literal: ts.ObjectLiteralExpression, name: string, valueCode: string, style: SourceStyle): FixOutcome {
  const entry = `${stringLiteral(name, style)}: ${valueCode}`;
  const headers = headersProperty(literal);
  if (!headers) return { edits: [appendToLiteral(literal, `headers: { ${entry} }`, style)] };
  if (ts.isPropertyAssignment(headers) && ts.isObjectLiteralExpression(headers.initializer)) {
    return { edits: [appendToLiteral(headers.initializer, entry, style)] };
  }
  return { unavailable: `the error's headers come from an expression: add ${name} where they are built` };
}

/** Adds a header to the properties argument of an http-errors style call (`ctx.throw(401, 'msg')`
 * -> `ctx.throw(401, 'msg', { headers: { ... } })`); `from` is the index of the status argument,
 * after which the properties may come. */
export function addToPropertiesArgument(call: ts.CallExpression, from: number, name: string, valueCode: string, style: SourceStyle): FixOutcome {
  const properties = call.arguments.slice(from + 1).find(ts.isObjectLiteralExpression);
  if (properties) return addToProperties(properties, name, valueCode, style);
  const last = call.arguments[call.arguments.length - 1];
  return { edits: [{ start: last.end, end: last.end, newText: `, { headers: { ${stringLiteral(name, style)}: ${valueCode} } }` }] };
}

/** Whether an argument after the status is surely a message rather than properties: a string, a
 * template, a concatenation, or a name that says so (`msg`, `err.message`). Anything else may be a
 * properties object with headers. */
export function isMessageArgument(argument: ts.Expression, consts: ConstBindings): boolean {
  if (ts.isStringLiteralLike(argument) || ts.isTemplateExpression(argument)) return true;
  if (ts.isBinaryExpression(argument) && argument.operatorToken.kind === ts.SyntaxKind.PlusToken) return true;
  const name = ts.isIdentifier(argument) ? argument.text : ts.isPropertyAccessExpression(argument) ? argument.name.text : undefined;
  if (name === undefined) return false;
  const bound = ts.isIdentifier(argument) ? consts.get(argument.text) : undefined;
  if (bound) return ts.isStringLiteralLike(bound) || ts.isTemplateExpression(bound);
  return /(msg|message|reason|text|description|detail)$/i.test(name);
}

/** The headers of the arguments after the status (`from`) of an http-errors style call: an
 * object literal's `headers`, a const bound to one, and an unknown write for any argument that
 * may be a properties object. */
export function headersOfArguments(call: ts.CallExpression, from: number, consts: ConstBindings): HeaderWrite[] {
  return call.arguments.slice(from + 1).flatMap((argument): HeaderWrite[] => {
    if (ts.isObjectLiteralExpression(argument)) return headersOfProperties(argument, consts);
    if (isMessageArgument(argument, consts)) return [];
    const bound = ts.isIdentifier(argument) ? consts.get(argument.text) : undefined;
    if (bound && ts.isObjectLiteralExpression(bound)) return headersOfProperties(bound, consts);
    return [unknownWrite(argument)];
  });
}
