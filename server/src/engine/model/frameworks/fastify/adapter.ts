// Fastify: `reply.code(n)` / `reply.status(n)` (chained with `.header()` and `.send()`),
// `reply.statusCode = n`, and node's response under `reply.raw` (`statusCode`, `writeHead`);
// headers with `reply.header(k, v)`, `reply.headers({...})` and `reply.raw.setHeader(...)`. Thrown
// errors (errors.ts), @fastify/sensible (sensible.ts) and @fastify/basic-auth
// (basic-auth.ts) are read in their own files. Fixes chain `.header(name, value)`, which
// returns the reply (fastify/lib/reply.js).
import ts from 'typescript';
import type { FrameworkAdapter, HeaderWrites, StatusSetter } from '../../adapter';
import { callsChainedAfter, laterCallsOn } from '../../syntax/chain';
import { basicAuthStatusSetter } from './basic-auth';
import { errorHeaderWrites, errorStatusSetter } from './errors';
import { chainHeaderFixer, fastifyReplyOf, methodCallRange, replyChainRoot, type ReplyRef } from './reply';
import { sensibleStatusSetter } from './sensible';
import { readsWithoutImport } from '../../imports/file-frameworks';
import { headersOfWriteHead, headerWritesOfArguments, writeHeadHeadersArgument } from '../../values/headers';
import { isInStatementList } from '../../syntax/paths';
import { isPlainHeaderWrite, isPlainStatusReceiver } from '../../plain-overlap';
import { appendToLiteral, insertStatementAfter, stringLiteral } from '../../syntax/source-style';
import type { ConstBindings } from '../../values/status';
import type { FixOutcome } from '../../types';

const SEND_METHODS = new Set(['send']);
const RAW_BODY_METHODS = new Set(['end', 'write']);
const REPLY_HEADER_METHODS = new Set(['header', 'headers']);
const RAW_HEADER_METHODS = new Set(['setHeader', 'appendHeader', 'setHeaders']);

const NO_ROOM: FixOutcome = { unavailable: 'no statement can be added here (an unbraced if body): add braces first' };

function codeSetter(call: ts.CallExpression & { expression: ts.PropertyAccessExpression }, ref: ReplyRef): StatusSetter {
  return {
    node: call,
    status: call.arguments[0],
    receiverKey: ref.key,
    range: methodCallRange(call),
    bodyCalls() {
      return [...callsChainedAfter(call), ...laterCallsOn(call, ref.reply.getText(), SEND_METHODS)];
    },
    fixer: (style) => chainHeaderFixer(call.end, style),
  };
}

/** `reply.statusCode = 401` / `reply.raw.statusCode = 401`: a header statement after it, on the
 * same object (`reply.header(...)`, or node's `reply.raw.setHeader(...)`). */
function statusCodeSetter(assignment: ts.BinaryExpression, target: ts.Expression, ref: ReplyRef): StatusSetter {
  return {
    node: assignment,
    status: assignment.right,
    receiverKey: ref.key,
    range: { start: assignment.getStart(), end: assignment.end },
    bodyCalls() {
      return [...laterCallsOn(assignment, ref.reply.getText(), SEND_METHODS), ...laterCallsOn(assignment, target.getText(), RAW_BODY_METHODS)];
    },
    fixer: (style) => ({
      addHeader(name, valueCode) {
        const statement = assignment.parent;
        if (!ts.isExpressionStatement(statement) || !isInStatementList(statement)) return NO_ROOM;
        const method = ref.raw ? 'setHeader' : 'header';
        return { edits: [insertStatementAfter(statement, `${target.getText()}.${method}(${stringLiteral(name, style)}, ${valueCode})`, style)] };
      },
    }),
  };
}

/** `reply.raw.writeHead(401[, message][, headers])`: the header goes into its headers argument. */
function writeHeadSetter(call: ts.CallExpression, ref: ReplyRef, consts: ConstBindings): StatusSetter {
  return {
    node: call,
    status: call.arguments[0],
    receiverKey: ref.key,
    range: { start: call.getStart(), end: call.arguments[0].end },
    ownHeaders() {
      return headersOfWriteHead(call, consts);
    },
    bodyCalls() {
      return [call, ...callsChainedAfter(call)];
    },
    fixer: (style) => ({
      addHeader(name, valueCode) {
        const entry = `${stringLiteral(name, style)}: ${valueCode}`;
        const headers = writeHeadHeadersArgument(call);
        if (!headers) {
          const last = call.arguments[call.arguments.length - 1];
          return { edits: [{ start: last.end, end: last.end, newText: `, { ${entry} }` }] };
        }
        if (ts.isObjectLiteralExpression(headers)) return { edits: [appendToLiteral(headers, entry, style)] };
        if (ts.isArrayLiteralExpression(headers)) return { edits: [appendToLiteral(headers, `${stringLiteral(name, style)}, ${valueCode}`, style)] };
        return { unavailable: `writeHead takes its headers from an expression: add ${name} where they are built` };
      },
    }),
  };
}

function replyStatusSetter(node: ts.Node, consts: ConstBindings): StatusSetter | undefined {
  if (ts.isCallExpression(node) && ts.isPropertyAccessExpression(node.expression) && node.arguments.length > 0) {
    const call = node as ts.CallExpression & { expression: ts.PropertyAccessExpression };
    const method = call.expression.name.text;
    if ((method === 'code' || method === 'status') && call.arguments.length === 1) {
      const receiver = call.expression.expression;
      const ref = fastifyReplyOf(replyChainRoot(receiver));
      // In a file without a Fastify import, Express reads `reply.status(n)` of a `(request, reply)` handler.
      if (!ref || ref.raw || (method === 'status' && isPlainStatusReceiver(receiver))) return undefined;
      return codeSetter(call, ref);
    }
    if (method === 'writeHead') {
      const ref = fastifyReplyOf(call.expression.expression);
      return ref?.raw ? writeHeadSetter(call, ref, consts) : undefined;
    }
    return undefined;
  }
  if (
    ts.isBinaryExpression(node) &&
    node.operatorToken.kind === ts.SyntaxKind.EqualsToken &&
    ts.isPropertyAccessExpression(node.left) &&
    node.left.name.text === 'statusCode'
  ) {
    const target = node.left.expression;
    const ref = fastifyReplyOf(target);
    // node:http reads `reply.statusCode = n` in a `(request, reply)` handler of a file without the import.
    if (!ref || (!ref.raw && isPlainStatusReceiver(target))) return undefined;
    return statusCodeSetter(node, target, ref);
  }
  return undefined;
}

function replyHeaderWrites(node: ts.Node, consts: ConstBindings): HeaderWrites | undefined {
  if (!ts.isCallExpression(node) || !ts.isPropertyAccessExpression(node.expression) || node.arguments.length === 0) return undefined;
  const method = node.expression.name.text;
  const isReplyMethod = REPLY_HEADER_METHODS.has(method);
  if (!isReplyMethod && !RAW_HEADER_METHODS.has(method)) return undefined;
  const receiver = node.expression.expression;
  const ref = fastifyReplyOf(replyChainRoot(receiver));
  if (!ref || ref.raw === isReplyMethod || isPlainHeaderWrite(receiver, method, ref.key)) return undefined;
  return { receiverKey: ref.key, writes: headerWritesOfArguments(node, consts) };
}

export const fastifyAdapter: FrameworkAdapter = {
  framework: 'fastify',
  kinds: [ts.SyntaxKind.CallExpression, ts.SyntaxKind.BinaryExpression],
  appliesTo: (facts) => facts.frameworks.has('fastify') || readsWithoutImport(facts),
  statusSetterAt: (node, consts) =>
    replyStatusSetter(node, consts) ?? sensibleStatusSetter(node, consts) ?? errorStatusSetter(node, consts) ?? basicAuthStatusSetter(node, consts),
  headerWritesAt: (node, consts) => replyHeaderWrites(node, consts) ?? errorHeaderWrites(node, consts),
};
