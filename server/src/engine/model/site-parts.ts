// Small pieces the Fetch-style adapters (fetch, nextjs, hono, h3, elysia) share: where a site is
// underlined, what they send, and where a statement can go.
import ts from 'typescript';
import { followingStatements, isInStatementList, statementOf } from './syntax/paths';
import { spansLines } from './syntax/ranges';

/** The whole expression when it fits on one line (`Response.json(body, { status: 401 })`), else
 * the part that writes the status (`status: 401` of a multi-line init): a finding is read on one line. */
export function rangeOnOneLine(whole: ts.Node, statusPart: ts.Node): { start: number; end: number } {
  const node = spansLines(whole.getSourceFile().text, whole.getStart(), whole.end) ? statusPart : whole;
  return { start: node.getStart(), end: node.end };
}

/** What the statements after `node` return, up to the first exit: `set.status = 401; return { error }`
 * sends `{ error }`. */
export function returnedAfter(node: ts.Node): ts.Expression[] {
  const statement = statementOf(node);
  if (!statement) return [];
  const returned = followingStatements(statement).find(ts.isReturnStatement)?.expression;
  return returned ? [returned] : [];
}

/** The statement holding `node` when a statement added beside it runs exactly when `node` does:
 * the statement sits in a block, and `node` is on no branch inside it (`cond ? a : b`, `x && y`,
 * a callback). */
export function statementInList(node: ts.Node): ts.Statement | undefined {
  const statement = statementOf(node);
  if (!statement || !isInStatementList(statement)) return undefined;
  for (let child = node, parent = node.parent; child !== statement; child = parent, parent = parent.parent) {
    if (ts.isFunctionLike(parent)) return undefined;
    if (ts.isConditionalExpression(parent) && child !== parent.condition) return undefined;
    if (ts.isBinaryExpression(parent) && child === parent.right && LOGICAL.has(parent.operatorToken.kind)) return undefined;
  }
  return statement;
}

const LOGICAL = new Set([ts.SyntaxKind.AmpersandAmpersandToken, ts.SyntaxKind.BarBarToken, ts.SyntaxKind.QuestionQuestionToken]);

/** The innermost function around `node`. */
export function enclosingFunctionLike(node: ts.Node): ts.SignatureDeclaration | undefined {
  for (let current = node.parent; current; current = current.parent) {
    if (ts.isFunctionLike(current)) return current;
  }
  return undefined;
}

/** Whether `name` is a parameter (or destructured from one) of a function around `node`. */
export function isBoundByParameter(node: ts.Node, name: string): boolean {
  for (let fn = enclosingFunctionLike(node); fn; fn = enclosingFunctionLike(fn)) {
    if (fn.parameters.some((parameter) => bindsName(parameter.name, name))) return true;
  }
  return false;
}

function bindsName(binding: ts.BindingName, name: string): boolean {
  if (ts.isIdentifier(binding)) return binding.text === name;
  return binding.elements.some((element) => !ts.isOmittedExpression(element) && bindsName(element.name, name));
}

/** Text of a literal or a simple reference that may be written twice without running anything
 * twice: `'missing token'`, `message`, `err.message`. */
export function isRepeatable(expression: ts.Expression): boolean {
  if (ts.isStringLiteralLike(expression) || ts.isNumericLiteral(expression) || ts.isIdentifier(expression)) return true;
  if (ts.isTemplateExpression(expression)) return expression.templateSpans.every((span) => isRepeatable(span.expression));
  return ts.isPropertyAccessExpression(expression) && isRepeatable(expression.expression);
}
