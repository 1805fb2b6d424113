// The top-level declarations of a file as summary symbols: functions and arrow functions (with
// their effects), classes, enums and object tables, and values (`const UNAUTHORIZED = 401`, an
// alias of another name). `export default <expression>` is the symbol `default`; CommonJS
// `module.exports = ...` and `exports.x = ...` build the symbol `module.exports`.
import ts from 'typescript';
import { classSymbol } from './classes';
import { callableOf } from './callables';
import type { SendsByFunction } from './effects';
import { COMMONJS_EXPORTS, requiredModule } from './module-graph';
import { valueOf } from './values';
import type { Symbol } from './types';

const MAX_MEMBERS = 64;

type FunctionValue = ts.ArrowFunction | ts.FunctionExpression;
const isFunctionValue = (node: ts.Node): node is FunctionValue => ts.isArrowFunction(node) || ts.isFunctionExpression(node);

function unwrap(expression: ts.Expression): ts.Expression {
  let current = expression;
  while (ts.isParenthesizedExpression(current) || ts.isAsExpression(current) || ts.isSatisfiesExpression(current) || ts.isTypeAssertionExpression(current)) current = current.expression;
  return current;
}

/** The symbol an expression bound to a name is. */
export function symbolOfExpression(expression: ts.Expression, sends: SendsByFunction, depth = 0): Symbol {
  const node = unwrap(expression);
  if (isFunctionValue(node)) return callableOf(node, node, sends);
  if (ts.isClassExpression(node)) return classSymbol(node, sends);
  if (ts.isObjectLiteralExpression(node) && depth < 3) return tableOf(node, sends, depth);
  // `Object.freeze({ ... })`, `as const` objects.
  if (ts.isCallExpression(node) && node.arguments.length === 1 && ts.isObjectLiteralExpression(unwrap(node.arguments[0])) && /^(freeze|seal)$/.test(ts.isPropertyAccessExpression(node.expression) ? node.expression.name.text : '')) {
    return tableOf(unwrap(node.arguments[0]) as ts.ObjectLiteralExpression, sends, depth);
  }
  return { kind: 'value', value: valueOf(node) };
}

function tableOf(node: ts.ObjectLiteralExpression, sends: SendsByFunction, depth: number): Symbol {
  const members: Record<string, Symbol> = {};
  for (const property of node.properties.slice(0, MAX_MEMBERS)) {
    const name = property.name && (ts.isIdentifier(property.name) || ts.isStringLiteral(property.name) || ts.isNumericLiteral(property.name)) ? property.name.text : undefined;
    if (name === undefined) continue;
    if (ts.isPropertyAssignment(property)) members[name] = symbolOfExpression(property.initializer, sends, depth + 1);
    else if (ts.isShorthandPropertyAssignment(property)) members[name] = { kind: 'value', value: valueOf(property.name) };
    else if (ts.isMethodDeclaration(property)) members[name] = callableOf(property, property.name, sends);
  }
  return { kind: 'table', members };
}

function enumOf(node: ts.EnumDeclaration): Symbol {
  const members: Record<string, Symbol> = {};
  for (const member of node.members.slice(0, MAX_MEMBERS)) {
    const name = ts.isIdentifier(member.name) || ts.isStringLiteral(member.name) ? member.name.text : undefined;
    if (name !== undefined && member.initializer) members[name] = { kind: 'value', value: valueOf(member.initializer) };
  }
  return { kind: 'table', members };
}

/** Whether a symbol holds anything the analysis reads: a status, an effect, a class, a name to follow. */
function matters(symbol: Symbol): boolean {
  switch (symbol.kind) {
    case 'callable':
      return symbol.effects.length > 0 || symbol.handler !== undefined || symbol.check !== undefined;
    case 'class':
      return true;
    case 'table':
      return Object.values(symbol.members).some(matters);
    case 'value':
      return symbol.value.kind !== 'unknown' && symbol.value.kind !== 'string';
  }
}

export function symbolsOf(sourceFile: ts.SourceFile, sends: SendsByFunction): Record<string, Symbol> {
  const symbols: Record<string, Symbol> = {};
  const keep = (name: string, symbol: Symbol) => {
    if (matters(symbol)) symbols[name] = symbol;
  };
  const commonJs: Record<string, Symbol> = {};
  for (const statement of sourceFile.statements) {
    if (ts.isFunctionDeclaration(statement) && statement.body) {
      keep(statement.name?.text ?? 'default', callableOf(statement, statement.name ?? statement, sends));
    } else if (ts.isClassDeclaration(statement)) {
      keep(statement.name?.text ?? 'default', classSymbol(statement, sends));
    } else if (ts.isEnumDeclaration(statement)) {
      keep(statement.name.text, enumOf(statement));
    } else if (ts.isVariableStatement(statement)) {
      for (const declaration of statement.declarationList.declarations) {
        // `const api = require('./api')` is an import (module-graph.ts), not a declaration.
        if (ts.isIdentifier(declaration.name) && declaration.initializer && !requiredModule(declaration.initializer)) keep(declaration.name.text, symbolOfExpression(declaration.initializer, sends));
      }
    } else if (ts.isExportAssignment(statement) && !ts.isIdentifier(statement.expression)) {
      keep('default', symbolOfExpression(statement.expression, sends));
    } else if (ts.isExpressionStatement(statement) && ts.isBinaryExpression(statement.expression) && statement.expression.operatorToken.kind === ts.SyntaxKind.EqualsToken) {
      const { left, right } = statement.expression;
      const target = commonJsTarget(left);
      if (target === COMMONJS_EXPORTS && !ts.isIdentifier(right)) {
        const symbol = symbolOfExpression(right, sends);
        if (symbol.kind === 'table') Object.assign(commonJs, symbol.members);
        else keep(COMMONJS_EXPORTS, symbol);
      } else if (target !== undefined && target !== COMMONJS_EXPORTS) {
        commonJs[target] = symbolOfExpression(right, sends);
      }
    }
  }
  if (Object.keys(commonJs).length > 0 && !symbols[COMMONJS_EXPORTS]) keep(COMMONJS_EXPORTS, { kind: 'table', members: commonJs });
  return symbols;
}

/** `module.exports` -> 'module.exports'; `module.exports.x` / `exports.x` -> 'x'. */
function commonJsTarget(left: ts.Expression): string | undefined {
  const isModuleExports = (e: ts.Expression) => ts.isPropertyAccessExpression(e) && ts.isIdentifier(e.expression) && e.expression.text === 'module' && e.name.text === 'exports';
  if (isModuleExports(left)) return COMMONJS_EXPORTS;
  if (ts.isPropertyAccessExpression(left) && (isModuleExports(left.expression) || (ts.isIdentifier(left.expression) && left.expression.text === 'exports'))) return left.name.text;
  return undefined;
}
