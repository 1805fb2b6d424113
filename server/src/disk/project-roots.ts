// The project a linted file belongs to: the folder that holds its package.json, tsconfig.json or
// jsconfig.json, widened to the workspace root above it when there is one (a monorepo's packages
// import each other by name), and never above the folder of the repository (.git). Files outside
// any project belong to the folder the run or the editor was given (a workspace without a
// package.json is still one project), or to their repository's folder when that is below it, or
// else to their own folder. Imports are followed, and error handlers looked for, within the
// project only.
import { existsSync, readFileSync } from 'node:fs';
import * as path from 'node:path';
import { isInside } from './inside';

const PROJECT_MARKERS = ['package.json', 'tsconfig.json', 'jsconfig.json'];

/** Whether a folder's package.json declares workspaces. */
function hasWorkspaces(folder: string): boolean {
  try {
    const json = JSON.parse(readFileSync(path.join(folder, 'package.json'), 'utf8')) as { workspaces?: unknown };
    return json.workspaces !== undefined;
  } catch {
    return false;
  }
}

export class ProjectRoots {
  /** `listed`: folders whose entries a walk read already (walk.ts listings): asked of no one again.
   * `given`: the folders the run or the editor was given (the CLI's folders, the workspace folders). */
  constructor(
    private readonly listed: ReadonlyMap<string, ReadonlyMap<string, unknown>> = new Map(),
    private readonly given: readonly string[] = [],
  ) {}

  private has(folder: string, name: string): boolean {
    const names = this.listed.get(folder);
    return names ? names.has(name) : existsSync(path.join(folder, name));
  }

  private readonly roots = new Map<string, string>();
  private readonly markers = new Map<string, string | null>();
  private readonly workspaces = new Map<string, string | null>();

  /** The root of the project that holds `file`. */
  rootOf(file: string): string {
    const folder = path.dirname(file);
    let root = this.roots.get(folder);
    if (root === undefined) {
      const nearest = this.nearestMarked(folder);
      root = nearest === null ? this.unmarkedRoot(folder) : (this.workspaceAbove(nearest) ?? nearest);
      this.roots.set(folder, root);
    }
    return root;
  }

  /** The nearest folder at or above `folder` with a project marker, up to the repository. */
  private nearestMarked(folder: string): string | null {
    let found = this.markers.get(folder);
    if (found === undefined) {
      if (PROJECT_MARKERS.some((marker) => this.has(folder, marker))) found = folder;
      else found = this.isTop(folder) ? null : this.nearestMarked(path.dirname(folder));
      this.markers.set(folder, found);
    }
    return found;
  }

  /** The workspace root at or above `folder`, up to the repository. */
  private workspaceAbove(folder: string): string | null {
    let found = this.workspaces.get(folder);
    if (found === undefined) {
      const workspace = this.has(folder, 'pnpm-workspace.yaml') || (this.has(folder, 'package.json') && hasWorkspaces(folder));
      found = workspace ? folder : this.isTop(folder) ? null : this.workspaceAbove(path.dirname(folder));
      this.workspaces.set(folder, found);
    }
    return found;
  }

  /** Whether `root` is a project by a marker of its own (a package.json, tsconfig.json...), not
   * only the folder that holds files in no package: such a project is those files alone. */
  isMarked(root: string): boolean {
    return PROJECT_MARKERS.some((marker) => this.has(root, marker)) || this.has(root, 'pnpm-workspace.yaml');
  }

  /** The project of a folder with no marker at or above it: the innermost given folder it is in, or
   * its repository's folder when that is below the given folder; the folder itself outside them. */
  private unmarkedRoot(folder: string): string {
    const given = this.given.filter((candidate) => isInside(folder, candidate)).sort((a, b) => b.length - a.length)[0];
    if (given === undefined) return folder;
    let current = folder;
    while (current !== given && !this.isTop(current)) current = path.dirname(current);
    return current;
  }

  /** The repository's folder, or the file system's root: nothing above it is the project. */
  private isTop(folder: string): boolean {
    return path.dirname(folder) === folder || this.has(folder, '.git');
  }
}
