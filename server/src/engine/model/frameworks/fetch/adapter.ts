// Fetch API handlers (Cloudflare Workers, Deno.serve, Bun.serve, service workers, and any framework
// whose handlers may return a Response: Next.js route handlers, Hono, h3, Elysia): a response gets
// its status and headers in the init of `new Response(body, init)` or `Response.json(body, init)`.
// These files often import nothing, so the construction itself is the evidence; the usual
// constructions that serve nothing (fetch mocks in tests, the `res` of Hono's HTTPException, which
// that adapter reads) are left out.
import type { FileImports } from '../../adapter';
import ts from 'typescript';
import type { FrameworkAdapter, HeaderWrites, StatusSetter } from '../../adapter';
import type { ConstBindings } from '../../values/status';
import { headerWrite, headerWritesOfArguments } from '../../values/headers';
import { isHttpExceptionResponse } from '../hono/exception';
import { isPlainHeaderWrite } from '../../plain-overlap';
import { isFake } from '../../test-code';
import { resolveAlias, receiverKey } from '../../syntax/receivers';
import {
  constructionKey,
  declarationOf,
  initFixer,
  initHeaders,
  propertyNamed,
  responseConstruction,
  statusOfProperty,
  type ResponseConstruction,
} from './response-init';
import { rangeOnOneLine } from '../../site-parts';
import type { Framework } from '../../types';

const RESPONSE = new Set(['Response']);

/** Frameworks whose handlers answer through their own response object, never a returned Response. */
const OTHER_RESPONSES: readonly Framework[] = ['express', 'node-http', 'fastify', 'koa', 'hapi', 'nestjs'];

/** A site for a construction whose init gives a status. Shared with NextResponse (nextjs.ts). */
export function constructionSetter(construction: ResponseConstruction, consts: ConstBindings): StatusSetter | undefined {
  const statusProperty = propertyNamed(construction.init, 'status');
  if (!statusProperty) return undefined;
  const status = statusOfProperty(statusProperty, consts);
  if (!status) return undefined;
  const headers = initHeaders(construction.init, consts);
  return {
    node: construction.node,
    status,
    receiverKey: constructionKey(construction, headers),
    range: rangeOnOneLine(construction.node, statusProperty),
    ownHeaders: () => headers.writes,
    // The body only: the init holds header values (`'Bearer realm="api"'`), which are no message.
    bodyCalls: () => [],
    bodyExpressions: construction.body ? [construction.body] : [],
    fixer: (style) => initFixer(construction, style),
  };
}

/** Headers of a construction without a status (a 200): no site, but its header values are written
 * all the same (invalid-challenge reads every write). */
export function constructionHeaderWrites(construction: ResponseConstruction, consts: ConstBindings): HeaderWrites | undefined {
  if (propertyNamed(construction.init, 'status')) return undefined;
  const { writes } = initHeaders(construction.init, consts);
  return writes.length > 0 ? { receiverKey: `<response at ${construction.node.getStart()}>`, writes } : undefined;
}

/** Whether `expression` holds a Headers object or a plain headers object: `res.headers`, a variable
 * bound to `new Headers(...)`, or one named for the job (`headers`, `corsHeaders`). */
function isHeadersObject(expression: ts.Expression): boolean {
  const target = resolveAlias(expression);
  if (ts.isPropertyAccessExpression(target)) return target.name.text === 'headers';
  if (!ts.isIdentifier(target)) return false;
  if (/headers$/i.test(target.text)) return true;
  const initializer = declarationOf(target)?.initializer;
  return !!initializer && ts.isNewExpression(initializer) && ts.isIdentifier(initializer.expression) && initializer.expression.text === 'Headers';
}

/** `headers.set(k, v)` / `headers.append(k, v)` on a Headers object, and `headers[k] = v` on a
 * headers variable: writes keyed by the object, so that a construction given that variable (or
 * the response they are set on) reads them. */
function headersObjectWrites(node: ts.Node, consts: ConstBindings): HeaderWrites | undefined {
  if (ts.isCallExpression(node) && ts.isPropertyAccessExpression(node.expression) && node.arguments.length === 2) {
    const method = node.expression.name.text;
    const receiver = node.expression.expression;
    if ((method === 'set' || method === 'append') && isHeadersObject(receiver)) {
      const key = receiverKey(receiver);
      // In a file without imports Express records `x.set(k, v)` itself, under the same key.
      return isPlainHeaderWrite(receiver, method, key) ? undefined : { receiverKey: key, writes: headerWritesOfArguments(node, consts) };
    }
  }
  if (ts.isBinaryExpression(node) && node.operatorToken.kind === ts.SyntaxKind.EqualsToken && ts.isElementAccessExpression(node.left)) {
    const target = node.left.expression;
    if (ts.isIdentifier(target) && isHeadersObject(target)) {
      return { receiverKey: receiverKey(target), writes: [headerWrite(node.left.argumentExpression, node.right, node, consts)] };
    }
  }
  return undefined;
}

function fetchResponse(node: ts.Node): ResponseConstruction | undefined {
  const construction = responseConstruction(node, RESPONSE);
  return construction && !isFake(node) && !isHttpExceptionResponse(node) ? construction : undefined;
}

export const fetchAdapter: FrameworkAdapter = {
  framework: 'fetch',
  kinds: [ts.SyntaxKind.CallExpression, ts.SyntaxKind.NewExpression],
  appliesTo: (facts: FileImports) => !OTHER_RESPONSES.some((framework) => facts.frameworks.has(framework)),
  statusSetterAt(node, consts) {
    const construction = fetchResponse(node);
    return construction && constructionSetter(construction, consts);
  },
  headerWritesAt(node, consts) {
    const construction = fetchResponse(node);
    if (construction) return constructionHeaderWrites(construction, consts);
    return headersObjectWrites(node, consts);
  },
};
