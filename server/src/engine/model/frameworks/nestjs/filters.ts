// Exception filters of the same file applied with `@UseFilters(...)` on a handler or its controller:
// a filter that catches an exception replies in its place (Nest's ExceptionsHandler picks the
// filter whose @Catch() lists the exception's class or a parent of it, or that lists none), so the
// headers its `catch` method sets are sent with that exception. Filters bound elsewhere (globally,
// with APP_FILTER) are in other files and cannot be seen.
import ts from 'typescript';
import { headerWritesOfArguments } from '../../values/headers';
import { moduleBindings } from '../../imports/module-bindings';
import { NEST_COMMON } from './response';
import type { ConstBindings } from '../../values/status';
import type { HeaderWrite } from '../../types';

const HEADER_METHODS = new Set(['set', 'header', 'headers', 'append', 'setHeader', 'appendHeader']);

/** The calls of `@Name(...)` decorators on `node` whose name is bound to `exported` from @nestjs/common. */
function decoratorCalls(node: ts.HasDecorators, exported: string): ts.CallExpression[] {
  const named = moduleBindings(node.getSourceFile(), NEST_COMMON).named;
  return (ts.getDecorators(node) ?? []).flatMap((decorator) => {
    const call = decorator.expression;
    return ts.isCallExpression(call) && ts.isIdentifier(call.expression) && named.get(call.expression.text) === exported ? [call] : [];
  });
}

/** The class a `@UseFilters(X)` or `@UseFilters(new X())` argument names. */
function filterName(argument: ts.Expression): string | undefined {
  if (ts.isIdentifier(argument)) return argument.text;
  if (ts.isNewExpression(argument) && ts.isIdentifier(argument.expression)) return argument.expression.text;
  return undefined;
}

/** Whether a filter class's `@Catch(...)` takes `exception` (a Nest exception class name). */
function catches(filter: ts.ClassDeclaration, exception: string): boolean {
  return decoratorCalls(filter, 'Catch').some((call) => {
    const caught = call.arguments.map((argument) => (ts.isIdentifier(argument) ? argument.text : ''));
    return caught.length === 0 || caught.includes(exception) || caught.includes('HttpException');
  });
}

/** The header writes of a filter's `catch` method. */
function writesOf(filter: ts.ClassDeclaration, consts: ConstBindings): HeaderWrite[] {
  const method = filter.members.find((m): m is ts.MethodDeclaration => ts.isMethodDeclaration(m) && m.name.getText() === 'catch' && !!m.body);
  const writes: HeaderWrite[] = [];
  const visit = (node: ts.Node): void => {
    if (ts.isCallExpression(node) && ts.isPropertyAccessExpression(node.expression) && HEADER_METHODS.has(node.expression.name.text)) {
      writes.push(...headerWritesOfArguments(node, consts));
    }
    ts.forEachChild(node, visit);
  };
  if (method?.body) visit(method.body);
  return writes;
}

/**
 * The headers that same-file filters applied to the handler holding `site` set when they catch
 * `exception`. They are copies without the value's literal: the filter's own writes are read (and
 * their values checked) where they are written.
 */
export function filterHeadersFor(site: ts.Node, exception: string, consts: ConstBindings): HeaderWrite[] {
  const holders: ts.HasDecorators[] = [];
  for (let node = site.parent; node; node = node.parent) {
    if (ts.isMethodDeclaration(node) || ts.isClassDeclaration(node)) holders.push(node);
  }
  const names = holders.flatMap((holder) => decoratorCalls(holder, 'UseFilters').flatMap((call) => call.arguments.map(filterName)));
  if (names.length === 0) return [];
  const classes = site.getSourceFile().statements.filter(
    (s): s is ts.ClassDeclaration => ts.isClassDeclaration(s) && s.name !== undefined && names.includes(s.name.text),
  );
  return classes
    .filter((filter) => catches(filter, exception))
    .flatMap((filter) => writesOf(filter, consts))
    .map((write) => ({ ...write, valueNode: undefined, valueLiteral: undefined }));
}
