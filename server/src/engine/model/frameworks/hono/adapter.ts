// Hono: a handler answers through its context `c`: `c.json(obj, status, headers)`, `c.text`,
// `c.body`, `c.html`, `c.newResponse` (the status may also come in an init: `c.json(obj, { status,
// headers })`), or `c.status(n)` before `return c.json(...)`. `c.header(k, v)` sets a header that
// the next response built from `c` carries (context.ts #newResponse merges the prepared headers).
// HTTPException is read in exception.ts. Files that import nothing (route modules) are read
// too, but there only the context named `c`, Hono's own convention, is taken for one.
import type { FileImports } from '../../adapter';
import ts from 'typescript';
import type { FrameworkAdapter, HeaderWrites, StatusSetter } from '../../adapter';
import { callsChainedAfter, laterCallsOn } from '../../syntax/chain';
import { headersOfObject, headerWrite } from '../../values/headers';
import { httpExceptionSetter } from './exception';
import { frameworksImportedAt, readsWithoutImport } from '../../imports/file-frameworks';
import { receiverKey, resolveAlias } from '../../syntax/receivers';
import { initFixer, initHeaders, propertyNamed, statusOfProperty } from '../fetch/response-init';
import { isBoundByParameter, rangeOnOneLine, statementInList } from '../../site-parts';
import { appendToLiteral, insertStatementAfter, insertStatementBefore, stringLiteral, type SourceStyle } from '../../syntax/source-style';
import type { ConstBindings } from '../../values/status';
import type { FixOutcome, ResponseFixer } from '../../types';

const RESPOND = new Set(['json', 'text', 'body', 'html', 'newResponse']);
const STATUS = new Set(['status']);
const HEADER = new Set(['header']);

/** The context a call is made on: an identifier bound by a handler's parameter (through aliases);
 * in a file that does not import Hono, only one named `c`. */
function contextOf(expression: ts.Expression): ts.Identifier | undefined {
  const receiver = resolveAlias(expression);
  if (!ts.isIdentifier(receiver) || !isBoundByParameter(receiver, receiver.text)) return undefined;
  if (receiver.text !== 'c' && !frameworksImportedAt(receiver).has('hono')) return undefined;
  return receiver;
}

function contextCall(node: ts.Node, methods: ReadonlySet<string>): { call: ts.CallExpression; method: string; context: ts.Expression } | undefined {
  if (!ts.isCallExpression(node) || !ts.isPropertyAccessExpression(node.expression)) return undefined;
  const method = node.expression.name.text;
  if (!methods.has(method)) return undefined;
  const context = node.expression.expression;
  return contextOf(context) ? { call: node, method, context } : undefined;
}

function headerStatement(context: ts.Expression, name: string, valueCode: string, style: SourceStyle): string {
  return `${context.getText()}.header(${stringLiteral(name, style)}, ${valueCode})`;
}

const NO_ROOM: FixOutcome = { unavailable: 'no statement can be added here: set the header with c.header() before the response is built' };

/** `c.json(obj, 401)` -> `c.json(obj, 401, { 'WWW-Authenticate': ... })`; the headers argument or
 * the init is extended when there is one. */
function respondFixer(call: ts.CallExpression, context: ts.Expression, style: SourceStyle): ResponseFixer {
  return {
    addHeader(name, valueCode) {
      const [data, arg, headers] = call.arguments;
      const entry = `${stringLiteral(name, style)}: ${valueCode}`;
      if (headers && ts.isObjectLiteralExpression(headers)) return { edits: [appendToLiteral(headers, entry, style)] };
      if (!headers && ts.isObjectLiteralExpression(arg)) return initFixer({ node: call, body: data, init: arg }, style).addHeader(name, valueCode);
      if (!headers) return { edits: [{ start: arg.end, end: arg.end, newText: `, { ${entry} }` }] };
      const statement = statementInList(call);
      return statement ? { edits: [insertStatementBefore(statement, headerStatement(context, name, valueCode, style), style)] } : NO_ROOM;
    },
  };
}

function respondSetter(call: ts.CallExpression, context: ts.Expression, consts: ConstBindings): StatusSetter | undefined {
  const [data, arg, headers] = call.arguments;
  if (!arg || (ts.isIdentifier(arg) && arg.text === 'undefined')) return undefined;
  let status: StatusSetter['status'] | undefined = arg;
  let statusPart: ts.Node = arg;
  const ownHeaders = headers ? headersOfObject(headers, consts) : [];
  if (ts.isObjectLiteralExpression(arg)) {
    const property = propertyNamed(arg, 'status');
    if (!property) return undefined;
    status = statusOfProperty(property, consts);
    statusPart = property;
    ownHeaders.push(...initHeaders(arg, consts).writes);
  }
  if (!status) return undefined;
  return {
    node: call,
    status,
    receiverKey: receiverKey(context),
    range: rangeOnOneLine(call, statusPart),
    ownHeaders: () => ownHeaders,
    // The body only: the headers argument holds header values, which are no message.
    bodyCalls: () => [],
    bodyExpressions: data ? [data] : [],
    fixer: (style) => respondFixer(call, context, style),
  };
}

/** `c.status(401)`: the status of the next response built from `c`, unless that one gives its own. */
function statusCallSetter(call: ts.CallExpression, context: ts.Expression): StatusSetter | undefined {
  if (call.arguments.length !== 1) return undefined;
  const key = receiverKey(context);
  const later = [...callsChainedAfter(call), ...laterCallsOn(call, context.getText(), RESPOND)];
  if (later.some((response) => response.arguments.length >= 2)) return undefined;
  return {
    node: call,
    status: call.arguments[0],
    receiverKey: key,
    range: { start: call.getStart(), end: call.end },
    bodyCalls: () => later,
    fixer: (style) => ({
      addHeader(name, valueCode) {
        const statement = statementInList(call);
        return statement ? { edits: [insertStatementAfter(statement, headerStatement(context, name, valueCode, style), style)] } : NO_ROOM;
      },
    }),
  };
}

/** `c.header(k, v)` (also with `{ append: true }`); `c.header(k)` / `c.header(k, undefined)` delete. */
function contextHeaderWrites(node: ts.Node, consts: ConstBindings): HeaderWrites | undefined {
  const found = contextCall(node, HEADER);
  if (!found) return undefined;
  const [name, value] = found.call.arguments;
  if (!name || !value || (ts.isIdentifier(value) && value.text === 'undefined')) return undefined;
  return { receiverKey: receiverKey(found.context), writes: [headerWrite(name, value, found.call, consts)] };
}

export const honoAdapter: FrameworkAdapter = {
  framework: 'hono',
  kinds: [ts.SyntaxKind.CallExpression, ts.SyntaxKind.NewExpression],
  // Hono files, and files that import no framework (Hono route modules, Workers).
  appliesTo: (facts: FileImports) => facts.frameworks.has('hono') || readsWithoutImport(facts),
  statusSetterAt(node, consts) {
    const respond = contextCall(node, RESPOND);
    if (respond) return respondSetter(respond.call, respond.context, consts);
    const status = contextCall(node, STATUS);
    if (status) return statusCallSetter(status.call, status.context);
    return httpExceptionSetter(node, consts);
  },
  headerWritesAt: contextHeaderWrites,
};
