import type * as ts from 'typescript';
import type { TextEdit } from '../types';
import type { SourceStyle } from './syntax/source-style';

export type Framework =
  | 'express'
  | 'node-http'
  | 'fastify'
  | 'koa'
  | 'hapi'
  | 'nestjs'
  | 'nextjs'
  | 'fetch'
  | 'hono'
  | 'h3'
  | 'elysia'
  | 'http-errors'
  /** The project's own helpers, error classes and factories, read through its summaries. */
  | 'project';

/** A header written on a response. `name` is lower-cased; `undefined` when it is not statically
 * known (a variable, a spread, a header object built elsewhere), which rules treat as "may be
 * any header" so that they stay silent rather than guess. */
export interface HeaderWrite {
  name: string | undefined;
  /** The value when it is a string known at compile time. */
  value: string | undefined;
  /** The node written as the header name, when it is a string literal (fixes rename it). */
  nameNode: ts.StringLiteralLike | undefined;
  /** The expression written as the value, when there is one. */
  valueNode: ts.Expression | undefined;
  /** The string literal the value comes from: the value itself, or the initializer of the const it names. */
  valueLiteral?: ts.StringLiteralLike;
  /** The whole write, for evidence. */
  node: ts.Node;
}

/** A condition under which a response site runs: `negated` when the site is on its false side.
 * A `case` of a `switch` is one too: the site runs when `expression` (what the switch tests) is one
 * of `cases` (the clause's labels, with those of the empty clauses that fall into it). */
export interface Guard {
  expression: ts.Expression;
  negated: boolean;
  cases?: readonly ts.Expression[];
}

/** The edits of a fix, or why no edit in the framework's idiom can make it (shown to the user,
 * e.g. "UnauthorizedException carries no headers"). */
export type FixOutcome = { edits: TextEdit[] } | { unavailable: string };

/** A status sent, in the form the code writes it (`401`, `StatusCodes.UNAUTHORIZED`, a const,
 * `UnauthorizedException`, `Boom.unauthorized`). */
export interface StatusValue {
  code: number;
  node: ts.Node;
  /** Rewrites this status as `code` in the same form (`StatusCodes.FORBIDDEN`, `ForbiddenException`). */
  rewrite(code: number): FixOutcome;
  /** Where the code is written, when that is in another function or file than the site: the
   * `return { status: 401 }` of a controller whose result the route sends. */
  writtenAt?: FileSpot & { label: string };
  /** Where the function chooses this status for a variable that the send writes (`statusCode =
   * 401` before `res.status(statusCode)`, values/assigned-status.ts): the site is reported there. */
  chosenAt?: ts.Node;
}

/** Writes a change in the idiom of the site's framework. */
export interface ResponseFixer {
  /** Adds a header; `valueCode` is source text (a string literal in the file's quotes, or an expression). */
  addHeader(name: string, valueCode: string): FixOutcome;
}

/** A header write that the framework drops before the response leaves (Koa's `ctx.throw`
 * clears headers set on `ctx`: koajs/koa#537). */
export interface DroppedHeader {
  write: HeaderWrite;
  reason: string;
}

/** An error a framework's exception carries its status in, thrown to the app's error handling
 * (`throw new UnauthorizedException()`, `ctx.throw(401)`): by its library's classes, nearest first,
 * so that the app's error handlers that tell errors apart by class can be read for it. */
export interface ThrownError {
  classes: { name: string; library: string }[];
  /** The frameworks whose error handling receives it (an app's Koa middleware never sees an h3 error). */
  answeredBy: readonly Framework[];
}

/** A place in a file of the project, for messages and related information. */
export interface FileSpot {
  file: string;
  start: number;
  end: number;
  /** 1-based. */
  line: number;
  /** `src/lib/response.ts:28`: relative to the project root, for messages. */
  where: string;
}

/** Where a site's status comes from when it goes through the project's own code: a helper, an
 * error class or a factory, possibly defined in another file, and the handler that answers it. */
export interface SiteOrigin {
  /** What the code calls, as messages name it: `sendError()`, `RequestError`, `responses.unauthorized()`. */
  label: string;
  definition: FileSpot;
  /** `here`: the status is written in this call's arguments, and the finding about its headers is
   * made here; `definition`: the status is fixed inside `name`, where that finding is made. */
  decided: 'here' | 'definition';
  /** The app's error handler that answers this error (for errors). */
  handler?: FileSpot & { shape: string; framework: Framework };
  /** Why the framework's own error handling decides (for errors no handler of the app answers). */
  byDefault?: string;
}

/** One place where a response gets its status, with what the analysis knows around it. */
export interface ResponseSite {
  framework: Framework;
  status: StatusValue;
  /** The expression that sets the status: `res.status(401)`, `throw new UnauthorizedException()`, ... */
  node: ts.Node;
  /** Where a finding about this site is underlined. */
  range: { start: number; end: number };
  /** Headers that reach the client with this status: written with it or on the same response
   * along the same path. */
  headers: HeaderWrite[];
  /** Writes on the same response inside the same function that are not on this site's path. */
  headersElsewhere: HeaderWrite[];
  /** Writes on the path that the framework drops for this kind of site. */
  droppedHeaders: DroppedHeader[];
  /** Conditions that decide this site runs, innermost first. */
  guards: Guard[];
  /** String literals sent with the response (body, status message, exception message). */
  messages: ts.StringLiteralLike[];
  fixer: ResponseFixer;
  /** Set when the status goes through the project's own code. */
  origin?: SiteOrigin;
  /** Set when the site throws a framework's error, which the app's error handlers may answer. */
  thrownError?: ThrownError;
}

/** What the whole file tells, gathered in the same walk. */
export interface FileFacts {
  modules: Set<string>;
  /** Frameworks whose modules the file imports. */
  frameworks: Set<Framework>;
  /** Why this file is taken as proxy code, or undefined for an origin server. */
  proxyEvidence: string | undefined;
  style: SourceStyle;
}

export interface ResponseModel {
  sourceFile: ts.SourceFile;
  facts: FileFacts;
  /** Where a status is written, in this file: what the rules about headers and proxies check. */
  sites: ResponseSite[];
  /** Calls of the project's helpers whose status is written inside them (`return unauthorized()`):
   * the finding about its headers is the helper's, but the guard that decides is here, and the
   * rules about guards read these too. */
  helperCalls?: ResponseSite[];
  /** The project's functions by the calls that run them (set when the file is read in its project). */
  definitions?: DefinitionLookup;
  /** Every header write an adapter recognized, with or without a status site: built on request
   * (one rule reads them). */
  headerWrites(): HeaderWrite[];
}

/** What a project function's result says, read from its returns where it is defined
 * (engine/evidence/provenance.ts): a credentials check, a permission check, a check of neither, a
 * record looked up. */
export type CheckKind = 'credentials' | 'permission' | 'neither' | 'record';

/** A project function that a call runs, as the project analysis knows it. */
/** Where a called function of the project is defined, and what its returns check. */
export interface CallDefinition extends FileSpot {
  check?: CheckKind;
}

/** The project's functions by the calls that run them. */
export type DefinitionLookup = (call: ts.CallExpression) => CallDefinition | undefined;
