// Koa's `ctx.throw(status, msg?, props?)` (http-errors' createError) and `ctx.assert(cond, status,
// msg?, props?)` (http-assert, which throws the same error when `cond` is falsy). The error reaches
// Koa's `ctx.onerror`, which first removes every header already set on the response and then sets
// the error's `headers` (koa/lib/context.js; koajs/koa#537, #1127): a header set with `ctx.set`
// before the throw is lost, and the only place the challenge survives is the `headers` property.
//
// ctx.assert's condition is the guard of its status, on its false side: `ctx.assert(user.isAdmin,
// 401)` throws when the user is not an admin.
import ts from 'typescript';
import type { StatusSetter } from '../../adapter';
import { addToPropertiesArgument, headersOfArguments } from '../../values/headers-option';
import { DROPS_HEADERS, koaContextOf } from './context';
import { oneLineRange } from '../../syntax/ranges';
import { resolveStatuses, type ConstBindings } from '../../values/status';

/** Where the status is among the arguments: `ctx.throw(401, ...)`, `ctx.assert(cond, 401, ...)`,
 * `ctx.assert.equal(a, b, 401, ...)` (http-assert's methods). */
const STATUS_INDEX = new Map([
  ['throw', 0], ['assert', 1], ['ok', 1], ['equal', 2], ['notEqual', 2], ['strictEqual', 2], ['notStrictEqual', 2], ['deepEqual', 2], ['notDeepEqual', 2],
]);

/** The context a `ctx.throw(...)` / `ctx.assert(...)` / `ctx.assert.ok(...)` call is made on. */
function contextOfCall(callee: ts.PropertyAccessExpression): ts.Expression | undefined {
  const method = callee.name.text;
  if (method === 'throw' || method === 'assert') return callee.expression;
  const assert = callee.expression;
  return ts.isPropertyAccessExpression(assert) && assert.name.text === 'assert' ? assert.expression : undefined;
}

export function throwStatusSetter(node: ts.Node, consts: ConstBindings): StatusSetter | undefined {
  if (!ts.isCallExpression(node) || !ts.isPropertyAccessExpression(node.expression)) return undefined;
  const index = STATUS_INDEX.get(node.expression.name.text);
  if (index === undefined) return undefined;
  const context = contextOfCall(node.expression);
  const status = node.arguments[index];
  if (!context || !status) return undefined;
  const ref = koaContextOf(context);
  // `ctx.throw(err)` and statuses not known statically are left alone (http-errors reads a status only first).
  if (!ref || ref.via !== 'ctx' || resolveStatuses(status, consts).length === 0) return undefined;
  const call = node;
  const method = node.expression.name.text;
  const condition = method === 'assert' || method === 'ok' ? node.arguments[0] : undefined;
  return {
    node: call,
    status,
    receiverKey: ref.key,
    range: oneLineRange(call, call.expression),
    ownHeaders() {
      return headersOfArguments(call, index, consts);
    },
    bodyCalls: () => [call],
    guards: condition && condition !== status ? [{ expression: condition, negated: true }] : undefined,
    dropsEarlierHeaders: DROPS_HEADERS,
    thrownError: { classes: [{ name: 'HttpError', library: 'http-errors' }], answeredBy: ['koa'] },
    fixer: (style) => ({ addHeader: (name, valueCode) => addToPropertiesArgument(call, index, name, valueCode, style) }),
  };
}
