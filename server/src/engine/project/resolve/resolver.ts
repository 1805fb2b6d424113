// Where an import leads inside the project: relative paths, tsconfig/jsconfig `paths` and
// `baseUrl`, package.json `imports` (`#alias`), and the workspace's own packages by name. Never
// into node_modules, never out of the project root: libraries are known by name (DOMAIN.md's
// catalogue), and anything that does not resolve is unknown, which the rules read as silence.
import * as path from 'node:path';
import type { ProjectHost } from '../host';
import { entryTargets, PackageReader, subpathTargets, type PackageInfo } from './package-json';
import { probeSource, sourceOfOutput } from './probe';
import { isInside, matchPaths, TsconfigReader } from './tsconfig';
import { Workspace } from './workspaces';

/** `@scope/name/sub/path` -> ['@scope/name', './sub/path']; undefined when no package is named
 * (`@scope` alone, an empty segment). */
export function splitPackageSpecifier(specifier: string): [string, string] | undefined {
  const parts = specifier.split('/');
  const nameLength = specifier.startsWith('@') ? 2 : 1;
  if (parts.length < nameLength || parts.slice(0, nameLength).some((part) => part === '')) return undefined;
  const rest = parts.slice(nameLength).join('/');
  return [parts.slice(0, nameLength).join('/'), rest ? `./${rest}` : '.'];
}

export class ModuleResolver {
  readonly tsconfigs: TsconfigReader;
  readonly packages: PackageReader;
  private readonly workspace: Workspace;
  private readonly cache = new Map<string, string | undefined>();

  constructor(
    private readonly host: ProjectHost,
    readonly root: string,
  ) {
    this.tsconfigs = new TsconfigReader(host, root);
    this.packages = new PackageReader(host, root);
    this.workspace = new Workspace(host, root, this.packages);
  }

  /** The source file `specifier`, imported from `fromFile`, reads; undefined when unknown. */
  resolve(fromFile: string, specifier: string): string | undefined {
    const folder = path.dirname(fromFile);
    const key = `${folder}\0${specifier}`;
    if (this.cache.has(key)) return this.cache.get(key);
    let resolved: string | undefined;
    try {
      resolved = this.resolveUncached(folder, specifier);
    } catch {
      resolved = undefined; // a host that fails is an unknown import, never a crash
    }
    if (resolved !== undefined && (!isInside(resolved, this.root) || /[\\/]node_modules[\\/]/.test(resolved))) resolved = undefined;
    this.cache.set(key, resolved);
    return resolved;
  }

  private resolveUncached(folder: string, specifier: string): string | undefined {
    if (specifier.startsWith('.') || path.isAbsolute(specifier)) return probeSource(this.host, path.resolve(folder, specifier));
    if (specifier.startsWith('node:') || specifier === '') return undefined;
    const compiler = this.tsconfigs.forFolder(folder);
    if (compiler) {
      for (const target of matchPaths(compiler.paths, specifier)) {
        const found = this.probe(path.resolve(compiler.pathsBase, target), folder);
        if (found) return found;
      }
      if (compiler.baseUrl) {
        const found = probeSource(this.host, path.resolve(compiler.baseUrl, specifier));
        if (found) return found;
      }
    }
    if (specifier.startsWith('#')) {
      const owner = this.packages.nearest(folder);
      const imports = owner?.json.imports;
      if (!owner || !imports || typeof imports !== 'object') return undefined;
      return this.firstSource(owner, subpathTargets(imports as Record<string, unknown>, specifier));
    }
    const split = splitPackageSpecifier(specifier);
    const packageDir = split && this.workspace.folderOf(split[0]);
    if (!split || !packageDir) return undefined;
    const info = this.packages.at(packageDir);
    return info ? this.firstSource(info, entryTargets(info.json, split[1])) : undefined;
  }

  /** A path target: the source of a build output (a build may have left the output on disk:
   * its source is what the project wrote), else the file itself. */
  private probe(target: string, folder: string): string | undefined {
    const owner = this.packages.nearest(folder);
    return (owner && sourceOfOutput(this.host, target, owner.dir, this.tsconfigs.forFolder(owner.dir))) ?? probeSource(this.host, target);
  }

  /** The first of a package's targets that leads to a source file. */
  private firstSource(info: PackageInfo, targets: readonly string[]): string | undefined {
    const compiler = this.tsconfigs.forFolder(info.dir);
    for (const target of targets) {
      if (!target.startsWith('./') && !target.startsWith('../') && target !== '.') continue; // a package name: not ours
      const absolute = path.resolve(info.dir, target);
      const found = sourceOfOutput(this.host, absolute, info.dir, compiler) ?? probeSource(this.host, absolute);
      if (found) return found;
    }
    return undefined;
  }
}
