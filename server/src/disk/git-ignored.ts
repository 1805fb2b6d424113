// What git would not track is not the project's code: build output, generated clients, vendored
// bundles. The CLI's index and the language server's both leave it out.
import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import ignore from 'ignore';

/** Whether a file is ignored by the .gitignore at the project's root. */
export function gitIgnored(root: string): (file: string) => boolean {
  let rules: string;
  try {
    rules = readFileSync(path.join(root, '.gitignore'), 'utf8');
  } catch {
    return () => false;
  }
  const matcher = ignore().add(rules);
  return (file) => {
    const relative = path.relative(root, file).split(path.sep).join('/');
    return relative !== '' && !relative.startsWith('..') && matcher.ignores(relative);
  };
}
