// Reads what a guard or a response message is about: the caller's credentials (who are you?) or
// their permissions (may you?). RFC 9110 §11.4, §15.5.4: inadequate credentials of a known caller
// are a 403; missing or invalid ones are a 401. Heuristic rules report only on this evidence.
import * as ts from 'typescript';
import type { Guard, ResponseSite } from './model/types';
import type { RelatedLocation } from './types';

export type AuthConcern = 'permission' | 'credentials';

const PERMISSION_WORDS = new Set([
  'role', 'roles', 'permission', 'permissions', 'perm', 'perms', 'admin', 'admins', 'administrator', 'superuser',
  'owner', 'owners', 'ownership', 'owns', 'scope', 'scopes', 'privilege', 'privileges', 'acl', 'grant', 'grants',
  'granted', 'allowed', 'entitlement', 'entitlements', 'ability', 'forbidden', 'author',
]);
const CREDENTIAL_WORDS = new Set([
  'token', 'jwt', 'session', 'credential', 'credentials', 'password', 'passwd', 'apikey', 'authorization',
  'authenticated', 'unauthenticated', 'authentication', 'login', 'logged', 'signedin', 'bearer', 'verify',
  'anonymous', 'guest',
]);
/** Names of the current user: a guard on the user's mere presence (`!req.user`) is about credentials. */
const USER_WORDS = new Set(['user', 'principal', 'account', 'identity', 'caller']);

/** `isAdmin` -> is, admin; `user_roles` -> user, roles; `apiKey` -> api, key, apikey. */
function wordsOf(name: string): string[] {
  const parts = name.split(/[^A-Za-z0-9]+|(?<=[a-z0-9])(?=[A-Z])/).filter(Boolean).map((p) => p.toLowerCase());
  const joined: string[] = [];
  for (let i = 0; i + 1 < parts.length; i++) joined.push(parts[i] + parts[i + 1]);
  return [...parts, ...joined];
}

/** Leaves of a condition: `!a || (b && c.d)` -> a, b, c.d. */
function leavesOf(expression: ts.Expression): ts.Expression[] {
  if (ts.isParenthesizedExpression(expression)) return leavesOf(expression.expression);
  if (ts.isPrefixUnaryExpression(expression) && expression.operator === ts.SyntaxKind.ExclamationToken) return leavesOf(expression.operand);
  if (ts.isBinaryExpression(expression)) {
    const op = expression.operatorToken.kind;
    if (op === ts.SyntaxKind.AmpersandAmpersandToken || op === ts.SyntaxKind.BarBarToken) {
      return [...leavesOf(expression.left), ...leavesOf(expression.right)];
    }
  }
  return [expression];
}

function namesIn(node: ts.Node): { identifiers: string[]; words: string[]; last: string | undefined } {
  const identifiers: string[] = [];
  const words: string[] = [];
  let last: string | undefined;
  const visit = (child: ts.Node): void => {
    if (ts.isIdentifier(child) || ts.isPrivateIdentifier(child)) {
      identifiers.push(child.text);
      words.push(...wordsOf(child.text));
      last = child.text;
    } else if (ts.isStringLiteralLike(child)) {
      words.push(...wordsOf(child.text));
    }
    ts.forEachChild(child, visit);
  };
  visit(node);
  return { identifiers, words, last };
}

function concernOfLeaf(leaf: ts.Expression): AuthConcern | undefined {
  const { identifiers, words, last } = namesIn(leaf);
  if (words.some((w) => PERMISSION_WORDS.has(w))) return 'permission';
  // `canEdit(user, post)`, `ability.can('read', post)`
  if (identifiers.some((name) => name === 'can' || /^can[A-Z]/.test(name))) return 'permission';
  if (words.some((w) => CREDENTIAL_WORDS.has(w))) return 'credentials';
  if (last && wordsOf(last).some((w) => USER_WORDS.has(w))) return 'credentials';
  return undefined;
}

/** What a guard checks, and the part of it that says so: `permission` only when every leaf that
 * says anything is about permissions; `mixed` (`!user || !user.isAdmin`) when it checks both,
 * where either status could be meant. */
export function concernOfGuard(guard: Guard): { concern: AuthConcern | 'mixed'; evidence: ts.Expression } | undefined {
  const telling = leavesOf(guard.expression)
    .map((leaf) => ({ leaf, concern: concernOfLeaf(leaf) }))
    .filter((entry): entry is { leaf: ts.Expression; concern: AuthConcern } => entry.concern !== undefined);
  if (telling.length === 0) return undefined;
  const concerns = new Set(telling.map((entry) => entry.concern));
  if (concerns.size > 1) return { concern: 'mixed', evidence: guard.expression };
  // One telling leaf is named by itself; several are named by the whole condition.
  return { concern: telling[0].concern, evidence: telling.length === 1 ? telling[0].leaf : guard.expression };
}

const PERMISSION_MESSAGE = /\b(forbidden|not allowed|not permitted|insufficient|permissions?|admins? only|requires? (an? |the )?\w+ role|not authori[sz]ed to|do(es)? not have access|don't have access|not the owner|insufficient_scope)\b/i;
const CREDENTIAL_MESSAGE = /\b(not logged in|log ?in (is )?required|please (log|sign) ?in|sign ?in required|(invalid|missing|no|expired|bad)( or expired| or missing)? (access )?(token|credentials|api key|session|password)|token (is )?(expired|missing|required|invalid)|authentication (is )?required|unauthenticated|not authenticated|invalid_token|jwt expired|session expired|wrong password)\b/i;

export function concernOfMessage(text: string): AuthConcern | undefined {
  if (CREDENTIAL_MESSAGE.test(text)) return 'credentials';
  if (PERMISSION_MESSAGE.test(text)) return 'permission';
  return undefined;
}

/** The code of a guard as a message shows it: one line, at most 60 characters. */
export function describeCode(node: ts.Node): string {
  const text = node.getText().replace(/\s+/g, ' ');
  return text.length > 60 ? `${text.slice(0, 57)}...` : text;
}

/** What a response site answers, with the evidence a message names and the place it points at. */
export interface SiteConcern {
  concern: AuthConcern;
  /** For the message: "the guard checks `user.role`", "the response says 'admins only'". */
  description: string;
  related: RelatedLocation;
}

/**
 * What a site's evidence says it refuses: the innermost guard that tells, else its messages.
 * Undefined when nothing tells, or when the evidence disagrees (a guard on roles with a "please
 * log in" message, a guard on both): the heuristic rules report only what a reviewer would.
 */
export function concernOfSite(site: ResponseSite): SiteConcern | undefined {
  const messages = site.messages.map((node) => ({ node, concern: concernOfMessage(node.text) }));
  const saidConcerns = new Set(messages.map((m) => m.concern).filter((c) => c !== undefined));
  for (const guard of site.guards) {
    const read = concernOfGuard(guard);
    if (read === undefined) continue;
    if (read.concern === 'mixed' || [...saidConcerns].some((c) => c !== read.concern)) return undefined;
    const code = describeCode(read.evidence);
    const check = read.concern === 'permission' ? 'permission check' : 'credentials check';
    return {
      concern: read.concern,
      description: `the guard checks \`${code}\``,
      related: { start: read.evidence.getStart(), end: read.evidence.end, message: `The ${check}: \`${code}\`` },
    };
  }
  if (saidConcerns.size !== 1) return undefined;
  const message = messages.find((m) => m.concern)!;
  const text = describeCode(message.node);
  return {
    concern: message.concern!,
    description: `the response says ${text}`,
    related: { start: message.node.getStart(), end: message.node.end, message: `The response message: ${text}` },
  };
}
