// Whether a parsed file may hold an app-level error handler (the summary then reads its handlers,
// handlers.ts): the text pass's signs (text-pass.ts mayHandleErrors), read statement by statement
// and remembered for each statement node. An edit keeps most of a file's statements (the same
// nodes, with the same text): typing in a long file tests the changed statement only, not the
// whole text on every keystroke.
import type ts from 'typescript';
import { handlerSigns, signsHandleErrors } from '../text-pass';

const signsOf = new WeakMap<ts.Statement, number>();

export function fileMayHandleErrors(sourceFile: ts.SourceFile): boolean {
  let signs = 0;
  for (const statement of sourceFile.statements) {
    let own = signsOf.get(statement);
    if (own === undefined) signsOf.set(statement, (own = handlerSigns(sourceFile.text.slice(statement.pos, statement.end))));
    signs |= own;
    if (signsHandleErrors(signs)) return true;
  }
  return false;
}
