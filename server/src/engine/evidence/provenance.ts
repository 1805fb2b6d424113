// Where the value a guard reads comes from. A name says little (`token` may be a CSRF token, an
// invitation or the credential of this request; `!account` may be a caller never identified or a
// record looked up and not found); its source says more. A value is followed back through the
// declarations of its function (`const x = await f()`, destructuring, `let` with one initializer,
// parameters) to what produced it, and that is classified:
//   - credentials of this request: the Authorization header, cookies and session, an API key from
//     the request, the user auth middleware put on it (`req.user`, `ctx.state.user`), the result of
//     a verify / decode / authenticate / session lookup;
//   - the caller's permissions: roles, scopes, permissions and plans, `can*` / `has*Permission` /
//     `is*Admin` checks, the caller's id compared with a record's owner;
//   - neither: a record looked up and not found, configuration (environment, settings, feature
//     flags), CSRF tokens, rate limits, the host or address of the request. A 403 is right for these.
// Unknown sources give no answer: the word lists of concern.ts read the names then.
import ts from 'typescript';
import { calleeName, isAssignmentOperator, isLiteralValue, unwrapExpression } from '../model/syntax/syntax';
import { describeCode } from './describe-code';
import type { CallDefinition, DefinitionLookup } from '../model/types';

export type { CallDefinition, DefinitionLookup };
import { namesCredential } from './failure-constants';
import { wordsOf } from './words';

export type SourceKind = 'credentials' | 'permission' | 'neither';

export interface ValueSource {
  kind: SourceKind;
  /** For a message: "the session of this request", "a record looked up by `db.user.findFirst(...)`". */
  description: string;
  /** Where the value comes from (a declaration or a call), when that is not the guard itself. */
  node: ts.Node;
  /** A record looked up (`findFirst`, `getProjectById`): absent, it is not found, not forbidden. */
  record?: true;
  /** The project function the value comes from, when it is defined in the project. */
  definition?: CallDefinition;
  /** Credentials that identified the caller (a verification, a session lookup, the user auth
   * middleware put on the request), not a header or cookie as it came. */
  verified?: true;
}

/** How long a call or comparison quoted inside a description may be: the description sits in a
 * message that quotes the guard too. */
const QUOTED = 50;

/** How many declarations are followed from one value: `a = b; b = await c()` is two. */
const MAX_STEPS = 6;

/** Words of checks about something other than the caller, wherever they are in a name. */
export const NEITHER_WORDS = new Set(['csrf', 'xsrf', 'ratelimit', 'captcha', 'turnstile', 'recaptcha', 'maintenance', 'demo', 'readonly']);
/** Names of the request's address and host, as whole names only (`hostId` is a record's owner). */
const NEITHER_NAMES = new Set(['ip', 'ips', 'host', 'hostname', 'origin', 'referer', 'referrer', 'xforwardedfor', 'xrealip', 'remoteaddress']);
const CONFIG_ROOTS = new Set(['env', 'config', 'configuration', 'settings', 'flags', 'features']);
const isNeitherName = (name: string) => NEITHER_NAMES.has(name.toLowerCase().replace(/[^a-z0-9]/g, '')) || wordsOf(name).some((word) => NEITHER_WORDS.has(word));
const PERMISSION_PROPERTIES = new Set(['role', 'roles', 'permission', 'permissions', 'scope', 'scopes', 'plan', 'entitlement', 'entitlements', 'admin', 'isadmin', 'owner', 'ownerid', 'privileges', 'acl', 'grants', 'abilities', 'superuser', 'issuperuser', 'isowner', 'ismember']);
const CREDENTIAL_PROPERTIES = new Set(['authorization', 'cookie', 'cookies', 'session', 'apikey', 'token', 'accesstoken', 'bearer', 'jwt', 'credentials', 'password']);
/** What auth middleware leaves on a request: `req.user`, `ctx.state.user`, `request.auth`. */
export const CALLER_PROPERTIES = new Set(['user', 'auth', 'principal', 'identity', 'session', 'currentuser', 'viewer']);
const REQUEST_NAMES = /^(req|request|ctx|context|c|event|e)$/;
/** Short names that are the request only as a handler's parameter (`(c) => ...` in Hono), not as
 * the item of a callback (`comments.find((c) => c.user...)`). */
const SHORT_REQUEST_NAMES = /^(context|c|event|e)$/;
const ITEM_CALLBACKS = new Set(['find', 'filter', 'map', 'some', 'every', 'forEach', 'reduce', 'flatMap', 'findIndex', 'sort', 'then', 'catch']);

/** Whether `root` names the request (or the context that holds it) of a handler. */
export function isRequestRoot(root: ts.Identifier): boolean {
  if (!REQUEST_NAMES.test(root.text)) return false;
  if (!SHORT_REQUEST_NAMES.test(root.text)) return true;
  const declaration = declarationOf(root);
  if (!declaration || !ts.isParameter(declaration)) return false;
  const fn = declaration.parent;
  const call = fn.parent;
  const method = call && ts.isCallExpression(call) && ts.isPropertyAccessExpression(call.expression) ? call.expression.name.text : undefined;
  return method === undefined || !ITEM_CALLBACKS.has(method);
}

/** Verbs that make or look up a credential rather than check one: `createCheckoutSession`,
 * `generateResetToken`, `findInviteByToken`. */
const MAKES_OR_FINDS = /^(create|generate|issue|sign|mint|refresh|revoke|delete|remove|send|find|list|save|store|set|update|encode|hash)/;

/** A call's kind from the words of its name: `verifyToken` credentials, `canEditProject`
 * permission, `findFirst` a record. Case matters: `cancelOrder` is no `can`, `maybeX` no `may`. */
function kindOfCallName(name: string): SourceKind | 'record' | undefined {
  const words = wordsOf(name);
  if (isNeitherName(name) || /^(rate)?[lL]imit/.test(name)) return 'neither';
  // `isAuthenticatedForOrganization(user, org)`, `hasAccessToProject`: a check scoped to a group is
  // membership; one that names a credential (`verifyApiKeyForProject`) checks the credential.
  const namesCredential = words.some((word) => CREDENTIAL_PROPERTIES.has(word));
  if (!namesCredential && /^(is|has|can|check|assert|ensure|verify)\w*(For|In|To|Of)(Organi[sz]ation|Org|Team|Project|Workspace|Tenant|Environment|Group|Resource)$/.test(name)) return 'permission';
  if (/^(can|may)([A-Z]|$)|^(has|check|assert|require|ensure)\w*(Permission|Role|Scope|Access|Ability|Entitlement|Admin|Owner|Member)s?$|^is\w*(Admin|Owner|Member|Allowed|Authori[sz]ed)$|^authori[sz]e$|^(enforce|assert)\w*Polic/.test(name)) return 'permission';
  if (!MAKES_OR_FINDS.test(name) && isCredentialsCheckName(name, words)) return 'credentials';
  if (/^(find|findFirst|findUnique|findOne|findById|findMany|select|query|lookup)$|^(get|find|load|fetch)\w*By[A-Z]\w*$|^(find|get)\w*OrThrow$|^(load|fetch)[A-Z]/.test(name)) return 'record';
  return undefined;
}

/** `verifyToken`, `decodeJwt`, `authenticateRequest`, `getSession`, `getServerSession`, `auth()`:
 * a verb of checking needs a credential's word (`verifyEmail`, `decodeURIComponent` are none). */
function isCredentialsCheckName(name: string, words: readonly string[]): boolean {
  if (/^(auth|getAuth|getUser(From|By)(Token|Session|Request|Header)s?)$|(Current|Session|Auth|Signed[Ii]n|LoggedIn)User$|^currentUser$/.test(name)) return true;
  const credentialWord = words.some((word) => CREDENTIAL_PROPERTIES.has(word) || CREDENTIAL_CHECK_WORDS.has(word));
  if (/^(verify|decode|authenticate|validate)([A-Z]|$)/.test(name)) return credentialWord || name === 'authenticate';
  // `getServerSession`, `requireAuth`, `getAccessToken`; not `getCheckoutSession`, `getAwsCredentials`.
  if (/^(get|read|load|require|ensure|use)?(Server|User|Auth|Current|Iron|App|Access|Bearer|Id|Request|Api)?(Session|Token|Jwt|Auth|Credentials|ApiKey)$/i.test(name)) return true;
  // `userFromToken(bearer)`, `getUserBySession(req)`: whom a credential names.
  return /(From|By)(Token|Session|Request|Header|Jwt|Cookie|Bearer|ApiKey)s?$/.test(name);
}

const CREDENTIAL_CHECK_WORDS = new Set(['key', 'auth', 'signature', 'request', 'bearer', 'apikey']);

/** `jwt.verify(...)`, `auth.validate(...)`: a verb of checking asked of a credentials library or object. */
function kindOfMethod(name: string, receiver: string): SourceKind | undefined {
  if (!/^(verify|decode|authenticate|validate|check)/i.test(name)) return undefined;
  return wordsOf(receiver).some((word) => CREDENTIAL_PROPERTIES.has(word) || CREDENTIAL_RECEIVERS.has(word)) ? 'credentials' : undefined;
}

const CREDENTIAL_RECEIVERS = new Set(['jwt', 'jose', 'auth', 'passport', 'jsonwebtoken', 'bcrypt', 'argon2']);

const CALL_DESCRIPTIONS: Record<SourceKind | 'record', string> = {
  credentials: 'the result of a credentials check',
  permission: 'a permission check',
  neither: 'a check of something other than the caller',
  record: 'a record looked up',
};

/** The source of what a call returns, from its callee's name. `steps`: declarations followed to
 * get here (what its arguments read is followed within the same MAX_STEPS). */
function sourceOfCall(call: ts.CallExpression, lookup?: DefinitionLookup, steps = 0): ValueSource | undefined {
  const callee = call.expression;
  const name = calleeName(call);
  if (!name) return undefined;
  // `headers.get('authorization')`, `cookies().get('session')`: what is read, not the verb.
  if (name === 'get' || name === 'header' || name === 'getHeader' || name === 'cookie') {
    const [first] = call.arguments;
    if (first && ts.isStringLiteralLike(first)) {
      const kind = kindOfProperty(first.text);
      if (kind) return { kind, description: kind === 'credentials' ? `\`${first.text}\` of this request` : `\`${first.text}\``, node: call };
    }
  }
  // A function of the project says what it checks by what it returns (its summary), before its name.
  const definition = lookup?.(call);
  const named = definition?.check ?? kindOfCallName(name) ?? (ts.isPropertyAccessExpression(callee) ? kindOfMethod(name, lastName(callee.expression)) : undefined);
  // `getTeamMember(teamId, user.id)`, `db.membership.findFirst({ where: { userId, orgId } })`: the
  // caller's membership of a group, looked up. Absent, the caller is known and not a member.
  if ((named === undefined || named === 'record') && namesMembership(callee) && call.arguments.some(namesGroup) && call.arguments.some((argument) => readsCallerId(argument, lookup, steps))) {
    return { kind: 'permission', description: `the caller's membership, looked up (\`${describeCode(call, QUOTED)}\`)`, node: call };
  }
  // `sessions.find(req.headers.authorization)`, `userFrom(token)`: whom the request's credentials
  // name, looked up or verified, whatever the function is called.
  const fedCredentials = (named === undefined || (named === 'record' && looksUpCaller(callee))) && call.arguments.some((argument) => readsCredentials(argument, lookup, steps));
  const kind = fedCredentials ? 'credentials' : named;
  if (!kind) return undefined;
  const where = definition ? `, ${definition.where}` : '';
  const description = `${CALL_DESCRIPTIONS[kind]} (\`${describeCode(call, QUOTED)}\`${where})`;
  const source: ValueSource = kind === 'record' ? { kind: 'neither', description, node: call, record: true } : { kind, description, node: call, ...(kind === 'credentials' && { verified: true as const }) };
  return definition ? { ...source, definition } : source;
}

/** Whether a condition tells the caught error `name` apart as one of a kind that is no credential's:
 * `error instanceof AuthorizationError`, `err.code === 'P2025'` (not `err instanceof
 * jwt.TokenExpiredError`, nor a bare `if (err)`). */
function narrowsToOtherError(condition: ts.Expression, name: string): boolean {
  const node = unwrapExpression(condition);
  if (ts.isBinaryExpression(node) && (node.operatorToken.kind === ts.SyntaxKind.AmpersandAmpersandToken || node.operatorToken.kind === ts.SyntaxKind.BarBarToken)) {
    return narrowsToOtherError(node.left, name) && narrowsToOtherError(node.right, name);
  }
  if (!ts.isBinaryExpression(node) || !readsCaught(node.left, name)) return false;
  const op = node.operatorToken.kind;
  if (op === ts.SyntaxKind.InstanceOfKeyword) return !namesCredential(node.right.getText());
  if (op !== ts.SyntaxKind.EqualsEqualsEqualsToken && op !== ts.SyntaxKind.EqualsEqualsToken) return false;
  return ts.isStringLiteralLike(node.right) ? !namesCredential(node.right.text) : ts.isPropertyAccessExpression(node.right) && !namesCredential(node.right.name.text);
}

/** `err`, `err.code`, `err.name` of the caught error `name`. */
function readsCaught(expression: ts.Expression, name: string): boolean {
  const { root } = accessPath(expression);
  return ts.isIdentifier(root) && root.text === name;
}

/** `getTeamMember`, `prisma.membership.findFirst`: a lookup named for a membership. */
function namesMembership(callee: ts.Expression): boolean {
  const { root, names } = accessPath(callee);
  const all = ts.isIdentifier(root) ? [root.text, ...names] : names;
  return all.some((name) => wordsOf(name).some((word) => MEMBERSHIP_WORDS.has(word)));
}

const MEMBERSHIP_WORDS = new Set(['member', 'members', 'membership', 'memberships']);

/** The id of a group among a call's arguments (`teamId`, `params.orgId`, `{ where: { workspaceId } }`):
 * what the membership is of. */
function namesGroup(argument: ts.Expression): boolean {
  let found = false;
  const visit = (node: ts.Node): void => {
    if (found || ts.isFunctionLike(node)) return;
    if (ts.isIdentifier(node) && GROUP_ID.test(node.text)) found = true;
    else ts.forEachChild(node, visit);
  };
  visit(argument);
  return found;
}

const GROUP_ID = /^_?(team|org|organi[sz]ation|workspace|project|group|space|channel|board|company)_?(Id|ID|id|Uid|UID|uid)$/;

/** The id of an identified caller among an argument's reads (`user.uid`, `{ userId: session.userId }`):
 * not the credential itself (a token, a session id) and not one read with `?.` (the caller may be gone). */
function readsCallerId(argument: ts.Expression, lookup: DefinitionLookup | undefined, steps: number): boolean {
  let found = false;
  const visit = (node: ts.Node): void => {
    if (found || ts.isFunctionLike(node)) return;
    if (ts.isPropertyAccessExpression(node) && CALLER_ID.test(node.name.text) && !readsOptionally(node)) {
      found = sourceOfRead(node.expression, [], steps, lookup)?.kind === 'credentials';
      return;
    }
    // `const userUid = pat.user.uid` read by its name
    if (ts.isIdentifier(node) && !isNameOfAccess(node) && CALLER_ID_NAME.test(node.text)) {
      found = sourceOfRead(node, [], steps, lookup)?.kind === 'credentials';
      return;
    }
    ts.forEachChild(node, visit);
  };
  visit(argument);
  return found;
}

const CALLER_ID = /^(id|_id|uid|sub|userId|user_id|accountId)$/;
/** A variable that holds the caller's id (`userId`, `userUid`, `callerId`). */
const CALLER_ID_NAME = /^(user_?(id|uid)|caller_?id|account_?id|uid|sub)$/i;

/** Whether an access chain reads a link with `?.`. */
function readsOptionally(access: ts.PropertyAccessExpression): boolean {
  for (let node: ts.Expression = access; ts.isPropertyAccessExpression(node) || ts.isElementAccessExpression(node); node = node.expression) {
    if (node.questionDotToken) return true;
  }
  return false;
}

/** `db.user.findUnique`, `sessions.find`: a lookup of the caller themselves, not of something of theirs. */
function looksUpCaller(callee: ts.Expression): boolean {
  const { root, names } = accessPath(callee);
  const all = ts.isIdentifier(root) ? [root.text, ...names] : names;
  return all.some((name) => wordsOf(name).some((word) => CALLER_ENTITIES.has(word)));
}

const CALLER_ENTITIES = new Set(['user', 'users', 'session', 'sessions', 'account', 'accounts', 'principal', 'identity', 'identities', 'apikey', 'apikeys', 'token', 'tokens', 'member', 'members']);

/** Whether an argument reads the credentials of the request (`req.headers.authorization`, a
 * token read from it, `{ where: { id: req.session.userId } }`). */
function readsCredentials(argument: ts.Expression, lookup: DefinitionLookup | undefined, steps: number): boolean {
  let budget = 200;
  let found = false;
  const visit = (node: ts.Node): void => {
    if (found || --budget < 0 || ts.isFunctionLike(node)) return;
    if ((ts.isIdentifier(node) || ts.isPropertyAccessExpression(node) || ts.isElementAccessExpression(node) || ts.isCallExpression(node)) && !isNameOfAccess(node)) {
      // Within the budget of declarations of the value this argument feeds: a value defined by
      // itself (`var opts = normalize(opts)`) or a chain of calls of earlier values ends.
      if (sourceOfRead(node as ts.Expression, [], steps, lookup)?.kind === 'credentials') {
        found = true;
        return;
      }
      if (!ts.isCallExpression(node)) return; // its parts are read by the whole
    }
    ts.forEachChild(node, visit);
  };
  visit(argument);
  return found;
}

/** The `b` of `a.b` or the key of `{ b: ... }`: a name, not a value. */
const isNameOfAccess = (node: ts.Node) =>
  (ts.isPropertyAccessExpression(node.parent) && node.parent.name === node) || (ts.isPropertyAssignment(node.parent) && node.parent.name === node);

/** A property name's kind: `authorization` credentials, `role` permission, `ip` neither. */
function kindOfProperty(name: string): SourceKind | undefined {
  const lower = name.toLowerCase().replace(/[^a-z0-9]/g, '');
  const words = wordsOf(name);
  if (isNeitherName(name)) return 'neither';
  if (PERMISSION_PROPERTIES.has(lower) || words.some((word) => PERMISSION_PROPERTIES.has(word) && word !== 'owner')) return 'permission';
  if (CREDENTIAL_PROPERTIES.has(lower) || lower === 'xapikey' || lower === 'xaccesstoken' || lower === 'xauthtoken') return 'credentials';
  return undefined;
}

/** `a.b.c` -> ['a', 'b', 'c'] with the expression at its root (an identifier, `this`, or a call). */
export function accessPath(expression: ts.Expression): { root: ts.Expression; names: string[] } {
  const names: string[] = [];
  let node = unwrapExpression(expression);
  for (;;) {
    if (ts.isPropertyAccessExpression(node)) {
      names.unshift(node.name.text);
      node = unwrapExpression(node.expression);
    } else if (ts.isElementAccessExpression(node) && ts.isStringLiteralLike(node.argumentExpression)) {
      names.unshift(node.argumentExpression.text);
      node = unwrapExpression(node.expression);
    } else if (ts.isElementAccessExpression(node) && ts.isNumericLiteral(node.argumentExpression)) {
      node = unwrapExpression(node.expression); // `credentials[0]`: a part of the same value
    } else {
      return { root: node, names };
    }
  }
}

/** The kind of a property path read from a value: `session.user.role` is a permission whatever the
 * session is; `headers.authorization` credentials; `env.SIGNUP_ENABLED` configuration. */
function kindOfPath(root: ts.Identifier | undefined, names: readonly string[]): ValueSource['kind'] | undefined {
  const rootName = root?.text;
  const all = rootName ? [rootName, ...names] : names;
  if (all.some(isNeitherName)) return 'neither';
  if ((rootName && CONFIG_ROOTS.has(rootName.toLowerCase())) || (rootName === 'process' && names[0] === 'env') || names.some((name) => name === 'env')) return 'neither';
  // The last permission-like or credential-like name decides: `req.session.user.roles` is about
  // roles. A predicate read from credentials (`request.auth.credentials.canDelete`) is about the
  // caller, not a credential: the words of its name tell then.
  const predicate = /^(can|is|has|may)[A-Z_]/.test(all[all.length - 1]);
  for (let index = all.length - 1; index >= 0; index--) {
    const kind = kindOfProperty(all[index]);
    if (kind === 'credentials' && index < all.length - 1 && predicate) return undefined;
    if (kind) return kind;
  }
  // `ADMIN_USER`, `ALLOWED_HOSTS`: a constant or a setting of the deployment.
  if (rootName && /^[A-Z][A-Z0-9_]+$/.test(rootName) && names.length === 0) return 'neither';
  // `req.user`, `ctx.state.user`: the caller that auth middleware identified.
  // The caller itself; its attributes (`req.user.emailVerified`) are neither credentials nor
  // permissions by their source (its id compared with a record's is read by sourceOfComparison).
  if (root && isRequestRoot(root) && names.length > 0 && CALLER_PROPERTIES.has(names[names.length - 1].toLowerCase())) return 'credentials';
  return undefined;
}

const PATH_DESCRIPTIONS: Record<SourceKind, string> = {
  credentials: 'credentials of this request',
  permission: "the caller's permissions",
  neither: 'configuration or a check of something other than the caller',
};

/** The declaration that gives `name` its value where it is used: a parameter or a `const` of an
 * enclosing function or block, or a `let`/`var` that nothing assigns again (a value assigned in
 * two places has no one source). */
export function declarationOf(name: ts.Identifier): ts.VariableDeclaration | ts.ParameterDeclaration | ts.BindingElement | undefined {
  for (let scope: ts.Node | undefined = name.parent; scope; scope = scope.parent) {
    if (ts.isFunctionLike(scope)) {
      for (const parameter of scope.parameters) {
        const found = bindingNamed(parameter.name, name.text);
        if (found) return found === parameter.name ? parameter : (found.parent as ts.BindingElement);
      }
    }
    // A name bound here with no one value to follow: `catch (error)`, `for (const item of list)`,
    // a named function expression. It hides any outer declaration of the same name.
    if (ts.isCatchClause(scope) && scope.variableDeclaration && bindingNamed(scope.variableDeclaration.name, name.text)) return undefined;
    if ((ts.isForOfStatement(scope) || ts.isForInStatement(scope)) && ts.isVariableDeclarationList(scope.initializer) && scope.initializer.declarations.some((d) => bindingNamed(d.name, name.text))) return undefined;
    if (ts.isFunctionExpression(scope) && scope.name?.text === name.text) return undefined;
    if (!ts.isBlock(scope) && !ts.isSourceFile(scope) && !ts.isCaseClause(scope)) continue;
    const found = declaredIn(scope.statements, name.text, name.pos);
    if (found) return isReassigned(found, name.text) ? undefined : found.declaration;
  }
  return undefined;
}

/** The identifier named `text` in a binding name (an identifier or a destructuring pattern). */
function bindingNamed(binding: ts.BindingName, text: string): ts.Identifier | undefined {
  if (ts.isIdentifier(binding)) return binding.text === text ? binding : undefined;
  for (const element of binding.elements) {
    if (ts.isOmittedExpression(element)) continue;
    const found = bindingNamed(element.name, text);
    if (found) return found;
  }
  return undefined;
}

/** A declaration of `text` among `statements` before the position `before`. */
function declaredIn(statements: readonly ts.Statement[], text: string, before: number): { declaration: ts.VariableDeclaration | ts.BindingElement; list: ts.VariableDeclarationList } | undefined {
  for (const statement of statements) {
    if (statement.pos > before || !ts.isVariableStatement(statement)) continue;
    for (const declaration of statement.declarationList.declarations) {
      const found = bindingNamed(declaration.name, text);
      if (!found) continue;
      return { declaration: found === declaration.name ? declaration : (found.parent as ts.BindingElement), list: statement.declarationList };
    }
  }
  return undefined;
}

/** Whether an assignment target writes `text`: the name itself, or a name in a destructuring. */
function assigns(target: ts.Node, text: string): boolean {
  if (ts.isIdentifier(target)) return target.text === text;
  if (ts.isParenthesizedExpression(target)) return assigns(target.expression, text);
  if (ts.isObjectLiteralExpression(target)) {
    return target.properties.some((property) =>
      ts.isShorthandPropertyAssignment(property) ? property.name.text === text : ts.isPropertyAssignment(property) ? assigns(property.initializer, text) : ts.isSpreadAssignment(property) && assigns(property.expression, text),
    );
  }
  if (ts.isArrayLiteralExpression(target)) return target.elements.some((element) => assigns(ts.isSpreadElement(element) ? element.expression : element, text));
  if (ts.isBinaryExpression(target) && target.operatorToken.kind === ts.SyntaxKind.EqualsToken) return assigns(target.left, text); // a default: `[x = 1] = list`
  return false;
}

/** Whether a `let` or `var` is assigned anywhere in the statements around its declaration. */
function isReassigned({ list }: { list: ts.VariableDeclarationList }, text: string): boolean {
  if ((list.flags & (ts.NodeFlags.Let | ts.NodeFlags.Const)) === ts.NodeFlags.Const) return false;
  const scope = list.parent.parent;
  let targets = assignmentTargets.get(scope);
  if (!targets) assignmentTargets.set(scope, (targets = assignmentTargetsIn(scope)));
  return targets.some((target) => assigns(target, text));
}

/** The targets of the assignments in a scope, found in one walk: a top-level `let` is read in
 * every handler of its file, and each read would walk the whole file again. By the scope node: an
 * edit makes a new node of every scope it changes (ts.updateSourceFile reuses unchanged ones). */
const assignmentTargets = new WeakMap<ts.Node, ts.Node[]>();

function assignmentTargetsIn(scope: ts.Node): ts.Node[] {
  const targets: ts.Node[] = [];
  const visit = (node: ts.Node): void => {
    // `x = ...`, `x += ...`, `({ x } = ...)`, `[x] = ...`, `for (x of ...)`
    if (ts.isBinaryExpression(node) && isAssignmentOperator(node.operatorToken.kind)) targets.push(node.left);
    else if ((ts.isForOfStatement(node) || ts.isForInStatement(node)) && !ts.isVariableDeclarationList(node.initializer)) targets.push(node.initializer);
    ts.forEachChild(node, visit);
  };
  visit(scope);
  return targets;
}

/** `const { user } = req` -> req, ['user']; `const { data: { session } } = await auth()` -> the
 * call, ['data', 'session']. Array patterns keep no name (`const [first] = list` reads list). */
export function initializerPath(element: ts.BindingElement): { value: ts.Expression; names: string[] } | undefined {
  const names: string[] = [];
  let node: ts.Node = element;
  while (ts.isBindingElement(node)) {
    if (ts.isObjectBindingPattern(node.parent)) {
      const property = node.propertyName ?? node.name;
      if (!ts.isIdentifier(property) && !ts.isStringLiteral(property)) return undefined;
      names.unshift(property.text);
    }
    node = node.parent.parent;
  }
  return ts.isVariableDeclaration(node) && node.initializer ? { value: node.initializer, names } : undefined;
}

/**
 * Where the value of `expression` comes from, when its source tells what it is about. Follows
 * local names to their declarations (at most MAX_STEPS), keeping the property path read.
 */
export function sourceOf(expression: ts.Expression, lookup?: DefinitionLookup): ValueSource | undefined {
  return sourceOfRead(expression, [], 0, lookup);
}

/** The source of `names` read from `value`. A local value is read by where it comes from before
 * the words of its name (`const token = req.body.csrfToken` is a CSRF token); a parameter, an
 * import or a global (`req`, `process.env`, `config`) by the names of what is read from it. */
function sourceOfRead(value: ts.Expression, names: readonly string[], steps: number, lookup: DefinitionLookup | undefined): ValueSource | undefined {
  const inner = unwrapExpression(value);
  // `process.env.USER ?? 'admin'`, `header || ''`: the value, its default aside.
  if (ts.isBinaryExpression(inner) && (inner.operatorToken.kind === ts.SyntaxKind.QuestionQuestionToken || inner.operatorToken.kind === ts.SyntaxKind.BarBarToken)) return sourceOfRead(inner.left, names, steps, lookup);
  const { root, names: prefix } = accessPath(inner);
  const read = [...prefix, ...names];
  if (ts.isCallExpression(root)) {
    const source = sourceOfCall(root, lookup, steps);
    // What is read from a call's result: `(await getSession()).user.role` is a permission, and so is
    // a record's role; nothing read from a check of neither is.
    const pathKind = read.length > 0 ? kindOfPath(undefined, read) : undefined;
    if (pathKind && pathKind !== source?.kind && (source?.kind !== 'neither' || source.record)) {
      return { kind: pathKind, description: PATH_DESCRIPTIONS[pathKind], node: root, ...(source?.definition && { definition: source.definition }) };
    }
    return source;
  }
  if (!ts.isIdentifier(root)) return undefined;
  const declaration = declarationOf(root);
  if (declaration && !ts.isParameter(declaration)) {
    if (steps >= MAX_STEPS) return undefined;
    const from = ts.isBindingElement(declaration) ? initializerPath(declaration) : declaration.initializer && { value: declaration.initializer, names: [] };
    const source = from ? sourceOfRead(from.value, [...from.names, ...read], steps + 1, lookup) : undefined;
    // `const scopes = scopesOf(req.headers.authorization)`: what a credential grants, by its name.
    if (source?.kind === 'credentials' && read.length === 0 && kindOfProperty(root.text) === 'permission') {
      return { kind: 'permission', description: `${PATH_DESCRIPTIONS.permission} (\`${root.text}\`, from ${source.description})`, node: source.node };
    }
    if (source) return source;
  }
  const pathKind = kindOfPath(root, read);
  return pathKind ? { kind: pathKind, description: `${PATH_DESCRIPTIONS[pathKind]} (\`${[root.text, ...read].join('.')}\`)`, node: inner } : undefined;
}

const COMPARISONS = new Set([ts.SyntaxKind.EqualsEqualsEqualsToken, ts.SyntaxKind.EqualsEqualsToken, ts.SyntaxKind.ExclamationEqualsEqualsToken, ts.SyntaxKind.ExclamationEqualsToken]);
/** Names of the caller's identity: compared with a record's, they make an ownership check. */
const IDENTITY_NAME = /^(id|_id|uid|sub|userId|user_id|accountId|email)$/i;
/** Fields of a record that say whom it belongs to. */
const OWNERSHIP_FIELD = /^_?(owner|user|author|creator|createdBy|organi[sz]ation|org|team|workspace|tenant|project|account|member)(Id|ID|_id)$|^_?(owner|author|creator|createdBy)$/;
/** Names of a secret: a credential compared with one is checked by hand. */
const SECRET_WORDS = new Set(['token', 'password', 'pass', 'passwd', 'secret', 'key', 'apikey', 'hash', 'signature', 'digest']);

/** Two values compared. A credential of the request against a configured value or a secret is a
 * credentials check by hand (`credentials.pass !== env.ADMIN_PASS`, `stored.token !== header`);
 * the caller's identity against anything else is ownership (`doc.ownerId !== user.id`), a
 * permission; a configured value alone is neither (`host !== env.APP_HOST`). */
function sourceOfComparison(node: ts.BinaryExpression, lookup?: DefinitionLookup): ValueSource | undefined {
  const sides = [node.left, node.right].map((side) => ({ source: sourceOf(side, lookup) ?? callerIdentity(side), last: lastName(side) }));
  const byHand = (): ValueSource => ({ kind: 'credentials', description: `a credential compared by hand (\`${describeCode(node, QUOTED)}\`)`, node });
  const credential = sides.find((side) => side.source?.kind === 'credentials');
  const other = sides.find((side) => side !== credential);
  if (credential && other) {
    const secret = (side: { last: string }) => wordsOf(side.last).some((word) => SECRET_WORDS.has(word));
    if (secret(credential) || secret(other)) return byHand();
    // `doc.ownerId !== user.id`, `req.user.id !== config.adminId`: the caller's id against a
    // record's or an allowed one: ownership, an allow-list.
    if (IDENTITY_NAME.test(credential.last)) return { kind: 'permission', description: `the caller compared with a record or an allowed one (\`${describeCode(node, QUOTED)}\`)`, node };
    // `credentials.name !== env.ADMIN_USER`: a credential against a configured one.
    if ((other.source?.kind === 'neither' && !other.source.record) || other.source?.kind === 'credentials') return byHand();
    return undefined;
  }
  const neither = sides.find((side) => side.source?.kind === 'neither' && !side.source.record);
  // `req.query.key !== process.env.API_KEY`: a value of the request against a configured secret.
  const fromRequest = [node.left, node.right].some((side) => {
    const { root } = accessPath(side);
    return ts.isIdentifier(root) && isRequestRoot(root);
  });
  const aboutNeither = [node.left, node.right].some((side) => namesOf(side).some(isNeitherName));
  if (neither && fromRequest && !aboutNeither && wordsOf(neither.last).some((word) => SECRET_WORDS.has(word))) return byHand();
  if (neither) return neither.source;
  // `environment._organizationId !== command.organizationId`: whom a record looked up belongs to,
  // against whom the request is for.
  if (sides.some((side) => side.source?.record && OWNERSHIP_FIELD.test(side.last))) return { kind: 'permission', description: `the owner of a record compared with the caller's (\`${describeCode(node, QUOTED)}\`)`, node };
  return sides.find((side) => side.source?.kind === 'permission')?.source;
}

/** `req.user.id`, `ctx.state.user.email`: the identity of the caller auth middleware identified. */
function callerIdentity(expression: ts.Expression): ValueSource | undefined {
  const { root, names } = accessPath(expression);
  const identified = ts.isIdentifier(root) && isRequestRoot(root) && names.length >= 2 && CALLER_PROPERTIES.has(names[names.length - 2].toLowerCase()) && IDENTITY_NAME.test(names[names.length - 1]);
  return identified ? { kind: 'credentials', description: `the caller (\`${describeCode(expression, QUOTED)}\`)`, node: expression } : undefined;
}

/** All the names of a read: `req.body.csrfToken` -> req, body, csrfToken. */
function namesOf(expression: ts.Expression): string[] {
  const { root, names } = accessPath(expression);
  return ts.isIdentifier(root) ? [root.text, ...names] : names;
}

/** The last name of a read: `doc.ownerId` -> ownerId, `token` -> token. */
function lastName(expression: ts.Expression): string {
  const { root, names } = accessPath(expression);
  return names.at(-1) ?? (ts.isIdentifier(root) ? root.text : '');
}

/**
 * The source of one leaf of a guard: a value (`!session`), a call (`await canEdit(user, doc)`), or
 * a comparison. A value compared with a literal is that value; two values compared are a token
 * checked by hand when one is a credential of the request (`stored !== req.headers['x-token']`),
 * ownership when the caller's id meets a record's owner field (`doc.ownerId !== user.id`).
 */
export function sourceOfCondition(leaf: ts.Expression, lookup?: DefinitionLookup): ValueSource | undefined {
  const node = unwrapExpression(leaf);
  if (ts.isPrefixUnaryExpression(node) && node.operator === ts.SyntaxKind.ExclamationToken) return sourceOfCondition(node.operand, lookup);
  if (ts.isBinaryExpression(node) && COMPARISONS.has(node.operatorToken.kind)) {
    if (isLiteralValue(node.right)) return sourceOf(node.left, lookup);
    if (isLiteralValue(node.left)) return sourceOf(node.right, lookup);
    return sourceOfComparison(node, lookup);
  }
  if (ts.isCallExpression(node) && ts.isPropertyAccessExpression(node.expression) && kindOfCallName(node.expression.name.text) === undefined) {
    // `user.roles.includes('admin')`, `scopes.has('write')`: what the method is asked of; a list of
    // the configuration asked about the caller (`config.adminEmails.includes(req.user.email)`) is
    // an allow-list of callers.
    const receiver = sourceOf(node.expression.expression, lookup);
    const askedAboutCaller = node.arguments.some((argument) => callerIdentity(argument) !== undefined || (sourceOf(argument, lookup)?.kind === 'credentials' && IDENTITY_NAME.test(lastName(argument))));
    if (receiver?.kind === 'neither' && !receiver.record && askedAboutCaller) return { kind: 'permission', description: `an allow-list of callers (\`${describeCode(node, QUOTED)}\`)`, node };
    return receiver;
  }
  return sourceOf(node, lookup);
}

/**
 * The check whose failure a `catch` around `node` answers: `try { payload = jwt.verify(token,
 * secret) } catch { return 403 }`. The calls of the `try` block (outside nested functions) whose
 * kind is known must all be of one kind (credentials, permission, or neither); undefined when they
 * are not, or when there are none.
 */
export function failedCheckOfCatch(node: ts.Node): ValueSource | undefined {
  let clause: ts.CatchClause | undefined;
  /** The conditions whose true side the node is on. */
  const conditions: ts.Expression[] = [];
  for (let child = node, current: ts.Node | undefined = node.parent; current && !ts.isFunctionLike(current); child = current, current = current.parent) {
    if (ts.isCatchClause(current)) {
      clause = current;
      break;
    }
    if (ts.isIfStatement(current) && child === current.thenStatement) conditions.push(current.expression);
    if (ts.isConditionalExpression(current) && child === current.whenTrue) conditions.push(current.condition);
  }
  if (!clause) return undefined;
  // `catch (error) { if (error instanceof AuthorizationError) return 403 }`: the branch answers one
  // kind of error that is not a credential's, whatever the calls of the try block check.
  const caught = clause.variableDeclaration?.name;
  if (caught && ts.isIdentifier(caught) && conditions.some((condition) => narrowsToOtherError(condition, caught.text))) return undefined;
  const sources: ValueSource[] = [];
  const visit = (child: ts.Node): void => {
    if (ts.isFunctionLike(child)) return;
    if (ts.isCallExpression(child)) {
      // By the callee's name only: a try block calls many functions, and reading each where it is
      // defined would parse their files.
      const source = sourceOfCall(child);
      if (source) sources.push(source);
    }
    ts.forEachChild(child, visit);
  };
  visit(clause.parent.tryBlock);
  const kinds = new Set(sources.map((source) => source.kind));
  return kinds.size === 1 ? sources[0] : undefined;
}
