// A function that maps a name its caller gives to a status, and does nothing else: one `switch` on
// a parameter whose clauses only return (`case 'UNAUTHORIZED': return 401`), or `if (code === 'X')
// return ...` statements, with a last `return` for the rest. Only such a function tells for sure
// which status a name gives (the evaluator's mappedCodes): a branch nested in another condition,
// or a name changed before the switch, would make the same name give another status.
import ts from 'typescript';
import { equalityTest, parameterRead } from './branches';
import type { Selector } from './types';

/** A statement that only returns: `return x;` or `{ return x; }`. */
function onlyReturns(statement: ts.Statement): boolean {
  if (ts.isReturnStatement(statement)) return true;
  return ts.isBlock(statement) && statement.statements.length === 1 && ts.isReturnStatement(statement.statements[0]);
}

const sameRead = (a: Pick<Selector, 'index' | 'property'>, b: Pick<Selector, 'index' | 'property'>) => a.index === b.index && a.property === b.property;

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
    // `if (code === 'X') return ...`: one comparison, on the same read as the others (an `||` of
    // several is no branch selectorOf tells apart).
    const tested = equalityTest(fn, statement.expression);
    if (!tested || (read && !sameRead(read, tested))) return undefined;
    read = { index: tested.index, ...(tested.property !== undefined && { property: tested.property }) };
  }
  return read;
}
