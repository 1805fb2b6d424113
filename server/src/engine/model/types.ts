import type * as ts from 'typescript';
import type { TextEdit } from '../types';
import type { SourceStyle } from './source-style';

export type Framework = 'express' | 'node-http';

/** A header written on a response. `name` is lower-cased; `undefined` when it is not statically
 * known (a variable, a spread, a header object built elsewhere), which rules treat as "may be
 * any header" so that they stay silent rather than guess. */
export interface HeaderWrite {
  name: string | undefined;
  /** The value when it is a string known at compile time. */
  value: string | undefined;
  /** The node written as the header name, when it is a string literal (fixes rename it). */
  nameNode: ts.StringLiteralLike | undefined;
  /** The whole write, for evidence. */
  node: ts.Node;
}

/** A condition under which a response site runs: `negated` when the site is on its false side. */
export interface Guard {
  expression: ts.Expression;
  negated: boolean;
}

/** A status sent, written in one of the forms a fix must keep (`401`, `StatusCodes.UNAUTHORIZED`, a const). */
export interface StatusValue {
  code: number;
  node: ts.Expression;
  /** Source text that writes `code` in the same form as `node` (`StatusCodes.FORBIDDEN` for `StatusCodes.UNAUTHORIZED`). */
  spell(code: number): string;
}

/** Writes a change in the idiom of the site's framework. Returns undefined when no edit in that
 * idiom would be valid code, so the rule offers no fix instead of a broken one. */
export interface ResponseFixer {
  addHeader(name: string, value: string): TextEdit[] | undefined;
}

/** One place where a response gets its status, with what the analysis knows around it. */
export interface ResponseSite {
  framework: Framework;
  status: StatusValue;
  /** The expression that sets the status: `res.status(401)`, `res.statusCode = 401`, ... */
  node: ts.Node;
  /** Where a finding about this site is underlined. */
  range: { start: number; end: number };
  /** Headers written on the same response along the same path (the chain, earlier and later statements). */
  headers: HeaderWrite[];
  /** Writes on the same response inside the same function that are not on this site's path. */
  headersElsewhere: HeaderWrite[];
  /** Conditions that decide this site runs, innermost first. */
  guards: Guard[];
  /** String literals sent with the response (body, status message). */
  messages: ts.StringLiteralLike[];
  fixer: ResponseFixer;
}

/** What the whole file tells, gathered in the same walk. */
export interface FileFacts {
  modules: Set<string>;
  /** Why this file is taken as proxy code, or undefined for an origin server. */
  proxyEvidence: string | undefined;
  style: SourceStyle;
}

export interface ResponseModel {
  sourceFile: ts.SourceFile;
  facts: FileFacts;
  sites: ResponseSite[];
}
