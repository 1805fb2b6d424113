// From a path as an import writes it to the source file it means: the extensions TypeScript and
// Node try (`./utils` -> utils.ts, utils/index.ts), `.js` written for `.ts` (ESM TypeScript), and
// a package's build output mapped back to its sources (`dist/errors.js` -> `src/errors.ts`), since
// the project's own packages are read from their sources, never from what a build left behind.
import * as path from 'node:path';
import type { ProjectHost } from '../host';
import { isLintableFile } from '../../parse';

const SOURCE_EXTENSIONS = ['.ts', '.tsx', '.mts', '.cts', '.js', '.jsx', '.mjs', '.cjs'];
/** ESM TypeScript imports `./utils.js` for `utils.ts`. */
const WRITTEN_FOR: Record<string, readonly string[]> = { '.js': ['.ts', '.tsx'], '.jsx': ['.tsx'], '.mjs': ['.mts'], '.cjs': ['.cts'] };
const DECLARATION = /\.d\.([cm]?)ts$/;

/** The source file an import of `base` (an absolute path without or with an extension) reads. */
export function probeSource(host: ProjectHost, base: string): string | undefined {
  const declaration = DECLARATION.exec(base);
  if (declaration) return probeSource(host, base.slice(0, -declaration[0].length) + `.${declaration[1]}ts`);
  if (isLintableFile(base) && host.fileExists(base)) return base;
  const extension = path.extname(base);
  for (const written of WRITTEN_FOR[extension] ?? []) {
    const candidate = base.slice(0, -extension.length) + written;
    if (host.fileExists(candidate)) return candidate;
  }
  for (const extension of SOURCE_EXTENSIONS) if (host.fileExists(base + extension)) return base + extension;
  for (const extension of SOURCE_EXTENSIONS) {
    const index = path.join(base, `index${extension}`);
    if (host.fileExists(index)) return index;
  }
  return undefined;
}

/** Folders builds write to, when no tsconfig says which. */
const OUTPUT_FOLDERS = new Set(['dist', 'build', 'lib', 'out', 'esm', 'cjs']);

/**
 * The source of a build output `target` inside the package at `packageDir`: its tsconfig's
 * `outDir` replaced by its `rootDir` (or `src`), or a usual output folder (`dist`, `build`, ...)
 * replaced by `src`. Undefined when no such source exists.
 */
export function sourceOfOutput(host: ProjectHost, target: string, packageDir: string, folders?: { outDir?: string; rootDir?: string }): string | undefined {
  const relative = path.relative(packageDir, target);
  if (relative.startsWith('..') || path.isAbsolute(relative)) return undefined;
  const candidates: [string, string][] = [];
  if (folders?.outDir) candidates.push([path.relative(packageDir, folders.outDir), folders.rootDir ? path.relative(packageDir, folders.rootDir) : 'src']);
  const [first] = relative.split(/[\\/]/);
  if (OUTPUT_FOLDERS.has(first)) {
    // `build/main/index.js` for a `src/index.ts`: output folders may nest one level more.
    candidates.push([first, 'src']);
    const [, second] = relative.split(/[\\/]/);
    if (second && /^(main|module|esm|cjs|src)$/.test(second)) candidates.push([path.join(first, second), 'src']);
  }
  for (const [out, root] of candidates) {
    if (out === '' || !(relative === out || relative.startsWith(out + path.sep))) continue;
    const mapped = path.join(packageDir, root, relative.slice(out.length));
    const source = probeSource(host, mapped.replace(/\.(d\.)?[cm]?[jt]sx?$/, ''));
    if (source) return source;
  }
  return undefined;
}
