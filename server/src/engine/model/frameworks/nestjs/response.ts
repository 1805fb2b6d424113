// The platform's response inside Nest code, answered through the platform's own API (Express's
// `res.status(401).json()`, `res.set()`, `res.header()`, `res.setHeader()`; Fastify's
// `reply.code(401)`, `reply.header()`): a handler parameter injected with `@Res()`/`@Response()`,
// the `res` of a NestMiddleware's `use(req, res, next)`, or `ctx.switchToHttp().getResponse()` in a
// guard, interceptor or filter. The Express adapter does not read Nest files (isPlainNodeFile), so
// these are read here, and only on a response so obtained. Headers set on it before an exception
// is thrown stay: Nest's exception filter replies through the same object (ExpressAdapter.reply:
// `response.status(code).json(body)`; FastifyAdapter.reply: `reply.code(code).send(body)`).
import ts from 'typescript';
import type { HeaderWrites, StatusSetter } from '../../adapter';
import { chainedHeaderFixer, statusCallSetter } from '../../status-call';
import { headerWritesOfArguments } from '../../values/headers';
import { moduleBindings } from '../../imports/module-bindings';
import { enclosingFunction } from '../../syntax/paths';
import { resolveAlias } from '../../syntax/receivers';
import type { ConstBindings } from '../../values/status';

export const NEST_COMMON = /^@nestjs\/common$/;

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

/** How a response was obtained: a middleware's is node's own or Express's (`setHeader` fits both);
 * the others are Express's or Fastify's (`header` fits both). */
type ResponseKind = 'middleware' | 'platform';

function parameterKind(parameter: ts.ParameterDeclaration, fn: ts.SignatureDeclaration): ResponseKind | undefined {
  const named = moduleBindings(parameter.getSourceFile(), NEST_COMMON).named;
  const injected = (ts.getDecorators(parameter) ?? []).some((decorator) => {
    const call = decorator.expression;
    return ts.isCallExpression(call) && ts.isIdentifier(call.expression) && RESPONSE_DECORATORS.has(named.get(call.expression.text) ?? '');
  });
  if (injected) return 'platform';
  const isMiddleware =
    ts.isMethodDeclaration(fn) && fn.name.getText() === 'use' && fn.parameters[1] === parameter && ts.isClassLike(fn.parent) &&
    (fn.parent.heritageClauses ?? []).some((clause) => clause.types.some((type) => /\bNestMiddleware\b/.test(type.getText())));
  return isMiddleware ? 'middleware' : undefined;
}

/** `const res = ctx.switchToHttp().getResponse<Response>()`. */
const isGetResponse = (expression: ts.Expression | undefined): boolean =>
  !!expression && ts.isCallExpression(expression) && ts.isPropertyAccessExpression(expression.expression) && expression.expression.name.text === 'getResponse';

/** Whether `identifier` names a Nest platform response, and of which kind. */
function responseKind(identifier: ts.Identifier): ResponseKind | undefined {
  const name = identifier.text;
  for (let scope: ts.Node | undefined = identifier.parent; scope; scope = scope.parent) {
    if (ts.isFunctionLike(scope)) {
      const parameter = scope.parameters.find((p) => ts.isIdentifier(p.name) && p.name.text === name);
      if (parameter) return parameterKind(parameter, scope);
    }
    if (!ts.isBlock(scope) && !ts.isSourceFile(scope)) continue;
    for (const statement of scope.statements) {
      if (!ts.isVariableStatement(statement)) continue;
      const declaration = statement.declarationList.declarations.find((d) => ts.isIdentifier(d.name) && d.name.text === name);
      if (declaration) return isGetResponse(declaration.initializer) ? 'platform' : undefined;
    }
  }
  return undefined;
}

/** The platform response a call is made on (through `const r = res`), or undefined. */
function responseOf(call: ts.CallExpression): { response: ts.Identifier; kind: ResponseKind } | undefined {
  if (!ts.isPropertyAccessExpression(call.expression)) return undefined;
  const root = resolveAlias(chainRoot(call.expression.expression));
  if (!ts.isIdentifier(root)) return undefined;
  const kind = responseKind(root);
  return kind ? { response: root, kind } : undefined;
}

/** The header call that fits the response's platform. */
export const headerCall = (kind: ResponseKind) => (kind === 'middleware' ? 'setHeader' : 'header');

/** The platform response available in the function around `node`: an injected or middleware
 * parameter, or a `getResponse()` variable declared in its body. */
export function platformResponseAround(node: ts.Node): { name: string; kind: ResponseKind } | undefined {
  const fn = enclosingFunction(node);
  if (!ts.isFunctionLike(fn)) return undefined;
  for (const parameter of fn.parameters) {
    const kind = ts.isIdentifier(parameter.name) ? parameterKind(parameter, fn) : undefined;
    if (kind && ts.isIdentifier(parameter.name)) return { name: parameter.name.text, kind };
  }
  let found: { name: string; kind: ResponseKind } | undefined;
  const visit = (child: ts.Node): void => {
    if (found) return;
    if (ts.isVariableDeclaration(child) && ts.isIdentifier(child.name) && isGetResponse(child.initializer)) found = { name: child.name.text, kind: 'platform' };
    else if (!ts.isFunctionLike(child) || child === fn) ts.forEachChild(child, visit);
  };
  visit(fn);
  return found;
}

export function platformResponseSetter(node: ts.Node): StatusSetter | undefined {
  if (!ts.isCallExpression(node) || node.arguments.length !== 1 || !ts.isPropertyAccessExpression(node.expression)) return undefined;
  const method = node.expression.name.text;
  if (!STATUS_METHODS.has(method)) return undefined;
  const found = responseOf(node);
  if (!found) return undefined;
  // Express's setHeader returns nothing, so in a chain it is always `header`, which Express has too.
  return statusCallSetter(node, found.response.text, BODY_METHODS, chainedHeaderFixer(node, node.expression.expression, 'header'));
}

export function platformResponseHeaderWrites(node: ts.Node, consts: ConstBindings): HeaderWrites | undefined {
  if (!ts.isCallExpression(node) || !ts.isPropertyAccessExpression(node.expression) || !HEADER_METHODS.has(node.expression.name.text)) return undefined;
  const found = responseOf(node);
  return found ? { receiverKey: found.response.text, writes: headerWritesOfArguments(node, consts) } : undefined;
}
