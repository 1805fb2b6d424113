// When an http-errors error is sent, and on which response. An error is answered where it is
// thrown or passed to `next` (Express's finalhandler, a Fastify hook's `done`), also through the
// variable it is bound to. Thrown in Koa middleware it is answered on the context after Koa's
// onerror has dropped the headers set on it; thrown in a Fastify handler, on the reply, whose
// headers stay: there the site is keyed by that response, so that what was set on it counts (or
// is seen as lost).
import ts from 'typescript';
import { replyParameterAt } from '../fastify/reply';
import { koaErrorResponseAt } from '../koa/context';
import { enclosingFunction } from '../../syntax/paths';

/** `next(err)`, or a call of a handler's third parameter (`done(err)` in a Fastify hook). */
function isNextCall(call: ts.CallExpression): boolean {
  if (!ts.isIdentifier(call.expression) || call.arguments.length !== 1) return false;
  const name = call.expression.text;
  if (name === 'next') return true;
  const fn = enclosingFunction(call);
  return ts.isFunctionLike(fn) && fn.parameters.length >= 3 && ts.isIdentifier(fn.parameters[2].name) && fn.parameters[2].name.text === name;
}

/** The expression that hands `node` on: through parentheses, `a ? b : c` and `x || y`. */
function outermost(node: ts.Node): ts.Node {
  let current = node;
  for (;;) {
    const parent = current.parent;
    if (ts.isParenthesizedExpression(parent) || ts.isAsExpression(parent)) current = parent;
    else if (ts.isConditionalExpression(parent) && parent.condition !== current) current = parent;
    else if (ts.isBinaryExpression(parent) && parent.right === current && [ts.SyntaxKind.BarBarToken, ts.SyntaxKind.QuestionQuestionToken].includes(parent.operatorToken.kind)) current = parent;
    else return current;
  }
}

/** Whether an expression is sent: thrown, or passed to next(). */
export function isSentDirectly(expression: ts.Node): boolean {
  const outer = outermost(expression);
  const parent = outer.parent;
  return ts.isThrowStatement(parent) || (ts.isCallExpression(parent) && isNextCall(parent) && parent.arguments[0] === outer);
}

/** Whether the function holding `name`'s declaration throws `name` or passes it to next(). */
export function isSentByName(declaration: ts.VariableDeclaration, name: string, nextOnly = false): boolean {
  const scope = enclosingFunction(declaration);
  let found = false;
  const visit = (child: ts.Node): void => {
    if (found) return;
    if (ts.isIdentifier(child) && child.text === name && child !== declaration.name) {
      const outer = outermost(child);
      const parent = outer.parent;
      if ((!nextOnly && ts.isThrowStatement(parent)) || (ts.isCallExpression(parent) && isNextCall(parent) && parent.arguments[0] === outer)) found = true;
    } else if (!ts.isFunctionLike(child) || child === scope) ts.forEachChild(child, visit);
  };
  visit(scope);
  return found;
}

export function boundDeclaration(call: ts.Node): ts.VariableDeclaration | undefined {
  const outer = outermost(call);
  const parent = outer.parent;
  return ts.isVariableDeclaration(parent) && parent.initializer === outer && ts.isIdentifier(parent.name) ? parent : undefined;
}

/** The response an error raised at `node` is answered on: Koa's context (koa/context.ts), a
 * Fastify reply (fastify/reply.ts), else the error itself, named `fallback`. */
export function responseOfError(node: ts.Node, fallback: string): { receiverKey: string; dropsEarlierHeaders?: string } {
  return koaErrorResponseAt(node) ?? { receiverKey: replyParameterAt(node) ?? fallback };
}
