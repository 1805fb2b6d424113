// A function as a summary symbol: its effects, and how it answers an error when it takes one first
// (a handler that another file may register by name).
import type ts from 'typescript';
import { checkOf } from './checks';
import { effectsOf, type SendsByFunction } from './effects';
import { functionBranches, takesErrorFirst } from './handlers';
import { mapperRead } from './mappers';
import { spotOf } from './values';
import type { CallableSymbol } from './types';

export function callableOf(fn: ts.SignatureDeclaration & { body?: ts.ConciseBody }, name: ts.Node, sends: SendsByFunction): CallableSymbol {
  const handler = takesErrorFirst(fn) ? functionBranches(fn) : undefined;
  const check = checkOf(fn);
  const mapsBy = mapperRead(fn);
  return { kind: 'callable', spot: spotOf(name), effects: effectsOf(fn, sends), ...(handler && { handler }), ...(check && { check }), ...(mapsBy && { mapsBy }) };
}
