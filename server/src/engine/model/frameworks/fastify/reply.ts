// Fastify's reply: the second parameter of route handlers, hooks and error handlers, named `reply`
// throughout Fastify's docs, or typed `FastifyReply`. `reply.raw` is node's response underneath and
// the same response: `reply.code()` sets `reply.raw.statusCode`, and Fastify sends its headers with
// `res.writeHead(status, headers)`, which node merges with those `reply.raw.setHeader()` set
// (fastify/lib/reply.js onSendEnd). So a reply and its `raw` share one key.
import ts from 'typescript';
import { declaredTypeOf, enclosingParameters, parameterBinding } from '../../syntax/parameters';
import { spansLines } from '../../syntax/ranges';
import { resolveAlias } from '../../syntax/receivers';
import { stringLiteral, type SourceStyle } from '../../syntax/source-style';
import type { ResponseFixer } from '../../types';

const REPLY_NAMES = /^_*(reply|rep|fastifyReply)$/;
const REPLY_TYPE = /(^|\.)FastifyReply$/;

/** Reply methods that return the reply (fastify/lib/reply.js; @fastify/sensible's cache helpers). */
const CHAINABLE = new Set([
  'code', 'status', 'header', 'headers', 'type', 'serializer', 'removeHeader', 'trailer', 'removeTrailer',
  'vary', 'cacheControl', 'preventCache', 'maxAge', 'revalidate', 'staticCache', 'stale',
]);

export interface ReplyRef {
  /** The reply as written (`reply`, an alias), without `.raw`. */
  reply: ts.Expression;
  /** The key shared by every status and header set on this reply or its `raw`. */
  key: string;
  /** Whether the expression is node's response (`reply.raw`). */
  raw: boolean;
}

function isReplyParameter(parameter: ts.ParameterDeclaration): boolean {
  if (!ts.isIdentifier(parameter.name)) return false;
  return REPLY_NAMES.test(parameter.name.text) || REPLY_TYPE.test(declaredTypeOf(parameter) ?? '');
}

/** The reply a chained call is made on: `reply` for `reply.code(401).header(...)`. */
export function replyChainRoot(receiver: ts.Expression): ts.Expression {
  let current = receiver;
  while (ts.isCallExpression(current) && ts.isPropertyAccessExpression(current.expression) && CHAINABLE.has(current.expression.name.text)) {
    current = current.expression.expression;
  }
  return current;
}

/** The Fastify reply `expression` is (or its `raw`), through `const r = reply` aliases. */
export function fastifyReplyOf(expression: ts.Expression): ReplyRef | undefined {
  let reply = expression;
  let raw = false;
  if (ts.isPropertyAccessExpression(reply) && reply.name.text === 'raw') {
    raw = true;
    reply = reply.expression;
  }
  let resolved = resolveAlias(reply);
  if (!raw && ts.isPropertyAccessExpression(resolved) && resolved.name.text === 'raw') {
    raw = true; // const res = reply.raw
    resolved = resolveAlias(resolved.expression);
  }
  if (!ts.isIdentifier(resolved)) return undefined;
  const binding = parameterBinding(resolved);
  return binding && isReplyParameter(binding.declaration) ? { reply, key: resolved.text, raw } : undefined;
}

/** The reply parameter of the function that holds `node`, if it has one: errors thrown there are
 * sent on that reply, with the headers set on it before (fastify/lib/error-handler.js keeps them). */
export function replyParameterAt(node: ts.Node): string | undefined {
  const parameter = enclosingParameters(node).find(isReplyParameter);
  return parameter && ts.isIdentifier(parameter.name) ? parameter.name.text : undefined;
}

/** A fixer that chains `.header(name, value)` at `position` (after `reply.code(401)`, or after the
 * reply itself before a sensible helper: `reply.header(...).unauthorized()`). */
export function chainHeaderFixer(position: number, style: SourceStyle): ResponseFixer {
  return {
    addHeader: (name, valueCode) => ({ edits: [{ start: position, end: position, newText: `.header(${stringLiteral(name, style)}, ${valueCode})` }] }),
  };
}

/** Where a finding about `reply.code(401)` is underlined: the call on one line; only the method
 * and its arguments (`code(401)`) when the call ends a chain or spans lines. */
export function methodCallRange(call: ts.CallExpression & { expression: ts.PropertyAccessExpression }): { start: number; end: number } {
  const start = call.getStart();
  const chained = ts.isCallExpression(call.expression.expression);
  return { start: chained || spansLines(call.getSourceFile().text, start, call.end) ? call.expression.name.getStart() : start, end: call.end };
}
