// The contract between the model builder and the framework adapters. An adapter recognizes its
// framework's shapes node by node during the builder's single walk; the builder does the rest
// (status resolution, path analysis, guards, messages) the same way for every framework.
import type ts from 'typescript';
import type { ConstBindings } from './values/status';
import type { SourceStyle } from './syntax/source-style';
import type { FileFacts, Framework, Guard, HeaderWrite, ResponseFixer, StatusValue, ThrownError } from './types';

/** A place where an adapter saw a response get its status. */
export interface StatusSetter {
  node: ts.Node;
  /** The status expression (resolved by the builder: literals, consts, `StatusCodes.X`, `a ? b : c`),
   * or the status the adapter resolved itself (`new UnauthorizedException()`). */
  status: ts.Expression | StatusValue;
  /** The response object this status is set on, as a key shared with header writes on it
   * (`res`, `ctx`, `reply`); see receiverKey(). */
  receiverKey: string;
  /** Where a finding about this status is underlined. */
  range: { start: number; end: number };
  /** Headers written by the same expression, which need no path analysis (`writeHead`'s headers,
   * a Response init's `headers`, `@Header()` decorators of the same method, Boom's scheme).
   * Read on request, as bodyCalls: most setters never need them. Functions, not getters: V8 gives an
   * object literal with its own getter closures a map of its own, kept in the old generation, and
   * those maps kept every AST they referred to alive through young-generation collections. */
  ownHeaders?(): HeaderWrite[];
  /** Calls whose arguments are sent with this response (`.json({ error })`, `res.end('...')`). */
  bodyCalls(): (ts.CallExpression | ts.NewExpression)[];
  /** Other expressions sent with it, read for messages like bodyCalls' arguments (`ctx.body = { error }`). */
  bodyExpressions?: ts.Expression[];
  /** Conditions the adapter knows decide this site beyond the `if`s around it, innermost first:
   * `ctx.assert(user.isAdmin, 401)` throws when its condition is false (a negated guard). */
  guards?: Guard[];
  /** Set when the framework drops the headers written before this site (Koa's `ctx.throw`). */
  dropsEarlierHeaders?: string;
  /** Set when the site throws an error of its framework to the app's error handling. */
  thrownError?: ThrownError;
  fixer(style: SourceStyle): ResponseFixer;
}

export interface HeaderWrites {
  receiverKey: string;
  writes: HeaderWrite[];
}

/** What one framework contributes to the model: how it sets a status and a header, and which files it reads. */
export interface FrameworkAdapter {
  framework: Framework;
  /** The node kinds its two functions can answer for: the builder calls them on those only
   * (the walk visits every node of the file, so this is what keeps it cheap). */
  kinds: readonly ts.SyntaxKind[];
  /** Whether the adapter reads this file at all (its imports, or no other framework's). */
  appliesTo(imports: FileImports): boolean;
  statusSetterAt(node: ts.Node, consts: ConstBindings): StatusSetter | undefined;
  headerWritesAt(node: ts.Node, consts: ConstBindings): HeaderWrites | undefined;
}

/** What a file imports: known before the walk, so that adapters can be chosen for it. */
export type FileImports = Pick<FileFacts, 'modules' | 'frameworks'>;

export function isStatusValue(status: ts.Expression | StatusValue): status is StatusValue {
  return 'rewrite' in status;
}
