// The least a linter of the whole tree must do, as a whole process: load TypeScript's compiler and
// read every file the CLI would walk (the same walk as parse-tree.mjs), parsing none. What the
// CLI does beyond it (the text passes, parsing the files that matter, the analysis) is the rest.
// `node read-floor.mjs <folder>`.
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';

const ts = createRequire(import.meta.url)('typescript');
const LINTABLE = /\.([cm]?[jt]sx?)$/;
const MAX_SIZE = 2 * 1024 * 1024;

function* files(folder) {
  for (const entry of readdirSync(folder, { withFileTypes: true })) {
    if (entry.name === 'node_modules' || entry.name.startsWith('.')) continue;
    const full = join(folder, entry.name);
    if (entry.isDirectory()) yield* files(full);
    else if (entry.isFile() && LINTABLE.test(entry.name) && !/\.d\.[cm]?ts$/.test(entry.name)) yield full;
  }
}

let characters = 0;
for (const file of files(process.argv[2])) {
  if (statSync(file).size > MAX_SIZE) continue;
  characters += readFileSync(file, 'utf8').length;
}
if (characters === 0 || typeof ts.createSourceFile !== 'function') process.exitCode = 1;
