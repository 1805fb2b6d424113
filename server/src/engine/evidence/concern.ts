// Reads what a guard or a response message is about: the caller's credentials (who are you?) or
// their permissions (may you?). RFC 9110 §11.4, §15.5.4: inadequate credentials of a known caller
// are a 403; missing or invalid ones are a 401. Heuristic rules report only on this evidence.
import ts from 'typescript';
import type { Guard, ResponseSite } from '../model/types';
import { isNullish as isNullValue } from '../model/syntax/syntax';
import { describeCode } from './describe-code';
import { failedCheckOfCatch, NEITHER_WORDS, sourceOfCondition, type DefinitionLookup, type ValueSource } from './provenance';
import { comparisonWithConstant, failureNamedBy, namesFailureState } from './failure-constants';
import { wordsOf } from './words';
import type { RelatedLocation } from '../types';

export type AuthConcern = 'permission' | 'credentials';

const PERMISSION_WORDS = new Set([
  'role', 'roles', 'permission', 'permissions', 'perm', 'perms', 'admin', 'admins', 'administrator', 'superuser',
  'owner', 'owners', 'ownership', 'owns', 'scope', 'scopes', 'privilege', 'privileges', 'acl', 'grant', 'grants',
  'granted', 'allowed', 'entitlement', 'entitlements', 'ability', 'forbidden', 'author',
]);
const CREDENTIAL_WORDS = new Set([
  'token', 'jwt', 'session', 'credential', 'credentials', 'password', 'passwd', 'apikey', 'authorization',
  'authenticated', 'unauthenticated', 'authentication', 'login', 'logged', 'signedin', 'bearer', 'verify',
  'anonymous', 'guest', 'pass', 'secret', 'signature',
]);
/** Names of the current user: a guard on the user's mere presence (`!req.user`) is about credentials. */
const USER_WORDS = new Set(['user', 'principal', 'account', 'identity', 'caller']);

/** Words that make a name mean the opposite of having the thing: `isTokenExpired`, `isForbidden`. */
const NEGATIVE_WORDS = new Set([
  'expired', 'invalid', 'missing', 'revoked', 'anonymous', 'guest', 'unauthenticated', 'forbidden', 'denied', 'banned',
  'blocked', 'disabled', 'locked', 'err', 'error',
]);

/** Leaves of a condition with the number of `!` around each: `!a || (b && !c.d)` -> a 1, b 0, c.d 1. */
function leavesOf(expression: ts.Expression, negations = 0): { leaf: ts.Expression; negations: number }[] {
  if (ts.isParenthesizedExpression(expression)) return leavesOf(expression.expression, negations);
  if (ts.isPrefixUnaryExpression(expression) && expression.operator === ts.SyntaxKind.ExclamationToken) return leavesOf(expression.operand, negations + 1);
  if (ts.isBinaryExpression(expression)) {
    const op = expression.operatorToken.kind;
    if (op === ts.SyntaxKind.AmpersandAmpersandToken || op === ts.SyntaxKind.BarBarToken) {
      return [...leavesOf(expression.left, negations), ...leavesOf(expression.right, negations)];
    }
  }
  return [{ leaf: expression, negations }];
}

/** An UPPER_CASE name is a constant or a setting (`env.ADMIN_PASS`): it names what is compared
 * against, less what is checked. */
const isConstantName = (name: string) => /^[A-Z][A-Z0-9_]+$/.test(name);

/** The names in a guard's leaf, split into words. */
interface LeafNames {
  identifiers: string[];
  words: string[];
  constantWords: string[];
  last: string | undefined;
}

function namesIn(node: ts.Node): LeafNames {
  const identifiers: string[] = [];
  const words: string[] = [];
  const constantWords: string[] = [];
  let last: string | undefined;
  const visit = (child: ts.Node): void => {
    if (ts.isIdentifier(child) || ts.isPrivateIdentifier(child)) {
      identifiers.push(child.text);
      (isConstantName(child.text) ? constantWords : words).push(...wordsOf(child.text));
      last = child.text;
    } else if (ts.isStringLiteralLike(child)) {
      words.push(...wordsOf(child.text));
    }
    ts.forEachChild(child, visit);
  };
  visit(node);
  return { identifiers, words, constantWords, last };
}

/** `jwt.verify(token, secret, (err, user) => { if (err) ... })`: the error of a credentials check. */
function isVerificationError(leaf: ts.Expression): boolean {
  if (!ts.isIdentifier(leaf)) return false;
  for (let node: ts.Node | undefined = leaf.parent; node; node = node.parent) {
    if (!ts.isArrowFunction(node) && !ts.isFunctionExpression(node)) continue;
    const [first] = node.parameters;
    if (!first || !ts.isIdentifier(first.name) || first.name.text !== leaf.text) continue;
    const call = node.parent;
    if (!ts.isCallExpression(call)) return false;
    const callee = ts.isPropertyAccessExpression(call.expression) ? call.expression.name.text : call.expression.getText();
    return /verify|authenticate|decode/i.test(callee);
  }
  return false;
}

/** The words of a leaf: a check about neither (a CSRF token guards against forged requests,
 * whoever sends them) says nothing; then permission words, credential words, the caller's name. */
function concernOfLeaf(leaf: ts.Expression, { identifiers, words, constantWords, last }: LeafNames): AuthConcern | undefined {
  if (words.some((w) => NEITHER_WORDS.has(w))) return undefined;
  if (words.some((w) => PERMISSION_WORDS.has(w))) return 'permission';
  // `canEdit(user, post)`, `ability.can('read', post)`
  if (identifiers.some((name) => name === 'can' || /^can[A-Z]/.test(name))) return 'permission';
  if (words.some((w) => CREDENTIAL_WORDS.has(w)) || isVerificationError(leaf)) return 'credentials';
  // `user.role !== ROLES.ADMIN` was read above; `credentials.pass !== env.ADMIN_PASS` is a password check.
  if (constantWords.some((w) => PERMISSION_WORDS.has(w))) return 'permission';
  if (last && wordsOf(last).some((w) => USER_WORDS.has(w))) return 'credentials';
  return undefined;
}

/** `null`, `undefined`, or the `'undefined'` of a `typeof` comparison. */
const isNullish = (node: ts.Expression) => isNullValue(node) || (ts.isStringLiteral(node) && node.text === 'undefined');

/** Whether the leaf is truthy when the credential or permission is there (1), when it is not
 * (-1), or cannot tell (0): `user.role !== 'admin'` is -1, `token == null` -1, `isAdmin` 1. */
function senseOf(leaf: ts.Expression, names: LeafNames): 1 | -1 | 0 {
  if (ts.isBinaryExpression(leaf)) {
    const op = leaf.operatorToken.kind;
    const equal = op === ts.SyntaxKind.EqualsEqualsEqualsToken || op === ts.SyntaxKind.EqualsEqualsToken;
    const unequal = op === ts.SyntaxKind.ExclamationEqualsEqualsToken || op === ts.SyntaxKind.ExclamationEqualsToken;
    if (!equal && !unequal) return 0; // `level < 3`: which side is enough is not said
    const nullish = isNullish(leaf.left) || isNullish(leaf.right);
    // `session.state !== 'expired'` is no lack of a session: a value other than a failure state
    // tells nothing of what the value is.
    const constant = comparisonWithConstant(leaf)?.constant;
    if (unequal && !nullish && constant && namesFailureState(constant)) return 0;
    return equal === nullish ? -1 : 1;
  }
  if (isVerificationError(leaf) || names.words.some((w) => NEGATIVE_WORDS.has(w))) return -1;
  return 1;
}

/** What one leaf of a guard says about the path the site is on. */
export interface LeafReading {
  leaf: ts.Expression;
  /** 'neither': the leaf checks something other than the caller (a record, a setting, a CSRF token). */
  concern: AuthConcern | 'neither';
  /** The site runs when the credential or permission is lacking (`!token`), not when it is there. */
  failing: boolean;
  /** Where the value the leaf reads comes from, when that told the concern (provenance.ts). */
  source?: ValueSource;
  /** The leaf compares a value with a constant that names the failure (`err.code === 'FORBIDDEN'`):
   * it tells which error this is, not that the request's credentials were checked. */
  fromConstant?: boolean;
}

/** `!user.isAdmin` rather than `user.isAdmin`: the leaf as the code writes it. */
function withNegations(leaf: ts.Expression): ts.Expression {
  let node = leaf;
  for (;;) {
    // `!(await canEdit(user))`: the `!` outside the parentheses and the `await` negates the call too.
    let outer = node.parent;
    while (ts.isParenthesizedExpression(outer) || ts.isAwaitExpression(outer)) outer = outer.parent;
    if (!ts.isPrefixUnaryExpression(outer) || outer.operator !== ts.SyntaxKind.ExclamationToken) return node;
    node = outer;
  }
}

/**
 * What comparing `value` with a constant that names a failure says (failure-constants.ts): `err.code
 * === 'FORBIDDEN'` a refused permission, `case 'TokenExpiredError':` a failed credential. When the
 * value itself speaks of the other concern (`user.role === 'INVALID_TOKEN'`) it says nothing (null);
 * undefined when the constant names no failure.
 */
function failureOfComparison(value: ts.Expression, constant: ts.Expression, lookup: DefinitionLookup | undefined): AuthConcern | null | undefined {
  const named = failureNamedBy(constant);
  if (!named) return undefined;
  // `err.code === 'CSRF_FORBIDDEN'`: a check of something other than the caller.
  const constantNames = namesIn(constant);
  if ([...constantNames.words, ...constantNames.constantWords].some((word) => NEITHER_WORDS.has(word))) return null;
  const ofValue = sourceOfCondition(value, lookup)?.kind ?? concernOfLeaf(value, namesIn(value));
  return ofValue && ofValue !== named ? null : named;
}

/** Whether `leaf` compares a value with a constant that names no failure (`err.code === 'NOT_FOUND'`). */
function comparesWithOtherConstant(leaf: ts.Expression): boolean {
  const comparison = comparisonWithConstant(leaf);
  return comparison !== undefined && failureNamedBy(comparison.constant) === undefined;
}

/** Whether a leaf is one side of an `||` (within `guard`) whose other side compares with a constant
 * that names no failure: `err.code === 'FORBIDDEN' || err.code === 'NOT_FOUND'` runs for either. */
function orWithOtherCode(leaf: ts.Expression, guard: ts.Expression): boolean {
  for (let child: ts.Node = leaf, parent = leaf.parent; child !== guard && parent; child = parent, parent = parent.parent) {
    if (!ts.isBinaryExpression(parent) || parent.operatorToken.kind !== ts.SyntaxKind.BarBarToken) continue;
    const other = child === parent.left ? parent.right : parent.left;
    if (leavesOf(other).some(({ leaf: otherLeaf }) => comparesWithOtherConstant(otherLeaf))) return true;
  }
  return false;
}

/** The readings of a `case` guard: a failure, when every label of the clause names the same one
 * (`case 'UNAUTHORIZED': case 'FORBIDDEN':` runs for a code that names none, and says nothing). */
function caseReadings(value: ts.Expression, cases: readonly ts.Expression[], lookup: DefinitionLookup | undefined): LeafReading[] {
  const concerns = cases.map((label) => failureOfComparison(value, label, lookup));
  const [first] = concerns;
  if (!first || concerns.some((concern) => concern !== first)) return [];
  return cases.map((label) => ({ leaf: label, concern: first, failing: true, fromConstant: true }));
}

/** The concern of a leaf: its value's source when that is known, else the words of its names
 * (never the words against a known source: `csrfToken` from the body is no credential). A
 * comparison with a constant that names a failure says that failure. */
export function readingsOf(guard: Guard, lookup?: DefinitionLookup): LeafReading[] {
  if (guard.cases) return caseReadings(guard.expression, guard.cases, lookup);
  return leavesOf(guard.expression).flatMap(({ leaf, negations }): LeafReading[] => {
    const truthyOnPath = (negations + (guard.negated ? 1 : 0)) % 2 === 0;
    const comparison = comparisonWithConstant(leaf);
    const failure = comparison && failureOfComparison(comparison.value, comparison.constant, lookup);
    if (failure === null || (failure && orWithOtherCode(leaf, guard.expression))) return [];
    // The site runs when the value is the failure: `===` and truthy, or `!==` and falsy.
    if (comparison && failure) return [{ leaf, concern: failure, failing: truthyOnPath === comparison.equal, fromConstant: true }];
    const source = sourceOfCondition(leaf, lookup);
    const names = namesIn(leaf);
    const concern = source?.kind ?? concernOfLeaf(leaf, names);
    if (!concern) return [];
    const sense = senseOf(leaf, names);
    // A check of neither that cannot be told apart from a failing one counts as failing: silent.
    // A permission or credential whose sense cannot be told says nothing.
    if (sense === 0 && concern !== 'neither') return [];
    return [{ leaf, concern, failing: sense === 0 || truthyOnPath === (sense === -1), source }];
  });
}

/** What a response's message says it refuses. "Only allowed" restricts who or where (a role, an
 * environment, a plan): a permission, unless the restriction is to logged-in users (the
 * credentials phrasing, read first) or speaks of credentials at all (then neither). */
const PERMISSION_MESSAGE = /\b(forbidden|not allowed|only allowed|not permitted|insufficient|permissions?|admins? only|requires? (an? |the )?\w+ role|not authori[sz]ed to|do(es)? not have access|don't have access|not the owner|insufficient_scope)\b/i;
const CREDENTIAL_MESSAGE = /\b((api key|token|credentials|authentication|authorization header) (is )?required|only (available |allowed )?(for|to) (logged[ -]?in|signed[ -]?in|authenticated) users|(for|to) (logged[ -]?in|signed[ -]?in|authenticated) users only|not logged in|log ?in (is )?required|please (log|sign) ?in|sign ?in required|(invalid|missing|no|expired|bad)( or expired| or missing)? (access )?(token|credentials|api key|session|password)|token (is )?(expired|missing|required|invalid)|authentication (is )?required|unauthenticated|not authenticated|invalid_token|jwt expired|session expired|wrong password)\b/i;

/** What an "only allowed ..." restricts the action to when it is a credential: "only allowed with
 * a valid API key" says nothing of a permission. */
const CREDENTIAL_IN_MESSAGE = /\b(token|api[ -]?key|credentials?|log(ged)?[ -]?in|sign(ed)?[ -]?in|authenticat\w*|session|password)\b/i;

export function concernOfMessage(text: string): AuthConcern | undefined {
  if (CREDENTIAL_MESSAGE.test(text)) return 'credentials';
  const permission = PERMISSION_MESSAGE.exec(text);
  if (permission && permission[1].toLowerCase() === 'only allowed' && CREDENTIAL_IN_MESSAGE.test(text)) return undefined;
  return permission ? 'permission' : undefined;
}

/** What a response site answers, with the evidence a message names and the place it points at. */
export interface SiteConcern {
  concern: AuthConcern;
  /** What the evidence is: the guard's failing leaf or condition, the failed check, the message. */
  node: ts.Node;
  /** For the message: "the guard checks `user.role`", "the response says 'admins only'". */
  description: string;
  related: RelatedLocation;
  /** Where the value the guard reads comes from, when that is outside the guard. */
  source?: RelatedLocation;
  /** The project function it comes from, in its own file. */
  definition?: RelatedLocation;
  /** The response's message names the refusal itself ("admins only"): that says the caller is known. */
  namedByMessage?: boolean;
}

/** The related locations of a concern: the evidence, then where its value comes from. */
export function relatedOf(concern: SiteConcern): RelatedLocation[] {
  return [concern.related, ...(concern.source ? [concern.source] : []), ...(concern.definition ? [concern.definition] : [])];
}

/** The definition of the project function a value comes from, for related information. */
function definitionLocation(source: ValueSource | undefined): RelatedLocation | undefined {
  const definition = source?.definition;
  return definition && { file: definition.file, start: definition.start, end: definition.end, message: 'The function the value comes from' };
}

/** The place a guard's value comes from, for related information: none when it is the guard itself. */
function sourceLocation(source: ValueSource, evidence: ts.Node): RelatedLocation | undefined {
  if (source.node.getStart() >= evidence.getStart() && source.node.end <= evidence.end) return undefined;
  return { start: source.node.getStart(), end: source.node.end, message: `Where the value comes from: ${source.description}` };
}

/**
 * What a site's evidence says it refuses: the innermost guard whose condition fails for a
 * credential or a permission, else its messages. Undefined when nothing tells, or when the
 * evidence disagrees: a guard on both (`!user || !user.isAdmin`), a guard that says the very thing
 * is there on this path (`user ? 403 : 401`), a message about the other concern. The heuristic
 * rules report only what a reviewer would.
 */
export function concernOfSite(site: ResponseSite, lookup?: DefinitionLookup): SiteConcern | undefined {
  // Two rules ask about every site: read it once.
  if (!concerns.has(site)) concerns.set(site, readConcern(site, lookup));
  return concerns.get(site);
}

const concerns = new WeakMap<ResponseSite, SiteConcern | undefined>();

/** A guard's evidence quoted for a message: the labels of a `case` with the switch they belong to. */
function quotedGuard(evidence: ts.Node, labels: readonly ts.Expression[] = [evidence as ts.Expression]): string {
  if (!ts.isCaseClause(evidence.parent)) return `\`${describeCode(evidence)}\``;
  const cases = labels.map((label) => `case ${describeCode(label, 40)}`).join(': ');
  return `\`${cases}\` of \`switch (${describeCode(evidence.parent.parent.parent.expression)})\``;
}

function readConcern(site: ResponseSite, lookup?: DefinitionLookup): SiteConcern | undefined {
  const messages = site.messages.map((node) => ({ node, concern: concernOfMessage(node.text) }));
  const said = new Set(messages.map((m) => m.concern).filter((c) => c !== undefined));
  const readings = site.guards.map((guard) => readingsOf(guard, lookup));
  const present = new Set(readings.flat().filter((r) => !r.failing && r.concern !== 'neither').map((r) => r.concern));
  for (const guardReadings of readings) {
    // The innermost guard that fails on something other than the caller decides the path: a record
    // not found, sign-up switched off, a CSRF token that does not match. A 403 is right there. One
    // that holds on the path (`if (process.env.AUTH_ON && !token)`) is a precondition only.
    if (guardReadings.some((r) => r.concern === 'neither' && r.failing)) return undefined;
    const failing = guardReadings.filter((r): r is LeafReading & { concern: AuthConcern } => r.failing && r.concern !== 'neither');
    if (failing.length === 0) continue;
    const concerns = new Set(failing.map((r) => r.concern));
    const [concern] = concerns;
    if (concerns.size > 1 || present.has(concern) || [...said].some((c) => c !== concern)) return undefined;
    // One failing leaf is named by itself (with its `!`); several by the whole condition, or the labels of a case.
    const guard = site.guards[readings.indexOf(guardReadings)];
    const labels = guard.cases && failing.length > 1 ? guard.cases : undefined;
    const evidence = failing.length === 1 ? withNegations(failing[0].leaf) : (labels?.[0] ?? guard.expression);
    const code = quotedGuard(evidence, labels);
    const check = concern === 'permission' ? 'permission check' : 'credentials check';
    const source = failing.length === 1 ? failing[0].source : undefined;
    return {
      concern,
      node: evidence,
      description: source ? `the guard checks ${code}, ${source.description}` : `the guard checks ${code}`,
      related: { start: evidence.getStart(), end: evidence.end, message: `The ${check}: ${code}` },
      source: source && sourceLocation(source, evidence),
      definition: definitionLocation(source),
    };
  }
  // No guard decides: a `catch` around the site may answer a failed verification.
  const failedCheck = failedCheckOfCatch(site.node);
  if (failedCheck && failedCheck.kind !== 'neither' && !present.has(failedCheck.kind) && [...said].every((c) => c === failedCheck.kind)) {
    const code = describeCode(failedCheck.node);
    const check = failedCheck.kind === 'permission' ? 'permission check' : 'credentials check';
    return {
      concern: failedCheck.kind,
      node: failedCheck.node,
      description: `the response is the catch of a failed ${check}, \`${code}\``,
      related: { start: failedCheck.node.getStart(), end: failedCheck.node.end, message: `The ${check} that failed: \`${code}\`` },
      definition: definitionLocation(failedCheck),
    };
  }
  if (said.size !== 1) return undefined;
  const message = messages.find((m) => m.concern)!;
  if (present.has(message.concern!)) return undefined;
  const text = describeCode(message.node);
  return {
    concern: message.concern!,
    node: message.node,
    description: `the response says ${text}`,
    related: { start: message.node.getStart(), end: message.node.end, message: `The response message: ${text}` },
    namedByMessage: true,
  };
}
