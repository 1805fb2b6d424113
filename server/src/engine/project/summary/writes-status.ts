// Whether a symbol writes a 401, 403 or 407 itself, read from the summary alone: a status value
// anywhere in it, or a call of a name already known to (a wrapper of a helper). What the index
// asks to decide whose callers to look for (project.ts namesWorthFinding).
import type { Effect, Symbol, Value } from './types';

const AUTH_STATUSES = new Set([401, 403, 407]);

function valueWrites(value: Value, known: ReadonlySet<string>, depth = 0): boolean {
  if (depth > 8) return false;
  switch (value.kind) {
    case 'status':
      return AUTH_STATUSES.has(value.code);
    case 'either':
      return value.values.some((v) => valueWrites(v, known, depth + 1));
    case 'object':
      return Object.values(value.properties).some((v) => valueWrites(v, known, depth + 1));
    case 'call':
      return known.has(value.callee.name) || value.args.some((v) => valueWrites(v, known, depth + 1));
    case 'ref':
      return known.has(value.ref.name);
    case 'parameter':
      return value.fallback !== undefined && valueWrites(value.fallback, known, depth + 1);
    case 'member':
      return valueWrites(value.object, known, depth + 1);
    default:
      return false;
  }
}

function effectWrites(effect: Effect, known: ReadonlySet<string>): boolean {
  switch (effect.kind) {
    case 'sends':
      return valueWrites(effect.status, known);
    case 'asserts':
      return valueWrites(effect.error, known);
    default:
      return valueWrites(effect.value, known);
  }
}

export function writesAuthStatus(symbol: Symbol, known: ReadonlySet<string>, depth = 0): boolean {
  if (depth > 4) return false;
  switch (symbol.kind) {
    case 'callable':
      return symbol.effects.some((effect) => effectWrites(effect, known));
    case 'class':
      return (
        Object.values(symbol.fields).some((v) => valueWrites(v, known)) ||
        (symbol.superArgs ?? []).some((v) => valueWrites(v, known)) ||
        Object.values(symbol.statics).some((member) => writesAuthStatus(member, known, depth + 1))
      );
    case 'table':
      return Object.values(symbol.members).some((member) => writesAuthStatus(member, known, depth + 1));
    case 'value':
      return valueWrites(symbol.value, known);
  }
}
