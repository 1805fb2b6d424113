// Reads a call of project code through the summaries: which statuses it sends, where each status
// is written (in the call's own arguments, or inside a definition), and how it reaches the client
// (a response built by a framework inside a helper, with or without a challenge; or an error, which
// an error handler answers). A small abstract interpreter: values are read in the frame of the
// function they are written in, whose parameters are the arguments of the call being read.
import type { Framework } from '../model/types';
import { libraryError, type LibraryError } from './library-errors';
import type { Project, Resolution } from './project';
import { own } from './summary/records';
import type { Challenge, ClassSymbol, Effect, Selector, Spot, Value } from './summary/types';

/** A value and the frame it is read in: its file, and the arguments of its function's call. */
export interface Bound {
  value: Value;
  file: string;
  args?: readonly Bound[];
}

/** A class in an error's chain: a project class, or a library's. */
export interface ErrorClass {
  name: string;
  file?: string;
  library?: string;
}

export interface ErrorFacts {
  /** The error's class and its bases, nearest first. */
  classes: ErrorClass[];
  /** Whether it carries a challenge in `headers` (`none`: no headers at all). */
  headers: Challenge | 'none';
  /** What its library's framework does with it when no handler of the app does. */
  byDefault?: LibraryError['byDefault'];
  /** For a library's error: the frameworks whose handlers receive it. */
  answeredBy?: readonly Framework[];
}

export type Delivery =
  | { kind: 'response'; challenge: Challenge; framework: Framework; file: string; spot: Spot }
  | { kind: 'error'; error: ErrorFacts };

export interface ProducedStatus {
  code: number;
  /** Where the code is written. */
  file: string;
  spot: Spot;
  /** The names a project function maps to codes, when a name written at `spot` picks it (CodeAt). */
  names?: Readonly<Record<string, number>>;
  delivery: Delivery;
  /** The project name the call went through (`sendError`, `RequestError`), for messages. */
  via?: { name: string; file: string; spot: Spot; callable: boolean };
  /** For an assertion (`assertThat(cond, error)`): the index of the argument it tests. */
  condition?: number;
  /** How the call hands it on: it sends the response or throws the error itself, or it returns
   * them (a factory, a constructor: whoever gets the value sends it). */
  way: 'sends' | 'throws' | 'returns';
}

const MAX_DEPTH = 12;
const UNKNOWN: Value = { kind: 'unknown' };

export class Evaluator {
  constructor(private readonly project: Project) {}

  /** The statuses a call (or construction) produces, its arguments read in the frame `call` is bound in. */
  call(call: Bound, depth = 0): ProducedStatus[] {
    const value = call.value;
    if (value.kind !== 'call' || depth > MAX_DEPTH) return [];
    const args = value.args.map((arg): Bound => ({ value: arg, file: call.file, args: call.args }));
    // A call that passes what may be a status reads the helper in full, selected by the index or not.
    const target = this.project.resolveRef(call.file, value.callee, 0, args.some((arg) => mayCarryStatus(arg, 0)));
    if (!target) return [];
    return this.resolved(target, args, value.construct, depth + 1);
  }

  /** The statuses of calling or constructing what `target` is, with `args`. */
  resolved(target: Resolution, args: readonly Bound[], construct: boolean, depth: number): ProducedStatus[] {
    if (depth > MAX_DEPTH) return [];
    switch (target.kind) {
      case 'library':
        return this.libraryCall(target, args);
      case 'module': {
        // `const send = require('./send'); send(...)`: a CommonJS module called is its export.
        const main = this.project.exportOf(target.file, 'default');
        return main && main.kind !== 'module' ? this.resolved(main, args, construct, depth + 1) : [];
      }
      case 'symbol': {
        const { symbol, file, name } = target;
        const via = { name, file, spot: 'spot' in symbol ? symbol.spot : { start: 0, end: 0, line: 1 }, callable: symbol.kind === 'callable' };
        const withVia = (produced: ProducedStatus[]) => produced.map((p) => ({ ...p, via: p.via ?? via }));
        if (symbol.kind === 'callable') return withVia(this.callable(file, symbol.effects, args, depth));
        if (symbol.kind === 'class') return withVia(this.construct({ file, name, symbol }, args, depth));
        if (symbol.kind === 'value' && symbol.value.kind === 'call') {
          // `const Unauthorized = createError('E_AUTH', 'no', 401)` (@fastify/error) and the like.
          return withVia(this.call({ value: symbol.value, file }, depth + 1));
        }
        return [];
      }
    }
  }

  private callable(file: string, effects: readonly Effect[], args: readonly Bound[], depth: number): ProducedStatus[] {
    const produced: ProducedStatus[] = [];
    for (const effect of effects) {
      if (effect.when && !mayTake(effect.when, { value: UNKNOWN, file, args }, depth)) continue;
      switch (effect.kind) {
        case 'sends':
          for (const code of this.codes({ value: effect.status, file, args }, depth + 1)) {
            produced.push({ ...code, delivery: { kind: 'response', challenge: effect.challenge, framework: effect.framework, file, spot: effect.spot }, way: 'sends' });
          }
          break;
        case 'throws':
          for (const p of this.valueProduces({ value: effect.value, file, args }, depth + 1)) produced.push({ ...p, way: p.way === 'sends' ? 'sends' : 'throws' });
          break;
        case 'returns':
        case 'calls':
          produced.push(...this.valueProduces({ value: effect.value, file, args }, depth + 1));
          break;
        case 'asserts':
          for (const p of this.valueProduces({ value: effect.error, file, args }, depth + 1)) produced.push({ ...p, condition: effect.condition, way: 'throws' });
          break;
      }
    }
    return produced;
  }

  /** What a value that is thrown, returned or called produces: a call, or a parameter holding one. */
  private valueProduces(bound: Bound, depth: number): ProducedStatus[] {
    const { value } = bound;
    if (depth > MAX_DEPTH) return [];
    if (value.kind === 'call') return this.call(bound, depth + 1);
    if (value.kind === 'either') return value.values.flatMap((v) => this.valueProduces({ ...bound, value: v }, depth + 1));
    if (value.kind === 'parameter') {
      const arg = argument(bound, value);
      return arg ? this.valueProduces(arg, depth + 1) : [];
    }
    return [];
  }

  private construct(target: { file: string; name: string; symbol: ClassSymbol }, args: readonly Bound[], depth: number): ProducedStatus[] {
    const chain = this.chainOf(target, depth);
    const error: ErrorFacts = { classes: chain.classes, headers: chain.headers, ...(chain.byDefault && { byDefault: chain.byDefault }), ...(chain.answeredBy && { answeredBy: chain.answeredBy }) };
    return this.classStatuses(target, args, depth).map((code): ProducedStatus => ({ ...code, delivery: { kind: 'error', error }, way: 'returns' }));
  }

  /** The status codes an instance of a class gets: from its own status fields, else from its base
   * (through `super(...)`, or the same arguments when it has no constructor of its own). */
  private classStatuses(target: { file: string; symbol: ClassSymbol }, args: readonly Bound[], depth: number): CodeAt[] {
    if (depth > MAX_DEPTH) return [];
    const { file, symbol } = target;
    // An error's `code` or `type` is not the status it is sent with. The summary keeps them all the
    // same (STATUS_FIELDS): writes-status.ts reads every field to pick whose callers the index seeks.
    const fields = Object.entries(symbol.fields).filter(([name]) => name !== 'code' && name !== 'type');
    const own = fields.flatMap(([, value]) => this.codes({ value, file, args }, depth + 1));
    if (own.length > 0) return own;
    if (!symbol.extends || symbol.extends.kind !== 'ref') return [];
    const baseArgs = symbol.superArgs ? symbol.superArgs.map((value): Bound => ({ value, file, args })) : args;
    const base = this.project.resolveRef(file, symbol.extends.ref, depth + 1, true);
    if (!base) return [];
    if (base.kind === 'library') {
      const library = libraryOf(base);
      return library ? this.libraryCodes(library, baseArgs, depth) : [];
    }
    if (base.kind === 'symbol' && base.symbol.kind === 'class') return this.classStatuses(base as { file: string; symbol: ClassSymbol }, baseArgs, depth + 1);
    if (base.kind === 'symbol' && base.symbol.kind === 'value' && base.symbol.value.kind === 'call') {
      return this.call({ value: base.symbol.value, file: base.file }, depth + 1).map(({ code, file: f, spot }) => ({ code, file: f, spot }));
    }
    return [];
  }

  /** The classes of an error, nearest first, and the headers it carries. */
  private chainOf(target: { file: string; name: string; symbol: ClassSymbol }, depth: number): { classes: ErrorClass[]; headers: ErrorFacts['headers']; byDefault?: LibraryError['byDefault']; answeredBy?: readonly Framework[] } {
    const classes: ErrorClass[] = [{ name: target.name, file: target.file }];
    let headers: ErrorFacts['headers'] = target.symbol.headers;
    let byDefault: LibraryError['byDefault'] | undefined;
    let answeredBy: readonly Framework[] | undefined;
    let current: { file: string; symbol: ClassSymbol } | undefined = target;
    for (let step = 0; current && step < MAX_DEPTH - depth; step++) {
      const base: Resolution | undefined = current.symbol.extends?.kind === 'ref' ? this.project.resolveRef(current.file, current.symbol.extends.ref, 0, true) : undefined;
      current = undefined;
      if (base?.kind === 'symbol' && base.symbol.kind === 'class') {
        classes.push({ name: base.name, file: base.file });
        if (headers === 'none') headers = base.symbol.headers;
        current = base as { file: string; symbol: ClassSymbol };
      } else if (base?.kind === 'library') {
        const name = [base.name, ...base.members].join('.');
        classes.push({ name, library: base.specifier });
        byDefault = libraryOf(base)?.byDefault;
        answeredBy = libraryOf(base)?.answeredBy;
      } else if (base?.kind === 'symbol' && base.symbol.kind === 'value' && base.symbol.value.kind === 'call') {
        // A class made by a library factory (`class X extends createError(...)`).
        const made = this.project.resolveRef(base.file, base.symbol.value.callee);
        if (made?.kind === 'library') ({ byDefault, answeredBy } = libraryOf(made) ?? {});
      }
    }
    return { classes, headers, ...(byDefault && { byDefault }), ...(answeredBy && { answeredBy }) };
  }

  private libraryCall(target: Extract<Resolution, { kind: 'library' }>, args: readonly Bound[]): ProducedStatus[] {
    const library = libraryOf(target);
    if (!library) return [];
    const name = [target.name, ...target.members].join('.');
    const error: ErrorFacts = { classes: [{ name, library: target.specifier }], headers: headersOfLibraryArgs(args), byDefault: library.byDefault, answeredBy: library.answeredBy };
    return this.libraryCodes(library, args, 0).map((code): ProducedStatus => ({ ...code, delivery: { kind: 'error', error }, way: 'returns' }));
  }

  private libraryCodes(library: LibraryError, args: readonly Bound[], depth: number): CodeAt[] {
    if ('code' in library.status) return [];
    const arg = args[library.status.argument];
    if (!arg) return [];
    const bound = library.status.property ? propertyBound(arg, library.status.property) : arg;
    return library.status.names ? this.namedCodes(bound, library.status.names, depth + 1) : this.codes(bound, depth + 1);
  }

  /** The codes a status name stands for (`'UNAUTHORIZED'` for tRPC), each where the name is written. */
  private namedCodes(bound: Bound, names: Readonly<Record<string, number>>, depth: number): CodeAt[] {
    const { value } = bound;
    if (depth > MAX_DEPTH) return [];
    if (value.kind === 'string' && value.spot) {
      const code = own(names, value.text);
      return code === undefined ? [] : [{ code, file: bound.file, spot: value.spot }];
    }
    if (value.kind === 'either') return value.values.flatMap((v) => this.namedCodes({ ...bound, value: v }, names, depth + 1));
    if (value.kind === 'parameter') {
      const arg = argument(bound, value);
      return arg ? this.namedCodes(arg, names, depth + 1) : [];
    }
    return [];
  }

  /** The status codes a value can be, each with where it is written. */
  codes(bound: Bound, depth = 0): CodeAt[] {
    if (depth > MAX_DEPTH) return [];
    const { value, file } = bound;
    switch (value.kind) {
      case 'status':
        return [{ code: value.code, file, spot: value.spot }];
      case 'either':
        return value.values.flatMap((v) => this.codes({ ...bound, value: v }, depth + 1));
      case 'parameter': {
        const arg = argument(bound, value);
        if (arg) return this.codes(arg, depth + 1);
        return value.fallback ? this.codes({ ...bound, value: value.fallback }, depth + 1) : [];
      }
      case 'ref': {
        const target = this.project.resolveRef(file, value.ref, depth + 1);
        if (target?.kind === 'symbol' && target.symbol.kind === 'value') return this.codes({ value: target.symbol.value, file: target.file }, depth + 1);
        return [];
      }
      case 'member':
        // `result.status` of `const result = await getProject(id)`: the status of what it returns.
        return value.object.kind === 'call' ? this.returned({ ...bound, value: value.object }, depth + 1).flatMap((r) => this.codes(propertyBound(r, value.property), depth + 1)) : [];
      case 'call':
        return this.mappedCodes(bound, depth + 1);
      default:
        return [];
    }
  }

  /**
   * `super(codeToStatus(code))` of `new ApiError({ code: 'UNAUTHORIZED' })`: the code a project
   * function returns on the branch that a name given by a caller picks (`case 'UNAUTHORIZED':
   * return 401`), where that name is written, with the names of the function's other branches
   * (a rewrite to 403 writes the name it maps to 403). A branch no written name picks for sure
   * gives nothing: what a mapping returns for a value not known here is not read.
   */
  private mappedCodes(call: Bound, depth: number): CodeAt[] {
    const value = call.value;
    if (value.kind !== 'call' || value.construct || depth > MAX_DEPTH) return [];
    const target = this.project.resolveRef(call.file, value.callee, 0, true);
    if (target?.kind !== 'symbol' || target.symbol.kind !== 'callable' || !target.symbol.mapsBy) return [];
    const mapsBy = target.symbol.mapsBy;
    const frame: Bound = { value: UNKNOWN, file: target.file, args: value.args.map((arg): Bound => ({ value: arg, file: call.file, args: call.args })) };
    // Its branches on the parameter it maps (summary/mappers.ts: it has no other).
    const returns = target.symbol.effects.filter((effect): effect is Extract<Effect, { kind: 'returns' }> => effect.kind === 'returns' && effect.when?.index === mapsBy.index && effect.when.property === mapsBy.property);
    const names: Record<string, number> = {};
    for (const effect of returns) {
      if (effect.value.kind !== 'status') continue;
      for (const label of effect.when!.equals) if (typeof label === 'string') names[label] = effect.value.code;
    }
    return returns.flatMap((effect): CodeAt[] => {
      const name = namedBy(effect.when!, frame, depth);
      if (!name || !name.spot) return [];
      return this.codes({ value: effect.value, file: target.file, args: frame.args }, depth + 1).map((code) => ({ ...code, file: name.file, spot: name.spot!, names }));
    });
  }

  /** What a call returns, in the frames of the functions that return it. */
  private returned(call: Bound, depth: number): Bound[] {
    const value = call.value;
    if (value.kind !== 'call' || depth > MAX_DEPTH) return [];
    const target = this.project.resolveRef(call.file, value.callee, 0, true);
    if (target?.kind !== 'symbol' || target.symbol.kind !== 'callable') return [];
    const args = value.args.map((arg): Bound => ({ value: arg, file: call.file, args: call.args }));
    return target.symbol.effects.flatMap((effect): Bound[] => {
      if (effect.kind !== 'returns') return [];
      const returned: Bound = { value: effect.value, file: target.file, args };
      // `return respond(401, body)`: what that call returns.
      return effect.value.kind === 'call' ? this.returned(returned, depth + 1) : [returned];
    });
  }
}

/** A code and where it is written. */
export interface CodeAt {
  code: number;
  file: string;
  spot: Spot;
  /** When a name written there picks the code through a project function: the names it maps to
   * codes (`{ UNAUTHORIZED: 401, FORBIDDEN: 403 }`). */
  names?: Readonly<Record<string, number>>;
}

/** A name a 401, 403 or 407 is kept under: `UNAUTHORIZED`, `codes.Forbidden`, `HTTP_401`, `status`,
 * `statusCode`. A name of anything else passed to a helper does not make the helper worth reading
 * in full (enums and constants of other kinds are everywhere in handler code). */
export const STATUS_NAME = /unauthori[sz]ed|forbidden|proxy_?auth|40[137]|^status$|^statusCode$|^httpStatus$/i;

function looksLikeStatusName(ref: { name: string; members?: string[] }): boolean {
  return STATUS_NAME.test(ref.members?.[ref.members.length - 1] ?? ref.name);
}

/** Whether an argument may be (or hold) a status: a code, a name (a constant), or a construction. */
function mayCarryStatus(bound: Bound, depth: number): boolean {
  if (depth > 4) return false;
  const { value } = bound;
  switch (value.kind) {
    case 'status':
      return value.code === 401 || value.code === 403 || value.code === 407;
    case 'ref':
      return looksLikeStatusName(value.ref);
    case 'string':
      return STATUS_NAME.test(value.text);
    case 'call':
      return value.construct;
    case 'object':
      return Object.values(value.properties).some((v) => mayCarryStatus({ ...bound, value: v }, depth + 1));
    case 'either':
      return value.values.some((v) => mayCarryStatus({ ...bound, value: v }, depth + 1));
    case 'parameter': {
      const arg = argument(bound, value);
      return arg !== undefined && mayCarryStatus(arg, depth + 1);
    }
    default:
      return false;
  }
}

/** Whether a call may take a branch its callee picks by an argument: no when the argument is a
 * literal the branch does not compare against (`answer(res, { type: 'forbidden' })` never takes
 * `case 'unauthorized'`); yes when it is not known. */
function mayTake(selector: Selector, call: Bound, depth: number): boolean {
  let bound = argument(call, { kind: 'parameter', index: selector.index, ...(selector.property !== undefined && { property: selector.property }) });
  // An argument that is itself a parameter of the caller: the caller's caller says.
  for (let step = depth; bound?.value.kind === 'parameter' && step < MAX_DEPTH; step++) bound = argument(bound, bound.value);
  const value = bound?.value;
  if (value?.kind === 'string') return selector.equals.includes(value.text);
  if (value?.kind === 'status') return selector.equals.includes(value.code);
  return true;
}

/** The string a selector's argument is for sure, followed up through the callers' frames, when
 * it is one the branch compares against: where the name that picks the branch is written. */
function namedBy(selector: Selector, call: Bound, depth: number): { file: string; spot?: Spot } | undefined {
  let bound = argument(call, { kind: 'parameter', index: selector.index, ...(selector.property !== undefined && { property: selector.property }) });
  for (let step = depth; bound?.value.kind === 'parameter' && step < MAX_DEPTH; step++) bound = argument(bound, bound.value);
  const value = bound?.value;
  return value?.kind === 'string' && selector.equals.includes(value.text) ? { file: bound!.file, spot: value.spot } : undefined;
}

/** The argument a parameter value stands for (and its property), in the frame of `bound`. */
function argument(bound: Bound, parameter: Extract<Value, { kind: 'parameter' }>): Bound | undefined {
  const arg = bound.args?.[parameter.index];
  if (!arg) return undefined;
  return parameter.property === undefined ? arg : propertyBound(arg, parameter.property);
}

export function propertyBound(bound: Bound, property: string): Bound {
  const { value } = bound;
  switch (value.kind) {
    case 'object':
      return { ...bound, value: own(value.properties, property) ?? UNKNOWN };
    case 'parameter': {
      if (value.property !== undefined) return { ...bound, value: UNKNOWN };
      const arg = argument(bound, value);
      return arg ? propertyBound(arg, property) : { ...bound, value: UNKNOWN };
    }
    case 'either':
      return { ...bound, value: { kind: 'either', values: value.values.map((v) => propertyBound({ ...bound, value: v }, property).value) } };
    case 'call':
      return { ...bound, value: { kind: 'member', object: value, property } };
    default:
      return { ...bound, value: UNKNOWN };
  }
}

function libraryOf(target: Extract<Resolution, { kind: 'library' }>): LibraryError | undefined {
  const [member] = target.members;
  return libraryError(target.specifier, member ?? target.name) ?? libraryError(target.specifier, target.name);
}

/** Whether the arguments of a library error carry `headers` (http-errors' properties object). */
function headersOfLibraryArgs(args: readonly Bound[]): ErrorFacts['headers'] {
  for (const arg of args) {
    if (arg.value.kind === 'object' && own(arg.value.properties, 'headers')) return 'unknown';
  }
  return 'none';
}
