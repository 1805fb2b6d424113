// What a package.json says about imports: its name, its `imports` (`#alias` subpaths, private to
// the package), and its entry points (`exports`, else `main` and the like), as Node reads them
// (https://nodejs.org/api/packages.html): subpath patterns with one `*`, and conditions, of which
// the first that leads to a source file is taken.
import * as path from 'node:path';
import type { ProjectHost } from '../host';
import { isInside } from './tsconfig';
import { isRecord, readJsonObject } from './json-files';

export interface PackageInfo {
  dir: string;
  name: string | undefined;
  json: Record<string, unknown>;
}

/** Conditions in the order they are tried: a source condition first, then the runtime ones. */
const CONDITIONS = ['source', 'development', 'import', 'require', 'node', 'module', 'default', 'types'];

export class PackageReader {
  /** The package.json of each folder asked about (at), and the nearest one of each (nearest). */
  private readonly atFolder = new Map<string, PackageInfo | undefined>();
  private readonly byFolder = new Map<string, PackageInfo | undefined>();

  constructor(
    private readonly host: ProjectHost,
    private readonly root: string,
  ) {}

  /** The package.json at `folder`, if any: read once (every import of a package asks for its own). */
  at(folder: string): PackageInfo | undefined {
    if (this.atFolder.has(folder)) return this.atFolder.get(folder);
    const file = path.join(folder, 'package.json');
    const json = this.host.fileExists(file) ? readJsonObject(this.host, file) : undefined;
    const found = json ? { dir: folder, name: typeof json.name === 'string' ? json.name : undefined, json } : undefined;
    this.atFolder.set(folder, found);
    return found;
  }

  /** The nearest package.json at or above `folder`, up to the project root. */
  nearest(folder: string): PackageInfo | undefined {
    if (this.byFolder.has(folder)) return this.byFolder.get(folder);
    let found = this.at(folder);
    if (!found && folder !== this.root && isInside(path.dirname(folder), this.root)) found = this.nearest(path.dirname(folder));
    this.byFolder.set(folder, found);
    return found;
  }
}

/** The targets a subpath map (`imports`, or `exports` keyed by subpaths) gives `subpath`. */
export function subpathTargets(map: Record<string, unknown>, subpath: string): string[] {
  if (subpath in map) return conditionTargets(map[subpath]);
  let best: { prefixLength: number; targets: string[] } | undefined;
  for (const [key, value] of Object.entries(map)) {
    const star = key.indexOf('*');
    if (star < 0) continue;
    const prefix = key.slice(0, star);
    const suffix = key.slice(star + 1);
    if (!subpath.startsWith(prefix) || !subpath.endsWith(suffix) || subpath.length < prefix.length + suffix.length) continue;
    if (best && best.prefixLength >= prefix.length) continue;
    const matched = subpath.slice(prefix.length, subpath.length - suffix.length);
    best = { prefixLength: prefix.length, targets: conditionTargets(value).map((target) => target.split('*').join(matched)) };
  }
  return best?.targets ?? [];
}

/** The strings a target gives, conditions in CONDITIONS order (then any other), arrays in order. */
export function conditionTargets(value: unknown, depth = 0): string[] {
  if (typeof value === 'string') return [value];
  if (depth > 8) return [];
  if (Array.isArray(value)) return value.flatMap((item) => conditionTargets(item, depth + 1));
  if (!isRecord(value)) return [];
  const keys = Object.keys(value);
  const ordered = [...CONDITIONS.filter((key) => keys.includes(key)), ...keys.filter((key) => !CONDITIONS.includes(key) && !key.startsWith('.'))];
  return ordered.flatMap((key) => conditionTargets(value[key], depth + 1));
}

/** The targets of a package's entry for `subpath` (`.` or `./utils`): its `exports`, else, for
 * `.`, the legacy fields, else the subpath as a path inside the package. */
export function entryTargets(json: Record<string, unknown>, subpath: string): string[] {
  const exports = json.exports;
  if (exports !== undefined && exports !== null) {
    const bySubpath = isRecord(exports) && Object.keys(exports).some((key) => key.startsWith('.'));
    if (bySubpath) return subpathTargets(exports as Record<string, unknown>, subpath);
    if (subpath === '.') return conditionTargets(exports);
  }
  if (subpath !== '.') return [subpath];
  // Legacy fields are paths inside the package, written with or without `./`.
  const legacy = ['source', 'module', 'main', 'types', 'typings'].map((key) => json[key]).filter((value): value is string => typeof value === 'string');
  return [...legacy.map((value) => (value.startsWith('.') ? value : `./${value}`)), './index'];
}
