// Next.js's auth interrupts (`experimental.authInterrupts`, Next.js 15.1+): `unauthorized()` and
// `forbidden()` from next/navigation throw, and Next answers 401 or 403 with the app's
// unauthorized.js or forbidden.js page. The call takes no argument and no header can go with it:
// a challenge has to come from a Response the code returns itself. Read in route handlers
// (`route.ts`), which answer API clients; in pages and layouts they render a page for a browser.
import ts from 'typescript';
import type { StatusSetter } from '../../adapter';
import { importNamed, localNameOf, moduleBindings } from '../../imports/module-bindings';
import { oneLineRange } from '../../syntax/ranges';
import type { StatusValue } from '../../types';

const NEXT_NAVIGATION = /^next\/navigation$/;

const INTERRUPT_CODES = new Map([
  ['unauthorized', 401],
  ['forbidden', 403],
]);
const INTERRUPT_BY_CODE = new Map([...INTERRUPT_CODES].map(([name, code]) => [code, name]));

/** `unauthorized` -> `forbidden`, under the name next/navigation's is imported as, or imported
 * beside it when the file uses that name for nothing else. */
function interruptStatus(callee: ts.Identifier, exported: string, code: number): StatusValue {
  return {
    code,
    node: callee,
    rewrite(target) {
      const other = INTERRUPT_BY_CODE.get(target);
      if (!other) return { unavailable: `next/navigation has no interrupt for ${target}: return a Response with status ${target}` };
      const sourceFile = callee.getSourceFile();
      const bindings = moduleBindings(sourceFile, NEXT_NAVIGATION);
      const local = localNameOf(bindings, other);
      if (local !== undefined) return { edits: [{ start: callee.getStart(), end: callee.end, newText: local }] };
      // The name may be a variable or another module's import: calling it would not be next's.
      if (new RegExp(`\\b${other}\\b`).test(sourceFile.text)) return { unavailable: `\`${other}\` names something else in this file: import next/navigation's ${other} under another name and call it` };
      const imported = importNamed(bindings, callee.text, other);
      if (!imported) return { unavailable: `${other} is not imported from next/navigation and cannot be added to the import of ${exported}` };
      return { edits: [{ start: callee.getStart(), end: callee.end, newText: other }, ...imported] };
    },
  };
}

/** A route handler's file: `app/.../route.ts` (also .js, .mts, ...). */
const isRouteHandlerFile = (fileName: string) => /(^|[\\/])route\.[cm]?[jt]sx?$/.test(fileName);

/** `unauthorized()` or `forbidden()` bound by an import from next/navigation. */
export function interruptSetter(node: ts.Node): StatusSetter | undefined {
  if (!ts.isCallExpression(node) || !ts.isIdentifier(node.expression) || node.arguments.length > 0) return undefined;
  const callee = node.expression;
  if (!INTERRUPT_CODES.has(callee.text) || !isRouteHandlerFile(node.getSourceFile().fileName)) return undefined;
  const exported = moduleBindings(node.getSourceFile(), NEXT_NAVIGATION).named.get(callee.text);
  const code = exported === undefined ? undefined : INTERRUPT_CODES.get(exported);
  if (exported === undefined || code === undefined) return undefined;
  return {
    node,
    status: interruptStatus(callee, exported, code),
    // Nothing written on another response goes with it: the interrupt is a response of its own.
    receiverKey: `${exported}()@${node.getStart()}`,
    range: oneLineRange(node, callee),
    ownHeaders: () => [],
    bodyCalls: () => [],
    fixer: () => ({
      addHeader: (header) => ({
        unavailable: `${exported}() sends no headers (Next.js answers with the ${exported}.js page): return a Response with the status and ${header} instead`,
      }),
    }),
  };
}
