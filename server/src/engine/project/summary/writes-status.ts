// Whether a symbol writes a 401, 403 or 407 itself, read from the summary alone: a status value
// anywhere in it, or a call of a name already known to write one (a wrapper of a helper), or of a
// symbol of its own file that does (`export const responses = { unauthorizedResponse }` with the
// helper not exported itself). What the index asks to decide whose callers to look for (project.ts
// namesWorthFinding).
import { AUTH_STATUSES } from '../../model/values/status';
import { own } from './records';
import type { Effect, Symbol, Value } from './types';

/** The names known to write a status, and the symbols of the file the symbol is in. */
export interface WriterNames {
  known: ReadonlySet<string>;
  symbols?: Readonly<Record<string, Symbol>>;
}

/** Whether `name` writes: known, or a symbol of the file that does (read once: `seen` stops cycles). */
function nameWrites(name: string, names: WriterNames, seen: Set<string>, depth: number): boolean {
  if (names.known.has(name)) return true;
  const local = names.symbols && own(names.symbols, name);
  if (!local || seen.has(name)) return false;
  seen.add(name);
  return symbolWrites(local, names, seen, depth + 1);
}

function valueWrites(value: Value, names: WriterNames, seen: Set<string>, depth = 0): boolean {
  if (depth > 8) return false;
  switch (value.kind) {
    case 'status':
      return AUTH_STATUSES.has(value.code);
    case 'either':
      return value.values.some((v) => valueWrites(v, names, seen, depth + 1));
    case 'object':
      return Object.values(value.properties).some((v) => valueWrites(v, names, seen, depth + 1));
    case 'call':
      return nameWrites(value.callee.name, names, seen, depth) || value.args.some((v) => valueWrites(v, names, seen, depth + 1));
    case 'ref':
      return nameWrites(value.ref.name, names, seen, depth);
    case 'parameter':
      return value.fallback !== undefined && valueWrites(value.fallback, names, seen, depth + 1);
    case 'member':
      return valueWrites(value.object, names, seen, depth + 1);
    default:
      return false;
  }
}

function effectWrites(effect: Effect, names: WriterNames, seen: Set<string>, depth: number): boolean {
  switch (effect.kind) {
    case 'sends':
      return valueWrites(effect.status, names, seen, depth);
    case 'asserts':
      return valueWrites(effect.error, names, seen, depth);
    default:
      return valueWrites(effect.value, names, seen, depth);
  }
}

function symbolWrites(symbol: Symbol, names: WriterNames, seen: Set<string>, depth: number): boolean {
  if (depth > 4) return false;
  switch (symbol.kind) {
    case 'callable':
      return symbol.effects.some((effect) => effectWrites(effect, names, seen, depth));
    case 'class':
      return (
        Object.values(symbol.fields).some((v) => valueWrites(v, names, seen, depth)) ||
        (symbol.superArgs ?? []).some((v) => valueWrites(v, names, seen, depth)) ||
        Object.values(symbol.statics).some((member) => symbolWrites(member, names, seen, depth + 1))
      );
    case 'table':
      return Object.values(symbol.members).some((member) => symbolWrites(member, names, seen, depth + 1));
    case 'value':
      return valueWrites(symbol.value, names, seen, depth);
  }
}

export function writesAuthStatus(symbol: Symbol, names: WriterNames): boolean {
  return symbolWrites(symbol, names, new Set(), 0);
}
