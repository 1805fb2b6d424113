// A Nest handler that injects the platform's response with `@Res()` (or `@Response()`) answers
// through the platform's own API: Express's `res.status(401).json()`, `res.set()`, `res.header()`,
// `res.setHeader()`, or Fastify's `reply.code(401)`, `reply.header()`. The Express adapter does not
// read Nest files (isPlainNodeFile), so these are read here, only on a parameter so decorated.
import * as ts from 'typescript';
import type { HeaderWrites, StatusSetter } from './adapter';
import { callsChainedAfter, laterCallsOn } from './chain';
import { headerWritesOfArguments } from './headers';
import { moduleBindings } from './module-bindings';
import { NEST_COMMON } from './nestjs-exceptions';
import { resolveAlias } from './receivers';
import { stringLiteral } from './source-style';
import type { ConstBindings } from './status';

const STATUS_METHODS = new Set(['status', 'sendStatus', 'code']);
const HEADER_METHODS = new Set(['set', 'header', 'headers', 'append', 'setHeader', 'appendHeader']);
const BODY_METHODS = new Set(['send', 'json', 'end', 'jsonp', 'write']);
/** Express and Fastify response methods that return the response itself. */
const CHAINABLE = new Set([...STATUS_METHODS, ...HEADER_METHODS, 'type', 'contentType', 'vary', 'location', 'cookie', 'clearCookie', 'removeHeader']);
const RESPONSE_DECORATORS = new Set(['Res', 'Response']);

function chainRoot(expression: ts.Expression): ts.Expression {
  let current = expression;
  while (ts.isCallExpression(current) && ts.isPropertyAccessExpression(current.expression) && CHAINABLE.has(current.expression.name.text)) {
    current = current.expression.expression;
  }
  return current;
}

/** Whether `identifier` is a parameter decorated with Nest's `@Res()`/`@Response()`. */
function isInjectedResponse(identifier: ts.Identifier): boolean {
  for (let node: ts.Node | undefined = identifier.parent; node; node = node.parent) {
    if (!ts.isFunctionLike(node)) continue;
    const parameter = node.parameters.find((p) => ts.isIdentifier(p.name) && p.name.text === identifier.text);
    if (!parameter) continue;
    const named = moduleBindings(identifier.getSourceFile(), NEST_COMMON).named;
    return (ts.getDecorators(parameter) ?? []).some((decorator) => {
      const call = decorator.expression;
      return ts.isCallExpression(call) && ts.isIdentifier(call.expression) && RESPONSE_DECORATORS.has(named.get(call.expression.text) ?? '');
    });
  }
  return false;
}

/** The injected response a call is made on (through `const r = res`), or undefined. */
function injectedResponse(call: ts.CallExpression): ts.Identifier | undefined {
  if (!ts.isPropertyAccessExpression(call.expression)) return undefined;
  const root = resolveAlias(chainRoot(call.expression.expression));
  return ts.isIdentifier(root) && isInjectedResponse(root) ? root : undefined;
}

export function injectedResponseSetter(node: ts.Node): StatusSetter | undefined {
  if (!ts.isCallExpression(node) || node.arguments.length !== 1 || !ts.isPropertyAccessExpression(node.expression)) return undefined;
  const method = node.expression.name.text;
  if (!STATUS_METHODS.has(method)) return undefined;
  const response = injectedResponse(node);
  if (!response) return undefined;
  const receiver = node.expression.expression;
  const key = response.text;
  return {
    node,
    status: node.arguments[0],
    receiverKey: key,
    range: { start: node.getStart(), end: node.end },
    bodyCalls: [...callsChainedAfter(node), ...laterCallsOn(node, key, BODY_METHODS)],
    // `.header(name, value)` is Express's alias of `set` and Fastify's own: it fits either platform.
    fixer: (style) => ({
      addHeader: (name, valueCode) => {
        const at = method === 'sendStatus' ? receiver.end : node.end;
        return { edits: [{ start: at, end: at, newText: `.header(${stringLiteral(name, style)}, ${valueCode})` }] };
      },
    }),
  };
}

export function injectedResponseHeaderWrites(node: ts.Node, consts: ConstBindings): HeaderWrites | undefined {
  if (!ts.isCallExpression(node) || !ts.isPropertyAccessExpression(node.expression) || !HEADER_METHODS.has(node.expression.name.text)) return undefined;
  const response = injectedResponse(node);
  return response ? { receiverKey: response.text, writes: headerWritesOfArguments(node, consts) } : undefined;
}
