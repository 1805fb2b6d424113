// A file's summary: what its top-level declarations do that matters to other files, as plain data
// (no syntax tree), so that it can be cached by the file's content hash and read by the analysis of
// any file that imports it. Names in it are the file's own: an import or a local declaration. The
// project index (../project.ts) resolves them across files, and ../evaluate.ts reads a call
// through them.
import type { CheckKind, Framework } from '../../model/types';

/** A place in the summarized file: for messages ("src/lib/response.ts:28") and related information. */
export interface Spot {
  start: number;
  end: number;
  /** 1-based. */
  line: number;
}

/** A name as the file writes it: `sendError`, or `api.sendError` / `codes.UNAUTHORIZED` (a member of it). */
export interface Ref {
  name: string;
  members?: string[];
}

/** What an expression is, as far as statuses and the calls that make them go. */
export type Value =
  /** A status code written here: a literal, a const of the file, `StatusCodes.X`. */
  | { kind: 'status'; code: number; spot: Spot }
  /** A name that may be a status (a constant of another file) or a callable: resolved by the index. */
  | { kind: 'ref'; ref: Ref; spot: Spot }
  /** A parameter of the function the expression is in (or a property of it: `options.status`). */
  | { kind: 'parameter'; index: number; property?: string; fallback?: Value }
  | { kind: 'object'; properties: Record<string, Value> }
  | { kind: 'string'; text: string; spot?: Spot }
  | { kind: 'either'; values: Value[] }
  /** A call or construction of a project name: `new RequestError({ status: 401 })`, `sendError(res, 401)`. */
  | { kind: 'call'; callee: Ref; construct: boolean; args: Value[]; spot: Spot }
  /** A property of what a call returns: `(await getProject(id)).status`. */
  | { kind: 'member'; object: Value; property: string }
  | { kind: 'unknown' };

/** Whether a response carries a `WWW-Authenticate` challenge: set, absent, or not known. */
export type Challenge = 'set' | 'absent' | 'unknown';

/** The branch an effect is on, when an argument picks it: parameter `index` (or its `property`)
 * equal to one of `equals` (`switch (error.type) { case 'unauthorized': ... }`). */
export interface Selector {
  index: number;
  property?: string;
  equals: (string | number)[];
}

/** What running a function does that can send a status, and the branch it is on, if an argument
 * picks it. */
export type Effect = (
  /** A framework sends or builds a response with this status inside the function (the model's site):
   * `res.status(status).json()` with `status` a parameter, `Response.json(b, { status: 401 })`. */
  | { kind: 'sends'; status: Value; challenge: Challenge; framework: Framework; spot: Spot }
  /** It throws this value (`throw new RequestError(...)`). */
  | { kind: 'throws'; value: Value }
  /** It returns this value (a factory: `return new AuthError()`, `() => unauthorized()`). */
  | { kind: 'returns'; value: Value }
  /** It calls a project function for its effect (`sendError(res, 403)`, `next(new AuthError())`). */
  | { kind: 'calls'; value: Value }
  /** An assertion: it throws `error` when its parameter `condition` is falsy. */
  | { kind: 'asserts'; condition: number; error: Value }
) & { when?: Selector };

/** A function, an arrow function, or a method. */
export interface CallableSymbol {
  kind: 'callable';
  spot: Spot;
  effects: Effect[];
  /** How it answers an error, when it takes one first (`(err, c) => ...`): read when the app
   * registers it as its error handler in another file (`app.onError(handleError)`). */
  handler?: HandlerBranch[];
  /** What its result says, when its returns tell (summary/checks.ts): a guard of another file
   * that calls it reads this before the function's name. */
  check?: CheckKind;
  /** The parameter it maps to what it returns, when it does nothing else (summary/mappers.ts). */
  mapsBy?: Pick<Selector, 'index' | 'property'>;
}

/** A class: an error class (its status, from its own fields or its constructor's call to `super`),
 * or a holder of static helpers (`ApiResponse.unauthorized()`). */
export interface ClassSymbol {
  kind: 'class';
  spot: Spot;
  extends?: Value;
  /** The arguments its constructor gives `super(...)`, in terms of the constructor's parameters. */
  superArgs?: Value[];
  /** Status-like properties it sets: `status = 401`, `this.statusCode = options.status`. */
  fields: Record<string, Value>;
  /** Whether its instances carry a challenge in `headers`. */
  headers: Challenge | 'none';
  statics: Record<string, Symbol>;
  /** A Nest exception filter (`@Catch(...)`): what it catches and how its `catch` answers. */
  filter?: { catches?: Ref[]; branches: HandlerBranch[] };
}

export type Symbol =
  | CallableSymbol
  | ClassSymbol
  /** An object or an enum: `{ UNAUTHORIZED: 401 }`, `module.exports = { sendError, notFound() {} }`. */
  | { kind: 'table'; members: Record<string, Symbol> }
  /** A name bound to a value: `export const UNAUTHORIZED = 401`, `const X = other.Y`. */
  | { kind: 'value'; value: Value };

/** Where an import or a re-export reads from: a module, and the name it takes there
 * (`default`, `*` for the whole module, or an exported name). */
export interface ImportRef {
  specifier: string;
  name: string;
}

/** An app-level error handler: what it does with a 401 error, per class it tells apart. */
export interface HandlerSummary {
  framework: Framework;
  spot: Spot;
  /** How it reads as the handler of the whole app: an Express 4-argument middleware, Fastify's setErrorHandler, ... */
  shape: string;
  branches: HandlerBranch[];
}

export type HandlerOutcome =
  /** It adds a challenge on (at least) a 401. */
  | 'challenge'
  /** It sends the error's own `headers`. */
  | 'copies-headers'
  /** It sends the error's status without a challenge and without the error's headers. */
  | 'drops'
  /** It hands the error on (rethrows, `next(err)`, returns without answering): another handler decides. */
  | 'passes'
  | 'unknown';

export interface HandlerBranch {
  /** The classes this branch is for (`err instanceof RequestError`), as the handler's file names them;
   * undefined for the branch every other error takes. */
  classes?: Ref[];
  outcome: HandlerOutcome;
  spot: Spot;
}

export interface FileSummary {
  /** Local name -> where it is imported from. */
  imports: Record<string, ImportRef>;
  /** Exported name -> the local name it exports, or where it re-exports it from. */
  exports: Record<string, { local: string } | ImportRef>;
  /** `export * from '...'`. */
  starExports: string[];
  /** Top-level declarations that matter, by local name. */
  symbols: Record<string, Symbol>;
  /** Error handlers this file defines and that act for the whole app by their shape (an Express
   * 4-argument middleware, a Koa try/catch middleware) or where they are registered inline. */
  handlers: HandlerSummary[];
  /** Error handlers this file registers by name: `app.onError(handleError)`,
   * `app.useGlobalFilters(new AllExceptionsFilter())`, `{ provide: APP_FILTER, useClass: X }`. */
  registrations: { framework: Framework; ref: Ref; spot: Spot }[];
}
