// The local names a file gives a module's exports: `import Boom from '@hapi/boom'`,
// `const createError = require('http-errors')`, `import { ForbiddenException } from '@nestjs/common'`.
// Adapters of libraries whose functions are called under any name (http-errors is `createError`,
// `httpErrors`, `createHttpError`, ...) recognize calls by binding, not by a guessed name. Fixes
// that switch to another export (ForbiddenException -> UnauthorizedException) add it to the import.
import ts from 'typescript';
import type { TextEdit } from '../../types';

export interface ModuleBindings {
  /** Names bound to the whole module: a default or namespace import, `require(...)`, `import x = require(...)`. */
  whole: Set<string>;
  /** Names bound to one export, local name -> exported name. */
  named: Map<string, string>;
  /** Where each named binding is declared (the import or destructuring list), for adding a sibling. */
  lists: Map<string, ts.NamedImports | ts.ObjectBindingPattern>;
}

function requiredModule(expression: ts.Expression | undefined): string | undefined {
  if (!expression) return undefined;
  if (ts.isPropertyAccessExpression(expression) && expression.name.text === 'default') return requiredModule(expression.expression);
  if (!ts.isCallExpression(expression) || !ts.isIdentifier(expression.expression) || expression.expression.text !== 'require') return undefined;
  const [argument] = expression.arguments;
  return argument && ts.isStringLiteralLike(argument) ? argument.text : undefined;
}

/** Imports sit at the top level (as in modules.ts): import declarations and top-level
 * `const x = require(...)`; a require inside a function is not read. */
function collect(sourceFile: ts.SourceFile, isModule: (name: string) => boolean): ModuleBindings {
  const bindings: ModuleBindings = { whole: new Set(), named: new Map(), lists: new Map() };
  for (const node of sourceFile.statements) {
    if (ts.isImportDeclaration(node) && ts.isStringLiteral(node.moduleSpecifier) && isModule(node.moduleSpecifier.text)) {
      const clause = node.importClause;
      if (clause?.name) bindings.whole.add(clause.name.text);
      const named = clause?.namedBindings;
      if (named && ts.isNamespaceImport(named)) bindings.whole.add(named.name.text);
      if (named && ts.isNamedImports(named)) {
        for (const element of named.elements) {
          bindings.named.set(element.name.text, (element.propertyName ?? element.name).text);
          bindings.lists.set(element.name.text, named);
        }
      }
    } else if (ts.isImportEqualsDeclaration(node) && ts.isExternalModuleReference(node.moduleReference)) {
      const reference = node.moduleReference.expression;
      if (ts.isStringLiteral(reference) && isModule(reference.text)) bindings.whole.add(node.name.text);
    } else if (ts.isVariableStatement(node)) {
      for (const declaration of node.declarationList.declarations) addRequired(declaration, isModule, bindings);
    }
  }
  return bindings;
}

/** `const x = require('m')`, `const { a, b: c } = require('m')`. */
function addRequired(node: ts.VariableDeclaration, isModule: (name: string) => boolean, bindings: ModuleBindings): void {
  const module = requiredModule(node.initializer);
  if (module === undefined || !isModule(module)) return;
  if (ts.isIdentifier(node.name)) bindings.whole.add(node.name.text);
  else if (ts.isObjectBindingPattern(node.name)) {
    for (const element of node.name.elements) {
      if (!ts.isIdentifier(element.name) || element.dotDotDotToken) continue;
      const exported = element.propertyName && ts.isIdentifier(element.propertyName) ? element.propertyName.text : element.name.text;
      bindings.named.set(element.name.text, exported);
      bindings.lists.set(element.name.text, node.name);
    }
  }
}

const cache = new WeakMap<ts.SourceFile, Map<string, ModuleBindings>>();

/** The bindings of the modules matching `modules` in `sourceFile`, computed once per file. */
export function moduleBindings(sourceFile: ts.SourceFile, modules: RegExp): ModuleBindings {
  let byModule = cache.get(sourceFile);
  if (!byModule) cache.set(sourceFile, (byModule = new Map()));
  let bindings = byModule.get(modules.source);
  if (!bindings) byModule.set(modules.source, (bindings = collect(sourceFile, (name) => modules.test(name))));
  return bindings;
}

/** The local name under which `exported` is bound, if any. */
export function localNameOf(bindings: ModuleBindings, exported: string): string | undefined {
  for (const [local, name] of bindings.named) if (name === exported) return local;
  return undefined;
}

/**
 * The edits that make `exported` usable under its own name, next to the binding `sibling` came
 * from: none when it is bound already, an added specifier otherwise (`{ ForbiddenException }` ->
 * `{ ForbiddenException, UnauthorizedException }`). Undefined when it cannot be added: the name is
 * taken by another binding, or `sibling` was not imported by name.
 */
export function importNamed(bindings: ModuleBindings, sibling: string, exported: string): TextEdit[] | undefined {
  const local = localNameOf(bindings, exported);
  if (local === exported) return [];
  const list = bindings.lists.get(sibling);
  if (!list || bindings.named.has(exported) || bindings.whole.has(exported)) return undefined;
  const last = list.elements[list.elements.length - 1];
  return [{ start: last.end, end: last.end, newText: `, ${exported}` }];
}
