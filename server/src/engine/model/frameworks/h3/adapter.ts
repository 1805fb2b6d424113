// h3 (and Nitro, Nuxt's server): `setResponseStatus(event, n)`, headers with `setResponseHeader(event,
// k, v)`, `setResponseHeaders(event, {...})` (and their older names `setHeader`, `setHeaders`, and
// the `append*` forms), and `throw createError({ statusCode: n })`. createError carries no headers,
// but h3 v1's sendError writes the error's status and a content-type on the same node response
// (`setResponseStatus(event, ...)`, `event.node.res.setHeader('content-type', ...)`), and Nitro's
// default error handler only adds headers with setResponseHeader(s): headers set on the event before
// the throw are sent with the error. So every status and header is keyed by the handler's event,
// createError's too (it takes no event: the parameter of the function that throws it stands in).
// (An h3 v2 pre-release builds error responses without the event's headers, src/response.ts
// errorResponse; v2 is not modeled here.)
// Nitro files use auto-imports and often import nothing: there, a site counts inside an event
// handler (`defineEventHandler((event) => ...)`), or with an H3Event parameter. `createError` is also
// http-errors' export: only an object argument (`{ statusCode }`) and an h3 import or context make it h3's.
import type { FileImports } from '../../adapter';
import ts from 'typescript';
import type { FrameworkAdapter, HeaderWrites, StatusSetter } from '../../adapter';
import { headersOfObject, headerWrite } from '../../values/headers';
import { readsWithoutImport } from '../../imports/file-frameworks';
import { localNameOf, moduleBindings } from '../../imports/module-bindings';
import { receiverKey } from '../../syntax/receivers';
import { propertyNamed, statusOfProperty } from '../fetch/response-init';
import { enclosingFunctionLike, rangeOnOneLine, returnedAfter, statementInList } from '../../site-parts';
import { insertStatementAfter, insertStatementBefore, listSeparator, stringLiteral, type SourceStyle } from '../../syntax/source-style';
import type { ConstBindings } from '../../values/status';
import type { TextEdit } from '../../../types';
import type { FixOutcome } from '../../types';

const H3_MODULES = /^(h3|nitropack(\/.*)?|#imports)$/;
const SERVER_MODULES = /^(h3|nitropack(\/.*)?)$/;
const ANY_MODULE = /(?:)/;
const EVENT_HANDLERS = new Set([
  'defineEventHandler', 'eventHandler', 'defineCachedEventHandler', 'cachedEventHandler', 'defineLazyEventHandler',
  'lazyEventHandler', 'defineRequestMiddleware', 'defineResponseMiddleware', 'defineNitroErrorHandler',
]);
const SET_ONE = new Set(['setResponseHeader', 'setHeader', 'appendResponseHeader', 'appendHeader']);
const SET_MANY = new Set(['setResponseHeaders', 'setHeaders', 'appendResponseHeaders', 'appendHeaders']);

/** The h3 function a call names: `setResponseStatus(...)` (imported from h3 under any name, or
 * not imported at all: Nitro's auto-imports), or `h3.setResponseStatus(...)` through a namespace
 * import. A name imported from another module is that module's. */
function h3Callee(call: ts.CallExpression): string | undefined {
  const callee = call.expression;
  const sourceFile = call.getSourceFile();
  if (ts.isIdentifier(callee)) {
    const exported = moduleBindings(sourceFile, H3_MODULES).named.get(callee.text);
    if (exported) return exported;
    const other = moduleBindings(sourceFile, ANY_MODULE);
    return other.named.has(callee.text) || other.whole.has(callee.text) ? undefined : callee.text;
  }
  if (ts.isPropertyAccessExpression(callee) && ts.isIdentifier(callee.expression)) {
    return moduleBindings(sourceFile, H3_MODULES).whole.has(callee.expression.text) ? callee.name.text : undefined;
  }
  return undefined;
}

function isEventHandlerCall(node: ts.Node): node is ts.CallExpression {
  return ts.isCallExpression(node) && ts.isIdentifier(node.expression) && EVENT_HANDLERS.has(node.expression.text);
}

function hasEventParameter(fn: ts.SignatureDeclaration): boolean {
  return fn.parameters.some((p) => p.type && ts.isTypeReferenceNode(p.type) && /(^|\.)H3Event$/.test(p.type.typeName.getText()));
}

/** Whether `node` is h3 server code: the file imports h3 or Nitro (Nuxt's `#imports` serves app
 * code too, so it does not count alone), or `node` is inside an event handler or a function taking
 * an H3Event. */
function isH3Context(node: ts.Node): boolean {
  const server = moduleBindings(node.getSourceFile(), SERVER_MODULES);
  if (server.named.size > 0 || server.whole.size > 0) return true;
  for (let current = node.parent; current; current = current.parent) {
    if (isEventHandlerCall(current)) return true;
    if (ts.isFunctionLike(current) && hasEventParameter(current)) return true;
  }
  return false;
}

/** The function that receives the event where `node` runs, and the event's name in it. */
function eventOf(node: ts.Node): { fn: ts.SignatureDeclaration | undefined; name: string | undefined } {
  const fn = enclosingFunctionLike(node);
  const first = fn?.parameters[0]?.name;
  return { fn, name: first && ts.isIdentifier(first) ? first.text : undefined };
}

/** The first value import (not `import type`) of the file that lists names from h3. */
function h3ImportList(sourceFile: ts.SourceFile): ts.NamedImports | undefined {
  for (const statement of sourceFile.statements) {
    if (!ts.isImportDeclaration(statement) || !ts.isStringLiteral(statement.moduleSpecifier) || !H3_MODULES.test(statement.moduleSpecifier.text)) continue;
    const named = statement.importClause?.namedBindings;
    if (!statement.importClause?.isTypeOnly && named && ts.isNamedImports(named)) return named;
  }
  return undefined;
}

/** The name to call setResponseHeader by, and the import edit that makes it available: the file's
 * own import of it, the older `setHeader` when that is what it imports, a name added to its h3
 * import, the namespace, or (Nitro auto-imports) the bare name. */
function headerFunction(node: ts.Node, style: SourceStyle): { callee: string; edits: TextEdit[] } {
  const sourceFile = node.getSourceFile();
  const bindings = moduleBindings(sourceFile, H3_MODULES);
  const imported = localNameOf(bindings, 'setResponseHeader') ?? localNameOf(bindings, 'setHeader');
  if (imported) return { callee: imported, edits: [] };
  const list = h3ImportList(sourceFile);
  if (list) return { callee: 'setResponseHeader', edits: [addNamedImport(list, 'setResponseHeader', style)] };
  const [namespace] = bindings.whole;
  return { callee: namespace ? `${namespace}.setResponseHeader` : 'setResponseHeader', edits: [] };
}

function addNamedImport(named: ts.NamedImports, name: string, style: SourceStyle): TextEdit {
  const elements = named.elements;
  if (elements.length === 0) return { start: named.getStart(), end: named.end, newText: `{ ${name} }` };
  const last = elements[elements.length - 1];
  return { start: last.end, end: last.end, newText: `${listSeparator(named, last, style)}${name}` };
}

const NO_ROOM: FixOutcome = { unavailable: 'no statement can be added here: call setResponseHeader(event, ...) before the response is sent' };

/** A `setResponseHeader(event, name, value)` statement placed by `place`, with the import it needs. */
function headerStatementFix(node: ts.Node, event: string, name: string, valueCode: string, style: SourceStyle, place: (statement: string) => TextEdit): FixOutcome {
  const { callee, edits } = headerFunction(node, style);
  return { edits: [...edits, place(`${callee}(${event}, ${stringLiteral(name, style)}, ${valueCode})`)] };
}

function setResponseStatusSetter(call: ts.CallExpression): StatusSetter | undefined {
  const [event, status] = call.arguments;
  if (!event || !status || !isH3Context(call)) return undefined;
  return {
    node: call,
    status,
    receiverKey: receiverKey(event),
    range: { start: call.getStart(), end: call.end },
    bodyCalls: () => [],
    bodyExpressions: returnedAfter(call),
    fixer: (style) => ({
      addHeader(name, valueCode) {
        const statement = statementInList(call);
        if (!statement) return NO_ROOM;
        return headerStatementFix(call, event.getText(), name, valueCode, style, (text) => insertStatementAfter(statement, text, style));
      },
    }),
  };
}

/** `createError({ statusCode: 401 })`: the fix sets the header on the event before the statement
 * that throws; a handler without an event parameter gets one. */
function createErrorFixer(call: ts.CallExpression, style: SourceStyle) {
  return {
    addHeader(name: string, valueCode: string): FixOutcome {
      const statement = statementInList(call);
      if (!statement) return NO_ROOM;
      const { fn, name: event } = eventOf(call);
      const place = (text: string) => insertStatementBefore(statement, text, style);
      if (event) return headerStatementFix(call, event, name, valueCode, style, place);
      if (fn && fn.parameters.length === 0 && isEventHandlerCall(fn.parent)) {
        const fix = headerStatementFix(call, 'event', name, valueCode, style, place);
        const parameter = { start: fn.parameters.pos, end: fn.parameters.pos, newText: 'event' };
        return 'edits' in fix ? { edits: [parameter, ...fix.edits] } : fix;
      }
      return { unavailable: 'the function that throws has no event: set the header with setResponseHeader(event, ...) in the handler' };
    },
  };
}

function createErrorSetter(call: ts.CallExpression, consts: ConstBindings): StatusSetter | undefined {
  const [input] = call.arguments;
  if (!input || !ts.isObjectLiteralExpression(input) || !isH3Context(call)) return undefined;
  const property = propertyNamed(input, 'statusCode') ?? propertyNamed(input, 'status');
  if (!property) return undefined;
  const status = statusOfProperty(property, consts);
  if (!status) return undefined;
  return {
    node: call,
    status,
    receiverKey: eventOf(call).name ?? '<no event>',
    range: rangeOnOneLine(call, property),
    bodyCalls: () => [call],
    fixer: (style) => createErrorFixer(call, style),
    thrownError: { classes: [{ name: 'H3Error', library: 'h3' }], answeredBy: ['h3'] },
  };
}

function h3HeaderWrites(node: ts.Node, consts: ConstBindings): HeaderWrites | undefined {
  if (!ts.isCallExpression(node)) return undefined;
  const name = h3Callee(node);
  if (!name || !(SET_ONE.has(name) || SET_MANY.has(name))) return undefined;
  const [event, first, second] = node.arguments;
  if (!event || !first) return undefined;
  const writes = SET_ONE.has(name) ? [headerWrite(first, second, node, consts)] : headersOfObject(first, consts);
  return { receiverKey: receiverKey(event), writes };
}

export const h3Adapter: FrameworkAdapter = {
  framework: 'h3',
  kinds: [ts.SyntaxKind.CallExpression],
  // h3 and Nitro files, and files that import no framework (Nitro's auto-imports).
  appliesTo: (facts: FileImports) => facts.frameworks.has('h3') || readsWithoutImport(facts),
  statusSetterAt(node, consts) {
    if (!ts.isCallExpression(node)) return undefined;
    const name = h3Callee(node);
    if (name === 'setResponseStatus') return setResponseStatusSetter(node);
    if (name === 'createError') return createErrorSetter(node, consts);
    return undefined;
  },
  headerWritesAt: h3HeaderWrites,
};
