// The compiler options that decide where an import leads: `baseUrl`, `paths`, and the `outDir` /
// `rootDir` pair that maps a build output back to its source, read from the nearest tsconfig.json
// or jsconfig.json of a file, through its `extends` chain (relative or absolute paths; a config
// from a package in node_modules is not read). A loop in `extends`, or a broken file, ends the
// chain there: what was read so far holds.
import * as path from 'node:path';
import type { ProjectHost } from '../host';
import { isRecord, readJsonObject, stringsOf } from './json-files';

export interface CompilerPaths {
  /** The folder `paths` targets are relative to: `baseUrl`, else the folder of the config that set `paths`. */
  pathsBase: string;
  paths: Record<string, string[]>;
  baseUrl: string | undefined;
  outDir: string | undefined;
  rootDir: string | undefined;
}

const CONFIG_NAMES = ['tsconfig.json', 'jsconfig.json'];
const MAX_EXTENDS = 16;

export class TsconfigReader {
  private readonly byFolder = new Map<string, CompilerPaths | undefined>();

  constructor(
    private readonly host: ProjectHost,
    private readonly root: string,
  ) {}

  /** The options that apply to files of `folder`: from its nearest config, up to the project root. */
  forFolder(folder: string): CompilerPaths | undefined {
    if (this.byFolder.has(folder)) return this.byFolder.get(folder);
    let found: CompilerPaths | undefined;
    const config = CONFIG_NAMES.map((name) => path.join(folder, name)).find((file) => this.host.fileExists(file));
    if (config) found = this.read(config);
    else if (folder !== this.root && isInside(path.dirname(folder), this.root)) found = this.forFolder(path.dirname(folder));
    this.byFolder.set(folder, found);
    return found;
  }

  private read(configFile: string): CompilerPaths {
    const options: CompilerPaths = { pathsBase: path.dirname(configFile), paths: {}, baseUrl: undefined, outDir: undefined, rootDir: undefined };
    // The chain from the config itself to its farthest base: the nearest setting wins.
    const chain: { file: string; compilerOptions: Record<string, unknown> }[] = [];
    const seen = new Set<string>();
    for (let file: string | undefined = configFile; file && !seen.has(file) && chain.length < MAX_EXTENDS; ) {
      seen.add(file);
      const json = readJsonObject(this.host, file);
      if (!json) break;
      chain.push({ file, compilerOptions: isRecord(json.compilerOptions) ? json.compilerOptions : {} });
      file = this.extendsOf(file, json.extends);
    }
    let pathsSet = false;
    for (const { file, compilerOptions } of chain) {
      const folder = path.dirname(file);
      const at = (key: string) => (typeof compilerOptions[key] === 'string' ? path.resolve(folder, compilerOptions[key] as string) : undefined);
      options.baseUrl ??= at('baseUrl');
      options.outDir ??= at('outDir');
      options.rootDir ??= at('rootDir');
      if (!pathsSet && isRecord(compilerOptions.paths)) {
        pathsSet = true;
        options.pathsBase = folder;
        for (const [pattern, targets] of Object.entries(compilerOptions.paths)) options.paths[pattern] = stringsOf(targets);
      }
    }
    if (options.baseUrl) options.pathsBase = options.baseUrl;
    return options;
  }

  /** The file an `extends` names, when it is a path. TypeScript 5 allows a list, merged in order with
   * later entries overriding earlier ones: only the last is followed, so a setting that only an
   * earlier entry makes is not read. */
  private extendsOf(file: string, value: unknown): string | undefined {
    const names = typeof value === 'string' ? [value] : stringsOf(value);
    const last = names[names.length - 1];
    if (!last || !(last.startsWith('.') || path.isAbsolute(last))) return undefined;
    const target = path.resolve(path.dirname(file), last);
    return target.endsWith('.json') ? target : `${target}.json`;
  }
}

export function isInside(file: string, folder: string): boolean {
  // Most paths asked about are normalized and inside: a prefix says so without path.relative
  // (which a `..` in the path needs).
  if ((file === folder || file.startsWith(folder.endsWith(path.sep) ? folder : folder + path.sep)) && !file.includes(`${path.sep}..`)) return true;
  const relative = path.relative(folder, file);
  return relative === '' || (!relative.startsWith('..') && !path.isAbsolute(relative));
}

/** The targets of the first `paths` pattern that matches `specifier`, with its `*` filled in
 * (TypeScript picks the pattern with the longest prefix). */
export function matchPaths(paths: Record<string, string[]>, specifier: string): string[] {
  let best: { prefixLength: number; targets: string[] } | undefined;
  for (const [pattern, targets] of Object.entries(paths)) {
    const star = pattern.indexOf('*');
    if (star < 0) {
      if (pattern === specifier) return targets;
      continue;
    }
    const prefix = pattern.slice(0, star);
    const suffix = pattern.slice(star + 1);
    if (specifier.length < prefix.length + suffix.length || !specifier.startsWith(prefix) || !specifier.endsWith(suffix)) continue;
    if (best && best.prefixLength >= prefix.length) continue;
    const matched = specifier.slice(prefix.length, specifier.length - suffix.length);
    best = { prefixLength: prefix.length, targets: targets.map((target) => target.replace('*', matched)) };
  }
  return best?.targets ?? [];
}
