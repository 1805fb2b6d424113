import ts from 'typescript';
import { followingStatements, statementOf } from './paths';

/** The calls chained onto `node`: for `res.status(401).set(a, b).json(c)` from `res.status(401)`,
 * the `set` and `json` calls. */
export function callsChainedAfter(node: ts.Node): ts.CallExpression[] {
  const calls: ts.CallExpression[] = [];
  let current = node;
  while (ts.isPropertyAccessExpression(current.parent) && ts.isCallExpression(current.parent.parent) && current.parent.parent.expression === current.parent) {
    current = current.parent.parent;
    calls.push(current as ts.CallExpression);
  }
  return calls;
}

/** Calls `receiver.method(...)` in the statements that follow the one holding `node`, up to an exit:
 * `res.statusCode = 401; res.end('Forbidden')`. */
export function laterCallsOn(node: ts.Node, receiverText: string, methods: ReadonlySet<string>): ts.CallExpression[] {
  const statement = statementOf(node);
  if (!statement) return [];
  const calls: ts.CallExpression[] = [];
  for (const next of followingStatements(statement)) {
    const expression = ts.isExpressionStatement(next) ? next.expression : ts.isReturnStatement(next) ? next.expression : undefined;
    if (!expression) continue;
    for (let call: ts.Node | undefined = expression; call && ts.isCallExpression(call); ) {
      const callee: ts.Expression = call.expression;
      if (ts.isPropertyAccessExpression(callee)) {
        if (methods.has(callee.name.text) && callee.expression.getText() === receiverText) calls.push(call);
        call = callee.expression;
      } else call = undefined;
    }
  }
  return calls;
}
