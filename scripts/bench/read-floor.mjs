// The least a linter of the whole tree must do, as a whole process: load TypeScript's compiler and
// read every file the CLI would walk (tree-files.mjs), parsing none. What the CLI does beyond it
// (the text passes, parsing the files that matter, the analysis) is the rest.
// `node read-floor.mjs <folder>`.
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { treeFiles } from './tree-files.mjs';

const ts = createRequire(import.meta.url)('typescript');

let characters = 0;
for (const file of treeFiles(process.argv[2])) characters += readFileSync(file, 'utf8').length;
if (characters === 0 || typeof ts.createSourceFile !== 'function') process.exitCode = 1;
