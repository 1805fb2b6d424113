// @fastify/sensible: `reply.unauthorized(msg)`, `reply.forbidden()`, `reply.proxyAuthenticationRequired()`
// and `reply.getHttpError(code, msg)` send an http-errors error, which carries no WWW-Authenticate;
// `fastify.httpErrors.unauthorized(msg)` (and `.createError(code, msg, props)`) build one to throw
// or send; `fastify.assert(cond, code, msg)` throws one. The reply helpers return the reply after
// sending, and Fastify keeps the headers set on the reply before an error (error-handler.js), so
// the fix chains `reply.header(...)` before the helper: `reply.header(k, v).unauthorized(msg)`.
import ts from 'typescript';
import type { StatusSetter } from '../../adapter';
import { frameworksImportedAt } from '../../imports/file-frameworks';
import { chainHeaderFixer, fastifyReplyOf, methodCallRange, replyChainRoot, replyParameterAt } from './reply';
import { addToPropertiesArgument, headersOfArguments } from '../../values/headers-option';
import { moduleBindings } from '../../imports/module-bindings';
import { isInStatementList } from '../../syntax/paths';
import { oneLineRange } from '../../syntax/ranges';
import { insertStatementBefore, stringLiteral, type SourceStyle } from '../../syntax/source-style';
import { replacedStatus, resolveStatuses, type ConstBindings } from '../../values/status';
import type { FixOutcome, ResponseFixer } from '../../types';

/** The helpers named after the statuses the rules read, both on the reply and on `httpErrors`. */
const HELPER_CODES = new Map([['unauthorized', 401], ['forbidden', 403], ['proxyAuthenticationRequired', 407]]);
const CODE_HELPERS = new Map([...HELPER_CODES].map(([name, code]) => [code, name]));
/** Helpers that take the status as their first argument. */
const BY_CODE = new Set(['getHttpError', 'createError']);

const SENSIBLE_MODULES = /^(@fastify\/sensible|fastify-sensible)$/;

type MethodCall = ts.CallExpression & { expression: ts.PropertyAccessExpression };

function isMethodCall(node: ts.Node): node is MethodCall {
  return ts.isCallExpression(node) && ts.isPropertyAccessExpression(node.expression);
}

/** `fastify.httpErrors`, `this.httpErrors`, or `httpErrors` imported from @fastify/sensible. */
function isHttpErrors(expression: ts.Expression): boolean {
  if (ts.isPropertyAccessExpression(expression)) return expression.name.text === 'httpErrors';
  return ts.isIdentifier(expression) && moduleBindings(expression.getSourceFile(), SENSIBLE_MODULES).named.get(expression.text) === 'httpErrors';
}

/** The status of a helper call: its name (`unauthorized`), or its first argument (`getHttpError(401)`). */
function helperStatus(call: MethodCall): StatusSetter['status'] | undefined {
  const method = call.expression.name;
  const code = HELPER_CODES.get(method.text);
  if (code !== undefined) return replacedStatus(method, code, (target) => CODE_HELPERS.get(target));
  return BY_CODE.has(method.text) && call.arguments.length > 0 ? call.arguments[0] : undefined;
}

/** `reply.unauthorized(msg)`, `reply.getHttpError(401, msg)`. */
function replyHelperSetter(call: MethodCall): StatusSetter | undefined {
  if (call.expression.name.text === 'createError') return undefined;
  const receiver = call.expression.expression;
  const ref = fastifyReplyOf(replyChainRoot(receiver));
  const status = ref && !ref.raw ? helperStatus(call) : undefined;
  if (!ref || !status) return undefined;
  return {
    node: call,
    status,
    receiverKey: ref.key,
    range: methodCallRange(call),
    bodyCalls: () => [call],
    fixer: (style) => chainHeaderFixer(receiver.end, style),
  };
}

/** An error built by `httpErrors.unauthorized(msg)` takes no headers: the header is set on the
 * reply before it is thrown or sent. */
function builtErrorFixer(call: MethodCall, style: SourceStyle): ResponseFixer {
  return {
    addHeader(name, valueCode): FixOutcome {
      const parent = call.parent;
      const reply = replyParameterAt(call);
      if (ts.isThrowStatement(parent) && reply && isInStatementList(parent)) {
        return { edits: [insertStatementBefore(parent, `${reply}.header(${stringLiteral(name, style)}, ${valueCode})`, style)] };
      }
      if (isMethodCall(parent) && parent.expression.name.text === 'send' && fastifyReplyOf(parent.expression.expression)?.raw === false) {
        return chainHeaderFixer(parent.expression.expression.end, style).addHeader(name, valueCode);
      }
      return { unavailable: `httpErrors.${call.expression.name.text}() takes no headers: use httpErrors.createError(status, message, { headers }), or reply.header() before it` };
    },
  };
}

/** `fastify.httpErrors.unauthorized(msg)`, `.createError(401, msg, { headers })`, `.getHttpError(401)`. */
function httpErrorsSetter(call: MethodCall, consts: ConstBindings): StatusSetter | undefined {
  if (!isHttpErrors(call.expression.expression)) return undefined;
  const status = helperStatus(call);
  if (!status) return undefined;
  const byCode = BY_CODE.has(call.expression.name.text);
  const declared = ts.isVariableDeclaration(call.parent) && ts.isIdentifier(call.parent.name) ? call.parent.name.text : undefined;
  return {
    node: call,
    status,
    // Thrown in a handler, the error goes out on its reply (errors.ts).
    receiverKey: replyParameterAt(call) ?? declared ?? `httpErrors@${call.getStart()}`,
    range: oneLineRange(call, call.expression),
    ownHeaders() {
      return byCode ? headersOfArguments(call, 0, consts) : [];
    },
    bodyCalls: () => [call],
    fixer: (style) =>
      call.expression.name.text === 'createError'
        ? { addHeader: (name, valueCode) => addToPropertiesArgument(call, 0, name, valueCode, style) }
        : builtErrorFixer(call, style),
  };
}

/** Where the status is among the arguments of sensible's assert and its methods (http-assert's). */
const ASSERT_STATUS_INDEX = new Map([
  ['assert', 1], ['ok', 1], ['equal', 2], ['notEqual', 2], ['strictEqual', 2], ['notStrictEqual', 2], ['deepEqual', 2], ['notDeepEqual', 2],
]);
const FASTIFY_INSTANCES = /^(fastify|app|server|instance|this)$/;

/** `fastify.assert(cond, 401, msg)`, `fastify.assert.ok(...)`, `fastify.assert.equal(a, b, 401)`,
 * read only where Fastify is imported (other `x.assert(...)` calls are test assertions). */
function assertSetter(call: MethodCall, consts: ConstBindings): StatusSetter | undefined {
  const method = call.expression.name.text;
  const assertion = method === 'assert' ? call.expression : call.expression.expression;
  const index = ASSERT_STATUS_INDEX.get(method);
  if (index === undefined || !ts.isPropertyAccessExpression(assertion) || assertion.name.text !== 'assert') return undefined;
  const instance = assertion.expression;
  const named = ts.isPropertyAccessExpression(instance) ? instance.name.text === 'server' : FASTIFY_INSTANCES.test(instance.getText());
  const status = call.arguments[index];
  if (!named || !status || resolveStatuses(status, consts).length === 0 || !frameworksImportedAt(call).has('fastify')) return undefined;
  return {
    node: call,
    status,
    receiverKey: replyParameterAt(call) ?? `assert@${call.getStart()}`,
    range: oneLineRange(call, call.expression),
    bodyCalls: () => [call],
    fixer: () => ({
      addHeader: () => ({ unavailable: 'fastify.assert() throws an error without headers: throw an error with `headers` (or call reply.header() first)' }),
    }),
  };
}

export function sensibleStatusSetter(node: ts.Node, consts: ConstBindings): StatusSetter | undefined {
  if (!isMethodCall(node)) return undefined;
  const method = node.expression.name.text;
  if (HELPER_CODES.has(method) || BY_CODE.has(method)) return replyHelperSetter(node) ?? httpErrorsSetter(node, consts);
  return ASSERT_STATUS_INDEX.has(method) ? assertSetter(node, consts) : undefined;
}
