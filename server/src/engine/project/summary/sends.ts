// The framework sends inside a file's functions, from its response model: every place an adapter
// saw a response get a status (`res.status(status)`, `Response.json(b, { status: 401 })`, `throw
// new UnauthorizedException()`), with the status as a summary Value (a literal, or the parameter
// the caller fills in) and whether a challenge goes with it. A helper is a function holding them.
import ts from 'typescript';
import { isStatusValue } from '../../model/adapter';
import { headersOfSetter, type FileAnalysis, type SetterHeaders } from '../../model/build';
import { enclosingFunctionLike } from '../../model/site-parts';
import type { HeaderWrite } from '../../model/types';
import { selectorOf } from './branches';
import { spotOf, valueOf } from './values';
import type { SendsByFunction } from './effects';
import type { Challenge, Effect } from './types';

/** A callback's sends belong to the function that passes it (`jwt.verify(t, s, (err) => ...)` inside
 * a middleware): calling that function is what makes them happen. */
function owningFunction(node: ts.Node): ts.Node | undefined {
  let fn = enclosingFunctionLike(node);
  while (fn && (ts.isArrowFunction(fn) || ts.isFunctionExpression(fn)) && ts.isCallExpression(fn.parent) && fn.parent.arguments.includes(fn)) {
    const outer = enclosingFunctionLike(fn);
    if (!outer) break;
    fn = outer;
  }
  return fn;
}

export function challengeOf(headers: readonly HeaderWrite[]): Challenge {
  if (headers.some((write) => write.name === 'www-authenticate')) return 'set';
  return headers.some((write) => write.name === undefined) ? 'unknown' : 'absent';
}

/** A challenge written beside the send but not on its path is usually written for the 401s only
 * (`if (status === 401) res.set('WWW-Authenticate', ...)`): whether it goes with a given status is
 * not known. */
function sendChallenge({ headers, headersElsewhere }: SetterHeaders): Challenge {
  const onPath = challengeOf(headers);
  return onPath === 'absent' && headersElsewhere.some((write) => write.name === 'www-authenticate') ? 'unknown' : onPath;
}

/** The sends of each function of the file, keyed by the function they belong to (owningFunction).
 * Each function's are read when asked for: most sends are in route callbacks, which no summary
 * holds (only declared functions, methods and exported values are symbols). */
export function sendsByFunction(analysis: FileAnalysis): SendsByFunction {
  const settersByFunction = new Map<ts.Node, { adapter: AdapterOf; setter: SetterOf }[]>();
  for (const facts of analysis.statements) {
    for (const found of facts.setters) {
      const fn = owningFunction(found.setter.node);
      if (!fn) continue;
      const list = settersByFunction.get(fn);
      if (list) list.push(found);
      else settersByFunction.set(fn, [found]);
    }
  }
  const read = new Map<ts.Node, Effect[]>();
  return {
    get(fn) {
      let effects = read.get(fn);
      if (effects === undefined) read.set(fn, (effects = (settersByFunction.get(fn) ?? []).flatMap(({ adapter, setter }) => sendOf(analysis, fn, adapter, setter))));
      return effects;
    },
  };
}

type Found = FileAnalysis['statements'][number]['setters'][number];
type AdapterOf = Found['adapter'];
type SetterOf = Found['setter'];

function sendOf(analysis: FileAnalysis, fn: ts.Node, adapter: AdapterOf, setter: SetterOf): Effect[] {
  const status = isStatusValue(setter.status) ? { kind: 'status' as const, code: setter.status.code, spot: spotOf(setter.status.node) } : valueOf(setter.status);
  if (status.kind === 'unknown' || status.kind === 'string') return [];
  const when = selectorOf(fn, setter.node);
  return [{ kind: 'sends', status, challenge: sendChallenge(headersOfSetter(setter, analysis.writesOf)), framework: adapter.framework, spot: spotOf(setter.node), ...(when && { when }) }];
}
