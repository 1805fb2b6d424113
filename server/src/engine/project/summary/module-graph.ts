// The names a file imports and exports, ES modules and CommonJS alike: `import x from`,
// `import { a as b }`, `import * as ns`, `import x = require()`, top-level `const x = require()`
// (also destructured, or `.member` of it), `export` declarations and lists, `export default`,
// `export * from`, `export { a } from`, `module.exports = ...`, `module.exports.a =` / `exports.a =`.
// Values exported by CommonJS object literals become a table symbol named `module.exports`.
import ts from 'typescript';
import type { FileSummary, ImportRef } from './types';

/** The local name a CommonJS `module.exports = { ... }` object gets in the summary's symbols. */
export const COMMONJS_EXPORTS = 'module.exports';

export function requiredModule(expression: ts.Expression | undefined): { specifier: string; member?: string } | undefined {
  if (!expression) return undefined;
  if (ts.isPropertyAccessExpression(expression)) {
    const inner = requiredModule(expression.expression);
    return inner && !inner.member ? { specifier: inner.specifier, member: expression.name.text } : undefined;
  }
  if (ts.isAwaitExpression(expression)) return requiredModule(expression.expression);
  if (!ts.isCallExpression(expression) || expression.arguments.length !== 1) return undefined;
  const [argument] = expression.arguments;
  const isRequire = (ts.isIdentifier(expression.expression) && expression.expression.text === 'require') || expression.expression.kind === ts.SyntaxKind.ImportKeyword;
  return isRequire && ts.isStringLiteralLike(argument) ? { specifier: argument.text } : undefined;
}

function hasModifier(node: ts.Node, kind: ts.SyntaxKind): boolean {
  return ts.canHaveModifiers(node) && (ts.getModifiers(node) ?? []).some((modifier) => modifier.kind === kind);
}

/** `module.exports` or `exports`. */
function isExportsObject(expression: ts.Expression): boolean {
  return (
    (ts.isIdentifier(expression) && expression.text === 'exports') ||
    (ts.isPropertyAccessExpression(expression) && ts.isIdentifier(expression.expression) && expression.expression.text === 'module' && expression.name.text === 'exports')
  );
}

export type ModuleGraph = Pick<FileSummary, 'imports' | 'exports' | 'starExports'>;

export function moduleGraphOf(sourceFile: ts.SourceFile): ModuleGraph {
  const imports: Record<string, ImportRef> = {};
  const exportMap: FileSummary['exports'] = {};
  const starExports: string[] = [];
  const exportLocal = (exported: string, local: string) => (exportMap[exported] = { local });

  for (const statement of sourceFile.statements) {
    if (ts.isImportDeclaration(statement) && ts.isStringLiteral(statement.moduleSpecifier)) {
      const specifier = statement.moduleSpecifier.text;
      const clause = statement.importClause;
      if (!clause || clause.isTypeOnly) continue;
      if (clause.name) imports[clause.name.text] = { specifier, name: 'default' };
      const bindings = clause.namedBindings;
      if (bindings && ts.isNamespaceImport(bindings)) imports[bindings.name.text] = { specifier, name: '*' };
      if (bindings && ts.isNamedImports(bindings)) {
        for (const element of bindings.elements) {
          if (!element.isTypeOnly) imports[element.name.text] = { specifier, name: (element.propertyName ?? element.name).text };
        }
      }
    } else if (ts.isImportEqualsDeclaration(statement) && ts.isExternalModuleReference(statement.moduleReference) && ts.isStringLiteral(statement.moduleReference.expression)) {
      imports[statement.name.text] = { specifier: statement.moduleReference.expression.text, name: '*' };
      if (hasModifier(statement, ts.SyntaxKind.ExportKeyword)) exportLocal(statement.name.text, statement.name.text);
    } else if (ts.isExportDeclaration(statement)) {
      if (statement.isTypeOnly) continue;
      const specifier = statement.moduleSpecifier && ts.isStringLiteral(statement.moduleSpecifier) ? statement.moduleSpecifier.text : undefined;
      const clause = statement.exportClause;
      if (!clause) {
        if (specifier) starExports.push(specifier);
      } else if (ts.isNamespaceExport(clause)) {
        if (specifier) exportMap[clause.name.text] = { specifier, name: '*' };
      } else {
        for (const element of clause.elements) {
          if (element.isTypeOnly) continue;
          const local = (element.propertyName ?? element.name).text;
          exportMap[element.name.text] = specifier ? { specifier, name: local } : { local };
        }
      }
    } else if (ts.isExportAssignment(statement)) {
      // `export default <expression>` and TypeScript's `export = <expression>`.
      const expression = statement.expression;
      if (ts.isIdentifier(expression)) exportLocal('default', expression.text);
      else exportLocal('default', 'default');
    } else if (ts.isVariableStatement(statement)) {
      const exported = hasModifier(statement, ts.SyntaxKind.ExportKeyword);
      for (const declaration of statement.declarationList.declarations) {
        const required = requiredModule(declaration.initializer);
        if (ts.isIdentifier(declaration.name)) {
          if (required) imports[declaration.name.text] = { specifier: required.specifier, name: required.member ?? '*' };
          if (exported) exportLocal(declaration.name.text, declaration.name.text);
        } else if (ts.isObjectBindingPattern(declaration.name) && required && !required.member) {
          for (const element of declaration.name.elements) {
            if (!ts.isIdentifier(element.name) || element.dotDotDotToken) continue;
            const name = element.propertyName && ts.isIdentifier(element.propertyName) ? element.propertyName.text : element.name.text;
            imports[element.name.text] = { specifier: required.specifier, name };
          }
        }
      }
    } else if (ts.isFunctionDeclaration(statement) || ts.isClassDeclaration(statement) || ts.isEnumDeclaration(statement)) {
      if (!hasModifier(statement, ts.SyntaxKind.ExportKeyword) || !statement.name) {
        if (hasModifier(statement, ts.SyntaxKind.DefaultKeyword) && hasModifier(statement, ts.SyntaxKind.ExportKeyword)) exportLocal('default', 'default');
        continue;
      }
      exportLocal(hasModifier(statement, ts.SyntaxKind.DefaultKeyword) ? 'default' : statement.name.text, statement.name.text);
    } else if (ts.isExpressionStatement(statement)) {
      readCommonJsExport(statement.expression, exportMap);
    }
  }
  return { imports, exports: exportMap, starExports };
}

/** `module.exports = X`, `module.exports = { a, b: c }`, `module.exports.a = X`, `exports.a = X`. */
function readCommonJsExport(expression: ts.Expression, exportMap: FileSummary['exports']): void {
  if (!ts.isBinaryExpression(expression) || expression.operatorToken.kind !== ts.SyntaxKind.EqualsToken) return;
  const { left, right } = expression;
  if (isExportsObject(left)) {
    const required = requiredModule(right);
    if (required) {
      exportMap.default = { specifier: required.specifier, name: required.member ?? '*' };
      return;
    }
    if (ts.isIdentifier(right)) {
      exportMap.default = { local: right.text };
      return;
    }
    // An object literal (or anything else) is summarized as the `module.exports` symbol; its
    // members are also the file's named exports, as `require('./x').member` reads them.
    exportMap.default = { local: COMMONJS_EXPORTS };
    if (ts.isObjectLiteralExpression(right)) {
      for (const property of right.properties) {
        if (ts.isShorthandPropertyAssignment(property)) exportMap[property.name.text] = { local: property.name.text };
        else if (ts.isPropertyAssignment(property) && (ts.isIdentifier(property.name) || ts.isStringLiteral(property.name))) {
          const value = property.initializer;
          const required = requiredModule(value);
          if (ts.isIdentifier(value)) exportMap[property.name.text] = { local: value.text };
          else if (required) exportMap[property.name.text] = { specifier: required.specifier, name: required.member ?? '*' };
          else exportMap[property.name.text] = { local: `${COMMONJS_EXPORTS}.${property.name.text}` };
        } else if (ts.isMethodDeclaration(property) && ts.isIdentifier(property.name)) {
          exportMap[property.name.text] = { local: `${COMMONJS_EXPORTS}.${property.name.text}` };
        }
      }
    }
    return;
  }
  if (ts.isPropertyAccessExpression(left) && isExportsObject(left.expression)) {
    const name = left.name.text;
    const required = requiredModule(right);
    if (ts.isIdentifier(right)) exportMap[name] = { local: right.text };
    else if (required) exportMap[name] = { specifier: required.specifier, name: required.member ?? '*' };
    else exportMap[name] = { local: `${COMMONJS_EXPORTS}.${name}` };
  }
}
