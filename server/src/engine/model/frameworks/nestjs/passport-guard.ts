// @nestjs/passport's `AuthGuard('jwt')`: when authentication fails, its handleRequest throws
// UnauthorizedException, which carries no header, whatever challenge the strategy gave passport
// (DOMAIN.md: @nestjs/passport drops it). The guard's use is the site, as passport.authenticate's
// is in Express (express/libraries.ts): `@UseGuards(AuthGuard('jwt'))` on a route or controller, and
// a guard class that extends it without a handleRequest of its own. The app's exception filters
// are read for it like for any UnauthorizedException (project/framework-errors.ts).
import ts from 'typescript';
import type { StatusSetter } from '../../adapter';
import { moduleBindings } from '../../imports/module-bindings';
import { oneLineRange } from '../../syntax/ranges';

const PASSPORT = /^@nestjs\/passport$/;

/** `AuthGuard(...)` with AuthGuard imported from @nestjs/passport. */
function isAuthGuardCall(node: ts.Node): node is ts.CallExpression {
  return ts.isCallExpression(node) && ts.isIdentifier(node.expression) && moduleBindings(node.getSourceFile(), PASSPORT).named.get(node.expression.text) === 'AuthGuard';
}

/** Where the guard is put to use: an argument of `@UseGuards(...)`, or the base of a guard class
 * that leaves handleRequest to it. */
function isUse(call: ts.CallExpression): boolean {
  const parent = call.parent;
  if (ts.isCallExpression(parent) && ts.isIdentifier(parent.expression) && parent.expression.text === 'UseGuards' && ts.isDecorator(parent.parent)) return true;
  if (ts.isExpressionWithTypeArguments(parent) && ts.isHeritageClause(parent.parent) && ts.isClassLike(parent.parent.parent)) {
    const owner = parent.parent.parent;
    return !owner.members.some((member) => ts.isMethodDeclaration(member) && member.name.getText() === 'handleRequest');
  }
  return false;
}

export function passportGuardSetter(node: ts.Node): StatusSetter | undefined {
  if (!isAuthGuardCall(node) || !isUse(node)) return undefined;
  return {
    node,
    status: { code: 401, node, rewrite: () => ({ unavailable: "@nestjs/passport's AuthGuard decides this status" }) },
    receiverKey: `AuthGuard@${node.pos}`,
    range: oneLineRange(node),
    bodyCalls: () => [],
    fixer: () => ({
      addHeader: (name) => ({
        unavailable: `AuthGuard throws UnauthorizedException, which carries no headers: set ${name} in an exception filter that catches it, or in the guard's handleRequest`,
      }),
    }),
    thrownError: { classes: [{ name: 'UnauthorizedException', library: '@nestjs/common' }, { name: 'HttpException', library: '@nestjs/common' }], answeredBy: ['nestjs'] },
  };
}
