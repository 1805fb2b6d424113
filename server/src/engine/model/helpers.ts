// Header writes made through a function call: `challenge(res); res.sendStatus(401)` where the
// same file declares `function challenge(res) { res.set('WWW-Authenticate', ...) }`. A function
// that is not in the file but is named for the job (`setAuthHeaders(res)`) may write anything, so
// it counts as an unknown write: silence rather than a guess.
import ts from 'typescript';
import { calleeName } from './syntax/syntax';
import { unknownWrite } from './values/headers';
import { enclosingFunction, runsWithBodyOf } from './syntax/paths';
import { receiverKey } from './syntax/receivers';
import type { HeaderWrite } from './types';

/** A write on a response object, in the function where it happens. */
export interface ScopedWrite {
  /** The adapter that recognized it; undefined for writes every adapter shares (helper calls). */
  adapter: object | undefined;
  scope: ts.Node;
  receiverKey: string;
  write: HeaderWrite;
}

const HEADER_HELPER_NAME = /header|challenge|auth|unauthori[sz]ed|deny/i;
/** Names that read (h3's `getHeader(event, 'authorization')`, `hasAuth(req)`): they write nothing. */
const READER_NAME = /^(get|read|has|is|parse|extract)[A-Z_]/;

export type FunctionNode = ts.FunctionDeclaration | ts.FunctionExpression | ts.ArrowFunction;

/** The function a declaration names: `function f() {}`, `const f = () => {}`. */
export function namedFunction(node: ts.FunctionDeclaration | ts.VariableDeclaration): [string, FunctionNode] | undefined {
  if (ts.isFunctionDeclaration(node)) return node.name && node.body ? [node.name.text, node] : undefined;
  const initializer = node.initializer;
  return ts.isIdentifier(node.name) && initializer && (ts.isArrowFunction(initializer) || ts.isFunctionExpression(initializer)) ? [node.name.text, initializer] : undefined;
}

/** A call that may pass a response to a helper: one of its arguments is a name. */
export function mayPassResponse(call: ts.CallExpression): boolean {
  for (const argument of call.arguments) if (argument.kind === ts.SyntaxKind.Identifier) return true;
  return false;
}

export class HelperCalls {
  private readonly functions = new Map<string, FunctionNode>();

  /** `functions` in the file's order (a name declared twice means its last function), and the
   * calls for which mayPassResponse holds. */
  constructor(functions: Iterable<[string, FunctionNode]>, private readonly calls: readonly ts.CallExpression[]) {
    for (const [name, fn] of functions) this.functions.set(name, fn);
  }

  /** The writes that calls make through functions, given the writes seen directly; nested helpers
   * (a helper calling a helper) resolve over a few rounds. A call of a function the file does not
   * declare gives the same unknown write in every round: it is read once, before them. */
  writesThroughCalls(direct: readonly ScopedWrite[]): ScopedWrite[] {
    const derived: ScopedWrite[] = [];
    const local: [ts.CallExpression, FunctionNode][] = [];
    for (const call of this.calls) {
      const name = calleeName(call);
      if (!name) continue;
      const fn = ts.isIdentifier(call.expression) ? this.functions.get(name) : undefined;
      if (fn) local.push([call, fn]);
      else if (HEADER_HELPER_NAME.test(name) && !READER_NAME.test(name)) unknownWritesOfCall(call, derived);
    }
    if (local.length === 0) return derived;
    for (let round = 0; round < 3; round++) {
      const known = byScope(direct, derived);
      const found: ScopedWrite[] = [];
      for (const [call, fn] of local) {
        for (const write of writesThrough(call, fn, known)) {
          if (!derived.some((d) => d.write.node === write.write.node && d.write.name === write.write.name && d.receiverKey === write.receiverKey)) found.push(write);
        }
      }
      if (found.length === 0) break;
      derived.push(...found);
    }
    return derived;
  }
}

/** A call of a function not in the file, named for writing headers (`setAuthHeaders(res)`): it may
 * write anything on each name it is given. */
function unknownWritesOfCall(call: ts.CallExpression, into: ScopedWrite[]): void {
  let scope: ts.Node | undefined;
  for (const argument of call.arguments) {
    if (!ts.isIdentifier(argument)) continue;
    into.push({ adapter: undefined, scope: (scope ??= enclosingFunction(call)), receiverKey: receiverKey(argument), write: unknownWrite(call) });
  }
}

/** The writes `call` makes through `fn`, a function of the file: those `fn` makes on the parameter
 * each name is passed as, made at the call. */
function writesThrough(call: ts.CallExpression, fn: FunctionNode, known: ReadonlyMap<ts.Node, ScopedWrite[]>): ScopedWrite[] {
  const own = known.get(fn);
  if (!own) return [];
  const scope = enclosingFunction(call);
  const writes: ScopedWrite[] = [];
  call.arguments.forEach((argument, index) => {
    if (!ts.isIdentifier(argument)) return;
    const parameter = fn.parameters[index];
    if (!parameter || !ts.isIdentifier(parameter.name)) return;
    const parameterName = parameter.name.text;
    const key = receiverKey(argument);
    for (const w of own) if (w.receiverKey === parameterName && runsWithBodyOf(w.write.node, fn)) writes.push({ adapter: w.adapter, scope, receiverKey: key, write: { ...w.write, node: call } });
  });
  return writes;
}

function byScope(...lists: (readonly ScopedWrite[])[]): Map<ts.Node, ScopedWrite[]> {
  const index = new Map<ts.Node, ScopedWrite[]>();
  for (const writes of lists) {
    for (const write of writes) {
      const list = index.get(write.scope);
      if (list) list.push(write);
      else index.set(write.scope, [write]);
    }
  }
  return index;
}
