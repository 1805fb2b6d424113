// A function that maps a name its caller gives to a status, and does nothing else: one `switch` on
// a parameter whose clauses only return (`case 'UNAUTHORIZED': return 401`), or `if (code === 'X')
// return ...` statements, with a last `return` for the rest. Only such a function tells for sure
// which status a name gives (the evaluator's mappedCodes): a branch nested in another condition,
// or a name changed before the switch, would make the same name give another status.
import ts from 'typescript';
import { parameterRead } from './branches';
import type { Selector } from './types';

/** A statement that only returns: `return x;` or `{ return x; }`. */
function onlyReturns(statement: ts.Statement): boolean {
  if (ts.isReturnStatement(statement)) return true;
  return ts.isBlock(statement) && statement.statements.length === 1 && ts.isReturnStatement(statement.statements[0]);
}

const sameRead = (a: Pick<Selector, 'index' | 'property'>, b: Pick<Selector, 'index' | 'property'>) => a.index === b.index && a.property === b.property;

/** `code === 'X' || code === 'Y'` on one read of a parameter: that read. */
function equalityRead(fn: ts.Node, condition: ts.Expression): Pick<Selector, 'index' | 'property'> | undefined {
  while (ts.isParenthesizedExpression(condition)) condition = condition.expression;
  if (!ts.isBinaryExpression(condition)) return undefined;
  const operator = condition.operatorToken.kind;
  if (operator === ts.SyntaxKind.BarBarToken) {
    const [left, right] = [equalityRead(fn, condition.left), equalityRead(fn, condition.right)];
    return left && right && sameRead(left, right) ? left : undefined;
  }
  if (operator !== ts.SyntaxKind.EqualsEqualsEqualsToken && operator !== ts.SyntaxKind.EqualsEqualsToken) return undefined;
  const literal = (node: ts.Expression) => ts.isStringLiteral(node) || ts.isNoSubstitutionTemplateLiteral(node) || ts.isNumericLiteral(node);
  if (literal(condition.right)) return parameterRead(fn, condition.left);
  if (literal(condition.left)) return parameterRead(fn, condition.right);
  return undefined;
}

/** The parameter read a function maps by, when it is such a mapper. */
export function mapperRead(fn: ts.SignatureDeclaration & { body?: ts.ConciseBody }): Pick<Selector, 'index' | 'property'> | undefined {
  const body = fn.body;
  if (!body || !ts.isBlock(body) || body.statements.length === 0) return undefined;
  const statements = body.statements;
  const last = statements.length - 1;
  const [first] = statements;
  if (ts.isSwitchStatement(first)) {
    const read = parameterRead(fn, first.expression);
    const clausesReturn = first.caseBlock.clauses.every((clause) => clause.statements.length === 0 || (clause.statements.length === 1 && onlyReturns(clause.statements[0])));
    return read && clausesReturn && statements.slice(1).every(onlyReturns) ? read : undefined;
  }
  let read: Pick<Selector, 'index' | 'property'> | undefined;
  for (const [index, statement] of statements.entries()) {
    if (index === last && onlyReturns(statement)) break;
    if (!ts.isIfStatement(statement) || statement.elseStatement || !onlyReturns(statement.thenStatement)) return undefined;
    const tested = equalityRead(fn, statement.expression);
    if (!tested || (read && !sameRead(read, tested))) return undefined;
    read = tested;
  }
  return read;
}
