// Hono's `throw new HTTPException(status, { message, res })` (hono/http-exception). Without `res`,
// getResponse() builds `new Response(message, { status })`: no header. With `res`, that Response's
// headers are sent (hono's own bearerAuth middleware answers this way: `res: new Response(
// 'Unauthorized', { status: 401, headers: { 'WWW-Authenticate': ... } })`). Which status wins
// differs between Hono versions (older getResponse() returns `res` as it is, newer ones rebuild it
// with the exception's status), so fixes keep both equal.
// Headers set with `c.header()` before the throw: Hono's default error handler answers with
// `c.newResponse(res.body, res)` (hono-base.ts errorHandler), which keeps them; an app's onError
// that returns `err.getResponse()` does not. That handler is usually in another file, so such
// headers are counted as sent: no finding rather than a guess.
import ts from 'typescript';
import type { StatusSetter } from '../../adapter';
import { unknownWrite } from '../../values/headers';
import { moduleBindings } from '../../imports/module-bindings';
import { enclosingFunction } from '../../syntax/paths';
import {
  boundName,
  declarationOf,
  initFixer,
  initHeaders,
  propertyNamed,
  responseConstruction,
  type ResponseConstruction,
} from '../fetch/response-init';
import { enclosingFunctionLike, isRepeatable, rangeOnOneLine } from '../../site-parts';
import { appendToLiteral, stringLiteral, type SourceStyle } from '../../syntax/source-style';
import { resolveStatuses, type ConstBindings } from '../../values/status';
import type { FixOutcome, HeaderWrite, ResponseFixer, StatusValue } from '../../types';

const RESPONSE_CLASSES = new Set(['Response']);
const HONO_MODULES = /^hono(\/|$)/;

/** `new HTTPException(...)` with HTTPException imported from Hono (under any local name). */
export function isHttpException(node: ts.Node): node is ts.NewExpression {
  if (!ts.isNewExpression(node) || !ts.isIdentifier(node.expression)) return false;
  return moduleBindings(node.getSourceFile(), HONO_MODULES).named.get(node.expression.text) === 'HTTPException';
}

function optionsOf(exception: ts.NewExpression): ts.Expression | undefined {
  return exception.arguments?.[1];
}

/** The `res` given to an exception: the expression, and the construction it is (inline, or a
 * variable of the same function bound to one). */
function responseOf(exception: ts.NewExpression): { expression: ts.Expression; construction: ResponseConstruction | undefined } | undefined {
  const options = optionsOf(exception);
  if (!options || !ts.isObjectLiteralExpression(options)) return undefined;
  const property = propertyNamed(options, 'res');
  if (!property) return undefined;
  const expression = ts.isPropertyAssignment(property) ? property.initializer : property.name;
  const initializer = ts.isIdentifier(expression) ? declarationOf(expression)?.initializer : expression;
  const construction = initializer ? responseConstruction(initializer, RESPONSE_CLASSES) : undefined;
  return { expression, construction };
}

/** Whether a Response construction is the `res` of an HTTPException (inline, or through a variable
 * of the same function): the exception is the site, not the Response. */
export function isHttpExceptionResponse(node: ts.Node): boolean {
  const parent = node.parent;
  if (ts.isPropertyAssignment(parent) && ts.isIdentifier(parent.name) && parent.name.text === 'res') {
    return isHttpException(parent.parent.parent);
  }
  const bound = boundName(node);
  if (!bound) return false;
  let used = false;
  const scope = enclosingFunction(node);
  const visit = (child: ts.Node): void => {
    if (used) return;
    if (isHttpException(child)) {
      const response = responseOf(child);
      if (response && ts.isIdentifier(response.expression) && response.expression.text === bound.text) used = true;
    }
    ts.forEachChild(child, visit);
  };
  visit(scope);
  return used;
}

/** The exception's status, rewritten together with a literal status of an inline or bound `res`
 * of the same code, so that both stay equal. */
function exceptionStatus(statusArgument: ts.Expression, response: ResponseConstruction | undefined, consts: ConstBindings): ts.Expression | StatusValue {
  const resolved = resolveStatuses(statusArgument, consts);
  const responseStatus = response && propertyNamed(response.init, 'status');
  if (resolved.length !== 1 || !responseStatus || !ts.isPropertyAssignment(responseStatus)) return statusArgument;
  const literal = responseStatus.initializer;
  if (!ts.isNumericLiteral(literal) || Number(literal.text) !== resolved[0].code) return statusArgument;
  const [own] = resolved;
  return {
    code: own.code,
    node: own.node,
    rewrite(code) {
      const outcome = own.rewrite(code);
      if ('unavailable' in outcome) return outcome;
      return { edits: [...outcome.edits, { start: literal.getStart(), end: literal.end, newText: String(code) }] };
    },
  };
}

/** The status the built `res` gets: a challenge header implies its status (WWW-Authenticate is
 * sent with 401, Proxy-Authenticate with 407: RFC 9110 §11.6.1, §11.7.1), which a fix that also
 * rewrites the exception's status (403 -> 401) then agrees with. */
function responseStatusText(header: string, statusArgument: ts.Expression, consts: ConstBindings): string {
  const implied = ({ 'www-authenticate': 401, 'proxy-authenticate': 407 } as Record<string, number>)[header.toLowerCase()];
  const current = resolveStatuses(statusArgument, consts);
  if (implied === undefined || (current.length === 1 && current[0].code === implied)) return statusArgument.getText();
  return String(implied);
}

function exceptionFixer(exception: ts.NewExpression, statusArgument: ts.Expression, consts: ConstBindings, style: SourceStyle): ResponseFixer {
  return {
    addHeader(name, valueCode): FixOutcome {
      const response = responseOf(exception);
      if (response) {
        if (!response.construction) return { unavailable: 'the exception takes its response from an expression: add WWW-Authenticate where that Response is built' };
        return initFixer(response.construction, style).addHeader(name, valueCode);
      }
      const options = optionsOf(exception);
      if (options && !ts.isObjectLiteralExpression(options)) return { unavailable: 'the exception options are built elsewhere: give them a `res` Response with the header' };
      // The message is the body of the response Hono builds without `res`; the built `res` keeps it.
      const message = options && propertyNamed(options, 'message');
      const messageExpression = message && (ts.isPropertyAssignment(message) ? message.initializer : message.name);
      if (messageExpression && !isRepeatable(messageExpression)) return { unavailable: 'the message is computed: build a `res` Response with the message and the header' };
      const body = messageExpression ? messageExpression.getText() : 'null';
      const status = responseStatusText(name, statusArgument, consts);
      const res = `res: new Response(${body}, { status: ${status}, headers: { ${stringLiteral(name, style)}: ${valueCode} } })`;
      if (options && ts.isObjectLiteralExpression(options)) return { edits: [appendToLiteral(options, res, style)] };
      return { edits: [{ start: statusArgument.end, end: statusArgument.end, newText: `, { ${res} }` }] };
    },
  };
}

/** The Hono context of the function that throws (`c` of `(c) => ...`): headers set on it before
 * the throw are kept by the default error handler. */
function contextKey(exception: ts.NewExpression): string {
  const fn = enclosingFunctionLike(exception);
  const first = fn?.parameters[0]?.name;
  return first && ts.isIdentifier(first) ? first.text : '<no context>';
}

export function httpExceptionSetter(node: ts.Node, consts: ConstBindings): StatusSetter | undefined {
  if (!isHttpException(node)) return undefined;
  const statusArgument = node.arguments?.[0];
  if (!statusArgument) return undefined;
  const response = responseOf(node);
  let ownHeaders: HeaderWrite[] = [];
  if (response) ownHeaders = response.construction ? initHeaders(response.construction.init, consts).writes : [unknownWrite(response.expression)];
  const boundResponse = response && ts.isIdentifier(response.expression) && response.construction ? response.expression.text : undefined;
  const options = optionsOf(node);
  const message = options && ts.isObjectLiteralExpression(options) ? propertyNamed(options, 'message') : undefined;
  const bodies = [
    ...(message && ts.isPropertyAssignment(message) ? [message.initializer] : []),
    ...(response?.construction?.body ? [response.construction.body] : []),
  ];
  return {
    node,
    status: exceptionStatus(statusArgument, response?.construction, consts),
    receiverKey: boundResponse ? `${boundResponse}.headers` : contextKey(node),
    range: rangeOnOneLine(node, statusArgument),
    ownHeaders: () => ownHeaders,
    bodyCalls: () => [],
    bodyExpressions: bodies,
    fixer: (style) => exceptionFixer(node, statusArgument, consts, style),
    thrownError: { classes: [{ name: 'HTTPException', library: 'hono' }], answeredBy: ['hono'] },
  };
}
