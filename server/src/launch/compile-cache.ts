// Loads a bundle through V8's code cache. Compiling the server's bundle (TypeScript's compiler is
// most of it) is most of the server's start; V8 can instead deserialize the code it compiled the
// last time, including the functions the first lint compiled. The cache lives in a folder of its
// own (the extension's storage, or the temp folder), one file per bundle content and V8 version:
// a changed bundle never meets an old cache. Anything that goes wrong falls back to a plain
// require; the cache only ever saves time.
import { createHash } from 'node:crypto';
import { mkdirSync, readdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import Module from 'node:module';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { Script } from 'node:vm';
import { threadId } from 'node:worker_threads';

/** Emitted on `process` by a loaded bundle once it has done its first piece of work: the cache
 * written then holds the functions that work compiled too. */
export const COMPILED_EVENT = 'http-auth-lint:compiled';

/** The folder for cache files: `HTTP_AUTH_LINT_CACHE_DIR` (the client sets it), else the temp folder. */
export function cacheFolder(): string {
  return process.env.HTTP_AUTH_LINT_CACHE_DIR || path.join(tmpdir(), 'http-auth-lint-compile-cache');
}

interface ModuleInternals {
  paths: string[];
}
const { _nodeModulePaths: nodeModulePaths, wrap } = Module as unknown as { _nodeModulePaths(from: string): string[]; wrap(source: string): string };

/** Runs the CommonJS bundle at `file` as `require` would, with its compiled code cached in `folder`. */
export function loadWithCompileCache(file: string, folder: string = cacheFolder()): unknown {
  const bundle = path.basename(file, '.js');
  let source: string;
  let script: Script;
  let cacheFile: string;
  let cachedData: Buffer | undefined;
  try {
    source = readFileSync(file, 'utf8');
    const key = createHash('sha256').update(source).digest('hex').slice(0, 20);
    cacheFile = path.join(folder, `${bundle}-${key}-v8-${process.versions.v8}-${process.arch}.cache`);
    try {
      cachedData = readFileSync(cacheFile);
    } catch {
      cachedData = undefined; // the first start of this bundle
    }
    script = new Script(wrap(source), { filename: file, cachedData });
  } catch {
    return Module.createRequire(file)(file);
  }
  const loaded = new Module(file, module);
  loaded.filename = file;
  (loaded as unknown as ModuleInternals).paths = nodeModulePaths(path.dirname(file));
  const run = script.runInThisContext() as (exports: unknown, require: NodeJS.Require, module: Module, filename: string, dirname: string) => void;
  const requireFromBundle = ((id: string) => loaded.require(id)) as NodeJS.Require;
  run.call(loaded.exports, loaded.exports, requireFromBundle, loaded, file, path.dirname(file));
  loaded.loaded = true;
  if (cachedData === undefined || script.cachedDataRejected) {
    // At once (a process may be stopped any time after), and again with what the first piece of
    // work compiled, when the process lives that long.
    writeCache(script, cacheFile, folder, bundle);
    process.once(COMPILED_EVENT, () => setImmediate(() => writeCache(script, cacheFile, folder, bundle)));
  }
  return loaded.exports;
}

function writeCache(script: Script, cacheFile: string, folder: string, bundle: string): void {
  try {
    mkdirSync(folder, { recursive: true });
    // Written aside and renamed: a server starting at the same time reads a whole file or none.
    // By thread too: the server's loader and the index thread it starts write at the same time.
    const partial = `${cacheFile}.${process.pid}-${threadId}.partial`;
    writeFileSync(partial, script.createCachedData());
    renameSync(partial, cacheFile);
  } catch {
    // No cache this time (a read-only folder, a full disk): the next start compiles again.
    return;
  }
  // The caches of earlier builds of this bundle (an updated extension) are of no more use.
  for (const name of safeList(folder)) {
    const other = path.join(folder, name);
    if (name.startsWith(`${bundle}-`) && other !== cacheFile && name.endsWith('.cache')) rmSync(other, { force: true });
  }
}

function safeList(folder: string): string[] {
  try {
    return readdirSync(folder);
  } catch {
    return [];
  }
}
