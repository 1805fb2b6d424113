// The baseline process for the real-repository figures: every file the CLI would walk
// (tree-files.mjs), read and parsed by ts.createSourceFile with parents set, nothing else.
// `node parse-tree.mjs <folder>`.
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { LINTABLE, treeFiles } from './tree-files.mjs';

const ts = createRequire(import.meta.url)('typescript');
const KINDS = { ts: ts.ScriptKind.TS, mts: ts.ScriptKind.TS, cts: ts.ScriptKind.TS, tsx: ts.ScriptKind.TSX, js: ts.ScriptKind.JS, mjs: ts.ScriptKind.JS, cjs: ts.ScriptKind.JS, jsx: ts.ScriptKind.JSX };

let statements = 0;
for (const file of treeFiles(process.argv[2])) {
  statements += ts.createSourceFile(file, readFileSync(file, 'utf8'), ts.ScriptTarget.Latest, true, KINDS[LINTABLE.exec(file)[1]]).statements.length;
}
if (statements === 0) process.exitCode = 1;
