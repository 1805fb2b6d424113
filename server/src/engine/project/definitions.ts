// The project's functions by the calls that run them, for the guards of a file read in its project
// (engine/evidence/provenance.ts): `if (!(await canEditProject(user, id)))` reads what
// canEditProject returns where it is defined, and names that place.
import type { CallDefinition, DefinitionLookup } from '../model/types';
import type { ProjectContext } from './sites';
import type { Ref } from './summary/types';
import { refOf } from './summary/values';

export function definitionsOf({ project, file }: ProjectContext): DefinitionLookup {
  const known = new Map<string, CallDefinition | null>();
  const define = (ref: Ref): CallDefinition | undefined => {
    // Read in full where it is declared: a check function mentions no status, and the index did
    // not select its file.
    const resolution = project.resolveRef(file, ref, 0, true);
    if (resolution?.kind !== 'symbol' || resolution.symbol.kind !== 'callable') return undefined;
    const { spot, check } = resolution.symbol;
    return { ...(check && { check }), file: resolution.file, start: spot.start, end: spot.end, line: spot.line, where: project.where(resolution.file, spot.line) };
  };
  return (call) => {
    const ref = refOf(call.expression);
    if (!ref) return undefined;
    const key = [ref.name, ...(ref.members ?? [])].join('.');
    if (!known.has(key)) known.set(key, define(ref) ?? null);
    return known.get(key) ?? undefined;
  };
}
