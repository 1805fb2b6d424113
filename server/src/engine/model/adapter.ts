import type * as ts from 'typescript';
import type { ConstBindings } from './status';
import type { SourceStyle } from './source-style';
import type { FileFacts, Framework, HeaderWrite, ResponseFixer } from './types';

/** A place where an adapter saw a response get its status. */
export interface StatusSetter {
  node: ts.Node;
  statusExpression: ts.Expression;
  /** The response object, as written (`res`): header writes on the same text belong to it. */
  receiver: ts.Expression;
  /** Where a finding about this status is underlined. */
  range: { start: number; end: number };
  /** Calls whose arguments are sent with this response (`.json({ error })`, `res.end('...')`). */
  bodyCalls: (ts.CallExpression | ts.NewExpression)[];
  fixer(style: SourceStyle): ResponseFixer;
}

/** What one framework contributes to the model: how it sets a status and a header, and which files it reads. */
export interface FrameworkAdapter {
  framework: Framework;
  appliesTo(facts: FileFacts): boolean;
  statusSetterAt(node: ts.Node): StatusSetter | undefined;
  headerWritesAt(node: ts.Node, consts: ConstBindings): { receiver: ts.Expression; writes: HeaderWrite[] } | undefined;
}
