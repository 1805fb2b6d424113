// Elysia: a handler gets a context (`({ set, status }) => ...` or `(ctx) => ...`). The status is
// `set.status = 401` or a name of Elysia's StatusMap (`set.status = 'Unauthorized'`), or the value
// returned or thrown by `status(401, body)` (`error(...)` before Elysia 1.3; `status` is also
// exported by 'elysia'). Headers are `set.headers[name] = value`. When a handler returns
// `status(...)`, Elysia's mapResponse sets `set.status` to its code and builds the response from
// `set`, headers included, so `set.headers` writes of the same context count for it. Fixes keep the
// form of the status (a number stays a number, a name a name).
import type { FileImports } from '../../adapter';
import ts from 'typescript';
import type { FrameworkAdapter, HeaderWrites, StatusSetter } from '../../adapter';
import { headersOfObject, headerWrite } from '../../values/headers';
import { moduleBindings } from '../../imports/module-bindings';
import { receiverKey } from '../../syntax/receivers';
import { enclosingFunctionLike, isBoundByParameter, returnedAfter, statementInList } from '../../site-parts';
import { insertStatementAfter, insertStatementBefore, listSeparator, stringLiteral, type SourceStyle } from '../../syntax/source-style';
import { replacedStatus } from '../../values/status';
import type { TextEdit } from '../../../types';
import type { FixOutcome, HeaderWrite, ResponseFixer, StatusValue } from '../../types';

const ELYSIA_MODULE = /^elysia$/;
/** The names of Elysia's StatusMap (src/utils.ts) for the statuses the rules read and write. */
const STATUS_NAMES: Record<string, number> = { Unauthorized: 401, Forbidden: 403, 'Proxy Authentication Required': 407 };
const NAME_OF = new Map(Object.entries(STATUS_NAMES).map(([name, code]) => [code, name]));
const STATUS_FUNCTIONS = new Set(['status', 'error']);

/** The context's `set`: `set` destructured from a handler parameter, or `ctx.set`. */
function contextSet(expression: ts.Expression): ts.Expression | undefined {
  if (ts.isIdentifier(expression)) return expression.text === 'set' && isBoundByParameter(expression, 'set') ? expression : undefined;
  if (ts.isPropertyAccessExpression(expression) && expression.name.text === 'set' && ts.isIdentifier(expression.expression)) {
    return isBoundByParameter(expression.expression, expression.expression.text) ? expression : undefined;
  }
  return undefined;
}

/** A status name (`'Unauthorized'`), rewritten as another name in the same quotes. */
function namedStatus(literal: ts.StringLiteralLike): StatusValue | undefined {
  const code = STATUS_NAMES[literal.text];
  if (code === undefined) return undefined;
  const quote = literal.getText()[0];
  return replacedStatus(literal, code, (target) => {
    const name = NAME_OF.get(target);
    return name === undefined ? undefined : `${quote}${name}${quote}`;
  });
}

function statusOf(expression: ts.Expression): ts.Expression | StatusValue | undefined {
  return ts.isStringLiteralLike(expression) ? namedStatus(expression) : expression;
}

function headerAssignment(set: string, name: string, valueCode: string, style: SourceStyle): string {
  return `${set}.headers[${stringLiteral(name, style)}] = ${valueCode}`;
}

const NO_ROOM: FixOutcome = { unavailable: "no statement can be added here: set set.headers['WWW-Authenticate'] before returning" };

/** `set.status = 401;` -> a `set.headers[...] = ...` statement after it. */
function setStatusSetter(assignment: ts.BinaryExpression, set: ts.Expression): StatusSetter | undefined {
  const status = statusOf(assignment.right);
  if (!status) return undefined;
  return {
    node: assignment,
    status,
    receiverKey: receiverKey(set),
    range: { start: assignment.getStart(), end: assignment.end },
    bodyCalls: () => [],
    bodyExpressions: returnedAfter(assignment),
    fixer: (style): ResponseFixer => ({
      addHeader(name, valueCode) {
        const statement = statementInList(assignment);
        return statement ? { edits: [insertStatementAfter(statement, headerAssignment(set.getText(), name, valueCode, style), style)] } : NO_ROOM;
      },
    }),
  };
}

/** The function whose parameter destructures `name` (the handler that received `status`). */
function functionBinding(node: ts.Node, name: string): ts.SignatureDeclaration | undefined {
  for (let fn = enclosingFunctionLike(node); fn; fn = enclosingFunctionLike(fn)) {
    const [first] = fn.parameters;
    if (first && ts.isObjectBindingPattern(first.name) && first.name.elements.some((e) => ts.isIdentifier(e.name) && e.name.text === name)) return fn;
  }
  return undefined;
}

/** How a handler reaches its `set`; `add` gives it one when it has none. */
interface HandlerSet {
  set: string;
  add?: (style: SourceStyle) => TextEdit;
}

function setOfHandler(fn: ts.SignatureDeclaration): HandlerSet | undefined {
  const [first] = fn.parameters;
  if (!first) return { set: 'set', add: () => ({ start: fn.parameters.pos, end: fn.parameters.pos, newText: '{ set }' }) };
  if (ts.isIdentifier(first.name)) return { set: `${first.name.text}.set` };
  if (!ts.isObjectBindingPattern(first.name)) return undefined;
  const pattern = first.name;
  const bound = pattern.elements.find((e) => (e.propertyName ?? e.name).getText() === 'set' && ts.isIdentifier(e.name));
  if (bound) return { set: (bound.name as ts.Identifier).text };
  return { set: 'set', add: (style) => addToPattern(pattern, 'set', style) };
}

function addToPattern(pattern: ts.ObjectBindingPattern, name: string, style: SourceStyle): TextEdit {
  const elements = pattern.elements;
  if (elements.length === 0) return { start: pattern.getStart(), end: pattern.end, newText: `{ ${name} }` };
  const last = elements[elements.length - 1];
  // A rest element stays last.
  if (last.dotDotDotToken) return { start: last.getStart(), end: last.getStart(), newText: `${name}, ` };
  return { start: last.end, end: last.end, newText: `${listSeparator(pattern, last, style)}${name}` };
}

/** `status(401, body)` / `error(...)`: the status function of the handler's context (destructured
 * from its parameter, or `ctx.status`), or the one 'elysia' exports. */
function statusFunctionCall(node: ts.Node): { call: ts.CallExpression; handler: HandlerSet | undefined } | undefined {
  if (!ts.isCallExpression(node) || node.arguments.length === 0) return undefined;
  const callee = node.expression;
  if (ts.isIdentifier(callee)) {
    const destructuredIn = STATUS_FUNCTIONS.has(callee.text) ? functionBinding(node, callee.text) : undefined;
    const imported = moduleBindings(node.getSourceFile(), ELYSIA_MODULE).named.get(callee.text);
    const fn = destructuredIn ?? (imported !== undefined && STATUS_FUNCTIONS.has(imported) ? enclosingFunctionLike(node) : undefined);
    return fn ? { call: node, handler: setOfHandler(fn) } : undefined;
  }
  if (ts.isPropertyAccessExpression(callee) && STATUS_FUNCTIONS.has(callee.name.text) && ts.isIdentifier(callee.expression)) {
    const context = callee.expression;
    return isBoundByParameter(context, context.text) ? { call: node, handler: { set: `${context.text}.set` } } : undefined;
  }
  return undefined;
}

function statusCallSetter(call: ts.CallExpression, handler: HandlerSet | undefined): StatusSetter | undefined {
  const status = statusOf(call.arguments[0]);
  if (!status) return undefined;
  return {
    node: call,
    status,
    receiverKey: handler?.set ?? 'set',
    range: { start: call.getStart(), end: call.end },
    // The status name is no message: only the body.
    bodyCalls: () => [],
    bodyExpressions: call.arguments.slice(1),
    fixer: (style): ResponseFixer => ({
      addHeader(name, valueCode) {
        const statement = statementInList(call);
        if (!statement) return NO_ROOM;
        if (!handler) return { unavailable: "the handler's context is not reachable here: set set.headers['WWW-Authenticate'] in the handler" };
        const added = handler.add ? [handler.add(style)] : [];
        return { edits: [...added, insertStatementBefore(statement, headerAssignment(handler.set, name, valueCode, style), style)] };
      },
    }),
  };
}

/** `set.headers` of a context, when `expression` is one. */
function contextHeaders(expression: ts.Expression): ts.Expression | undefined {
  return ts.isPropertyAccessExpression(expression) && expression.name.text === 'headers' ? contextSet(expression.expression) : undefined;
}

function elysiaHeaderWrites(node: ts.Node, consts: Parameters<FrameworkAdapter['headerWritesAt']>[1]): HeaderWrites | undefined {
  if (ts.isBinaryExpression(node) && node.operatorToken.kind === ts.SyntaxKind.EqualsToken) {
    const target = node.left;
    let set: ts.Expression | undefined;
    let writes: HeaderWrite[] = [];
    if (ts.isElementAccessExpression(target) && (set = contextHeaders(target.expression))) {
      writes = [headerWrite(target.argumentExpression, node.right, node, consts)];
    } else if (ts.isPropertyAccessExpression(target) && (set = contextHeaders(target.expression))) {
      writes = [{ ...headerWrite(undefined, node.right, node, consts), name: target.name.text.toLowerCase() }];
    } else if ((set = contextHeaders(target))) {
      writes = headersOfObject(node.right, consts);
    }
    return set ? { receiverKey: receiverKey(set), writes } : undefined;
  }
  // Object.assign(set.headers, { ... })
  if (isObjectAssign(node) && node.arguments.length >= 2) {
    const set = contextHeaders(node.arguments[0]);
    if (set) return { receiverKey: receiverKey(set), writes: node.arguments.slice(1).flatMap((argument) => headersOfObject(argument, consts)) };
  }
  return undefined;
}

function isObjectAssign(node: ts.Node): node is ts.CallExpression {
  if (!ts.isCallExpression(node) || !ts.isPropertyAccessExpression(node.expression)) return false;
  const { expression, name } = node.expression;
  return name.text === 'assign' && ts.isIdentifier(expression) && expression.text === 'Object';
}

export const elysiaAdapter: FrameworkAdapter = {
  framework: 'elysia',
  kinds: [ts.SyntaxKind.CallExpression, ts.SyntaxKind.BinaryExpression],
  appliesTo: (facts: FileImports) => facts.frameworks.has('elysia'),
  statusSetterAt(node) {
    if (ts.isBinaryExpression(node) && node.operatorToken.kind === ts.SyntaxKind.EqualsToken && ts.isPropertyAccessExpression(node.left) && node.left.name.text === 'status') {
      const set = contextSet(node.left.expression);
      return set ? setStatusSetter(node, set) : undefined;
    }
    const found = statusFunctionCall(node);
    return found && statusCallSetter(found.call, found.handler);
  },
  headerWritesAt: elysiaHeaderWrites,
};
