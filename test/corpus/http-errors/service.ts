// A framework-neutral service layer that throws http-errors; routes in any framework rethrow them.
import createError from 'http-errors';
import { verify } from './tokens';
import { ledger } from './ledger';

export interface Caller {
  id: string;
  roles: string[];
  scopes: string[];
}

export async function authenticate(authorization: string | undefined): Promise<Caller> {
  if (!authorization) {
    throw createError(401, 'missing credentials'); // expect: missing-www-authenticate
  }
  const caller = await verify(authorization.replace(/^Bearer /, ''));
  if (!caller) {
    throw createError(401, 'invalid token', {
      headers: { 'WWW-Authenticate': 'Bearer realm="ledger", error="invalid_token"' },
    });
  }
  return caller;
}

export function assertScope(caller: Caller, scope: string): void {
  if (!caller.scopes.includes(scope)) {
    throw createError(403, `missing scope ${scope}`, {
      headers: { 'WWW-Authenticate': `Bearer realm="ledger", error="insufficient_scope", scope="${scope}"` },
    });
  }
}

// A known caller without the role: the status should be 403.
export function assertAccountant(caller: Caller): void {
  if (!caller.roles.includes('accountant')) {
    throw new createError.Unauthorized('Accountants only'); // expect: missing-www-authenticate, unauthorized-for-permission
  }
}

export async function entries(authorization: string | undefined) {
  const caller = await authenticate(authorization);
  assertScope(caller, 'ledger:read');
  return ledger.entries(caller.id);
}

export async function closeBooks(authorization: string | undefined) {
  const caller = await authenticate(authorization);
  assertAccountant(caller);
  return ledger.close();
}

// A challenge without a scheme in the error's headers: reported once, as invalid-challenge.
export async function exportBooks(authorization: string | undefined) {
  if (!authorization) {
    throw createError(401, 'login required', {
      headers: { 'WWW-Authenticate': 'realm="ledger"' }, // expect: invalid-challenge
    });
  }
  return ledger.exportAll();
}

// An expired session is a credential problem: 401, not 403.
export async function reopenBooks(sessionExpired: boolean) {
  if (sessionExpired) {
    throw new createError.Forbidden('Session expired, please log in again'); // expect: forbidden-for-missing-credentials
  }
  return ledger.reopen();
}
