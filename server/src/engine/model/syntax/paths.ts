// Which code runs together: whether a header write lies on the path of a status, and the
// conditions a status is sent under. A syntactic approximation of control flow, erring on the
// side of "on the path" wherever it cannot tell (loops, try blocks): a missed finding costs
// less than a wrong one.
import ts from 'typescript';
import type { Guard } from '../types';

type StatementList = ts.Block | ts.SourceFile | ts.CaseClause | ts.DefaultClause | ts.ModuleBlock;

/** A block, a file, a `case` or a module body: where statements follow one another. */
export function isStatementList(node: ts.Node): node is StatementList {
  return ts.isBlock(node) || ts.isSourceFile(node) || ts.isCaseClause(node) || ts.isDefaultClause(node) || ts.isModuleBlock(node);
}

const LOGICAL_OPERATORS = new Set([
  ts.SyntaxKind.AmpersandAmpersandToken,
  ts.SyntaxKind.BarBarToken,
  ts.SyntaxKind.QuestionQuestionToken,
  ts.SyntaxKind.AmpersandAmpersandEqualsToken,
  ts.SyntaxKind.BarBarEqualsToken,
  ts.SyntaxKind.QuestionQuestionEqualsToken,
]);

function isLogical(node: ts.Node): node is ts.BinaryExpression {
  return ts.isBinaryExpression(node) && LOGICAL_OPERATORS.has(node.operatorToken.kind);
}

/** Whether running `parent` may skip its child `child` (a branch, a right operand, a callback body). */
function mayBeSkipped(child: ts.Node, parent: ts.Node): boolean {
  if (ts.isIfStatement(parent)) return child !== parent.expression;
  if (ts.isConditionalExpression(parent)) return child !== parent.condition;
  if (isLogical(parent)) return child === parent.right;
  if (ts.isCaseClause(parent) || ts.isDefaultClause(parent) || ts.isCatchClause(parent)) return true;
  return ts.isFunctionLike(parent);
}

/** The function (or file) whose body contains `node`. */
export function enclosingFunction(node: ts.Node): ts.Node {
  let current = node.parent;
  while (current && !ts.isFunctionLike(current) && !ts.isSourceFile(current)) current = current.parent;
  return current ?? node.getSourceFile();
}

function isExit(statement: ts.Statement): boolean {
  if (ts.isReturnStatement(statement) || ts.isThrowStatement(statement)) return true;
  if (ts.isBlock(statement)) return statement.statements.some(isExit);
  return ts.isIfStatement(statement) && !!statement.elseStatement && isExit(statement.thenStatement) && isExit(statement.elseStatement);
}

/** Whether the code after `node` inside `top` never runs once `node` has: a return or throw around
 * it or after it in its block. */
function exitsAfter(node: ts.Node, top: ts.Node): boolean {
  for (let child = node, parent = node.parent; parent; child = parent, parent = parent.parent) {
    if (ts.isReturnStatement(child) || ts.isThrowStatement(child)) return true;
    if (child === top) break;
    if (isStatementList(parent)) {
      const statements = parent.statements;
      const index = statements.indexOf(child as ts.Statement);
      if (statements.slice(index + 1).some(isExit)) return true;
    }
  }
  return false;
}

/** Whether `node` runs whenever `top`, one of its ancestors, runs. `coveredElsewhere` lets an
 * if-statement count when its other branch makes the same write. */
function runsWhenever(node: ts.Node, top: ts.Node, coveredElsewhere: (branch: ts.Statement) => boolean): boolean {
  for (let child = node, parent = node.parent; child !== top && parent; child = parent, parent = parent.parent) {
    if (!mayBeSkipped(child, parent)) continue;
    if (ts.isIfStatement(parent) && child !== parent.expression && parent.elseStatement) {
      const other = child === parent.thenStatement ? parent.elseStatement : parent.thenStatement;
      if (coveredElsewhere(other)) continue;
    }
    return false;
  }
  return true;
}

/** Whether `node` runs whenever the body of its function `fn` runs to its end. */
export function runsWithBodyOf(node: ts.Node, fn: ts.SignatureDeclaration): boolean {
  const body = (fn as ts.FunctionLikeDeclaration).body;
  return !!body && runsWhenever(node, body, () => false);
}

function ancestorsOf(node: ts.Node): ts.Node[] {
  const chain: ts.Node[] = [];
  for (let current: ts.Node | undefined = node; current; current = current.parent) chain.push(current);
  return chain.reverse();
}

/**
 * Whether `write` runs on every path on which `site` runs, before the response leaves or in the
 * statements that follow the site before it exits. `alternatives` are other writes of the same
 * header: an if-branch write counts when the other branch makes one of them.
 */
export function isOnPathOf(write: ts.Node, site: ts.Node, alternatives: readonly ts.Node[]): boolean {
  const coveredElsewhere = (branch: ts.Statement): boolean =>
    alternatives.some((other) => other !== write && branch.pos <= other.pos && other.end <= branch.end && runsWhenever(other, branch, () => false));
  const writeChain = ancestorsOf(write);
  const siteChain = ancestorsOf(site);
  let depth = 0;
  while (depth < writeChain.length && depth < siteChain.length && writeChain[depth] === siteChain[depth]) depth++;
  const common = writeChain[depth - 1];
  if (common === write) return runsWhenever(site, write, () => false); // res.status(401).set(...)
  if (common === site) return runsWhenever(write, site, coveredElsewhere); // writeHead(401, { ... })
  const writeSide = writeChain[depth];
  const siteSide = siteChain[depth];
  const writeRuns = () => runsWhenever(write, writeSide, coveredElsewhere);

  if (isStatementList(common)) {
    const statements: readonly ts.Node[] = common.statements;
    const writeIndex = statements.indexOf(writeSide);
    const siteIndex = statements.indexOf(siteSide);
    if (writeIndex < siteIndex) return writeRuns();
    const between = statements.slice(siteIndex + 1, writeIndex) as ts.Statement[];
    return !exitsAfter(site, siteSide) && !between.some(isExit) && writeRuns();
  }
  if (ts.isFunctionLike(common) || ts.isCaseBlock(common)) return false;
  // Two branches of one condition never run together; a write in the condition runs first.
  if (mayBeSkipped(siteSide, common) || mayBeSkipped(writeSide, common)) {
    return !mayBeSkipped(writeSide, common) && writeRuns();
  }
  return writeRuns();
}

/** The conditions of the branches `site` sits in, innermost first, up to its function, a `case`
 * of a `switch` among them. (Earlier `if (...) return` statements are not read: whether they guard
 * a failure or a success is not something the syntax tells.) */
export function guardsOf(site: ts.Node): Guard[] {
  const guards: Guard[] = [];
  for (let child = site, parent = site.parent; parent && !ts.isFunctionLike(parent); child = parent, parent = parent.parent) {
    if (ts.isCaseClause(parent) && child !== parent.expression) {
      const cases = casesInto(parent);
      if (cases) guards.push({ expression: parent.parent.parent.expression, negated: false, cases });
    } else if (ts.isIfStatement(parent) && child !== parent.expression) {
      guards.push({ expression: parent.expression, negated: child === parent.elseStatement });
    } else if (ts.isConditionalExpression(parent) && child !== parent.condition) {
      guards.push({ expression: parent.condition, negated: child === parent.whenFalse });
    } else if (isLogical(parent) && child === parent.right) {
      const op = parent.operatorToken.kind;
      if (op === ts.SyntaxKind.AmpersandAmpersandToken || op === ts.SyntaxKind.BarBarToken) {
        guards.push({ expression: parent.left, negated: op === ts.SyntaxKind.BarBarToken });
      }
    }
  }
  return guards;
}

/** The labels whose values run a clause's statements: its own, and those of the empty clauses
 * right before it (`case 'a': case 'b': ...`). None when another clause may run on into it (its
 * statements do not end in a `break`, `return`, `throw` or `continue`), or `default` falls into it:
 * then other values do too. */
function casesInto(clause: ts.CaseClause): ts.Expression[] | undefined {
  const clauses = clause.parent.clauses;
  const cases = [clause.expression];
  for (let index = clauses.indexOf(clause) - 1; index >= 0; index--) {
    const earlier = clauses[index];
    const last = earlier.statements.at(-1);
    if (last) return endsClause(last) ? cases : undefined;
    if (!ts.isCaseClause(earlier)) return undefined;
    cases.unshift(earlier.expression);
  }
  return cases;
}

/** Whether a statement, or the last one of the blocks it opens (`{ ...; return; }`), passes `test`. */
export function endsWith(statement: ts.Statement, test: (last: ts.Statement) => boolean): boolean {
  let last: ts.Statement | undefined = statement;
  while (last && ts.isBlock(last)) last = last.statements.at(-1);
  return last !== undefined && test(last);
}

/** Whether a clause's last statement keeps the next clause from running after it. */
const endsClause = (statement: ts.Statement) => endsWith(statement, (last) => ts.isBreakStatement(last) || ts.isContinueStatement(last) || isExit(last));

/** Whether `node` never runs: a `return` or `throw` comes before it in a block around it. */
export function isUnreachable(node: ts.Node): boolean {
  for (let child = node, parent = node.parent; parent && !ts.isFunctionLike(child); child = parent, parent = parent.parent) {
    if (!isStatementList(parent)) continue;
    const statements: readonly ts.Node[] = parent.statements;
    const index = statements.indexOf(child);
    if (statements.slice(0, index).some((statement) => isExit(statement as ts.Statement))) return true;
  }
  return false;
}

/** Whether `node` (a statement) sits directly in a statement list, where a statement can be added beside it. */
export function isInStatementList(statement: ts.Node): statement is ts.Statement {
  return isStatementList(statement.parent);
}

/** The innermost statement that contains `node`. */
export function statementOf(node: ts.Node): ts.Statement | undefined {
  let current: ts.Node | undefined = node;
  while (current && !isStatementNode(current)) current = current.parent;
  return current;
}

function isStatementNode(node: ts.Node): node is ts.Statement {
  const parent = node.parent;
  if (!parent) return false;
  if (isStatementList(parent)) return true;
  // The unbraced body of an if, a loop or a label is a statement too.
  return (ts.isIfStatement(parent) && node !== parent.expression) || (ts.isIterationStatement(parent, false) && node === parent.statement) || ts.isLabeledStatement(parent);
}

/** Statements that follow `statement` in its list until one that exits. */
export function followingStatements(statement: ts.Statement): ts.Statement[] {
  if (!isStatementList(statement.parent)) return [];
  const statements = statement.parent.statements;
  const following: ts.Statement[] = [];
  for (const next of statements.slice(statements.indexOf(statement) + 1)) {
    following.push(next);
    if (isExit(next)) break;
  }
  return following;
}

/** Whether `body` hands the caught error `name` on: `throw err`, `next(err)`, `reject(err)`. */
function handsOn(body: ts.Node, name: string): boolean {
  let found = false;
  const visit = (node: ts.Node): void => {
    if (found || ts.isFunctionLike(node)) return;
    if (ts.isThrowStatement(node) && node.expression && ts.isIdentifier(node.expression) && node.expression.text === name) found = true;
    else if (ts.isCallExpression(node) && ts.isIdentifier(node.expression) && /^(next|reject)$/.test(node.expression.text) && node.arguments.some((a) => ts.isIdentifier(a) && a.text === name)) found = true;
    else ts.forEachChild(node, visit);
  };
  visit(body);
  return found;
}

/** Whether an error thrown at `node` is caught in its own function by a `catch` that never hands it
 * on (it answers, or throws another error in its place): the thrown status never leaves. */
export function isCaughtAndReplaced(node: ts.Node): boolean {
  for (let child = node, parent = node.parent; parent && !ts.isFunctionLike(parent); child = parent, parent = parent.parent) {
    if (!ts.isTryStatement(parent) || child !== parent.tryBlock || !parent.catchClause) continue;
    const name = parent.catchClause.variableDeclaration?.name;
    return !(name && ts.isIdentifier(name) && handsOn(parent.catchClause.block, name.text));
  }
  return false;
}
