// A status held in a local variable that the function assigns on several paths, then sends once:
//
//   let statusCode = 500;
//   switch (err.type) {
//     case 'unauthorized': statusCode = 401; break;
//     case 'not_found': statusCode = 404; break;
//   }
//   res.status(statusCode).json(body);
//
// Error handlers decide their statuses this way. Each value assigned is a status the send can
// write, found at the assignment that chooses it: that is where a 401 can get its challenge
// without giving one to every other status. Only a plain `let`/`var` of the same function whose
// every write is `name = value` is read; anything else (a parameter, a closure's variable, `+=`,
// a write in a nested function or by destructuring) leaves the value unknown: silence.
import ts from 'typescript';
import { enclosingFunction } from '../syntax/paths';

export interface AssignedValue {
  /** The value written: the initializer, or the right side of an assignment. */
  value: ts.Expression;
  /** The statement-level expression that chooses it (`statusCode = 401`), or the declaration. */
  choice: ts.Node;
}

/** Per function: the variables it declares and assigns in the way read here, by name (undefined:
 * one that cannot be read). Built once per function, whatever the number of sends in it. */
const byFunction = new WeakMap<ts.Node, Map<string, AssignedValue[] | undefined>>();

/** The values a local variable named by `use` can hold where it is used, or undefined when they
 * cannot all be known to come from plain writes in its own function. */
export function assignedValues(use: ts.Identifier): AssignedValue[] | undefined {
  const owner = enclosingFunction(use);
  if (!ts.isFunctionLike(owner)) return undefined;
  let variables = byFunction.get(owner);
  if (!variables) byFunction.set(owner, (variables = variablesOf(owner)));
  return variables.get(use.text);
}

function variablesOf(owner: ts.SignatureDeclaration): Map<string, AssignedValue[] | undefined> {
  const variables = new Map<string, AssignedValue[] | undefined>();
  const body = (owner as { body?: ts.Node }).body;
  if (!body) return variables;
  const unreadable = new Set<string>();
  const declared = new Set<string>();
  const note = (name: string, value: AssignedValue) => {
    const values = variables.get(name);
    if (values) values.push(value);
    else variables.set(name, [value]);
  };
  const visit = (node: ts.Node, nested: boolean): void => {
    if (ts.isVariableDeclaration(node) && ts.isIdentifier(node.name)) {
      const constant = (ts.getCombinedNodeFlags(node) & ts.NodeFlags.Const) !== 0;
      // Declared twice (shadowing in a block), or in a nested function: not this function's one variable.
      if (nested || constant || declared.has(node.name.text)) unreadable.add(node.name.text);
      else if (node.initializer) note(node.name.text, { value: node.initializer, choice: node });
      declared.add(node.name.text);
    } else if (ts.isBinaryExpression(node) && ts.isIdentifier(node.left) && isAssignment(node.operatorToken.kind)) {
      if (nested || node.operatorToken.kind !== ts.SyntaxKind.EqualsToken) unreadable.add(node.left.text);
      else note(node.left.text, { value: node.right, choice: node });
    } else if ((ts.isPrefixUnaryExpression(node) || ts.isPostfixUnaryExpression(node)) && ts.isIdentifier(node.operand)) {
      if (node.operator === ts.SyntaxKind.PlusPlusToken || node.operator === ts.SyntaxKind.MinusMinusToken) unreadable.add(node.operand.text);
    } else if ((ts.isArrayLiteralExpression(node) || ts.isObjectLiteralExpression(node)) && isDestructuringTarget(node)) {
      // `[a, status] = pair`: written, but not as read here.
      for (const name of identifiersIn(node)) unreadable.add(name);
    }
    ts.forEachChild(node, (child) => visit(child, nested || ts.isFunctionLike(child)));
  };
  ts.forEachChild(body, (child) => visit(child, ts.isFunctionLike(child)));
  // A variable declared elsewhere (a parameter, an outer scope) but assigned here is not known either.
  for (const name of variables.keys()) if (!declared.has(name)) unreadable.add(name);
  for (const name of unreadable) variables.set(name, undefined);
  return variables;
}

function isAssignment(kind: ts.SyntaxKind): boolean {
  return kind >= ts.SyntaxKind.FirstAssignment && kind <= ts.SyntaxKind.LastAssignment;
}

function isDestructuringTarget(node: ts.Node): boolean {
  const parent = node.parent;
  return ts.isBinaryExpression(parent) && parent.left === node && parent.operatorToken.kind === ts.SyntaxKind.EqualsToken;
}

function identifiersIn(node: ts.Node): string[] {
  const names: string[] = [];
  const visit = (child: ts.Node): void => {
    if (ts.isIdentifier(child)) names.push(child.text);
    ts.forEachChild(child, visit);
  };
  visit(node);
  return names;
}
