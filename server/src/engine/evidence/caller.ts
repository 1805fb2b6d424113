// Whether the caller is identified where a response is sent. A 401 for a refused permission is
// wrong only when the server knows who is asking: a permission check of an anonymous caller may
// well be answered with a 401 (logging in could help). The caller is known on a path when:
//   - the response's own message names a refused permission ("insufficient permissions": only
//     a server that knows the caller can say so);
//   - the failing check reads the caller (`req.user.role`, `canEdit(session.user, doc)`, a value
//     that verified credentials gave: a session lookup, a verified token; not a raw header);
//   - an earlier statement of the function left it on missing credentials (`if (!user) return
//     401`), or called a project helper that answers 401 itself (`await requireUser(req)`);
//   - the handler is given an identified caller: a parameter named for it (`{ authentication }`,
//     `currentUser`) or for its permissions (`workspacePermissions`), a parameter read for the
//     caller's id (`command.userId`), auth middleware before it on its route
//     (`router.get(path, requireAuth, handler)`), a wrapper or procedure named for it
//     (`withAuth(handler)`, `protectedProcedure.query(...)`), or a Nest auth guard on the method
//     or class (`@UseGuards(JwtAuthGuard)`).
import ts from 'typescript';
import { enclosingFunctionLike } from '../model/site-parts';
import { endsWith } from '../model/syntax/paths';
import type { ResponseModel, ResponseSite } from '../model/types';
import { readingsOf } from './concern';
import { describeCode } from './describe-code';
import { accessPath, CALLER_PROPERTIES, declarationOf, initializerPath, isRequestRoot, sourceOf, type DefinitionLookup, type ValueSource } from './provenance';
import { wordsOf } from './words';

/** How far local declarations are followed from the check. */
const MAX_DEPTH = 4;

/** Names given to an identified caller (a parameter, a destructured field). */
const CALLER_NAMES = new Set(['user', 'currentuser', 'session', 'auth', 'authentication', 'principal', 'viewer', 'identity', 'actor', 'authuser', 'me', 'caller', 'credentials']);
/** Words of middleware, wrappers and procedures that authenticate before the handler runs. */
const AUTH_WORDS = new Set(['auth', 'authenticate', 'authenticated', 'authentication', 'protected', 'protect', 'loggedin', 'session', 'jwt', 'passport', 'requireuser', 'withuser', 'signedin', 'token', 'apikey', 'bearer']);

/** How the caller is known where `site` runs ("`req.user` is read"), or undefined. (A message that
 * names the refusal, "admins only", says so without this: SiteConcern.namedByMessage.) */
export function callerIdentifiedAt(site: ResponseSite, evidence: ts.Node, model: Pick<ResponseModel, 'sites' | 'helperCalls' | 'definitions'>): string | undefined {
  const lookup = model.definitions;
  const read = callerReadIn(evidence, lookup);
  if (read) return `the check reads the caller (\`${read}\`)`;
  const exit = earlierCredentialsExit(site.node, lookup);
  if (exit) return `an earlier check of \`${exit}\` left on missing credentials`;
  const refusal = earlierRefusal(site.node, [...model.sites, ...(model.helperCalls ?? [])]);
  if (refusal) return `\`${refusal}\` answers 401 before it`;
  return givenCaller(site.node);
}

/** The statements that run before `site` in its function: those before it in each statement list
 * around it, innermost first. */
function* earlierStatements(site: ts.Node): Generator<ts.Statement> {
  for (let child: ts.Node = site, parent = site.parent; parent && !ts.isFunctionLike(child); child = parent, parent = parent.parent) {
    if (!ts.isBlock(parent) && !ts.isSourceFile(parent) && !ts.isCaseClause(parent)) continue;
    const statements: readonly ts.Statement[] = parent.statements;
    const index = statements.indexOf(child as ts.Statement);
    if (index > 0) yield* statements.slice(0, index);
  }
}


/** An earlier statement of the site's function, not a branch, that may answer 401 itself:
 * `const user = await requireUser(req)`, `assertAuthenticated(session)` (a project helper that
 * sends or throws the 401, found by the project analysis). Past it, the caller is known. A 401 of
 * a function declared there (`const deny = () => res.status(401)...`) runs only if called. */
function earlierRefusal(site: ts.Node, sites: readonly ResponseSite[]): string | undefined {
  const own = enclosingFunctionLike(site);
  // Unguarded, or guarded by a `case` only: the statements read below are the site's own lists,
  // so a refusal found there sits in the same clause as the site.
  const refusals = sites.filter((other) => other.status.code === 401 && other.node !== site && other.guards.every((guard) => guard.cases !== undefined) && enclosingFunctionLike(other.node) === own);
  if (refusals.length === 0) return undefined;
  for (const statement of earlierStatements(site)) {
    if (!ts.isVariableStatement(statement) && !ts.isExpressionStatement(statement)) continue;
    const refusal = refusals.find((other) => other.node.getStart() >= statement.getStart() && other.node.end <= statement.end);
    if (refusal) return describeCode(refusal.node);
  }
  return undefined;
}


/** How many nodes one search for the caller reads at most: a guard built from values built from
 * other values is followed through each declaration once, and never past this. */
const MAX_NODES = 2_000;

/** What auth middleware leaves on a request once it identified the caller. A session alone exists
 * for anonymous visitors too; what the app stored in it at login (`req.session.roles`) does not. */
const IDENTIFIED_PROPERTIES = new Set([...CALLER_PROPERTIES].filter((name) => name !== 'session'));

/** The first read of the caller inside `evidence`, following local names to their declarations
 * (each once). */
function callerReadIn(evidence: ts.Node, lookup: DefinitionLookup | undefined): string | undefined {
  const followed = new Set<ts.Node>();
  let budget = MAX_NODES;
  let found: string | undefined;
  const visit = (child: ts.Node, depth: number): void => {
    if (found || --budget < 0) return;
    if (ts.isCallExpression(child) && (isContextCaller(child) || isVerified(sourceOf(child, lookup)))) {
      found = describeCode(child);
      return;
    }
    if (ts.isPropertyAccessExpression(child) || ts.isElementAccessExpression(child) || ts.isIdentifier(child)) {
      if (isCallerRead(child, lookup)) {
        found = describeCode(child);
        return;
      }
      if (ts.isIdentifier(child)) {
        // A local value: what it was made from may read the caller (`const ok = await canEdit(req.user, id)`).
        const declaration = declarationOf(child);
        if (!declaration || ts.isParameter(declaration) || followed.has(declaration) || depth >= MAX_DEPTH) return;
        followed.add(declaration);
        const value = ts.isBindingElement(declaration) ? initializerPath(declaration)?.value : declaration.initializer;
        if (value) visit(value, depth + 1);
        return;
      }
    }
    ts.forEachChild(child, (grandchild) => visit(grandchild, depth));
  };
  visit(evidence, 0);
  return found;
}

/** A credentials source that identified someone: a verification, a session lookup, the user auth
 * middleware put on the request; not a header or cookie read as it came. */
const isVerified = (source: ValueSource | undefined) => source?.kind === 'credentials' && source.verified === true;

function isCallerRead(expression: ts.Expression, lookup: DefinitionLookup | undefined): boolean {
  const { root, names } = accessPath(expression);
  if (!ts.isIdentifier(root)) return false;
  if (isRequestRoot(root) && names.some((name, index) => IDENTIFIED_PROPERTIES.has(name.toLowerCase()) || (name === 'session' && index < names.length - 1))) return true;
  if (isVerified(sourceOf(expression, lookup))) return true;
  if (expression !== root) return false;
  const declaration = declarationOf(root);
  if (!declaration) return false;
  if (ts.isParameter(declaration)) return isCallerName(root.text) || isPermissionsName(root.text);
  if (!ts.isBindingElement(declaration)) return false;
  if (isCallerName(root.text) && isParameterBinding(declaration)) return true;
  // `const { user } = context.switchToHttp().getRequest()`, `const { user } = req`
  const path = initializerPath(declaration);
  return path !== undefined && IDENTIFIED_PROPERTIES.has(path.names.at(-1)?.toLowerCase() ?? '') && isRequest(path.value);
}

/** `req`, `ctx.request`, `context.switchToHttp().getRequest()`. */
function isRequest(expression: ts.Expression): boolean {
  const { root, names } = accessPath(expression);
  if (ts.isIdentifier(root)) return isRequestRoot(root) || names.at(-1) === 'request';
  return ts.isCallExpression(root) && ts.isPropertyAccessExpression(root.expression) && /^get(Request|Req)$/.test(root.expression.name.text);
}

/** `c.get('user')`, `ctx.get('session')`: what auth middleware stored in the request's context. */
function isContextCaller(call: ts.CallExpression): boolean {
  const [key] = call.arguments;
  return (
    ts.isPropertyAccessExpression(call.expression) &&
    call.expression.name.text === 'get' &&
    ts.isIdentifier(call.expression.expression) &&
    isRequestRoot(call.expression.expression) &&
    key !== undefined &&
    ts.isStringLiteralLike(key) &&
    isCallerName(key.text)
  );
}

/** `permissions`, `workspacePermissions`, `scopes`: what only an identified caller has. */
const isPermissionsName = (name: string) => wordsOf(name).some((word) => PERMISSIONS_WORDS.has(word));
const PERMISSIONS_WORDS = new Set(['permissions', 'roles', 'scopes', 'abilities', 'grants', 'entitlements', 'privileges']);

const isCallerName = (name: string) => CALLER_NAMES.has(name.toLowerCase()) || wordsOf(name).some((word) => word === 'authentication' || word === 'currentuser');

/** `async ({ authentication, parsedInput }) => ...`: a field of a parameter. */
function isParameterBinding(element: ts.BindingElement): boolean {
  let node: ts.Node = element;
  while (ts.isBindingElement(node)) node = node.parent.parent;
  return ts.isParameter(node);
}

/** The condition of an earlier `if (...) return|throw` in the site's function that exits when
 * credentials are missing: past it, the caller is known. */
function earlierCredentialsExit(site: ts.Node, lookup: DefinitionLookup | undefined): string | undefined {
  for (const statement of earlierStatements(site)) {
    if (!ts.isIfStatement(statement) || !exits(statement.thenStatement)) continue;
    const readings = readingsOf({ expression: statement.expression, negated: false }, lookup);
    // An error told apart by its code (`err.name === 'TokenExpiredError'`) is no check of the request.
    if (readings.some((reading) => reading.concern === 'credentials' && reading.failing && !reading.fromConstant)) return describeCode(statement.expression);
  }
  return undefined;
}

const exits = (statement: ts.Statement) => endsWith(statement, (last) => ts.isReturnStatement(last) || ts.isThrowStatement(last));

/** The handler around `site` is given an identified caller by its route, wrapper or guard. Only
 * the innermost function's parameters count (an outer `registerRoutes(router, auth)` gives the
 * handler nothing); the calls it is passed to, at any level, may wrap it in auth. */
function givenCaller(site: ts.Node): string | undefined {
  let handler: ts.SignatureDeclaration | undefined;
  for (let node: ts.Node | undefined = site; node; node = node.parent) {
    if (ts.isFunctionLike(node)) {
      if (!handler) {
        handler = node;
        const named = node.parameters.map((parameter) => parameterCaller(parameter.name)).find(Boolean) ?? callerFieldOfParameter(node);
        if (named) return `the handler is given \`${named}\``;
      }
      const guard = nestGuard(node);
      if (guard) return guard;
    }
    const call = node.parent;
    if (call && ts.isCallExpression(call) && call.arguments.includes(node as ts.Expression)) {
      // `router.get(path, requireAuth, handler)`: what runs before it, the path aside.
      const before = call.arguments.slice(0, call.arguments.indexOf(node as ts.Expression)).filter(isMiddleware);
      const middleware = before.find((argument) => namesAuth(argument));
      if (middleware) return `\`${describeCode(middleware)}\` runs before the handler`;
      if (namesAuth(call.expression)) return `the handler runs inside \`${describeCode(call.expression)}\``;
    }
  }
  return undefined;
}

/** A function or a call that makes one: not a path (`'/admin'`, `ROUTES.login`) or options. */
function isMiddleware(argument: ts.Expression): boolean {
  if (ts.isStringLiteralLike(argument) || ts.isTemplateExpression(argument) || ts.isObjectLiteralExpression(argument)) return false;
  const { root } = accessPath(ts.isCallExpression(argument) ? argument.expression : argument);
  return !(ts.isIdentifier(root) && /^[A-Z][A-Z0-9_]*$/.test(root.text));
}

function parameterCaller(name: ts.BindingName): string | undefined {
  if (ts.isIdentifier(name)) return isCallerName(name.text) ? name.text : undefined;
  for (const element of name.elements) {
    if (ts.isOmittedExpression(element)) continue;
    const found = parameterCaller(element.name);
    if (found) return found;
  }
  return undefined;
}

/** Fields that carry the caller's identity into a use case or service (`command.userId`). */
const CALLER_FIELDS = new Set(['userId', 'user_id', 'user', 'currentUser', 'actorId', 'callerId']);

/** `execute(command: DeleteCommand) { ... command.userId ... }`: the command of a use case (not
 * the request, whose `req.user?.id` may be absent) carries the caller's identity: the function is
 * given the caller, wherever it reads it. Other objects' `userId` may be anyone's (the member a
 * call removes). */
function callerFieldOfParameter(fn: ts.SignatureDeclaration): string | undefined {
  const names = new Set(fn.parameters.filter(isCommand).map((parameter) => (parameter.name as ts.Identifier).text));
  const body = 'body' in fn ? (fn.body as ts.Node | undefined) : undefined;
  if (names.size === 0 || !body) return undefined;
  let found: string | undefined;
  const visit = (node: ts.Node): void => {
    if (found) return;
    if (ts.isPropertyAccessExpression(node) && ts.isIdentifier(node.expression) && names.has(node.expression.text) && CALLER_FIELDS.has(node.name.text)) found = node.getText();
    else if (!ts.isFunctionLike(node)) ts.forEachChild(node, visit);
  };
  visit(body);
  return found;
}

/** A parameter named `command` or typed as one (`DeleteProjectCommand`). */
function isCommand(parameter: ts.ParameterDeclaration): boolean {
  if (!ts.isIdentifier(parameter.name)) return false;
  const type = parameter.type && ts.isTypeReferenceNode(parameter.type) ? parameter.type.typeName.getText() : '';
  return /command$/i.test(parameter.name.text) || /Command$/.test(type);
}

/** `@UseGuards(AuthGuard('jwt'))` on the method or its class. */
function nestGuard(fn: ts.SignatureDeclaration): string | undefined {
  const holders = [fn, ts.isMethodDeclaration(fn) ? fn.parent : undefined];
  for (const holder of holders) {
    if (!holder || !ts.canHaveDecorators(holder)) continue;
    // `@UseGuards(JwtAuthGuard)`, `@UseGuards(AuthGuard('jwt'))`; not `@UseGuards(ThrottlerGuard)`.
    const decorator = ts.getDecorators(holder)?.find(
      (d) => ts.isCallExpression(d.expression) && ts.isIdentifier(d.expression.expression) && d.expression.expression.text === 'UseGuards' && d.expression.arguments.some(namesAuth),
    );
    if (decorator) return `\`${describeCode(decorator)}\` guards the handler`;
  }
  return undefined;
}

/** `requireAuth`, `passport.authenticate('jwt')`, `withAuth`, `protectedProcedure.query`, and
 * chained: `protectedProcedure.input(schema).mutation` (the chain is followed to its root). */
function namesAuth(expression: ts.Expression): boolean {
  const names: string[] = [];
  let current: ts.Expression = expression;
  for (let depth = 0; depth < 12; depth++) {
    const path = accessPath(ts.isCallExpression(current) ? current.expression : current);
    names.push(...path.names);
    if (ts.isIdentifier(path.root)) names.push(path.root.text);
    if (!ts.isCallExpression(path.root)) break;
    current = path.root;
  }
  return names.some((name) => wordsOf(name).some((word) => AUTH_WORDS.has(word)));
}
