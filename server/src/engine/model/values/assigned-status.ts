// A status held in a local variable that the function assigns on several paths, then sends once:
//
//   let statusCode = 500;
//   switch (err.type) {
//     case 'unauthorized': statusCode = 401; break;
//     case 'not_found': statusCode = 404; break;
//   }
//   res.status(statusCode).json(body);
//
// Error handlers decide their statuses this way. Each value that may still be in the variable at
// the send is a status the send can write, found at the assignment that chooses it: that is where
// a 401 can get its challenge without giving one to every other status. A value is not one when a
// later assignment always replaces it before the send (`let s = 401; s = compute(); send(s)`),
// when it is chosen after the send, or when its path leaves before the send (`s = 401; return
// next(err)`, a `case` that falls through into the next).
// Only a plain `let`/`var` of the same function whose every write is `name = value` is read;
// anything else (a parameter, a closure's variable, `+=`, a write in a nested function or by
// destructuring, a name declared twice) leaves the value unknown: silence.
import ts from 'typescript';
import { enclosingFunction, isStatementList } from '../syntax/paths';
import { isAssignmentOperator } from '../syntax/syntax';

export interface AssignedValue {
  /** The value written: the initializer, or the right side of an assignment. */
  value: ts.Expression;
  /** The statement-level expression that chooses it (`statusCode = 401`), or the declaration. */
  choice: ts.Node;
}

interface Variable {
  declaration: ts.VariableDeclaration;
  values: AssignedValue[];
}

/** Per function: its variables read here, by name (undefined: one that cannot be read). Built once
 * per function, whatever the number of sends in it. */
const byFunction = new WeakMap<ts.Node, Map<string, Variable | undefined>>();

/** The values the local variable named by `use` may hold there, or undefined when they cannot all
 * be known to come from plain writes in its own function. */
export function assignedValues(use: ts.Identifier): AssignedValue[] | undefined {
  const owner = enclosingFunction(use);
  if (!ts.isFunctionLike(owner)) return undefined;
  let variables = byFunction.get(owner);
  if (!variables) byFunction.set(owner, (variables = variablesOf(owner)));
  const variable = variables.get(use.text);
  // A `let` of a block the use is not in is another variable of the same name.
  if (!variable || !inScope(variable.declaration, use)) return undefined;
  return variable.values.filter((value) => reaches(value, use, owner) && !replacedBefore(value, variable.values, use));
}

/**
 * Whether the value chosen at `value` can still be in the variable at `use`, as far as the
 * statements tell: not when it is chosen after the use (outside a loop that holds both), nor when
 * its path leaves the function first (`status = 401; return next(err)`; a `throw` only when no
 * `catch` around the choice holds the use), nor when its `case` falls through into the next one.
 * A `break` goes on after its switch or loop. A path this does not follow (a `continue`, a
 * labelled `break`, a fall-through) counts as not reaching: silence.
 */
function reaches(value: AssignedValue, use: ts.Node, owner: ts.Node): boolean {
  if (value.choice.pos >= use.end && !inLoopWith(value.choice, use, owner)) return false;
  let child: ts.Node = value.choice;
  let parent: ts.Node | undefined = child.parent;
  while (parent && parent !== owner) {
    if (holds(parent, use)) return true; // the use is inside: the rest is its path
    if (isStatementList(parent)) {
      const statements: readonly ts.Node[] = parent.statements;
      const after = statements.slice(statements.indexOf(child) + 1);
      if (after.some(ts.isReturnStatement)) return false;
      if (after.some(ts.isThrowStatement)) return caughtAround(value.choice, use, owner);
      if (after.some((statement) => ts.isContinueStatement(statement) || (ts.isBreakStatement(statement) && statement.label))) return false;
      if (after.some(ts.isBreakStatement)) {
        // On after the switch or loop it leaves.
        const left = breakTarget(parent, owner);
        if (!left) return false;
        child = left;
        parent = left.parent;
        continue;
      }
      if ((ts.isCaseClause(parent) || ts.isDefaultClause(parent)) && parent !== parent.parent.clauses.at(-1)) return false;
    }
    child = parent;
    parent = parent.parent;
  }
  return true;
}

function holds(outer: ts.Node, inner: ts.Node): boolean {
  return inner.pos >= outer.pos && inner.end <= outer.end;
}

/** The switch or loop a `break` in `list` leaves. */
function breakTarget(list: ts.Node, owner: ts.Node): ts.Node | undefined {
  for (let node: ts.Node | undefined = list; node && node !== owner; node = node.parent) {
    if (ts.isSwitchStatement(node) || ts.isIterationStatement(node, false)) return node;
  }
  return undefined;
}

/** Whether a `try` around the choice has a `catch` that holds the use: a throw goes there. */
function caughtAround(choice: ts.Node, use: ts.Node, owner: ts.Node): boolean {
  for (let node = choice.parent; node && node !== owner; node = node.parent) {
    if (ts.isTryStatement(node) && holds(node.tryBlock, choice) && node.catchClause && holds(node.catchClause, use)) return true;
  }
  return false;
}


/** Whether a loop inside the function holds both nodes: a later choice may reach an earlier use. */
function inLoopWith(choice: ts.Node, use: ts.Node, owner: ts.Node): boolean {
  for (let node = choice.parent; node && node !== owner; node = node.parent) {
    if (ts.isIterationStatement(node, false) && use.pos >= node.pos && use.end <= node.end) return true;
  }
  return false;
}

function variablesOf(owner: ts.SignatureDeclaration): Map<string, Variable | undefined> {
  const variables = new Map<string, Variable | undefined>();
  const body = (owner as { body?: ts.Node }).body;
  if (!body) return variables;
  const unreadable = new Set<string>(owner.parameters.flatMap((parameter) => namesIn(parameter.name)));
  const declarations = new Map<string, ts.VariableDeclaration>();
  const assignments: [string, AssignedValue][] = [];
  const visit = (node: ts.Node, nested: boolean): void => {
    if (ts.isVariableDeclaration(node)) {
      for (const name of namesIn(node.name)) {
        const plain = !nested && ts.isIdentifier(node.name) && (ts.getCombinedNodeFlags(node) & ts.NodeFlags.Const) === 0;
        // Declared twice (shadowing in a block), destructured, const, or in a nested function: not read here.
        if (!plain || declarations.has(name)) unreadable.add(name);
        else declarations.set(name, node);
      }
    } else if (ts.isBinaryExpression(node) && isAssignmentOperator(node.operatorToken.kind)) {
      if (ts.isIdentifier(node.left)) {
        if (nested || node.operatorToken.kind !== ts.SyntaxKind.EqualsToken) unreadable.add(node.left.text);
        else assignments.push([node.left.text, { value: node.right, choice: node }]);
      } else if (ts.isArrayLiteralExpression(node.left) || ts.isObjectLiteralExpression(node.left)) {
        // `[a, status] = pair`: written, but not as read here.
        for (const name of namesIn(node.left)) unreadable.add(name);
      }
    } else if ((ts.isPrefixUnaryExpression(node) || ts.isPostfixUnaryExpression(node)) && ts.isIdentifier(node.operand)) {
      if (node.operator === ts.SyntaxKind.PlusPlusToken || node.operator === ts.SyntaxKind.MinusMinusToken) unreadable.add(node.operand.text);
    } else if ((ts.isForInStatement(node) || ts.isForOfStatement(node)) && ts.isIdentifier(node.initializer)) {
      unreadable.add(node.initializer.text); // `for (status of list)`
    }
    ts.forEachChild(node, (child) => visit(child, nested || ts.isFunctionLike(child)));
  };
  ts.forEachChild(body, (child) => visit(child, ts.isFunctionLike(child)));
  for (const [name, declaration] of declarations) {
    variables.set(name, { declaration, values: declaration.initializer ? [{ value: declaration.initializer, choice: declaration }] : [] });
  }
  for (const [name, assignment] of assignments) {
    // Assigned but declared elsewhere (an outer scope): not known.
    if (!declarations.has(name)) unreadable.add(name);
    else variables.get(name)?.values.push(assignment);
  }
  for (const name of unreadable) variables.set(name, undefined);
  return variables;
}

function namesIn(node: ts.Node): string[] {
  if (ts.isIdentifier(node)) return [node.text];
  const names: string[] = [];
  const visit = (child: ts.Node): void => {
    if (ts.isIdentifier(child)) names.push(child.text);
    ts.forEachChild(child, visit);
  };
  visit(node);
  return names;
}


/** Whether `use` is where `declaration` is visible: anywhere in the function for a `var`, in its
 * block for a `let`. */
function inScope(declaration: ts.VariableDeclaration, use: ts.Node): boolean {
  if ((ts.getCombinedNodeFlags(declaration) & ts.NodeFlags.BlockScoped) === 0) return true;
  let block: ts.Node = declaration.parent;
  while (!ts.isBlock(block) && !ts.isSourceFile(block) && !ts.isCaseBlock(block) && !ts.isIterationStatement(block, false) && !ts.isFunctionLike(block)) block = block.parent;
  return use.pos >= block.pos && use.end <= block.end;
}

/** Whether another assignment always replaces `value` before `use`: one that is a statement of its
 * own in a statement list holding both `value` and `use`, after the statement holding `value`. */
function replacedBefore(value: AssignedValue, values: readonly AssignedValue[], use: ts.Node): boolean {
  return values.some((other) => {
    if (other === value || !ts.isBinaryExpression(other.choice) || !ts.isExpressionStatement(other.choice.parent)) return false;
    const statement = other.choice.parent;
    const list = statement.parent;
    return isStatementList(list) && holds(list, value.choice) && holds(list, use) && statement.pos >= value.choice.end && statement.end <= use.pos;
  });
}
