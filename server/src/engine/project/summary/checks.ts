// What a function's result says, for the guards of other files: `canEditProject(user, id)`
// returns a role comparison (a permission check), `currentUser(req)` the session of the request
// (credentials), `loadBoard(id)` a record. Read from its returns with the same provenance as a
// guard (engine/evidence/provenance.ts); all its returns must agree, else it says nothing.
import ts from 'typescript';
import { sourceOfCondition } from '../../evidence/provenance';
import { isLiteralValue } from '../../model/syntax/syntax';
import type { CheckKind } from '../../model/types';

export function checkOf(fn: ts.SignatureDeclaration & { body?: ts.ConciseBody }): CheckKind | undefined {
  if (!fn.body) return undefined;
  const returned = ts.isBlock(fn.body) ? returnsOf(fn.body) : [fn.body];
  // A check returns its answer in a few places; a function with many returns is something else.
  if (returned.length > MAX_RETURNS) return undefined;
  const kinds = new Set<CheckKind>();
  for (const expression of returned) {
    if (isLiteralValue(expression)) continue; // `return false`: the branch that fails, not the check
    const source = sourceOfCondition(expression);
    if (!source) return undefined;
    kinds.add(source.record ? 'record' : source.kind);
  }
  return kinds.size === 1 ? [...kinds][0] : undefined;
}

const MAX_RETURNS = 4;

/** The expressions a function body returns, outside its nested functions (one more than
 * MAX_RETURNS at most: enough to tell there are too many). */
function returnsOf(body: ts.Block): ts.Expression[] {
  const found: ts.Expression[] = [];
  const visit = (node: ts.Node): void => {
    if (found.length > MAX_RETURNS) return;
    if (ts.isReturnStatement(node) && node.expression) found.push(node.expression);
    else if (!ts.isFunctionLike(node) && !ts.isExpressionStatement(node)) ts.forEachChild(node, visit);
  };
  visit(body);
  return found;
}

