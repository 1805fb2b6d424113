// An expression as a summary's Value: a status code, a parameter of the function around it, a
// name for the project index to resolve, an object or a call of project code. Anything else is
// unknown. The caller side reads its arguments with the same function, so that both ends of a call
// speak the same language.
import ts from 'typescript';
import { unwrapExpression as unwrap } from '../../model/syntax/syntax';
import { libraryStatus } from '../../model/values/status';
import { own } from './records';
import type { Ref, Spot, Value } from './types';

const MAX_DEPTH = 6;
const MAX_PROPERTIES = 24;

export function spotOf(node: ts.Node): Spot {
  const sourceFile = node.getSourceFile();
  const start = node.getStart(sourceFile);
  return { start, end: node.end, line: sourceFile.getLineAndCharacterOfPosition(start).line + 1 };
}

const UNKNOWN: Value = { kind: 'unknown' };


/** Where a name is bound, seen from a use of it. */
type Binding =
  | { kind: 'parameter'; index: number; property?: string; fallback?: ts.Expression }
  | { kind: 'local'; initializer: ts.Expression; property?: string }
  /** Declared or imported at the top level, or not bound in the file (a global): a name. */
  | { kind: 'top-level' }
  /** Bound here in a way not read (a `let`, a loop variable): its value is unknown. */
  | { kind: 'opaque' };

/** The name `name` as bound in `element` (a binding pattern), with the property path to it. */
function findInPattern(pattern: ts.BindingName, name: string): { property?: string; fallback?: ts.Expression } | undefined {
  if (ts.isIdentifier(pattern)) return pattern.text === name ? {} : undefined;
  for (const element of pattern.elements) {
    if (ts.isOmittedExpression(element)) continue;
    if (ts.isIdentifier(element.name) && element.name.text === name) {
      if (ts.isArrayBindingPattern(pattern) || element.dotDotDotToken) return undefined;
      const key = element.propertyName ?? element.name;
      const property = ts.isIdentifier(key) || ts.isStringLiteral(key) ? key.text : undefined;
      return property === undefined ? undefined : { property, fallback: element.initializer };
    }
  }
  return undefined;
}

/** Where `identifier` is bound: a parameter or a local declaration of a function around it, else
 * the top level (whatever binds it there, the index reads it as a name of the file). */
function bindingOf(identifier: ts.Identifier): Binding {
  const name = identifier.text;
  for (let node: ts.Node = identifier.parent; node && !ts.isSourceFile(node); node = node.parent) {
    if (ts.isFunctionLike(node)) {
      const parameters = node.parameters;
      for (let index = 0; index < parameters.length; index++) {
        const found = findInPattern(parameters[index].name, name);
        if (found) return { kind: 'parameter', index, property: found.property, fallback: found.fallback ?? (ts.isIdentifier(parameters[index].name) ? parameters[index].initializer : undefined) };
      }
    }
    if (ts.isBlock(node)) {
      for (const statement of node.statements) {
        if (!ts.isVariableStatement(statement)) continue;
        for (const declaration of statement.declarationList.declarations) {
          const found = findInPattern(declaration.name, name);
          if (!found) continue;
          const isConst = (statement.declarationList.flags & ts.NodeFlags.Const) !== 0;
          return isConst && declaration.initializer ? { kind: 'local', initializer: declaration.initializer, property: found.property } : { kind: 'opaque' };
        }
      }
    }
  }
  return { kind: 'top-level' };
}

/** A property of a value: `{ status: 401 }.status`, `options.status` of a parameter. */
export function propertyOf(value: Value, property: string): Value {
  switch (value.kind) {
    case 'object':
      return own(value.properties, property) ?? UNKNOWN;
    case 'parameter':
      return value.property === undefined ? { kind: 'parameter', index: value.index, property } : UNKNOWN;
    case 'either':
      return { kind: 'either', values: value.values.map((v) => propertyOf(v, property)) };
    case 'ref':
      return { kind: 'ref', ref: { name: value.ref.name, members: [...(value.ref.members ?? []), property] }, spot: value.spot };
    case 'call':
      return { kind: 'member', object: value, property };
    default:
      return UNKNOWN;
  }
}

/** The name a callee or a member chain writes: `sendError`, `api.sendError`, `errors.Unauthorized`. */
export function refOf(expression: ts.Expression): Ref | undefined {
  const members: string[] = [];
  let current = unwrap(expression);
  while (ts.isPropertyAccessExpression(current) || (ts.isElementAccessExpression(current) && ts.isStringLiteralLike(current.argumentExpression))) {
    members.unshift(ts.isPropertyAccessExpression(current) ? current.name.text : (current.argumentExpression as ts.StringLiteralLike).text);
    current = unwrap(current.expression);
  }
  if (!ts.isIdentifier(current)) return undefined;
  return members.length > 0 ? { name: current.text, members } : { name: current.text };
}

export function valueOf(expression: ts.Expression, depth = 0): Value {
  if (depth > MAX_DEPTH) return UNKNOWN;
  const node = unwrap(expression);
  if (ts.isNumericLiteral(node)) {
    const code = Number(node.text);
    return Number.isInteger(code) && code >= 100 && code <= 599 ? { kind: 'status', code, spot: spotOf(node) } : UNKNOWN;
  }
  if (ts.isStringLiteralLike(node)) return { kind: 'string', text: node.text, spot: spotOf(node) };
  if (ts.isConditionalExpression(node)) return { kind: 'either', values: [valueOf(node.whenTrue, depth + 1), valueOf(node.whenFalse, depth + 1)] };
  if (ts.isBinaryExpression(node) && (node.operatorToken.kind === ts.SyntaxKind.BarBarToken || node.operatorToken.kind === ts.SyntaxKind.QuestionQuestionToken)) {
    return { kind: 'either', values: [valueOf(node.left, depth + 1), valueOf(node.right, depth + 1)] };
  }
  if (ts.isIdentifier(node)) return identifierValue(node, depth);
  if (ts.isPropertyAccessExpression(node) || ts.isElementAccessExpression(node)) {
    const library = libraryStatus(node);
    if (library !== undefined) return { kind: 'status', code: library, spot: spotOf(node) };
    const property = ts.isPropertyAccessExpression(node) ? node.name.text : ts.isStringLiteralLike(node.argumentExpression) ? node.argumentExpression.text : undefined;
    if (property === undefined || node.expression.kind === ts.SyntaxKind.ThisKeyword) return UNKNOWN;
    const base = valueOf(node.expression, depth + 1);
    const value = propertyOf(base, property);
    return value.kind === 'ref' ? { ...value, spot: spotOf(node) } : value;
  }
  if (ts.isCallExpression(node) || ts.isNewExpression(node)) {
    const callee = refOf(node.expression);
    // A method of a parameter or a local (`res.json()`, `issues.map()`) is no project name.
    const root = callee && rootIdentifier(node.expression);
    if (!callee || (root && isBoundLocally(root))) return UNKNOWN;
    return { kind: 'call', callee, construct: ts.isNewExpression(node), args: (node.arguments ?? []).map((argument) => valueOf(argument, depth + 1)), spot: spotOf(node) };
  }
  if (ts.isObjectLiteralExpression(node)) {
    const properties: Record<string, Value> = {};
    for (const property of node.properties.slice(0, MAX_PROPERTIES)) {
      const name = property.name && (ts.isIdentifier(property.name) || ts.isStringLiteral(property.name)) ? property.name.text : undefined;
      if (name === undefined) continue;
      if (ts.isPropertyAssignment(property)) properties[name] = valueOf(property.initializer, depth + 1);
      else if (ts.isShorthandPropertyAssignment(property)) properties[name] = identifierValue(property.name, depth + 1);
    }
    return { kind: 'object', properties };
  }
  return UNKNOWN;
}

function rootIdentifier(expression: ts.Expression): ts.Identifier | undefined {
  let current = unwrap(expression);
  while (ts.isPropertyAccessExpression(current) || ts.isElementAccessExpression(current)) current = unwrap(current.expression);
  return ts.isIdentifier(current) ? current : undefined;
}

function isBoundLocally(identifier: ts.Identifier): boolean {
  const kind = bindingOf(identifier).kind;
  return kind === 'parameter' || kind === 'local' || kind === 'opaque';
}

function identifierValue(identifier: ts.Identifier, depth: number): Value {
  if (identifier.text === 'undefined') return UNKNOWN;
  const binding = bindingOf(identifier);
  switch (binding.kind) {
    case 'parameter': {
      const fallback = binding.fallback ? valueOf(binding.fallback, depth + 1) : undefined;
      return { kind: 'parameter', index: binding.index, ...(binding.property !== undefined && { property: binding.property }), ...(fallback && fallback.kind !== 'unknown' && { fallback }) };
    }
    case 'local': {
      const value = valueOf(binding.initializer, depth + 1);
      return binding.property === undefined ? value : propertyOf(value, binding.property);
    }
    case 'opaque':
      return UNKNOWN;
    case 'top-level':
      // A declaration, an import or a global: the index resolves the name.
      return { kind: 'ref', ref: { name: identifier.text }, spot: spotOf(identifier) };
  }
}
