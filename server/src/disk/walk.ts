// Paths on the command line -> the files to lint. Folders are walked for lintable files, skipping
// node_modules and hidden folders (.git, .yarn, .next); symbolic links to folders are not followed
// (they can loop, and they lead out of the project), links to files are.
import { type Dirent, readdirSync, statSync } from 'node:fs';
import * as path from 'node:path';
import { isLintableFile } from '../engine';

const SKIPPED_FOLDERS = new Set(['node_modules']);
/** Hidden folders hold tools' files and build output (.git, .yarn's bundled releases, .next,
 * .nuxt, .turbo), not handler code; a hidden folder named on the command line is walked. */
const isHidden = (name: string) => name.startsWith('.');

/** Whether a walk of `folder` passes over `file`: it lies in node_modules or a hidden folder. */
export function walkSkips(file: string, folder: string): boolean {
  const folders = path.relative(folder, path.dirname(file)).split(path.sep).filter((name) => name !== '');
  return folders.some((name) => SKIPPED_FOLDERS.has(name) || (isHidden(name) && name !== '..'));
}

export interface WalkResult {
  files: string[];
  /** A path named on the command line that does not exist: bad usage. */
  missing: string[];
  /** Something that could not be read (policy: false, the run is incomplete), or that was named
   * but is not lintable (policy: true); the walk went on without it. */
  skipped: { path: string; reason: string; policy: boolean }[];
  /** Every folder walked, with what is in it: the project roots (its package.json, .git...) and
   * the project analysis's questions (does `./utils.ts` exist?) are answered from these, not asked
   * of the file system again. */
  listings: Map<string, FolderListing>;
  /** Files named on the command line: not known to be regular files (a FIFO named x.ts). */
  named: Set<string>;
}

/** The kind of each name in a folder. A link is resolved only when asked about. */
export type FolderListing = ReadonlyMap<string, 'file' | 'folder' | 'link' | 'other'>;

function listingOf(entries: readonly Dirent[]): FolderListing {
  const kinds = new Map<string, 'file' | 'folder' | 'link' | 'other'>();
  for (const entry of entries) kinds.set(entry.name, entry.isFile() ? 'file' : entry.isDirectory() ? 'folder' : entry.isSymbolicLink() ? 'link' : 'other');
  return kinds;
}

export function reasonOf(error: unknown): string {
  if (error && typeof error === 'object' && 'code' in error && typeof error.code === 'string') {
    const message = error instanceof Error ? error.message : '';
    // "EACCES: permission denied, scandir '/x'" -> "permission denied (EACCES)"
    const match = /^[A-Z]+: ([^,]+)/.exec(message);
    return match ? `${match[1]} (${error.code})` : error.code;
  }
  return error instanceof Error ? error.message : String(error);
}

export async function collectFiles(paths: string[], cwd: string): Promise<WalkResult> {
  return collectFilesSync(paths, cwd);
}

/** collectFiles for a caller that cannot wait (an ESLint rule). */
export function collectFilesSync(paths: string[], cwd: string): WalkResult {
  const result: WalkResult = { files: [], missing: [], skipped: [], listings: new Map(), named: new Set() };
  const seen = new Set<string>();
  const add = (file: string): void => {
    if (!seen.has(file)) {
      seen.add(file);
      result.files.push(file);
    }
  };

  // Synchronous reads: a walk of thousands of small folders spends more in scheduling promises
  // than in the reads (the file system caches them), and a CLI has nothing else to do meanwhile.
  function walk(folder: string): void {
    let entries;
    try {
      entries = readdirSync(folder, { withFileTypes: true });
    } catch (error) {
      result.skipped.push({ path: folder, reason: reasonOf(error), policy: false });
      return;
    }
    entries.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
    result.listings.set(folder, listingOf(entries));
    for (const entry of entries) {
      const full = path.join(folder, entry.name);
      if (entry.isDirectory()) {
        if (!SKIPPED_FOLDERS.has(entry.name) && !isHidden(entry.name)) {
          walk(full);
        }
      } else if (isLintableFile(entry.name)) {
        if (entry.isFile()) {
          add(full);
        } else if (entry.isSymbolicLink()) {
          try {
            if (statSync(full).isFile()) {
              add(full);
            }
          } catch (error) {
            result.skipped.push({ path: full, reason: reasonOf(error), policy: false });
          }
        }
      }
    }
  }

  for (const given of paths) {
    const full = path.resolve(cwd, given);
    let stats;
    try {
      stats = statSync(full);
    } catch (error) {
      if (error && typeof error === 'object' && 'code' in error && error.code === 'ENOENT') {
        result.missing.push(given);
      } else {
        result.skipped.push({ path: full, reason: reasonOf(error), policy: false });
      }
      continue;
    }
    if (stats.isDirectory()) {
      walk(full);
    } else if (!isLintableFile(full)) {
      result.skipped.push({ path: full, reason: 'not a lintable file (.ts .tsx .js .jsx .mjs .cjs .mts .cts, not .d.ts)', policy: true });
    } else {
      // A file named on the command line is linted even inside node_modules: it was asked for.
      add(full);
      result.named.add(full);
    }
  }
  return result;
}
