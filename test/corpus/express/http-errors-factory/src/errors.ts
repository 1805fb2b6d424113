import createError from 'http-errors';

// Factories over http-errors: the status is fixed here, once.
export const TokenError = (message: string) => createError(401, message); // expect: missing-www-authenticate
export const ChallengedTokenError = (message: string) => createError(401, message, { headers: { 'WWW-Authenticate': 'Bearer realm="app"' } });
export const RoleError = (message: string) => createError(403, message);
