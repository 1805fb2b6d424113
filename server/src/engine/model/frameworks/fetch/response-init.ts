// The Fetch API's way of giving a response its status and headers: the init of `new Response(body,
// init)` and `Response.json(body, init)` (and of Next.js's NextResponse, which extends Response;
// Hono's `c.json(obj, init)` and HTTPException's `res` take the same init). The status and the
// headers are properties of one object literal, so the headers need no path analysis, except when
// they are a variable that is written before the construction (`headers.set(...)`), or when they
// are set on the constructed response afterwards (`res.headers.set(...)`).
import ts from 'typescript';
import { headersOfObject, unknownWrite } from '../../values/headers';
import { receiverKey } from '../../syntax/receivers';
import { statementInList } from '../../site-parts';
import { appendToLiteral, insertStatementBefore, stringLiteral, type SourceStyle } from '../../syntax/source-style';
import { resolveStatuses, type ConstBindings } from '../../values/status';
import { isParameterReference } from '../../syntax/syntax';
import type { FixOutcome, HeaderWrite, ResponseFixer, StatusValue } from '../../types';

export interface ResponseConstruction {
  node: ts.NewExpression | ts.CallExpression;
  body: ts.Expression | undefined;
  init: ts.ObjectLiteralExpression;
}

/** `new C(body, { ... })` or `C.json(body, { ... })` for a class name C in `classes`. An init that
 * is not an object literal is not read: its status is not known here. */
export function responseConstruction(node: ts.Node, classes: ReadonlySet<string>): ResponseConstruction | undefined {
  let args: ts.NodeArray<ts.Expression> | undefined;
  if (ts.isNewExpression(node) && ts.isIdentifier(node.expression) && classes.has(node.expression.text)) {
    args = node.arguments;
  } else if (
    ts.isCallExpression(node) &&
    ts.isPropertyAccessExpression(node.expression) &&
    node.expression.name.text === 'json' &&
    ts.isIdentifier(node.expression.expression) &&
    classes.has(node.expression.expression.text)
  ) {
    args = node.arguments;
  }
  const init = args?.[1];
  if (!args || !init || !ts.isObjectLiteralExpression(init)) return undefined;
  return { node: node as ts.NewExpression | ts.CallExpression, body: args[0], init };
}

export function propertyNamed(literal: ts.ObjectLiteralExpression, name: string): ts.PropertyAssignment | ts.ShorthandPropertyAssignment | undefined {
  return literal.properties.find(
    (p): p is ts.PropertyAssignment | ts.ShorthandPropertyAssignment =>
      (ts.isPropertyAssignment(p) || ts.isShorthandPropertyAssignment(p)) && (ts.isIdentifier(p.name) || ts.isStringLiteral(p.name)) && p.name.text === name,
  );
}

/**
 * The status a property writes, for StatusSetter.status: the expression of `status: expr` (the
 * builder resolves it), or for the shorthand `{ status }` a status resolved here whose rewrite
 * replaces the whole property (`status: 403`): replacing the name alone would break the shorthand.
 * A shorthand of a variable the function assigns on several paths is left to the builder too: each
 * value is rewritten where it is chosen (values/assigned-status.ts), and so is a shorthand of a
 * parameter (`problem(status) { return Response.json(b, { status }) }`): the caller's argument is
 * the status, found and rewritten at the call (project/sites.ts).
 */
export function statusOfProperty(property: ts.PropertyAssignment | ts.ShorthandPropertyAssignment, consts: ConstBindings): ts.Expression | StatusValue | undefined {
  if (ts.isPropertyAssignment(property)) return property.initializer;
  if (isParameterReference(property.name)) return property.name;
  const values = resolveStatuses(property.name, consts);
  // A variable assigned on several paths: the builder makes a site of each value, where it is chosen.
  if (values.some((value) => value.chosenAt)) return property.name;
  const [resolved] = values;
  if (!resolved) return undefined;
  const name = property.name.text;
  return {
    code: resolved.code,
    node: property,
    rewrite: (code) => ({ edits: [{ start: property.getStart(), end: property.end, newText: `${name}: ${code}` }] }),
  };
}

/** The `const`/`let` declaration that binds `identifier` in a scope around it (not a parameter). */
export function declarationOf(identifier: ts.Identifier): ts.VariableDeclaration | undefined {
  const name = identifier.text;
  for (let scope: ts.Node | undefined = identifier.parent; scope; scope = scope.parent) {
    if (ts.isFunctionLike(scope) && scope.parameters.some((p) => ts.isIdentifier(p.name) && p.name.text === name)) return undefined;
    if (!ts.isBlock(scope) && !ts.isSourceFile(scope) && !ts.isCaseClause(scope) && !ts.isDefaultClause(scope)) continue;
    for (const statement of scope.statements) {
      if (!ts.isVariableStatement(statement)) continue;
      const found = statement.declarationList.declarations.find((d) => ts.isIdentifier(d.name) && d.name.text === name);
      if (found) return found;
    }
  }
  return undefined;
}

function isHeadersConstruction(expression: ts.Expression): expression is ts.NewExpression {
  return ts.isNewExpression(expression) && ts.isIdentifier(expression.expression) && expression.expression.text === 'Headers';
}

/** An initializer whose headers can be read: `{ ... }`, `[[k, v]]`, `new Headers(...)`. */
function isHeadersLiteral(expression: ts.Expression | undefined): expression is ts.Expression {
  return !!expression && (ts.isObjectLiteralExpression(expression) || ts.isArrayLiteralExpression(expression) || isHeadersConstruction(expression));
}

/** The expression given as `headers` in an init, if any. */
export function headersExpression(init: ts.ObjectLiteralExpression): ts.Expression | undefined {
  const property = propertyNamed(init, 'headers');
  if (!property) return undefined;
  return ts.isPropertyAssignment(property) ? property.initializer : property.name;
}

export interface InitHeaders {
  /** Headers the init gives (read from a headers variable's initializer too). */
  writes: HeaderWrite[];
  /** The headers variable, whose writes before the construction (`headers.set(...)`) count too. */
  variable: ts.Identifier | undefined;
}

/** The headers of an init: a literal, a variable bound to one (followed), or unknown. */
export function initHeaders(init: ts.ObjectLiteralExpression, consts: ConstBindings): InitHeaders {
  // A spread may hold headers: unknown, so that rules stay silent.
  const spreads = init.properties.filter(ts.isSpreadAssignment).map(unknownWrite);
  const headers = headersExpression(init);
  if (!headers) return { writes: spreads, variable: undefined };
  if (ts.isIdentifier(headers)) {
    const initializer = declarationOf(headers)?.initializer;
    if (isHeadersLiteral(initializer)) return { writes: [...spreads, ...headersOfObject(initializer, consts)], variable: headers };
    return { writes: [...spreads, unknownWrite(headers)], variable: undefined };
  }
  return { writes: [...spreads, ...headersOfObject(headers, consts)], variable: undefined };
}

/** The variable a construction is assigned to: `const res = new Response(...)`. */
export function boundName(node: ts.Node): ts.Identifier | undefined {
  let current = node;
  while (ts.isParenthesizedExpression(current.parent) || ts.isAwaitExpression(current.parent) || ts.isAsExpression(current.parent)) current = current.parent;
  const parent = current.parent;
  return ts.isVariableDeclaration(parent) && parent.initializer === current && ts.isIdentifier(parent.name) ? parent.name : undefined;
}

/**
 * The key that ties a construction to header writes in the same function: the response it is
 * assigned to (`res.headers.set(...)` after `const res = new Response(...)`), else its headers
 * variable (`headers.set(...)` before), else a key of its own.
 */
export function constructionKey(construction: ResponseConstruction, headers: InitHeaders): string {
  const bound = boundName(construction.node);
  if (bound) return `${bound.text}.headers`;
  if (headers.variable) return receiverKey(headers.variable);
  return `<response at ${construction.node.getStart()}>`;
}

const FROM_EXPRESSION: FixOutcome = { unavailable: 'the headers are built by an expression: add WWW-Authenticate where they are built' };

/** Adds a header to an init in the form its `headers` already has. */
export function initFixer(construction: ResponseConstruction, style: SourceStyle): ResponseFixer {
  return {
    addHeader(name, valueCode) {
      const nameText = stringLiteral(name, style);
      const entry = `${nameText}: ${valueCode}`;
      const pair = `[${nameText}, ${valueCode}]`;
      const property = propertyNamed(construction.init, 'headers');
      if (!property) return { edits: [appendToLiteral(construction.init, `headers: { ${entry} }`, style)] };
      const headers = ts.isPropertyAssignment(property) ? property.initializer : property.name;
      if (ts.isObjectLiteralExpression(headers)) return { edits: [appendToLiteral(headers, entry, style)] };
      if (ts.isArrayLiteralExpression(headers)) return { edits: [appendToLiteral(headers, pair, style)] };
      if (isHeadersConstruction(headers)) return addToHeadersConstruction(headers, entry, pair, style);
      if (!ts.isIdentifier(headers)) return FROM_EXPRESSION;
      const initializer = declarationOf(headers)?.initializer;
      if (initializer && isHeadersConstruction(initializer)) {
        // A Headers object is copied by the Response constructor: set it before the construction.
        const statement = statementInList(construction.node);
        if (!statement) return { unavailable: 'no statement can be added here: set the header on the Headers object first' };
        return { edits: [insertStatementBefore(statement, `${headers.text}.set(${nameText}, ${valueCode})`, style)] };
      }
      // A shared headers object (often a module const) stays as it is; this response gets a copy
      // with the header added.
      const merged = initializer && ts.isArrayLiteralExpression(initializer) ? `[...${headers.text}, ${pair}]` : `{ ...${headers.text}, ${entry} }`;
      return { edits: [{ start: property.getStart(), end: property.end, newText: `headers: ${merged}` }] };
    },
  };
}

function addToHeadersConstruction(headers: ts.NewExpression, entry: string, pair: string, style: SourceStyle): FixOutcome {
  const [argument] = headers.arguments ?? [];
  if (!argument) return { edits: [{ start: headers.getStart(), end: headers.end, newText: `new Headers({ ${entry} })` }] };
  if (ts.isObjectLiteralExpression(argument)) return { edits: [appendToLiteral(argument, entry, style)] };
  if (ts.isArrayLiteralExpression(argument)) return { edits: [appendToLiteral(argument, pair, style)] };
  return FROM_EXPRESSION;
}
