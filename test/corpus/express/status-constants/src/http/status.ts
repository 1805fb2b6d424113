export const UNAUTHORIZED = 401;
export const FORBIDDEN = 403;
export const codes = { UNAUTHORIZED: 401, FORBIDDEN: 403, NOT_FOUND: 404 } as const;
