// A status set by a call on a response object, `res.status(401)` or `res.sendStatus(401)`, as
// Express, Next.js's pages API and Nest's platform response write it: the parts of the site they
// share. Each framework brings its own fix.
import type ts from 'typescript';
import type { StatusSetter } from './adapter';
import { callsChainedAfter, laterCallsOn } from './syntax/chain';
import { stringLiteral, type SourceStyle } from './syntax/source-style';
import type { ResponseFixer } from './types';

/** The site of `call`, whose response is keyed `key`; `bodyMethods` are the calls that send its body. */
export function statusCallSetter(call: ts.CallExpression, key: string, bodyMethods: ReadonlySet<string>, fixer: (style: SourceStyle) => ResponseFixer): StatusSetter {
  return {
    node: call,
    status: call.arguments[0],
    receiverKey: key,
    range: { start: call.getStart(), end: call.end },
    bodyCalls() {
      return [...callsChainedAfter(call), ...laterCallsOn(call, key, bodyMethods)];
    },
    fixer,
  };
}

/** The fix that chains `.<headerMethod>(name, value)`, which returns the response: after
 * `res.status(401)`, or before `.sendStatus(401)` (which sends at once). */
export function chainedHeaderFixer(call: ts.CallExpression, receiver: ts.Expression, headerMethod: string): (style: SourceStyle) => ResponseFixer {
  const sendsAtOnce = (call.expression as ts.PropertyAccessExpression).name.text === 'sendStatus';
  return (style) => ({
    addHeader: (name, valueCode) => {
      const at = sendsAtOnce ? receiver.end : call.end;
      return { edits: [{ start: at, end: at, newText: `.${headerMethod}(${stringLiteral(name, style)}, ${valueCode})` }] };
    },
  });
}
