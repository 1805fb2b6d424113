// Koa's context: the first parameter of middleware, `async (ctx, next) =>` (or `(ctx) =>`, a
// router handler). `ctx.response` is Koa's response object behind the context's delegates
// (`ctx.status` and `ctx.set` are `ctx.response.status` and `ctx.response.set`), and `ctx.res` is
// node's response under both: all three are one response and share one key.
import ts from 'typescript';
import { frameworksImportedAt } from '../../imports/file-frameworks';
import { declaredTypeOf, enclosingParameters, parameterBinding } from '../../syntax/parameters';
import { resolveAlias } from '../../syntax/receivers';

const CONTEXT_NAMES = /^_*(ctx|context|koaCtx)$/;
/** koa's and @koa/router's context types. */
const CONTEXT_TYPE = /(^|\.)(Context|ParameterizedContext|ExtendableContext|DefaultContext|RouterContext|RouterParamContext)$/;

export interface ContextRef {
  /** The object as written: `ctx`, `ctx.response`, `ctx.res`, or an alias of one. */
  target: ts.Expression;
  /** The key shared by every status and header set on this context's response. */
  key: string;
  /** Which object `target` is. */
  via: 'ctx' | 'response' | 'res';
}

/** Whether `identifier` is a Koa context parameter: in a file that imports Koa, a parameter named
 * `ctx` or typed as Koa's context; elsewhere only the first parameter of `(ctx)` or `(ctx, next)`. */
function isContextParameter(identifier: ts.Identifier): boolean {
  const binding = parameterBinding(identifier);
  if (!binding) return false;
  if (frameworksImportedAt(identifier).has('koa')) {
    return CONTEXT_NAMES.test(identifier.text) || CONTEXT_TYPE.test(declaredTypeOf(binding.declaration) ?? '');
  }
  const [, second] = binding.names;
  return CONTEXT_NAMES.test(identifier.text) && binding.index === 0 && binding.names.length <= 2 && (second === undefined || /^_*next$/.test(second));
}

/** The Koa context `expression` belongs to, through `const res = ctx.response` aliases. */
export function koaContextOf(expression: ts.Expression): ContextRef | undefined {
  let resolved = resolveAlias(expression);
  let via: ContextRef['via'] = 'ctx';
  if (ts.isPropertyAccessExpression(resolved) && (resolved.name.text === 'response' || resolved.name.text === 'res')) {
    via = resolved.name.text;
    resolved = resolveAlias(resolved.expression);
  }
  return ts.isIdentifier(resolved) && isContextParameter(resolved) ? { target: expression, key: resolved.text, via } : undefined;
}

/** Why a Koa site drops the headers set before it (the challenge-lost rule shows it). */
export const DROPS_HEADERS = "Koa's ctx.onerror removes the headers set before an error is thrown (koajs/koa#537); only the error's headers option is sent";

/** The response an error thrown at `node` is answered on, when `node` is in Koa middleware: the
 * key of its context, and why the headers set on it before are dropped. For adapters of errors
 * that Koa sends (http-errors' `throw createError(401)`), so that `ctx.set(...)` before the
 * throw is seen as lost. */
export function koaErrorResponseAt(node: ts.Node): { receiverKey: string; dropsEarlierHeaders: string } | undefined {
  const parameter = enclosingParameters(node)[0];
  if (!parameter || !ts.isIdentifier(parameter.name)) return undefined;
  const ref = koaContextOf(parameter.name);
  return ref ? { receiverKey: ref.key, dropsEarlierHeaders: DROPS_HEADERS } : undefined;
}
