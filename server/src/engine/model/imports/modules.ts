// The modules a file imports, read once per file before the builder's walk: adapters need them
// node by node (which framework a `reply` belongs to) and facts need them for the whole file.
// Imports sit at the top level: import declarations, `import x = require()`, and `require('x')` /
// `import('x')` in top-level statements (not inside functions, where a late require does not
// decide what a file is).
import ts from 'typescript';

function moduleOfCall(node: ts.Node): string | undefined {
  if (!ts.isCallExpression(node) || node.arguments.length !== 1 || !ts.isStringLiteral(node.arguments[0])) return undefined;
  const callee = node.expression;
  const isRequire = (ts.isIdentifier(callee) && callee.text === 'require') || callee.kind === ts.SyntaxKind.ImportKeyword;
  return isRequire ? node.arguments[0].text : undefined;
}

/** The modules one top-level statement imports, `node:` prefixes dropped (`node:http` is `http`). */
export function modulesOfStatement(statement: ts.Statement): string[] {
  const found: string[] = [];
  if ((ts.isImportDeclaration(statement) || ts.isExportDeclaration(statement)) && statement.moduleSpecifier && ts.isStringLiteral(statement.moduleSpecifier)) {
    found.push(statement.moduleSpecifier.text);
  } else if (ts.isImportEqualsDeclaration(statement) && ts.isExternalModuleReference(statement.moduleReference) && ts.isStringLiteral(statement.moduleReference.expression)) {
    found.push(statement.moduleReference.expression.text);
  } else if (ts.isVariableStatement(statement) || ts.isExpressionStatement(statement)) {
    const visit = (node: ts.Node): void => {
      const module = moduleOfCall(node);
      if (module) found.push(module);
      else if (!ts.isFunctionLike(node)) ts.forEachChild(node, visit);
    };
    visit(statement);
  }
  return found.map((name) => name.replace(/^node:/, ''));
}

const cache = new WeakMap<ts.SourceFile, readonly string[]>();

/** The modules `sourceFile` imports, `node:` prefixes dropped (`node:http` is `http`). */
export function modulesOf(sourceFile: ts.SourceFile): readonly string[] {
  let modules = cache.get(sourceFile);
  if (!modules) cache.set(sourceFile, (modules = sourceFile.statements.flatMap(modulesOfStatement)));
  return modules;
}

/** Records the modules of `sourceFile` read statement by statement elsewhere (the incremental
 * lint keeps those of unchanged statements), so that modulesOf does not read them again. */
export function knowModulesOf(sourceFile: ts.SourceFile, modules: readonly string[]): void {
  cache.set(sourceFile, modules);
}
