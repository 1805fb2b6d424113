// Where a finding is underlined: the status-setting expression, kept to one line so that a
// multi-line call (`Boom.unauthorized(\n  'message',\n  'Bearer'\n)`) does not paint a block.
import type * as ts from 'typescript';

/** `node`'s range when it fits on one line, else from its start to the end of `head` (the callee,
 * the class name), which starts on the same line. */
export function oneLineRange(node: ts.Node, head: ts.Node = node): { start: number; end: number } {
  const sourceFile = node.getSourceFile();
  const start = node.getStart(sourceFile);
  const line = (position: number) => sourceFile.getLineAndCharacterOfPosition(position).line;
  return { start, end: line(node.end) === line(start) ? node.end : head.end };
}
