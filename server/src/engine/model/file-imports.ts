// The frameworks a file imports, known at any node of the builder's walk (the builder learns them
// only after it). Adapters that also read files without their framework's import (Fastify plugins
// and Koa route modules often import nothing) need it node by node: in such a file the Express
// and node:http adapters read it too, and a shape they already claim must not be claimed twice.
import * as ts from 'typescript';
import { frameworksOf, isPlainNodeFile } from './frameworks';
import type { FileFacts, Framework } from './types';

/** The module a node imports, as the builder reads it: import/export declarations,
 * `import x = require()`, `require('x')` and `import('x')` calls. */
function moduleNameOf(node: ts.Node): string | undefined {
  if ((ts.isImportDeclaration(node) || ts.isExportDeclaration(node)) && node.moduleSpecifier && ts.isStringLiteral(node.moduleSpecifier)) {
    return node.moduleSpecifier.text;
  }
  if (ts.isImportEqualsDeclaration(node) && ts.isExternalModuleReference(node.moduleReference) && ts.isStringLiteral(node.moduleReference.expression)) {
    return node.moduleReference.expression.text;
  }
  if (ts.isCallExpression(node) && node.arguments.length === 1 && ts.isStringLiteral(node.arguments[0])) {
    const callee = node.expression;
    if ((ts.isIdentifier(callee) && callee.text === 'require') || callee.kind === ts.SyntaxKind.ImportKeyword) return node.arguments[0].text;
  }
  return undefined;
}

const cache = new WeakMap<ts.SourceFile, Set<Framework>>();

/** The frameworks whose modules `node`'s file imports, computed once per file. */
export function frameworksImportedAt(node: ts.Node): Set<Framework> {
  const sourceFile = node.getSourceFile();
  let frameworks = cache.get(sourceFile);
  if (!frameworks) {
    const modules: string[] = [];
    const visit = (child: ts.Node): void => {
      const name = moduleNameOf(child);
      if (name) modules.push(name.replace(/^node:/, ''));
      ts.forEachChild(child, visit);
    };
    visit(sourceFile);
    cache.set(sourceFile, (frameworks = frameworksOf(modules)));
  }
  return frameworks;
}

/** Whether an adapter may read a file that does not import its framework, for that framework's
 * unambiguous shapes: the file imports no server framework (node's `http`, which starts the server
 * of any app, is fine). */
export function readsWithoutImport(facts: FileFacts): boolean {
  return isPlainNodeFile(facts) && !facts.frameworks.has('express');
}
