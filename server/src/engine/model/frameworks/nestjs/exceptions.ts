// NestJS exceptions: `new UnauthorizedException(body?)`, `new ForbiddenException(body?)` and
// `new HttpException(body, status)`. Nest's default exception filter (BaseExceptionFilter) replies
// with the exception's status and body only, so the exception carries no header. Headers already
// set on the platform response stay (response.ts): where the function has that response
// (a guard's `getResponse()`, an `@Res()` parameter) the fix sets the header on it before the
// throw; elsewhere no code at the throw can, and the fix says where the challenge has to be set.
// An exception filter of the same file applied to the handler replies in Nest's place: the headers
// it sets are the exception's (filters.ts).
// A guard's `canActivate` that returns false makes Nest throw ForbiddenException (GuardsConsumer,
// RouterExecutionContext): a 403 at that `return false`.
import ts from 'typescript';
import { propertyAssignment } from '../../syntax/syntax';
import type { StatusSetter } from '../../adapter';
import { isAssertionArgument } from '../../assertions';
import { importNamed, moduleBindings } from '../../imports/module-bindings';
import { filterHeadersFor } from './filters';
import { platformResponseAround, headerCall, NEST_COMMON } from './response';
import { enclosingFunction, isInStatementList } from '../../syntax/paths';
import { oneLineRange } from '../../syntax/ranges';
import { resolveStatuses, type ConstBindings } from '../../values/status';
import type { TextEdit } from '../../../types';
import { insertStatementBefore, stringLiteral, type SourceStyle } from '../../syntax/source-style';
import type { FixOutcome, ResponseFixer, StatusValue, ThrownError } from '../../types';

const EXCEPTION_CODES = new Map([
  ['UnauthorizedException', 401],
  ['ForbiddenException', 403],
]);
const EXCEPTION_BY_CODE = new Map([...EXCEPTION_CODES].map(([name, code]) => [code, name]));

const bindingsOf = (node: ts.Node) => moduleBindings(node.getSourceFile(), NEST_COMMON);

/** `ExportedName` for an identifier bound to it by an import from @nestjs/common. */
function nestExport(identifier: ts.Expression): string | undefined {
  return ts.isIdentifier(identifier) ? bindingsOf(identifier).named.get(identifier.text) : undefined;
}

/** The edits that make `exported` usable, added to the @nestjs/common import. */
export function importFromNest(node: ts.Node, exported: string): TextEdit[] | undefined {
  const bindings = bindingsOf(node);
  const [sibling] = bindings.named.keys();
  return sibling === undefined ? undefined : importNamed(bindings, sibling, exported);
}

const withImport = (node: ts.Node, exported: string, edit: TextEdit): FixOutcome => {
  const imported = importFromNest(node, exported);
  return imported ? { edits: [edit, ...imported] } : { unavailable: `${exported} is not imported from @nestjs/common and cannot be added to the import` };
};

/** `res.header(name, value);` before `throw new X()` where the function has the platform
 * response; otherwise why no code here can send the header. */
function exceptionFixer(exception: ts.NewExpression, name: string, style: SourceStyle): ResponseFixer {
  return {
    addHeader(header, valueCode) {
      const response = platformResponseAround(exception);
      const statement = exception.parent;
      if (response && ts.isThrowStatement(statement) && isInStatementList(statement)) {
        const call = `${response.name}.${headerCall(response.kind)}(${stringLiteral(header, style)}, ${valueCode})`;
        return { edits: [insertStatementBefore(statement, call, style)] };
      }
      return {
        unavailable: `${name} carries no headers (Nest's exception filter sends only its status and body): set ${header} in an exception filter that catches it, before the filter replies`,
      };
    },
  };
}

/** `UnauthorizedException` -> `ForbiddenException`, imported beside it. */
function exceptionStatus(name: ts.Identifier, code: number): StatusValue {
  return {
    code,
    node: name,
    rewrite(target) {
      const exception = EXCEPTION_BY_CODE.get(target);
      if (!exception) return { unavailable: `Nest has no exception class for ${target}: use new HttpException(body, ${target})` };
      return withImport(name, exception, { start: name.getStart(), end: name.end, newText: exception });
    },
  };
}

/** The `status`/`statusCode` of an object body that repeats the status argument:
 * `new HttpException({ statusCode: 401, error: '...' }, 401)`; rewritten together with it. */
const STATUS_PROPERTIES = new Set(['status', 'statusCode']);

function bodyStatus(body: ts.Expression | undefined, code: number, consts: ConstBindings): StatusValue | undefined {
  if (!body || !ts.isObjectLiteralExpression(body)) return undefined;
  const property = propertyAssignment(body, STATUS_PROPERTIES);
  const values = property ? resolveStatuses(property.initializer, consts) : [];
  return values.length === 1 && values[0].code === code ? values[0] : undefined;
}

function httpExceptionStatus(call: ts.NewExpression, consts: ConstBindings): ts.Expression | StatusValue | undefined {
  const [body, status] = call.arguments ?? [];
  if (!status) return undefined;
  const values = resolveStatuses(status, consts);
  const inBody = values.length === 1 ? bodyStatus(body, values[0].code, consts) : undefined;
  if (!inBody) return status;
  const [value] = values;
  return {
    code: value.code,
    node: value.node,
    rewrite(target) {
      const outcomes = [value.rewrite(target), inBody.rewrite(target)];
      const unavailable = outcomes.find((o): o is { unavailable: string } => 'unavailable' in o);
      return unavailable ?? { edits: outcomes.flatMap((o) => ('edits' in o ? o.edits : [])) };
    },
  };
}

export function exceptionSetter(node: ts.Node, consts: ConstBindings): StatusSetter | undefined {
  if (!ts.isNewExpression(node) || !ts.isIdentifier(node.expression)) return undefined;
  const name = node.expression;
  if (!EXCEPTION_CODES.has(name.text) && name.text !== 'HttpException') return undefined;
  const exported = nestExport(name);
  if (exported === undefined || isAssertionArgument(node)) return undefined;
  const code = EXCEPTION_CODES.get(exported);
  const status = code !== undefined ? exceptionStatus(name, code) : exported === 'HttpException' ? httpExceptionStatus(node, consts) : undefined;
  if (!status) return undefined;
  return {
    node,
    status,
    // Headers written on the function's platform response before the throw are sent with it.
    receiverKey: platformResponseAround(node)?.name ?? node.getText(),
    range: oneLineRange(node, node.expression),
    ownHeaders() {
      return filterHeadersFor(node, exported, consts);
    },
    bodyCalls: () => [node],
    fixer: (style) => exceptionFixer(node, exported, style),
    thrownError: nestError(exported),
  };
}

/** A Nest exception and the class every one of them extends, as filters tell them apart. */
function nestError(exported: string): ThrownError {
  const classes = [{ name: exported, library: '@nestjs/common' }];
  if (exported !== 'HttpException') classes.push({ name: 'HttpException', library: '@nestjs/common' });
  return { classes, answeredBy: ['nestjs'] };
}

/** `return false` directly in a guard's `canActivate` method. */
export function guardRefusalSetter(node: ts.Node): StatusSetter | undefined {
  if (!ts.isReturnStatement(node) || node.expression?.kind !== ts.SyntaxKind.FalseKeyword) return undefined;
  const method = enclosingFunction(node);
  if (!ts.isMethodDeclaration(method) || !ts.isIdentifier(method.name) || method.name.text !== 'canActivate' || !ts.isClassLike(method.parent)) return undefined;
  const refusal = { start: node.getStart(), end: node.expression.end };
  const status: StatusValue = {
    code: 403,
    node: node.expression,
    rewrite(target) {
      if (target === 403) return { edits: [] };
      if (target !== 401) return { unavailable: `a guard answers only 403 by returning false: throw new HttpException(body, ${target}) instead` };
      return withImport(node, 'UnauthorizedException', { ...refusal, newText: 'throw new UnauthorizedException()' });
    },
  };
  return {
    node,
    status,
    receiverKey: platformResponseAround(node)?.name ?? `${method.parent.name?.text ?? 'guard'}.canActivate:${refusal.start}`,
    range: refusal,
    bodyCalls: () => [],
    fixer: () => ({
      addHeader: (name) => ({
        unavailable: `a guard's false becomes Nest's ForbiddenException, which carries no headers: throw an exception and set ${name} in an exception filter that catches it`,
      }),
    }),
    thrownError: nestError('ForbiddenException'),
  };
}
