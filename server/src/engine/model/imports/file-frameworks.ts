// The frameworks a file imports, known at any node of the builder's walk (the builder learns them
// only after it). Adapters that also read files without their framework's import (Fastify plugins
// and Koa route modules often import nothing) need it node by node: in such a file the Express
// and node:http adapters read it too, and a shape they already claim must not be claimed twice.
import type { FileImports } from '../adapter';
import type * as ts from 'typescript';
import { frameworksOf, isPlainNodeFile } from './frameworks';
import { modulesOf } from './modules';
import type { Framework } from '../types';

const cache = new WeakMap<ts.SourceFile, Set<Framework>>();

/** Next.js API routes (`pages/api/**`) often import nothing from 'next' in JavaScript: their
 * `res` has Express's `status()` but no `set()`, so the folder says which framework it is. */
const NEXT_API_ROUTE = /(^|[\\/])pages[\\/]api[\\/]/;

/** The frameworks `sourceFile` is written for: by its imports, and by where Next.js puts API routes. */
export function frameworksOfFile(sourceFile: ts.SourceFile): Set<Framework> {
  let frameworks = cache.get(sourceFile);
  if (!frameworks) {
    frameworks = frameworksOf(modulesOf(sourceFile));
    if (NEXT_API_ROUTE.test(sourceFile.fileName)) frameworks.add('nextjs');
    cache.set(sourceFile, frameworks);
  }
  return frameworks;
}

/** The frameworks of `node`'s file (see frameworksOfFile), known at any node of the walk. */
export function frameworksImportedAt(node: ts.Node): Set<Framework> {
  return frameworksOfFile(node.getSourceFile());
}

/** Whether an adapter may read a file that does not import its framework, for that framework's
 * unambiguous shapes: the file imports no server framework (node's `http`, which starts the server
 * of any app, is fine). */
export function readsWithoutImport(facts: FileImports): boolean {
  return isPlainNodeFile(facts) && !facts.frameworks.has('express');
}
