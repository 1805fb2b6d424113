// Code as a message quotes it: one line, cut to a length a message can hold.
import type ts from 'typescript';

/** The code of `node` on one line, at most `max` characters (a guard: 60; a call inside a longer
 * description: less). */
export function describeCode(node: ts.Node, max = 60): string {
  const text = node.getText().replace(/\s+/g, ' ');
  return text.length > max ? `${text.slice(0, max - 3)}...` : text;
}
