// Fastify errors: an error thrown (or sent with `reply.send(err)`, or passed to a hook's `done`)
// with `statusCode` or `status` is answered with that status, and its `headers` are applied
// (fastify/lib/error-handler.js setErrorHeaders); headers set on the reply before are kept (only
// content-type and content-length are dropped). So the error's site and its `err.headers` are keyed
// by the reply of the function, when it has one, and share its header writes.
import ts from 'typescript';
import { propertyAssignment } from '../../syntax/syntax';
import type { HeaderWrites, StatusSetter } from '../../adapter';
import { frameworksImportedAt } from '../../imports/file-frameworks';
import { fastifyReplyOf, replyParameterAt } from './reply';
import { headersOfObject, headerWrite } from '../../values/headers';
import { addToProperties, headersOfProperties } from '../../values/headers-option';
import { enclosingFunction, isInStatementList } from '../../syntax/paths';
import { oneLineRange } from '../../syntax/ranges';
import { appendToLiteral, insertStatementAfter, stringLiteral } from '../../syntax/source-style';
import type { ConstBindings } from '../../values/status';

const STATUS_PROPERTIES = new Set(['statusCode', 'status']);

/** The calls that hand `name` to Fastify as an error: `reply.send(err)`, and a hook's `done(err)`
 * (Express reads `next(err)` and `done(err)` of a `(req, res, next)` function in files without a
 * framework import, so those count only where Fastify is imported). */
function isErrorHandoff(call: ts.CallExpression, name: string): boolean {
  const [argument] = call.arguments;
  if (call.arguments.length !== 1 || !ts.isIdentifier(argument) || argument.text !== name) return false;
  const callee = call.expression;
  if (ts.isPropertyAccessExpression(callee)) return callee.name.text === 'send' && fastifyReplyOf(callee.expression)?.raw === false;
  return ts.isIdentifier(callee) && /^(done|next)$/.test(callee.text) && frameworksImportedAt(call).has('fastify');
}

/** Whether the function holding `node` raises the error named `name`. */
function isRaised(name: string, node: ts.Node): boolean {
  const scope = enclosingFunction(node);
  let found = false;
  const visit = (child: ts.Node): void => {
    if (found) return;
    if (ts.isThrowStatement(child) && child.expression && ts.isIdentifier(child.expression) && child.expression.text === name) found = true;
    else if (ts.isCallExpression(child) && isErrorHandoff(child, name)) found = true;
    else if (!ts.isFunctionLike(child) || child === scope) ts.forEachChild(child, visit);
  };
  visit(scope);
  return found;
}

/** Where Fastify reads errors: anywhere in a file that imports it; elsewhere only in a function
 * with a reply parameter (a plugin's handler), since a thrown error may be any framework's. */
function isFastifyErrorScope(node: ts.Node): boolean {
  return frameworksImportedAt(node).has('fastify') || replyParameterAt(node) !== undefined;
}

/** `err.<property> = value` (or `err.headers[k] = v`) on an error that its function raises. */
function errorAssignment(node: ts.Node, properties: ReadonlySet<string>): { error: ts.Identifier; assignment: ts.BinaryExpression; element?: ts.ElementAccessExpression } | undefined {
  if (!ts.isBinaryExpression(node) || node.operatorToken.kind !== ts.SyntaxKind.EqualsToken) return undefined;
  let target = node.left;
  let element: ts.ElementAccessExpression | undefined;
  if (ts.isElementAccessExpression(target) && properties.has('headers')) {
    element = target;
    target = target.expression;
  }
  if (!ts.isPropertyAccessExpression(target) || !properties.has(target.name.text) || !ts.isIdentifier(target.expression)) return undefined;
  const error = target.expression;
  if (!isFastifyErrorScope(node) || fastifyReplyOf(error) || !isRaised(error.text, node)) return undefined;
  return { error, assignment: node, element };
}

/** The key of the response an error raised at `node` is sent on: the reply of its function, else
 * `fallback` (the error's name). */
function errorKey(node: ts.Node, fallback: string): string {
  return replyParameterAt(node) ?? fallback;
}

const HEADERS = new Set(['headers']);

/** The `err.headers = { ... }` literal the function already assigns, if any. */
function assignedHeaders(error: ts.Identifier): ts.BinaryExpression | undefined {
  const scope = enclosingFunction(error);
  let found: ts.BinaryExpression | undefined;
  const visit = (child: ts.Node): void => {
    const assigned = errorAssignment(child, HEADERS);
    if (assigned && !assigned.element && assigned.error.text === error.text) found = assigned.assignment;
    else if (!found && (!ts.isFunctionLike(child) || child === scope)) ts.forEachChild(child, visit);
  };
  visit(scope);
  return found;
}

/** The `new X('...')` the error's name is bound to in its function, for the message it carries. */
function constructionOf(error: ts.Identifier): ts.NewExpression[] {
  let found: ts.NewExpression | undefined;
  const visit = (child: ts.Node): void => {
    if (ts.isVariableDeclaration(child) && ts.isIdentifier(child.name) && child.name.text === error.text && child.initializer && ts.isNewExpression(child.initializer)) {
      found = child.initializer;
    } else if (!found) ts.forEachChild(child, visit);
  };
  visit(enclosingFunction(error));
  return found ? [found] : [];
}

function assignedErrorSetter(error: ts.Identifier, assignment: ts.BinaryExpression): StatusSetter {
  return {
    node: assignment,
    status: assignment.right,
    receiverKey: errorKey(assignment, error.text),
    range: oneLineRange(assignment, assignment.left),
    bodyCalls() {
      return constructionOf(error);
    },
    fixer: (style) => ({
      addHeader(name, valueCode) {
        const entry = `${stringLiteral(name, style)}: ${valueCode}`;
        const existing = assignedHeaders(error);
        if (existing) {
          if (ts.isObjectLiteralExpression(existing.right)) return { edits: [appendToLiteral(existing.right, entry, style)] };
          return { unavailable: `err.headers is built elsewhere: add ${name} there` };
        }
        const statement = assignment.parent;
        if (!ts.isExpressionStatement(statement) || !isInStatementList(statement)) {
          return { unavailable: 'no statement can be added here: set err.headers where the error is built' };
        }
        return { edits: [insertStatementAfter(statement, `${error.text}.headers = { ${entry} }`, style)] };
      },
    }),
  };
}

/** `Object.assign(new Error('...'), { statusCode: 401, headers })`: an error built with its status. */
function assignedLiteralSetter(call: ts.CallExpression, consts: ConstBindings): StatusSetter | undefined {
  const callee = call.expression;
  if (!ts.isPropertyAccessExpression(callee) || callee.name.text !== 'assign' || !ts.isIdentifier(callee.expression) || callee.expression.text !== 'Object') return undefined;
  const [target, properties] = call.arguments;
  if (call.arguments.length !== 2 || !ts.isNewExpression(target) || !ts.isObjectLiteralExpression(properties)) return undefined;
  const status = propertyAssignment(properties, STATUS_PROPERTIES);
  if (!status || !isFastifyErrorScope(call)) return undefined;
  const declared = ts.isVariableDeclaration(call.parent) && ts.isIdentifier(call.parent.name) ? call.parent.name.text : undefined;
  return {
    node: call,
    status: status.initializer,
    receiverKey: errorKey(call, declared ?? `Object.assign@${call.getStart()}`),
    range: oneLineRange(call, callee),
    ownHeaders() {
      return headersOfProperties(properties, consts);
    },
    bodyCalls: () => [target],
    fixer: (style) => ({ addHeader: (name, valueCode) => addToProperties(properties, name, valueCode, style) }),
  };
}

export function errorStatusSetter(node: ts.Node, consts: ConstBindings): StatusSetter | undefined {
  if (ts.isCallExpression(node)) return assignedLiteralSetter(node, consts);
  const assigned = errorAssignment(node, STATUS_PROPERTIES);
  return assigned ? assignedErrorSetter(assigned.error, assigned.assignment) : undefined;
}

export function errorHeaderWrites(node: ts.Node, consts: ConstBindings): HeaderWrites | undefined {
  const assigned = errorAssignment(node, HEADERS);
  if (!assigned) return undefined;
  const { error, assignment, element } = assigned;
  const writes = element ? [headerWrite(element.argumentExpression, assignment.right, assignment, consts)] : headersOfObject(assignment.right, consts);
  return { receiverKey: errorKey(assignment, error.text), writes };
}
