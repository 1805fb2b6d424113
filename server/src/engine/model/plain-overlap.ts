// In a file that imports no framework, the Express and node:http adapters read every shape they
// know, on any receiver: a Fastify plugin's `reply.header(...)` or a Koa module's `ctx.set(...)` is
// recorded by Express too. An adapter that also reads such files leaves them those shapes, so that
// one status is one site and one write is one write.
import type * as ts from 'typescript';
import { frameworksImportedAt } from './imports/file-frameworks';
import { isPlainNodeFile } from './imports/frameworks';
import { chainRoot, isHttpResponseReceiver, receiverKey } from './syntax/receivers';

/** The header methods Express (express.ts) and node:http (node-http.ts) record on any object. */
const PLAIN_HEADER_METHODS = new Set(['set', 'header', 'append', 'setHeader', 'appendHeader', 'setHeaders']);

/** Whether the Express and node:http adapters read the file of `node`. */
function plainAdaptersRead(node: ts.Node): boolean {
  return isPlainNodeFile({ frameworks: frameworksImportedAt(node) });
}

/** Whether Express or node:http already record the header call `receiver.method(...)` under `key`. */
export function isPlainHeaderWrite(receiver: ts.Expression, method: string, key: string): boolean {
  return PLAIN_HEADER_METHODS.has(method) && plainAdaptersRead(receiver) && receiverKey(chainRoot(receiver)) === key;
}

/** Whether Express (`receiver.status(n)`) or node:http (`receiver.statusCode = n`) already take
 * a status set on `receiver` as their site: it is named or placed like a `(req, res)` response. */
export function isPlainStatusReceiver(receiver: ts.Expression): boolean {
  return plainAdaptersRead(receiver) && isHttpResponseReceiver(chainRoot(receiver));
}
