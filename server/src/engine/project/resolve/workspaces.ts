// The packages of an npm, yarn or pnpm workspace, by name: a monorepo's apps import its libraries
// as `@scope/name`, and those imports lead to the libraries' sources in the same repository. The
// folders come from the root package.json's `workspaces` (a list, or `{ packages }`) and from
// pnpm-workspace.yaml's `packages`; `!` patterns exclude. A project that is no workspace still
// knows its own package by name (a self-import).
import * as path from 'node:path';
import picomatch from 'picomatch';
import type { ProjectHost } from '../host';
import { isRecord, stringsOf } from './json-files';
import type { PackageReader } from './package-json';

/** How deep `**` patterns are followed, and folders never read. */
const MAX_DEPTH = 6;
const SKIPPED = new Set(['node_modules', '.git']);

export class Workspace {
  private byName: Map<string, string> | undefined;

  constructor(
    private readonly host: ProjectHost,
    private readonly root: string,
    private readonly packages: PackageReader,
  ) {}

  /** The folder of the workspace package named `name`. */
  folderOf(name: string): string | undefined {
    this.byName ??= this.collect();
    return this.byName.get(name);
  }

  private collect(): Map<string, string> {
    const byName = new Map<string, string>();
    const rootPackage = this.packages.at(this.root);
    const patterns = [...workspacePatterns(rootPackage?.json), ...pnpmPatterns(this.host.readFile(path.join(this.root, 'pnpm-workspace.yaml')))];
    const include = patterns.filter((p) => !p.startsWith('!')).map(normalize);
    const exclude = patterns.filter((p) => p.startsWith('!')).map((p) => normalize(p.slice(1)));
    if (include.length > 0) {
      const included = picomatch(include);
      const excluded = exclude.length > 0 ? picomatch(exclude) : () => false;
      const visit = (relative: string, depth: number): void => {
        if (relative !== '' && included(relative) && !excluded(relative)) {
          const info = this.packages.at(path.join(this.root, relative));
          if (info?.name && !byName.has(info.name)) byName.set(info.name, info.dir);
        }
        if (depth >= MAX_DEPTH) return;
        for (const name of this.host.listFolders(path.join(this.root, relative))) {
          if (!SKIPPED.has(name) && !name.startsWith('.')) visit(relative === '' ? name : `${relative}/${name}`, depth + 1);
        }
      };
      visit('', 0);
    }
    if (rootPackage?.name && !byName.has(rootPackage.name)) byName.set(rootPackage.name, this.root);
    return byName;
  }
}

const normalize = (pattern: string) => pattern.replace(/^\.\//, '').replace(/\/+$/, '');

function workspacePatterns(json: Record<string, unknown> | undefined): string[] {
  const workspaces = json?.workspaces;
  return isRecord(workspaces) ? stringsOf(workspaces.packages) : stringsOf(workspaces);
}

/** The `packages:` list of pnpm-workspace.yaml: `- 'packages/*'` lines under it. */
export function pnpmPatterns(text: string | undefined): string[] {
  if (!text) return [];
  const patterns: string[] = [];
  let inPackages = false;
  for (const line of text.split(/\r?\n/)) {
    if (/^packages\s*:/.test(line)) {
      inPackages = true;
      continue;
    }
    if (!inPackages) continue;
    const item = /^\s+-\s*(['"]?)(.+?)\1\s*(#.*)?$/.exec(line);
    if (item) patterns.push(item[2]);
    else if (/^\S/.test(line)) inPackages = false;
  }
  return patterns;
}
