// What a function does that can send a status, read from its body: what it throws, returns and
// calls of project code, and whether it is an assertion (`assertThat(cond, error)` throws `error`
// when `cond` is falsy). Framework sends inside it come from the response model (sends.ts).
// Nested functions are not entered: a callback's throw is not the function's.
import ts from 'typescript';
import { selectorOf } from './branches';
import { valueOf } from './values';
import type { Effect, Value } from './types';

const MAX_EFFECTS = 16;
/** Functions that throw their second argument when their first is falsy. */
const ASSERTION_CALLEES = /^(assert|invariant|ok|ensure|assertThat|assertTrue|check)$/;

/** Values worth keeping as an effect: what can carry a status, or lead to code that does. */
function matters(value: Value): boolean {
  switch (value.kind) {
    case 'call':
    case 'status':
    case 'parameter':
      return true;
    case 'ref':
      return true;
    case 'either':
      return value.values.some(matters);
    case 'object':
      return Object.values(value.properties).some((v) => v.kind === 'status' || v.kind === 'parameter' || v.kind === 'ref');
    default:
      return false;
  }
}

/** The index of the parameter `expression` names directly (`value`), if it does. */
function parameterIndex(fn: ts.SignatureDeclaration, expression: ts.Expression): number | undefined {
  if (!ts.isIdentifier(expression)) return undefined;
  const index = fn.parameters.findIndex((parameter) => ts.isIdentifier(parameter.name) && parameter.name.text === expression.text);
  return index < 0 ? undefined : index;
}

/** `!value` for a parameter `value`: the index. */
function negatedParameter(fn: ts.SignatureDeclaration, condition: ts.Expression): number | undefined {
  let node = condition;
  while (ts.isParenthesizedExpression(node)) node = node.expression;
  return ts.isPrefixUnaryExpression(node) && node.operator === ts.SyntaxKind.ExclamationToken ? parameterIndex(fn, node.operand) : undefined;
}

/** The statement a branch runs, when it is a single `throw` (braced or not). */
function onlyThrow(statement: ts.Statement): ts.ThrowStatement | undefined {
  if (ts.isThrowStatement(statement)) return statement;
  if (ts.isBlock(statement) && statement.statements.length === 1 && ts.isThrowStatement(statement.statements[0])) return statement.statements[0];
  return undefined;
}

/** Framework sends found by the response model, by the function they belong to (sends.ts). */
export interface SendsByFunction {
  get(fn: ts.Node): readonly Effect[] | undefined;
}

export function effectsOf(fn: ts.SignatureDeclaration & { body?: ts.ConciseBody }, sends: SendsByFunction): Effect[] {
  const effects: Effect[] = [...(sends.get(fn) ?? [])].slice(0, MAX_EFFECTS);
  const add = (effect: Effect, at: ts.Node) => {
    if (effects.length >= MAX_EFFECTS) return;
    const when = selectorOf(fn, at);
    effects.push(when ? { ...effect, when } : effect);
  };
  const body = fn.body;
  if (!body) return effects;
  if (!ts.isBlock(body)) {
    const value = valueOf(body);
    if (matters(value)) add({ kind: 'returns', value }, body);
    return effects;
  }
  const visit = (node: ts.Node): void => {
    if (ts.isFunctionLike(node) || ts.isClassLike(node)) return;
    if (ts.isThrowStatement(node) && node.expression) {
      const value = valueOf(node.expression);
      if (matters(value)) add({ kind: 'throws', value }, node);
      return;
    }
    if (ts.isReturnStatement(node) && node.expression) {
      const value = valueOf(node.expression);
      if (matters(value)) add({ kind: 'returns', value }, node);
      return;
    }
    if (ts.isIfStatement(node)) {
      const condition = negatedParameter(fn, node.expression);
      const thrown = onlyThrow(node.thenStatement);
      if (condition !== undefined && thrown?.expression) {
        add({ kind: 'asserts', condition, error: valueOf(thrown.expression) }, node);
        return;
      }
    }
    if (ts.isCallExpression(node) && ts.isExpressionStatement(node.parent)) {
      const callee = ts.isIdentifier(node.expression) ? node.expression.text : undefined;
      const condition = node.arguments[0] && parameterIndex(fn, node.arguments[0]);
      if (callee && ASSERTION_CALLEES.test(callee) && condition !== undefined && node.arguments[1]) {
        add({ kind: 'asserts', condition, error: valueOf(node.arguments[1]) }, node);
        return;
      }
      const value = valueOf(node);
      if (value.kind === 'call' && value.args.some(matters)) add({ kind: 'calls', value }, node);
    }
    ts.forEachChild(node, visit);
  };
  body.statements.forEach(visit);
  return effects;
}
