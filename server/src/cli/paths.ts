// How files are named in the output: relative to the current directory when inside it (what a
// person types, what GitHub resolves against the checkout), absolute otherwise.
import * as path from 'node:path';

/** `src/app.ts` for a file under `cwd`, the absolute path for one outside it. Native separators. */
export function displayPath(filePath: string, cwd: string): string {
  const relative = path.relative(cwd, filePath);
  return relative === '' || relative.startsWith('..') || path.isAbsolute(relative) ? filePath : relative;
}

/** The path relative to `cwd` with `/` separators, or undefined for a file outside `cwd`. */
export function posixRelative(filePath: string, cwd: string): string | undefined {
  const relative = path.relative(cwd, filePath);
  return relative === '' || relative.startsWith('..') || path.isAbsolute(relative) ? undefined : relative.split(path.sep).join('/');
}
