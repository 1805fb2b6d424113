// Error classes and factories of libraries, known by module and name (the project index never reads
// node_modules): where their status comes from, and how their frameworks answer them by default.
// A project class that extends one (`class AuthError extends HttpException`) inherits this.
export interface LibraryError {
  /** The status: fixed, or from an argument (by index, or a property of it). */
  status: { code: number } | { argument: number; property?: string };
  /** What the framework's own error handling does with an instance: `copies-headers` (Koa's
   * onerror, Express's finalhandler, Fastify's error handler send `err.headers`), `drops`. */
  byDefault: 'copies-headers' | 'drops';
  /** Whether the value is a class to construct, or a factory that returns a class (`@fastify/error`). */
  makesClass?: boolean;
}

const NEST = /^@nestjs\/common$/;
const HONO = /^hono(\/http-exception)?$/;
const HTTP_ERRORS = /^http-errors$/;
const FASTIFY_ERROR = /^@fastify\/error$/;

const TABLE: [RegExp, string, LibraryError][] = [
  [NEST, 'HttpException', { status: { argument: 1 }, byDefault: 'drops' }],
  [NEST, 'UnauthorizedException', { status: { code: 401 }, byDefault: 'drops' }],
  [NEST, 'ForbiddenException', { status: { code: 403 }, byDefault: 'drops' }],
  [HONO, 'HTTPException', { status: { argument: 0 }, byDefault: 'drops' }],
  [HTTP_ERRORS, 'default', { status: { argument: 0 }, byDefault: 'copies-headers' }],
  [HTTP_ERRORS, '*', { status: { argument: 0 }, byDefault: 'copies-headers' }],
  [HTTP_ERRORS, 'Unauthorized', { status: { code: 401 }, byDefault: 'copies-headers' }],
  [HTTP_ERRORS, 'Forbidden', { status: { code: 403 }, byDefault: 'copies-headers' }],
  [HTTP_ERRORS, 'ProxyAuthenticationRequired', { status: { code: 407 }, byDefault: 'copies-headers' }],
  [FASTIFY_ERROR, 'default', { status: { argument: 2 }, byDefault: 'copies-headers', makesClass: true }],
  [FASTIFY_ERROR, '*', { status: { argument: 2 }, byDefault: 'copies-headers', makesClass: true }],
];

export function libraryError(specifier: string, name: string): LibraryError | undefined {
  for (const [module, exported, error] of TABLE) if (exported === name && module.test(specifier)) return error;
  return undefined;
}
