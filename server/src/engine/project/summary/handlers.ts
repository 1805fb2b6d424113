// App-level error handlers: the code that turns an error thrown anywhere in the app into a
// response, and what it does with a 401. Shapes: an Express 4-argument middleware `(err, req, res,
// next)`; a Koa middleware `try { await next() } catch (err) { ... }`; Fastify's
// `setErrorHandler(fn)`; Hono's `onError(fn)`; h3's `createApp({ onError })` and Nitro's
// `defineNitroErrorHandler(fn)`; Nest exception filters (`@Catch`) registered with
// `useGlobalFilters` or `APP_FILTER`. A handler registered by name (`app.onError(handleError)`) is
// recorded as a registration; the function's own file keeps how it answers (its `handler`).
//
// A handler's answer is read per branch: `if (err instanceof RequestError) { ...; return }` is the
// branch for that class, the rest is the branch for every other error. A branch adds a challenge
// (it mentions WWW-Authenticate), copies the error's `headers`, drops them (it sends the error's
// status and neither), passes the error on (rethrows it, `next(err)`), or is unknown.
import ts from 'typescript';
import type { Framework } from '../../model/types';
import { own } from './records';
import { refOf, spotOf } from './values';
import type { HandlerBranch, HandlerOutcome, HandlerSummary, FileSummary, Ref } from './types';

const ERROR_NAMES = /^_*(err|error|e|ex|exc|exception|cause)$/i;
const STATUS_PROPERTIES = /^(status|statusCode|httpStatus|httpStatusCode|status_code|getStatus)$/;

type FunctionNode = ts.SignatureDeclaration & { body?: ts.ConciseBody };

function parameterName(fn: ts.SignatureDeclaration, index: number): string | undefined {
  const parameter = fn.parameters[index];
  return parameter && ts.isIdentifier(parameter.name) ? parameter.name.text : undefined;
}

/** Whether `node` reads `<error>.<property>` for a property `test` accepts. */
function readsErrorProperty(node: ts.Node, error: ReadonlySet<string>, test: RegExp): ts.Node | undefined {
  let found: ts.Node | undefined;
  const visit = (child: ts.Node): void => {
    if (found) return;
    if (ts.isPropertyAccessExpression(child) && ts.isIdentifier(child.expression) && error.has(child.expression.text) && test.test(child.name.text)) found = child;
    else ts.forEachChild(child, visit);
  };
  visit(node);
  return found;
}

/** `throw err`, `next(err)`, `return next(err)`, `super.catch(...)`: the error goes on. */
function passesOn(node: ts.Node, error: ReadonlySet<string>): boolean {
  let found = false;
  const visit = (child: ts.Node): void => {
    if (found || ts.isFunctionLike(child)) return;
    if (ts.isThrowStatement(child) && child.expression && ts.isIdentifier(child.expression) && error.has(child.expression.text)) found = true;
    else if (ts.isCallExpression(child)) {
      const callee = child.expression;
      const [first] = child.arguments;
      if (ts.isIdentifier(callee) && callee.text === 'next' && first && ts.isIdentifier(first) && error.has(first.text)) found = true;
      if (ts.isPropertyAccessExpression(callee) && callee.expression.kind === ts.SyntaxKind.SuperKeyword && callee.name.text === 'catch') found = true;
    }
    if (!found) ts.forEachChild(child, visit);
  };
  visit(node);
  return found;
}

/** The names the error goes by in `scope`: its own, and `const e = err as X` aliases. */
function errorNames(name: string, scope: ts.Node): Set<string> {
  const names = new Set([name]);
  const visit = (child: ts.Node): void => {
    if (ts.isVariableDeclaration(child) && ts.isIdentifier(child.name) && child.initializer) {
      let init: ts.Expression = child.initializer;
      while (ts.isAsExpression(init) || ts.isParenthesizedExpression(init) || ts.isNonNullExpression(init)) init = init.expression;
      if (ts.isIdentifier(init) && names.has(init.text)) names.add(child.name.text);
    }
    ts.forEachChild(child, visit);
  };
  visit(scope);
  return names;
}

/** The first string in `node` that names the challenge header (`ctx.set('WWW-Authenticate', ...)`,
 * `headers['www-authenticate']`): code, not a comment that mentions it. */
function challengeWrite(node: ts.Node): ts.Node | undefined {
  let found: ts.Node | undefined;
  const visit = (child: ts.Node): void => {
    if (found) return;
    if ((ts.isStringLiteralLike(child) || ts.isTemplateLiteralToken(child)) && /www-authenticate/i.test(child.text)) found = child;
    else ts.forEachChild(child, visit);
  };
  visit(node);
  return found;
}

function outcomeOf(nodes: readonly ts.Node[], error: ReadonlySet<string>): { outcome: HandlerOutcome; spot: ts.Node | undefined } {
  for (const node of nodes) {
    const challenge = challengeWrite(node);
    if (challenge) return { outcome: 'challenge', spot: challenge };
  }
  for (const node of nodes) {
    const copied = readsErrorProperty(node, error, /^headers$/);
    if (copied) return { outcome: 'copies-headers', spot: copied };
  }
  for (const node of nodes) {
    const status = readsErrorProperty(node, error, STATUS_PROPERTIES);
    if (status) return { outcome: 'drops', spot: statementAround(status) };
  }
  // Rethrown, handed to `next`, or answered as the framework itself would (Hono's `err.getResponse()`).
  if (nodes.some((node) => passesOn(node, error) || readsErrorProperty(node, error, /^getResponse$/))) return { outcome: 'passes', spot: undefined };
  return { outcome: 'unknown', spot: undefined };
}

function statementAround(node: ts.Node): ts.Node {
  let current = node;
  while (current.parent && !ts.isBlock(current.parent) && !ts.isSourceFile(current.parent) && !ts.isCaseClause(current.parent) && !ts.isFunctionLike(current.parent)) current = current.parent;
  return current;
}

/** The classes an `if` condition tests the error against: `err instanceof A || err instanceof B`. */
function instanceofClasses(condition: ts.Expression, error: ReadonlySet<string>): Ref[] | undefined {
  const classes: Ref[] = [];
  const visit = (node: ts.Expression): boolean => {
    if (ts.isParenthesizedExpression(node)) return visit(node.expression);
    if (ts.isBinaryExpression(node) && node.operatorToken.kind === ts.SyntaxKind.BarBarToken) return visit(node.left) && visit(node.right);
    if (ts.isBinaryExpression(node) && node.operatorToken.kind === ts.SyntaxKind.InstanceOfKeyword && ts.isIdentifier(node.left) && error.has(node.left.text)) {
      const ref = refOf(node.right);
      if (ref) classes.push(ref);
      return ref !== undefined;
    }
    return false;
  };
  return visit(condition) && classes.length > 0 ? classes : undefined;
}

/** Whether a statement always leaves the handler (return, throw, or a block ending in one). */
function exits(statement: ts.Statement): boolean {
  if (ts.isReturnStatement(statement) || ts.isThrowStatement(statement)) return true;
  if (ts.isBlock(statement)) return statement.statements.some(exits);
  return false;
}

/** The branches of a handler body whose error is named `name`. */
export function branchesOf(statements: readonly ts.Statement[], name: string, scope: ts.Node): HandlerBranch[] {
  const error = errorNames(name, scope);
  const branches: HandlerBranch[] = [];
  const rest: ts.Statement[] = [];
  for (const statement of statements) {
    const classes = ts.isIfStatement(statement) ? instanceofClasses(statement.expression, error) : undefined;
    if (classes && ts.isIfStatement(statement) && exits(statement.thenStatement)) {
      const { outcome, spot } = outcomeOf([statement.thenStatement], error);
      branches.push({ classes, outcome, spot: spotOf(spot ?? statement) });
    } else {
      rest.push(statement);
    }
  }
  const { outcome, spot } = outcomeOf(rest, error);
  branches.push({ outcome, spot: spotOf(spot ?? rest[0] ?? scope) });
  return branches;
}

/** How a function that takes the error first (`(err, req, res, next)`, `(err, c)`) answers it. */
export function functionBranches(fn: FunctionNode): HandlerBranch[] | undefined {
  const name = parameterName(fn, 0);
  if (!name || !fn.body) return undefined;
  if (!ts.isBlock(fn.body)) return [{ ...outcomeBranch([fn.body], name, fn) }];
  return branchesOf(fn.body.statements, name, fn.body);
}

function outcomeBranch(nodes: ts.Node[], name: string, scope: ts.Node): HandlerBranch {
  const { outcome, spot } = outcomeOf(nodes, errorNames(name, scope));
  return { outcome, spot: spotOf(spot ?? nodes[0]) };
}

/** Whether a function takes an error first: the name says so, or the type. */
export function takesErrorFirst(fn: ts.SignatureDeclaration): boolean {
  const first = fn.parameters[0];
  if (!first || !ts.isIdentifier(first.name)) return false;
  return ERROR_NAMES.test(first.name.text) || (first.type !== undefined && /Error|Exception/.test(first.type.getText()));
}

const RESPONSE_NAMES = /^_*(res|resp|response|reply)$/;

/** An Express error middleware: four parameters, the error first, a response third or a `next`
 * fourth (a four-argument function that takes an error is no handler by that alone). */
function isExpressErrorMiddleware(fn: ts.SignatureDeclaration): boolean {
  if (fn.parameters.length !== 4 || !takesErrorFirst(fn)) return false;
  const third = parameterName(fn, 2);
  const fourth = fn.parameters[3];
  return (third !== undefined && RESPONSE_NAMES.test(third)) || (ts.isIdentifier(fourth.name) && /^_*next$/i.test(fourth.name.text)) || /NextFunction/.test(fourth.type?.getText() ?? '');
}

/** A Koa middleware's `try { await next() } catch (err) { ... }`. */
function koaCatch(fn: FunctionNode): ts.CatchClause | undefined {
  if (!fn.body || !ts.isBlock(fn.body) || fn.parameters.length < 2) return undefined;
  const next = parameterName(fn, 1);
  for (const statement of fn.body.statements) {
    if (!ts.isTryStatement(statement) || !statement.catchClause?.variableDeclaration) continue;
    const callsNext = statement.tryBlock.statements.some((s) => {
      const text = s.getText();
      return next !== undefined && new RegExp(`\\b${next}\\s*\\(`).test(text);
    });
    if (callsNext) return statement.catchClause;
  }
  return undefined;
}

/** Methods that register an error handler, by framework. */
const REGISTRARS: Record<string, Framework> = { setErrorHandler: 'fastify', onError: 'hono' };

function isFunctionNode(node: ts.Node | undefined): node is ts.ArrowFunction | ts.FunctionExpression {
  return node !== undefined && (ts.isArrowFunction(node) || ts.isFunctionExpression(node));
}

export function handlersOf(sourceFile: ts.SourceFile): Pick<FileSummary, 'handlers' | 'registrations'> {
  const handlers: HandlerSummary[] = [];
  const registrations: FileSummary['registrations'] = [];
  const visit = (node: ts.Node): void => {
    if (ts.isFunctionLike(node) && (node as FunctionNode).body) {
      const fn = node as FunctionNode;
      if (isExpressErrorMiddleware(fn)) {
        const branches = functionBranches(fn);
        if (branches) handlers.push({ framework: 'express', spot: spotOf(fn), shape: 'an Express error middleware', branches });
      } else {
        const caught = koaCatch(fn);
        const name = caught?.variableDeclaration && ts.isIdentifier(caught.variableDeclaration.name) ? caught.variableDeclaration.name.text : undefined;
        if (caught && name) handlers.push({ framework: 'koa', spot: spotOf(caught), shape: 'a Koa error-handling middleware', branches: branchesOf(caught.block.statements, name, caught.block) });
      }
    }
    if (ts.isCallExpression(node)) readRegistration(node, handlers, registrations);
    if (ts.isPropertyAssignment(node)) readProviderRegistration(node, registrations);
    ts.forEachChild(node, visit);
  };
  visit(sourceFile);
  return { handlers, registrations };
}

function readRegistration(call: ts.CallExpression, handlers: HandlerSummary[], registrations: FileSummary['registrations']): void {
  const callee = call.expression;
  const method = ts.isPropertyAccessExpression(callee) ? callee.name.text : ts.isIdentifier(callee) ? callee.text : undefined;
  if (method === undefined) return;
  if (method === 'useGlobalFilters') {
    for (const argument of call.arguments) {
      const target = ts.isNewExpression(argument) ? argument.expression : argument;
      const ref = refOf(target);
      if (ref) registrations.push({ framework: 'nestjs', ref, spot: spotOf(argument) });
    }
    return;
  }
  const framework = own(REGISTRARS, method) ?? (method === 'defineNitroErrorHandler' ? 'h3' : undefined);
  const [first] = call.arguments;
  if (framework && first) {
    if (isFunctionNode(first)) {
      const branches = functionBranches(first);
      if (branches) handlers.push({ framework, spot: spotOf(call), shape: framework === 'fastify' ? "Fastify's setErrorHandler" : framework === 'hono' ? "Hono's onError" : "Nitro's error handler", branches });
    } else {
      const ref = refOf(first);
      if (ref) registrations.push({ framework, ref, spot: spotOf(first) });
    }
  }
  // h3's createApp({ onError }).
  if (method === 'createApp' && first && ts.isObjectLiteralExpression(first)) {
    for (const property of first.properties) {
      if (!property.name || !ts.isIdentifier(property.name) || property.name.text !== 'onError') continue;
      const value = ts.isPropertyAssignment(property) ? property.initializer : ts.isMethodDeclaration(property) ? property : undefined;
      if (value && (isFunctionNode(value) || ts.isMethodDeclaration(value))) {
        const branches = functionBranches(value);
        if (branches) handlers.push({ framework: 'h3', spot: spotOf(property), shape: "h3's onError", branches });
      }
    }
  }
}

/** `{ provide: APP_FILTER, useClass: AllExceptionsFilter }` in a Nest module's providers. */
function readProviderRegistration(property: ts.PropertyAssignment, registrations: FileSummary['registrations']): void {
  if (!ts.isIdentifier(property.name) || property.name.text !== 'useClass') return;
  const literal = property.parent;
  const provides = literal.properties.some((p) => ts.isPropertyAssignment(p) && ts.isIdentifier(p.name) && p.name.text === 'provide' && /\bAPP_FILTER\b/.test(p.initializer.getText()));
  const ref = provides ? refOf(property.initializer) : undefined;
  if (ref) registrations.push({ framework: 'nestjs', ref, spot: spotOf(property) });
}

/** A Nest exception filter: `@Catch(A, B)` on a class with a `catch(exception, host)` method. */
export function filterOf(node: ts.ClassLikeDeclaration): { catches?: Ref[]; branches: HandlerBranch[] } | undefined {
  const decorator = (ts.canHaveDecorators(node) ? (ts.getDecorators(node) ?? []) : []).find(
    (d) => ts.isCallExpression(d.expression) && ts.isIdentifier(d.expression.expression) && d.expression.expression.text === 'Catch',
  );
  if (!decorator) return undefined;
  const method = node.members.find((m): m is ts.MethodDeclaration => ts.isMethodDeclaration(m) && m.name.getText() === 'catch' && !!m.body);
  if (!method) return undefined;
  const branches = functionBranches(method);
  if (!branches) return undefined;
  const args = (decorator.expression as ts.CallExpression).arguments;
  const catches = args.map((argument) => refOf(argument)).filter((ref): ref is Ref => ref !== undefined);
  return { ...(catches.length > 0 && { catches }), branches };
}
