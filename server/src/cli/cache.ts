// --cache: what a run learned, kept for the next one, as ESLint keeps `.eslintcache`. Per project
// root, the index (which files matter, their summaries, the names found) and the outcome of every
// linted file; a run over a tree whose files have the same sizes and modification times reuses
// them all and parses nothing. When files changed, the index is made again, but summaries of files
// whose content is unchanged are taken from the cache by content hash. Everything is invalidated
// by another version or build of the linter; results also by another configuration of the file.
// A cache that cannot be read, or is not ours, is ignored and rewritten; it is written atomically
// (a temporary file renamed over it), so that a run stopped halfway never leaves half a cache.
import { createHash } from 'node:crypto';
import { mkdirSync, readFileSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import * as path from 'node:path';
import type { FileSummary, Project } from '../engine';
import { DEFAULT_CACHE_FILE } from './args';
import type { FileOutcome } from './scan-file';
import { packageVersion } from './version';

const FORMAT = 'http-auth-lint-cache/1';

/** An index as Project.adoptIndex takes it, with the handler files it found. */
export interface CachedIndex {
  /** Of the files' paths, sizes and modification times: the index holds while it is the same. */
  fingerprint: string;
  selected: string[];
  /** File -> the content hash of its summary in CacheData.summaries. */
  summaries: Record<string, string>;
  producing: string[];
  apps: ReturnType<Project['apps']>;
  handlerFiles: string[];
  /** Files that could not be read as text (too large, binary): their lint says why. */
  unread: string[];
}

interface CachedResult {
  /** Of the file's settings and the options that change a report. */
  settings: string;
  outcome: FileOutcome;
}

interface CacheData {
  format: string;
  engine: string;
  roots: Record<string, { index: CachedIndex; results: Record<string, CachedResult> }>;
  /** Summaries by the content hash of their file. */
  summaries: Record<string, FileSummary>;
}

export const hashOf = (text: string): string => createHash('sha1').update(text).digest('hex');

let engineKey: string | undefined;

/** This linter: its version, and the build that runs (a build of the same version may differ),
 * known by the size and modification time of its code as files are known by the fingerprint:
 * hashing the 4-10 MiB bundle would cost a cached run a tenth of its time. Run unbundled (`out/`,
 * the tests), this is cache.js alone: a change elsewhere in the engine keeps old results there. An
 * installed package keeps npm's fixed times, so only another version or size tells it apart. */
function currentEngine(): string {
  if (engineKey === undefined) {
    let build = '';
    try {
      const stats = statSync(__filename);
      build = `${stats.size}:${stats.mtimeMs}`;
    } catch {
      build = ''; // the version alone
    }
    engineKey = `${packageVersion()}+${build}`;
  }
  return engineKey;
}

/** The cache file `location` names: a file, or a folder (a trailing separator, or an existing one). */
export function cacheFile(location: string, cwd: string): string {
  const full = path.resolve(cwd, location);
  if (/[\\/]$/.test(location)) return path.join(full, DEFAULT_CACHE_FILE);
  try {
    if (statSync(full).isDirectory()) return path.join(full, DEFAULT_CACHE_FILE);
  } catch {
    // not there yet: a file
  }
  return full;
}

/** The fingerprint of a set of files: their paths, sizes and modification times. */
export function fingerprintOf(files: Iterable<string>): string {
  const hash = createHash('sha1');
  for (const file of [...files].sort()) {
    try {
      const stats = statSync(file);
      hash.update(`${file}\0${stats.size}\0${stats.mtimeMs}\n`);
    } catch {
      hash.update(`${file}\0gone\n`);
    }
  }
  return hash.digest('hex');
}

export class RunCache {
  private data: CacheData;
  /** Hashes of the summaries this run used: the others are dropped when it is saved. */
  private readonly usedSummaries = new Set<string>();
  /** Whether this run learned anything the file does not hold: an unchanged tree writes nothing. */
  private changed: boolean;

  private constructor(
    readonly file: string,
    data: CacheData | undefined,
  ) {
    this.data = data ?? { format: FORMAT, engine: currentEngine(), roots: {}, summaries: {} };
    this.changed = data === undefined;
  }

  /** The cache at `file`; empty when it is missing, damaged, or of another version of the linter. */
  static load(file: string): RunCache {
    let data: CacheData | undefined;
    try {
      const parsed = JSON.parse(readFileSync(file, 'utf8')) as Partial<CacheData>;
      const valid = parsed.format === FORMAT && parsed.engine === currentEngine() && typeof parsed.roots === 'object' && parsed.roots !== null && typeof parsed.summaries === 'object' && parsed.summaries !== null;
      data = valid ? (parsed as CacheData) : undefined;
    } catch {
      data = undefined;
    }
    return new RunCache(file, data);
  }

  /** The index kept for `root` when its files are as they were. */
  index(root: string, fingerprint: string): { index: CachedIndex; summaries: Record<string, FileSummary> } | undefined {
    const entry = this.data.roots[root]?.index;
    if (!entry || entry.fingerprint !== fingerprint) return undefined;
    const summaries: Record<string, FileSummary> = {};
    for (const [file, hash] of Object.entries(entry.summaries)) {
      const summary = this.data.summaries[hash];
      if (!summary) return undefined;
      summaries[file] = summary;
      this.usedSummaries.add(hash);
    }
    return { index: entry, summaries };
  }

  /** A summary of a file with this content, from any earlier run. */
  summary(contentHash: string): FileSummary | undefined {
    const summary = this.data.summaries[contentHash];
    if (summary) this.usedSummaries.add(contentHash);
    return summary;
  }

  setIndex(root: string, index: Omit<CachedIndex, 'summaries'>, summaries: Record<string, { hash: string; summary: FileSummary }>): void {
    const byFile: Record<string, string> = {};
    for (const [file, { hash, summary }] of Object.entries(summaries)) {
      byFile[file] = hash;
      this.data.summaries[hash] = summary;
      this.usedSummaries.add(hash);
    }
    // A new index makes the results of the last one stale: they read other summaries.
    this.data.roots[root] = { index: { ...index, summaries: byFile }, results: {} };
    this.changed = true;
  }

  result(root: string, file: string, settings: string): FileOutcome | undefined {
    const cached = this.data.roots[root]?.results[file];
    return cached && cached.settings === settings ? cached.outcome : undefined;
  }

  setResult(root: string, file: string, settings: string, outcome: FileOutcome): void {
    const entry = this.data.roots[root];
    if (!entry || entry.results[file]?.outcome === outcome) return; // the outcome it gave
    entry.results[file] = { settings, outcome: { ...outcome, summary: undefined } };
    this.changed = true;
  }

  /** Writes the cache, when the run changed it: to a temporary file, then renamed over the old one. */
  save(): string | undefined {
    for (const hash of Object.keys(this.data.summaries)) {
      if (this.usedSummaries.has(hash)) continue;
      delete this.data.summaries[hash];
      this.changed = true;
    }
    if (!this.changed) return undefined;
    const temporary = `${this.file}.${process.pid}.tmp`;
    try {
      mkdirSync(path.dirname(this.file), { recursive: true });
      writeFileSync(temporary, JSON.stringify(this.data));
      renameSync(temporary, this.file);
      return undefined;
    } catch (error) {
      rmSync(temporary, { force: true });
      return error instanceof Error ? error.message : String(error);
    }
  }
}
