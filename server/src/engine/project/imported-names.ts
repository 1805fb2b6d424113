// Which files some file of the project may import, read from the text pass alone: the last
// segment of every module specifier (`./lib/response` → `response`, `@/errors/index.js` →
// `index`, `#lib/deny` → `deny`) and every package name imported by a bare specifier. What a
// single bare name (`import { deny } from 'auth'` under a tsconfig baseUrl) imports is missed:
// its helpers' callers are then selected only by their own text. A file
// nobody may import (a route, a generated handler) gives other files no helper to call, so the
// index need not summarize it to find its callers: its lint reads it once (project.ts).
// Conservative by design: resolving every specifier costs more than the whole lint of most
// repositories (0.5-0.9 s measured on the dev set), and a wrong "may be imported" only costs a parse.
import * as path from 'node:path';
import { splitPackageSpecifier } from './resolve/resolver';
import { isProjectSpecifier } from './text-pass';

const SOURCE_EXTENSION = /\.(?:[cm]?[jt]sx?|d\.ts)$/;
/** File names a folder is imported by (`./errors` is `errors/index.ts`). */
const FOLDER_ENTRY = /^(?:index|main|mod)$/;

export class ImportedNames {
  /** Last segments of the specifiers, without extension. */
  private readonly stems = new Set<string>();
  /** Package names of bare specifiers written in another package (`@acme/errors`, `lodash`). */
  private readonly packages = new Set<string>();

  /** The package each specifier seen names (null: none): a repository writes the same few
   * specifiers thousands of times, each is read once. */
  private readonly seen = new Map<string, string | null>();

  /** A specifier written in a file of the package `importerPackage` (its nearest package.json's name). */
  add(specifier: string, importerPackage: string | undefined): void {
    let name = this.seen.get(specifier);
    if (name === undefined) this.seen.set(specifier, (name = this.read(specifier)));
    // A package naming itself (a test of its public entry) makes no other package depend on it.
    if (name !== null && name !== importerPackage) this.packages.add(name);
  }

  /** Notes the stem a specifier may name a file by; returns the package it names. */
  private read(specifier: string): string | null {
    const segments = specifier.split('/');
    const stem = () => segments[segments.length - 1].replace(SOURCE_EXTENSION, '').replace(/^[#~]/, '');
    if (isProjectSpecifier(specifier)) {
      this.stems.add(stem());
      return null;
    }
    // A bare name is a package (`express`, a workspace's `@acme/errors`), with a module of it
    // after the name (`@acme/errors/http`, a baseUrl's `lib/deny`). A library named like a file
    // of the project (`express` and src/express.ts) is no sign that the file is imported.
    const split = splitPackageSpecifier(specifier);
    if (!split) return null; // `@scope` alone, an empty segment: it names no package
    const [name, subpath] = split;
    if (subpath !== '.') this.stems.add(stem());
    return name;
  }

  /** Whether some specifier may name `file`: by its own name, by its folder's (an index file), or
   * by the name of the package it belongs to (`packageName`, from its nearest package.json). */
  mayImport(file: string, packageName: string | undefined): boolean {
    const stem = path.basename(file).replace(SOURCE_EXTENSION, '');
    if (this.stems.has(stem)) return true;
    if (FOLDER_ENTRY.test(stem) && this.stems.has(path.basename(path.dirname(file)))) return true;
    return packageName !== undefined && this.packages.has(packageName);
  }
}
