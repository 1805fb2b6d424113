// Constants that name an auth failure, as code compares an error's code or name with them:
// `err.code === 'FORBIDDEN'`, `case 'PERMISSION_DENIED':`, `err.code === 'UNAUTHENTICATED'`. Only
// the constant's own name says it (not the namespace it sits in: `Role.Guest` is a role, not a
// failure), and only when it says one thing plainly: a refused permission, or a caller who is not
// authenticated. A token that is missing, expired or invalid says nothing: most tokens an app
// compares are not the request's credentials (an invitation, a password reset, a share link, a
// webhook's signature), and neither are codes of other failures ('invalid_grant' of OAuth,
// 'ACCOUNT_LOCKED', 'TooManyAttemptsError'), a negation ('NOT_FORBIDDEN'), or both concerns at once.
import ts from 'typescript';
import type { AuthConcern } from './concern';
import { wordsOf } from './words';

const PERMISSION_NOUNS = new Set(['permission', 'permissions', 'scope', 'scopes', 'role', 'roles', 'privilege', 'privileges']);
const REFUSALS = new Set(['denied', 'insufficient']);
const NEGATIONS = new Set(['not', 'no', 'non']);
/** The words of a credential in a name (`TokenExpiredError`, `JsonWebTokenError`, `InvalidSessionError`). */
const CREDENTIAL_NOUNS = new Set(['token', 'jwt', 'session', 'credential', 'credentials', 'password', 'apikey', 'signature', 'unauthenticated', 'unauthorized', 'authentication']);

const isConstantName = (name: string) => /^[A-Z][A-Z0-9_]+$/.test(name);

/** The text of a constant as code compares a value with it: a string (`'FORBIDDEN'`), an
 * UPPER_CASE name, or the member of a capitalised enum or namespace (`ErrorCode.Forbidden`). */
function constantText(node: ts.Expression): string | undefined {
  if (ts.isStringLiteralLike(node)) return node.text;
  if (ts.isIdentifier(node)) return isConstantName(node.text) ? node.text : undefined;
  if (!ts.isPropertyAccessExpression(node)) return undefined;
  let namespace: ts.Expression = node.expression;
  while (ts.isPropertyAccessExpression(namespace)) namespace = namespace.expression;
  return ts.isIdentifier(namespace) && /^[A-Z]/.test(namespace.text) ? node.name.text : undefined;
}

/** Whether `node` is a constant code compares with (a string, an UPPER_CASE name, an enum member). */
export function isConstant(node: ts.Expression): boolean {
  return constantText(node) !== undefined;
}

/** The failure a constant names: 'permission' for `'FORBIDDEN'`, `PermissionDenied`,
 * `insufficient_scope`; 'credentials' for `'UNAUTHENTICATED'`, `NOT_AUTHENTICATED`; undefined for
 * any other constant. */
export function failureNamedBy(constant: ts.Expression): AuthConcern | undefined {
  const text = constantText(constant);
  if (text === undefined) return undefined;
  const words = wordsOf(text);
  const has = (set: ReadonlySet<string>) => words.some((word) => set.has(word));
  const negated = has(NEGATIONS);
  const unauthenticated = words.includes('unauthenticated') || (negated && words.some((word) => word === 'authenticated' || word === 'logged' || word === 'signed'));
  if (negated && !unauthenticated) return undefined;
  const permission = words.includes('forbidden') || (has(REFUSALS) && has(PERMISSION_NOUNS));
  if (permission === unauthenticated) return undefined;
  return permission ? 'permission' : 'credentials';
}

/** Words of a state that is a failure, as a value is compared with it (`state !== 'expired'`). */
const FAILURE_STATES = new Set(['expired', 'invalid', 'revoked', 'missing', 'denied', 'forbidden', 'banned', 'locked', 'disabled', 'blocked']);

/** Whether a constant names a state that is a failure (`'expired'`, `Status.LOCKED`), of whatever concern. */
export function namesFailureState(constant: ts.Expression): boolean {
  const text = constantText(constant);
  return text !== undefined && wordsOf(text).some((word) => FAILURE_STATES.has(word));
}

/** Whether a name speaks of a credential (`jwt.TokenExpiredError`, `AuthenticationError`): an error
 * of that class may be the failure of the request's credentials. */
export function namesCredential(name: string): boolean {
  return wordsOf(name).some((word) => CREDENTIAL_NOUNS.has(word));
}

/** The sides of `a === b`, `a != b` with the constant one second, and whether it tests equality. */
export function comparisonWithConstant(leaf: ts.Expression): { value: ts.Expression; constant: ts.Expression; equal: boolean } | undefined {
  if (!ts.isBinaryExpression(leaf)) return undefined;
  const op = leaf.operatorToken.kind;
  const equal = op === ts.SyntaxKind.EqualsEqualsEqualsToken || op === ts.SyntaxKind.EqualsEqualsToken;
  if (!equal && op !== ts.SyntaxKind.ExclamationEqualsEqualsToken && op !== ts.SyntaxKind.ExclamationEqualsToken) return undefined;
  if (isConstant(leaf.right)) return { value: leaf.left, constant: leaf.right, equal };
  if (isConstant(leaf.left)) return { value: leaf.right, constant: leaf.left, equal };
  return undefined;
}
