// Express: `res.status(n)` and `res.sendStatus(n)`; headers with `res.set/header/append`
// (node's `setHeader` and `writeHead` are read by the node:http adapter: Express responses inherit
// them); errors passed to `next` (next-errors.ts); middleware that sends the 401 itself
// (libraries.ts). The fix chains `.set(name, value)`, which
// returns the response (express/lib/response.js).
import ts from 'typescript';
import type { FrameworkAdapter, HeaderWrites, StatusSetter } from '../../adapter';
import { chainedHeaderFixer, statusCallSetter } from '../../status-call';
import { libraryStatusSetter } from './libraries';
import { nextErrorHeaderWrites, nextErrorStatusSetter } from './next-errors';
import { isPlainNodeFile } from '../../imports/frameworks';
import { headerWritesOfArguments } from '../../values/headers';
import { chainRoot, isHttpResponseReceiver, receiverKey } from '../../syntax/receivers';
import type { ConstBindings } from '../../values/status';

const BODY_METHODS = new Set(['send', 'json', 'end', 'jsonp', 'write']);
const HEADER_METHODS = new Set(['set', 'header', 'append']);

function responseStatusSetter(node: ts.Node): StatusSetter | undefined {
  if (!ts.isCallExpression(node) || node.arguments.length !== 1 || !ts.isPropertyAccessExpression(node.expression)) return undefined;
  const method = node.expression.name.text;
  if (method !== 'status' && method !== 'sendStatus') return undefined;
  const receiver = chainRoot(node.expression.expression);
  // Express's `res.set(...)` returns the response (express/lib/response.js).
  return isHttpResponseReceiver(receiver) ? statusCallSetter(node, receiverKey(receiver), BODY_METHODS, chainedHeaderFixer(node, receiver, 'set')) : undefined;
}

/** Header writes on any object: only those whose key matches a status site's response count for
 * it, so a `map.set(k, v)` costs nothing, and a helper's `(r) => r.set(...)` is still read. */
function responseHeaderWrites(node: ts.Node, consts: ConstBindings): HeaderWrites | undefined {
  if (!ts.isCallExpression(node) || !ts.isPropertyAccessExpression(node.expression)) return undefined;
  if (!HEADER_METHODS.has(node.expression.name.text)) return undefined;
  return { receiverKey: receiverKey(chainRoot(node.expression.expression)), writes: headerWritesOfArguments(node, consts) };
}

export const expressAdapter: FrameworkAdapter = {
  framework: 'express',
  kinds: [ts.SyntaxKind.CallExpression, ts.SyntaxKind.BinaryExpression],
  appliesTo: isPlainNodeFile,
  statusSetterAt: (node, consts) => responseStatusSetter(node) ?? nextErrorStatusSetter(node, consts) ?? libraryStatusSetter(node),
  headerWritesAt: (node, consts) => responseHeaderWrites(node, consts) ?? nextErrorHeaderWrites(node, consts),
};
