// Express errors: `next(err)` with `err.status = 401` (or `next({ status: 401 })`) makes Express's
// final handler send that status and copy `err.headers` onto the response (finalhandler's
// getErrorHeaders). The status is set on the error and so is its challenge.
import ts from 'typescript';
import type { HeaderWrites, StatusSetter } from '../../adapter';
import { headersOfObject } from '../../values/headers';
import { enclosingFunction, isInStatementList } from '../../syntax/paths';
import { appendToLiteral, insertStatementAfter, stringLiteral, type SourceStyle } from '../../syntax/source-style';
import type { ConstBindings } from '../../values/status';
import { propertyAssignment } from '../../syntax/syntax';
import type { ResponseFixer } from '../../types';

const STATUS_PROPERTIES = new Set(['status', 'statusCode']);

/** `next(...)`: a call of the third parameter of a `(req, res, next)` handler, or of `next`. */
function isNextCall(node: ts.Node): node is ts.CallExpression {
  if (!ts.isCallExpression(node) || node.arguments.length !== 1 || !ts.isIdentifier(node.expression)) return false;
  const name = node.expression.text;
  if (name === 'next') return true;
  const fn = enclosingFunction(node);
  return ts.isFunctionLike(fn) && fn.parameters.length >= 3 && ts.isIdentifier(fn.parameters[2].name) && fn.parameters[2].name.text === name;
}

/** Whether the function holding `node` passes the error named `name` to `next`. */
function isPassedToNext(name: string, node: ts.Node): boolean {
  let found = false;
  const visit = (child: ts.Node): void => {
    if (found) return;
    if (isNextCall(child) && ts.isIdentifier(child.arguments[0]) && child.arguments[0].text === name) found = true;
    else if (!ts.isFunctionLike(child) || child === scope) ts.forEachChild(child, visit);
  };
  const scope = enclosingFunction(node);
  visit(scope);
  return found;
}

/** `err.status = n` / `err.headers = …` on an error that is passed to `next`. */
function errorPropertyAssignment(node: ts.Node, properties: ReadonlySet<string>): { error: ts.Identifier; assignment: ts.BinaryExpression } | undefined {
  if (!ts.isBinaryExpression(node) || node.operatorToken.kind !== ts.SyntaxKind.EqualsToken) return undefined;
  const target = node.left;
  if (!ts.isPropertyAccessExpression(target) || !properties.has(target.name.text) || !ts.isIdentifier(target.expression)) return undefined;
  return isPassedToNext(target.expression.text, node) ? { error: target.expression, assignment: node } : undefined;
}

const HEADERS = new Set(['headers']);

function headersEntry(name: string, valueCode: string, style: SourceStyle): string {
  return `${stringLiteral(name, style)}: ${valueCode}`;
}

/** The `err.headers = { ... }` literal the function already assigns, if any. */
function assignedHeadersLiteral(error: ts.Identifier): ts.ObjectLiteralExpression | undefined {
  let literal: ts.ObjectLiteralExpression | undefined;
  const visit = (child: ts.Node): void => {
    const found = errorPropertyAssignment(child, HEADERS);
    if (found && found.error.text === error.text && ts.isObjectLiteralExpression(found.assignment.right)) literal = found.assignment.right;
    else if (!ts.isFunctionLike(child) || child === scope) ts.forEachChild(child, visit);
  };
  const scope = enclosingFunction(error);
  visit(scope);
  return literal;
}

function assignedErrorFixer(error: ts.Identifier, assignment: ts.BinaryExpression, style: SourceStyle): ResponseFixer {
  return {
    addHeader(name, valueCode) {
      const existing = assignedHeadersLiteral(error);
      if (existing) return { edits: [appendToLiteral(existing, headersEntry(name, valueCode, style), style)] };
      const statement = assignment.parent;
      if (!ts.isExpressionStatement(statement) || !isInStatementList(statement)) {
        return { unavailable: 'no statement can be added here: set err.headers where the error is built' };
      }
      return { edits: [insertStatementAfter(statement, `${error.text}.headers = { ${headersEntry(name, valueCode, style)} }`, style)] };
    },
  };
}

function literalErrorFixer(literal: ts.ObjectLiteralExpression, style: SourceStyle): ResponseFixer {
  return {
    addHeader(name, valueCode) {
      const headers = propertyAssignment(literal, HEADERS);
      const entry = headersEntry(name, valueCode, style);
      if (!headers) return { edits: [appendToLiteral(literal, `headers: { ${entry} }`, style)] };
      if (ts.isObjectLiteralExpression(headers.initializer)) return { edits: [appendToLiteral(headers.initializer, entry, style)] };
      return { unavailable: 'the error takes its headers from an expression: add WWW-Authenticate where it is built' };
    },
  };
}

/** The `new Error('...')` an error name is bound to, for the message it carries. */
function constructionOf(error: ts.Identifier): ts.NewExpression[] {
  const fn = enclosingFunction(error);
  let found: ts.NewExpression | undefined;
  const visit = (child: ts.Node): void => {
    if (ts.isVariableDeclaration(child) && ts.isIdentifier(child.name) && child.name.text === error.text && child.initializer && ts.isNewExpression(child.initializer)) {
      found = child.initializer;
    } else if (!found) ts.forEachChild(child, visit);
  };
  visit(fn);
  return found ? [found] : [];
}

export function nextErrorStatusSetter(node: ts.Node, consts: ConstBindings): StatusSetter | undefined {
  const assigned = errorPropertyAssignment(node, STATUS_PROPERTIES);
  if (assigned) {
    const { error, assignment } = assigned;
    return {
      node: assignment,
      status: assignment.right,
      receiverKey: error.text,
      range: { start: assignment.getStart(), end: assignment.end },
      bodyCalls() {
        return constructionOf(error);
      },
      fixer: (style) => assignedErrorFixer(error, assignment, style),
    };
  }
  if (isNextCall(node) && ts.isObjectLiteralExpression(node.arguments[0])) {
    const literal = node.arguments[0];
    const status = propertyAssignment(literal, STATUS_PROPERTIES);
    if (!status) return undefined;
    const headers = propertyAssignment(literal, HEADERS);
    return {
      node,
      status: status.initializer,
      receiverKey: literal.getText(),
      range: { start: node.getStart(), end: node.end },
      ownHeaders() {
        return headers ? headersOfObject(headers.initializer, consts) : [];
      },
      bodyCalls: () => [node],
      fixer: (style) => literalErrorFixer(literal, style),
    };
  }
  return undefined;
}

export function nextErrorHeaderWrites(node: ts.Node, consts: ConstBindings): HeaderWrites | undefined {
  const assigned = errorPropertyAssignment(node, HEADERS);
  return assigned ? { receiverKey: assigned.error.text, writes: headersOfObject(assigned.assignment.right, consts) } : undefined;
}
