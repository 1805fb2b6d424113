// `httpAuthLint.proxyFiles`: globs of files that are proxy code, matched against the file's path
// relative to its workspace folder (or the current directory, for the CLI). A pattern without a
// slash matches a file name in any folder, as in .gitignore.
import picomatch from 'picomatch';

const toPosix = (path: string) => path.replace(/\\/g, '/');

function relativePath(fileName: string, root: string | undefined): string {
  const file = toPosix(fileName);
  if (!root) return file;
  const prefix = toPosix(root).replace(/\/?$/, '/');
  return file.startsWith(prefix) ? file.slice(prefix.length) : file;
}

export function matchesProxyFiles(fileName: string, patterns: readonly string[], root: string | undefined): boolean {
  if (patterns.length === 0) return false;
  const path = relativePath(fileName, root);
  const globs = patterns.map((pattern) => (pattern.includes('/') ? pattern.replace(/^\.?\//, '') : `**/${pattern}`));
  return picomatch(globs, { dot: true })(path);
}
