// @nestjs/passport's `AuthGuard('jwt')`: when authentication fails, its handleRequest throws
// UnauthorizedException, which carries no header, whatever challenge the strategy gave passport
// (DOMAIN.md: @nestjs/passport drops it). The guard's use is the site, as passport.authenticate's
// is in Express (express/libraries.ts): `@UseGuards(AuthGuard('jwt'))` on a route or controller, and
// a guard class that extends it without a handleRequest of its own, or with one that hands the error
// back to AuthGuard's (`return super.handleRequest(err, user)`). The app's exception filters
// are read for it like for any UnauthorizedException (project/framework-errors.ts).
import ts from 'typescript';
import type { StatusSetter } from '../../adapter';
import { moduleBindings } from '../../imports/module-bindings';
import { oneLineRange } from '../../syntax/ranges';
import { isAssignmentOperator } from '../../syntax/syntax';

const PASSPORT = /^@nestjs\/passport$/;

/** `AuthGuard(...)` with AuthGuard imported from @nestjs/passport. */
function isAuthGuardCall(node: ts.Node): node is ts.CallExpression {
  return ts.isCallExpression(node) && ts.isIdentifier(node.expression) && moduleBindings(node.getSourceFile(), PASSPORT).named.get(node.expression.text) === 'AuthGuard';
}

/** Where the guard is put to use: an argument of `@UseGuards(...)`, or the base of a guard class
 * that leaves handleRequest to it: has none, or one that passes the error on to AuthGuard's. */
function isUse(call: ts.CallExpression): boolean {
  const parent = call.parent;
  if (ts.isCallExpression(parent) && ts.isIdentifier(parent.expression) && parent.expression.text === 'UseGuards' && ts.isDecorator(parent.parent)) return true;
  if (ts.isExpressionWithTypeArguments(parent) && ts.isHeritageClause(parent.parent) && ts.isClassLike(parent.parent.parent)) {
    const owner = parent.parent.parent;
    return !owner.members.some((member) => ts.isMethodDeclaration(member) && member.name.getText() === 'handleRequest' && !passesErrorToBase(member));
  }
  return false;
}

/**
 * A handleRequest of the guard's own that ends in AuthGuard's: `return super.handleRequest(err,
 * user, info, context)` after logging the user or reshaping it. On a failure the base throws its
 * UnauthorizedException as if the class had no handleRequest. Only when the error is passed on as
 * it came (its first parameter, never assigned), the user as a name (not `user ?? GUEST`, which
 * lets anonymous callers in), outside a `try` that would catch the base's throw, and the method
 * throws nothing itself: otherwise what it does is read as written (a throw is a site of its own).
 */
function passesErrorToBase(method: ts.MethodDeclaration): boolean {
  const error = method.parameters[0]?.name;
  if (!method.body || !error || !ts.isIdentifier(error)) return false;
  let passed = false;
  let own = false;
  const visit = (node: ts.Node): void => {
    if (own) return;
    if (ts.isThrowStatement(node) || (ts.isBinaryExpression(node) && isAssignmentOperator(node.operatorToken.kind) && ts.isIdentifier(node.left) && node.left.text === error.text)) {
      own = true;
      return;
    }
    if (ts.isCallExpression(node) && isSuperHandleRequest(node.expression)) {
      const [first, user] = node.arguments;
      if (!first || !ts.isIdentifier(first) || first.text !== error.text || (user && !ts.isIdentifier(user)) || isCaught(node, method)) own = true;
      else passed = true;
      return;
    }
    // A function declared inside runs only if called: its throws are not the method's.
    if (!ts.isFunctionLike(node)) ts.forEachChild(node, visit);
  };
  ts.forEachChild(method.body, visit);
  return passed && !own;
}

/** Whether a `try` with a `catch`, inside `method`, holds `node`. */
function isCaught(node: ts.Node, method: ts.Node): boolean {
  for (let child = node, parent = node.parent; parent && parent !== method; child = parent, parent = parent.parent) {
    if (ts.isTryStatement(parent) && parent.tryBlock === child && parent.catchClause) return true;
  }
  return false;
}

function isSuperHandleRequest(callee: ts.Expression): boolean {
  return ts.isPropertyAccessExpression(callee) && callee.expression.kind === ts.SyntaxKind.SuperKeyword && callee.name.text === 'handleRequest';
}


export function passportGuardSetter(node: ts.Node): StatusSetter | undefined {
  if (!isAuthGuardCall(node) || !isUse(node)) return undefined;
  return {
    node,
    status: { code: 401, node, rewrite: () => ({ unavailable: "@nestjs/passport's AuthGuard decides this status" }) },
    receiverKey: `AuthGuard@${node.pos}`,
    // `AuthGuard([` over several lines: the squiggle stays on the name.
    range: oneLineRange(node, node.expression),
    bodyCalls: () => [],
    fixer: () => ({
      addHeader: (name) => ({
        unavailable: `AuthGuard throws UnauthorizedException, which carries no headers: set ${name} in an exception filter that catches it, or in the guard's handleRequest`,
      }),
    }),
    thrownError: { classes: [{ name: 'UnauthorizedException', library: '@nestjs/common' }, { name: 'HttpException', library: '@nestjs/common' }], answeredBy: ['nestjs'] },
  };
}
