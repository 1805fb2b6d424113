// Where a finding is underlined: the status-setting expression, kept to one line so that a
// multi-line call (`Boom.unauthorized(\n  'message',\n  'Bearer'\n)`) does not paint a block.
import type * as ts from 'typescript';

/** `node`'s range when it fits on one line, else from its start to the end of `head` (the callee,
 * the class name), which starts on the same line. */
export function oneLineRange(node: ts.Node, head: ts.Node = node): { start: number; end: number } {
  const sourceFile = node.getSourceFile();
  const start = node.getStart(sourceFile);
  return { start, end: spansLines(sourceFile.text, start, node.end) ? head.end : node.end };
}

/** Whether a line break lies between `from` and `to`, so that they are on different lines (the line
 * terminators TypeScript counts). A scan of the few characters between, where asking the file for
 * line numbers would compute the line starts of the whole file. */
export function spansLines(text: string, from: number, to: number): boolean {
  for (let i = from; i < to; i++) {
    const c = text.charCodeAt(i);
    if (c === 10 /* \n */ || c === 0x2028 || c === 0x2029) return true;
    // The next line of a \r\n starts after the \n.
    if (c === 13 /* \r */) return text.charCodeAt(i + 1) !== 10 || i + 2 <= to;
  }
  return false;
}
