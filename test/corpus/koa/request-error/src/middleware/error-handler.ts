import type { Middleware } from 'koa';
import RequestError from '#src/errors/request-error.js';

// Answers every RequestError with its status and code: no challenge, and the error has no headers.
export default function errorHandler(): Middleware {
  return async (ctx, next) => {
    try {
      await next();
    } catch (error: unknown) {
      if (error instanceof RequestError) {
        ctx.status = error.status;
        ctx.body = { code: error.code };
        return;
      }
      ctx.status = 500;
      ctx.body = { code: 'internal' };
    }
  };
}
