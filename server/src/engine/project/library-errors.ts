// Error classes and factories of libraries, known by module and name (the project index never reads
// node_modules): where their status comes from, and how their frameworks answer them by default.
// A project class that extends one (`class AuthError extends HttpException`) inherits this.
import type { Framework } from '../model/types';

export interface LibraryError {
  /** The status: fixed, or from an argument (by index, or a property of it), given as a number or,
   * with `names`, as the name of one (`new TRPCError({ code: 'UNAUTHORIZED' })`). */
  status: { code: number } | { argument: number; property?: string; names?: Readonly<Record<string, number>> };
  /** What the framework's own error handling does with an instance: `copies-headers` (Koa's
   * onerror, Express's finalhandler, Fastify's error handler send `err.headers`), `drops`. */
  byDefault: 'copies-headers' | 'drops';
  /** The frameworks whose error handlers receive it (none: no app handler shape is known for it). */
  answeredBy: readonly Framework[];
}

const NEST = /^@nestjs\/common$/;
const HONO = /^hono(\/http-exception)?$/;
const HTTP_ERRORS = /^http-errors$/;
const FASTIFY_ERROR = /^@fastify\/error$/;
const TRPC = /^@trpc\/server(\/|$)/;

/** tRPC's error codes for the statuses the rules read (getHTTPStatusCodeFromError). */
export const TRPC_CODES: Readonly<Record<string, number>> = { UNAUTHORIZED: 401, FORBIDDEN: 403 };

const TABLE: [RegExp, string, LibraryError][] = [
  [NEST, 'HttpException', { status: { argument: 1 }, byDefault: 'drops', answeredBy: ['nestjs'] }],
  [NEST, 'UnauthorizedException', { status: { code: 401 }, byDefault: 'drops', answeredBy: ['nestjs'] }],
  [NEST, 'ForbiddenException', { status: { code: 403 }, byDefault: 'drops', answeredBy: ['nestjs'] }],
  [HONO, 'HTTPException', { status: { argument: 0 }, byDefault: 'drops', answeredBy: ['hono'] }],
  [HTTP_ERRORS, 'default', { status: { argument: 0 }, byDefault: 'copies-headers', answeredBy: ['express', 'koa', 'fastify'] }],
  [HTTP_ERRORS, '*', { status: { argument: 0 }, byDefault: 'copies-headers', answeredBy: ['express', 'koa', 'fastify'] }],
  [HTTP_ERRORS, 'Unauthorized', { status: { code: 401 }, byDefault: 'copies-headers', answeredBy: ['express', 'koa', 'fastify'] }],
  [HTTP_ERRORS, 'Forbidden', { status: { code: 403 }, byDefault: 'copies-headers', answeredBy: ['express', 'koa', 'fastify'] }],
  [HTTP_ERRORS, 'ProxyAuthenticationRequired', { status: { code: 407 }, byDefault: 'copies-headers', answeredBy: ['express', 'koa', 'fastify'] }],
  // tRPC's HTTP adapters answer with the code's status and the app's responseMeta headers, none by default.
  [TRPC, 'TRPCError', { status: { argument: 0, property: 'code', names: TRPC_CODES }, byDefault: 'drops', answeredBy: [] }],
  [FASTIFY_ERROR, 'default', { status: { argument: 2 }, byDefault: 'copies-headers', answeredBy: ['fastify'] }],
  [FASTIFY_ERROR, '*', { status: { argument: 2 }, byDefault: 'copies-headers', answeredBy: ['fastify'] }],
];

/** Whether a module is one of the libraries above: what is imported from it may carry a status. */
export function isErrorLibrary(specifier: string): boolean {
  return TABLE.some(([module]) => module.test(specifier));
}

export function libraryError(specifier: string, name: string): LibraryError | undefined {
  for (const [module, exported, error] of TABLE) if (exported === name && module.test(specifier)) return error;
  return undefined;
}
