// Next.js's auth interrupts (`experimental.authInterrupts`, Next.js 15.1+): `unauthorized()` and
// `forbidden()` from next/navigation throw, and Next answers 401 or 403 with the app's
// unauthorized.js or forbidden.js page, from a route handler, a server component or a layout. The
// call takes no argument and no header can go with it: a challenge has to come from a Response the
// code returns itself, or from the middleware.
import ts from 'typescript';
import type { StatusSetter } from '../../adapter';
import { importNamed, moduleBindings } from '../../imports/module-bindings';
import { oneLineRange } from '../../syntax/ranges';
import type { StatusValue } from '../../types';

const NEXT_NAVIGATION = /^next\/navigation$/;

const INTERRUPT_CODES = new Map([
  ['unauthorized', 401],
  ['forbidden', 403],
]);
const INTERRUPT_BY_CODE = new Map([...INTERRUPT_CODES].map(([name, code]) => [code, name]));

/** `unauthorized` -> `forbidden`, imported beside it from next/navigation. */
function interruptStatus(callee: ts.Identifier, exported: string, code: number): StatusValue {
  return {
    code,
    node: callee,
    rewrite(target) {
      const other = INTERRUPT_BY_CODE.get(target);
      if (!other) return { unavailable: `next/navigation has no interrupt for ${target}: return a Response with status ${target}` };
      const imported = importNamed(moduleBindings(callee.getSourceFile(), NEXT_NAVIGATION), callee.text, other);
      if (!imported) return { unavailable: `${other} is not imported from next/navigation and cannot be added to the import of ${exported}` };
      return { edits: [{ start: callee.getStart(), end: callee.end, newText: other }, ...imported] };
    },
  };
}

/** `unauthorized()` or `forbidden()` bound by an import from next/navigation. */
export function interruptSetter(node: ts.Node): StatusSetter | undefined {
  if (!ts.isCallExpression(node) || !ts.isIdentifier(node.expression) || node.arguments.length > 0) return undefined;
  const callee = node.expression;
  if (!INTERRUPT_CODES.has(callee.text)) return undefined;
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
        unavailable: `${exported}() sends no headers (Next.js answers with the ${exported}.js page): return a Response with status ${code} and ${header} instead, or set ${header} in the middleware`,
      }),
    }),
  };
}
