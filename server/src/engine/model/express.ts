// Express: `res.status(n)` and `res.sendStatus(n)`; headers with `res.set/header/append/setHeader`;
// errors passed to `next` (express-next.ts). The fix chains `.set(name, value)`, which returns the
// response (express/lib/response.js).
import * as ts from 'typescript';
import type { FrameworkAdapter, StatusSetter } from './adapter';
import { callsChainedAfter, laterCallsOn } from './chain';
import { nextErrorHeaderWrites, nextErrorStatusSetter } from './express-next';
import { headerWritesOfArguments } from './headers';
import { chainRoot, isHttpResponseReceiver } from './receivers';
import { handledByAnotherFramework } from './frameworks';
import { stringLiteral } from './source-style';
import type { ConstBindings } from './status';
import type { HeaderWrite } from './types';

const BODY_METHODS = new Set(['send', 'json', 'end', 'jsonp', 'write']);
/** Express's own header writers; node's (`setHeader`, `writeHead`) are read by the node:http adapter. */
const HEADER_METHODS = new Set(['set', 'header', 'append']);

function statusSetter(call: ts.CallExpression, method: 'status' | 'sendStatus', receiver: ts.Expression): StatusSetter {
  return {
    node: call,
    statusExpression: call.arguments[0],
    receiver,
    range: { start: call.getStart(), end: call.end },
    bodyCalls: [...callsChainedAfter(call), ...laterCallsOn(call, receiver.getText(), BODY_METHODS)],
    fixer: (style) => ({
      addHeader: (name, value) => {
        const set = `.set(${stringLiteral(name, style)}, ${stringLiteral(value, style)})`;
        // `res.status(401)` -> `res.status(401).set(...)`; `res.sendStatus(401)` -> `res.set(...).sendStatus(401)`
        const at = method === 'status' ? call.end : receiver.end;
        return [{ start: at, end: at, newText: set }];
      },
    }),
  };
}

function responseStatusSetter(node: ts.Node): StatusSetter | undefined {
  if (!ts.isCallExpression(node) || node.arguments.length !== 1 || !ts.isPropertyAccessExpression(node.expression)) return undefined;
  const method = node.expression.name.text;
  if (method !== 'status' && method !== 'sendStatus') return undefined;
  const receiver = chainRoot(node.expression.expression);
  return isHttpResponseReceiver(receiver) ? statusSetter(node, method, receiver) : undefined;
}

function responseHeaderWrites(node: ts.Node, consts: ConstBindings): { receiver: ts.Expression; writes: HeaderWrite[] } | undefined {
  if (!ts.isCallExpression(node) || !ts.isPropertyAccessExpression(node.expression)) return undefined;
  if (!HEADER_METHODS.has(node.expression.name.text)) return undefined;
  const receiver = chainRoot(node.expression.expression);
  return isHttpResponseReceiver(receiver) ? { receiver, writes: headerWritesOfArguments(node, consts) } : undefined;
}

export const expressAdapter: FrameworkAdapter = {
  framework: 'express',
  appliesTo: (facts) => !handledByAnotherFramework(facts),
  statusSetterAt: (node) => responseStatusSetter(node) ?? nextErrorStatusSetter(node),
  headerWritesAt: (node, consts) => responseHeaderWrites(node, consts) ?? nextErrorHeaderWrites(node, consts),
};
