import { HTTPException } from 'hono/http-exception';

// Factories over Hono's HTTPException: the status is fixed here.
export const unauthenticated = (message = 'token required') => new HTTPException(401, { message }); // expect: missing-www-authenticate
export const denied = (message = 'not allowed') => new HTTPException(403, { message });
