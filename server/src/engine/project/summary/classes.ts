// A class as the summary keeps it: what it extends, what its constructor passes to `super`, the
// status-like fields it sets (`statusCode = 401`, `this.status = status`), whether its instances
// carry a challenge in `headers`, and its static members (`ApiError.unauthorized()`).
import ts from 'typescript';
import { callableOf } from './callables';
import type { SendsByFunction } from './effects';
import { filterOf } from './handlers';
import { spotOf, valueOf } from './values';
import type { Challenge, ClassSymbol, Symbol, Value } from './types';

/** The properties an error's status is read from by frameworks and error handlers. */
export const STATUS_FIELDS = /^(status|statusCode|httpStatus|httpStatusCode|httpCode|status_code|code|type)$/;

function memberName(name: ts.PropertyName | undefined): string | undefined {
  return name && (ts.isIdentifier(name) || ts.isStringLiteral(name) || ts.isPrivateIdentifier(name)) ? name.text : undefined;
}

const isStatic = (member: ts.ClassElement) => ts.canHaveModifiers(member) && (ts.getModifiers(member) ?? []).some((modifier) => modifier.kind === ts.SyntaxKind.StaticKeyword);

/** Whether a `headers` value carries a challenge. */
export function challengeOfHeaders(expression: ts.Expression): Challenge {
  if (!ts.isObjectLiteralExpression(expression)) return 'unknown';
  for (const property of expression.properties) {
    if (ts.isSpreadAssignment(property)) return 'unknown';
    const name = memberName(property.name);
    if (name === undefined) return 'unknown';
    if (name.toLowerCase() === 'www-authenticate') return 'set';
  }
  return 'absent';
}

export function classSymbol(node: ts.ClassLikeDeclaration, sends: SendsByFunction): ClassSymbol {
  const heritage = node.heritageClauses?.find((clause) => clause.token === ts.SyntaxKind.ExtendsKeyword)?.types[0];
  const fields: Record<string, Value> = {};
  const statics: Record<string, Symbol> = {};
  let headers: ClassSymbol['headers'] = 'none';
  let superArgs: Value[] | undefined;
  const noteHeaders = (value: ts.Expression) => {
    const challenge = challengeOfHeaders(value);
    headers = headers === 'set' || challenge === 'set' ? 'set' : challenge === 'unknown' || headers === 'unknown' ? 'unknown' : 'absent';
  };

  for (const member of node.members) {
    const name = memberName(member.name);
    if (ts.isPropertyDeclaration(member) && name !== undefined && member.initializer) {
      if (isStatic(member)) statics[name] = staticValue(member.initializer, sends);
      else if (STATUS_FIELDS.test(name)) fields[name] = valueOf(member.initializer);
      else if (name === 'headers') noteHeaders(member.initializer);
    } else if (ts.isMethodDeclaration(member) && name !== undefined && isStatic(member)) {
      statics[name] = callableOf(member, member.name, sends);
    } else if (ts.isConstructorDeclaration(member) && member.body) {
      // `constructor(readonly status: number)`: a parameter property is a field set from the argument.
      member.parameters.forEach((parameter, index) => {
        if (ts.isIdentifier(parameter.name) && ts.isParameterPropertyDeclaration(parameter, member) && STATUS_FIELDS.test(parameter.name.text)) {
          fields[parameter.name.text] = { kind: 'parameter', index };
        }
      });
      const visit = (child: ts.Node): void => {
        if (ts.isFunctionLike(child) && child !== member) return;
        if (ts.isCallExpression(child) && child.expression.kind === ts.SyntaxKind.SuperKeyword) superArgs = child.arguments.map((argument) => valueOf(argument));
        if (ts.isBinaryExpression(child) && child.operatorToken.kind === ts.SyntaxKind.EqualsToken && ts.isPropertyAccessExpression(child.left) && child.left.expression.kind === ts.SyntaxKind.ThisKeyword) {
          const field = child.left.name.text;
          if (STATUS_FIELDS.test(field)) fields[field] = valueOf(child.right);
          else if (field === 'headers') noteHeaders(child.right);
        }
        ts.forEachChild(child, visit);
      };
      visit(member.body);
    }
  }
  const filter = filterOf(node);
  return {
    kind: 'class',
    ...(filter && { filter }),
    spot: spotOf(node.name ?? node),
    ...(heritage && { extends: valueOf(heritage.expression) }),
    ...(superArgs && { superArgs }),
    fields,
    headers,
    statics,
  };
}

function staticValue(initializer: ts.Expression, sends: SendsByFunction): Symbol {
  if (ts.isArrowFunction(initializer) || ts.isFunctionExpression(initializer)) return callableOf(initializer, initializer, sends);
  return { kind: 'value', value: valueOf(initializer) };
}
