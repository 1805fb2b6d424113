// Globs of files (`proxyFiles`, `ignore`), matched against a file's path relative to a root: the
// folder of the config file, the workspace folder, or the CLI's current directory. A pattern
// without a slash matches a name in any folder, as in .gitignore.
import picomatch from 'picomatch';

const toPosix = (path: string) => path.replace(/\\/g, '/');

function relativePath(fileName: string, root: string | undefined): string {
  const file = toPosix(fileName);
  if (!root) return file;
  const prefix = toPosix(root).replace(/\/?$/, '/');
  return file.startsWith(prefix) ? file.slice(prefix.length) : file;
}

/** Compiled once per list of patterns: the same settings serve every file of a project. */
const matchers = new Map<string, (path: string) => boolean>();

function matcherFor(patterns: readonly string[]): (path: string) => boolean {
  const key = JSON.stringify(patterns);
  let matcher = matchers.get(key);
  if (!matcher) {
    const globs = patterns.map((pattern) => (pattern.includes('/') ? pattern.replace(/^\.?\//, '') : `**/${pattern}`));
    // A folder pattern (`dist/`, `generated`) covers what is inside it.
    matcher = picomatch(globs.flatMap((glob) => [glob, `${glob.replace(/\/$/, '')}/**`]), { dot: true });
    matchers.set(key, matcher);
  }
  return matcher;
}

export function matchesGlobs(fileName: string, patterns: readonly string[], root: string | undefined): boolean {
  return patterns.length > 0 && matcherFor(patterns)(relativePath(fileName, root));
}
