// The baseline process for the real-repository figures: every file the CLI would walk (lintable,
// outside node_modules and hidden folders, at most 2 MiB), read and parsed by ts.createSourceFile
// with parents set, nothing else. `node parse-tree.mjs <folder>`.
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';

const ts = createRequire(import.meta.url)('typescript');
const LINTABLE = /\.([cm]?[jt]sx?)$/;
const KINDS = { ts: ts.ScriptKind.TS, mts: ts.ScriptKind.TS, cts: ts.ScriptKind.TS, tsx: ts.ScriptKind.TSX, js: ts.ScriptKind.JS, mjs: ts.ScriptKind.JS, cjs: ts.ScriptKind.JS, jsx: ts.ScriptKind.JSX };
const MAX_SIZE = 2 * 1024 * 1024;

function* files(folder) {
  for (const entry of readdirSync(folder, { withFileTypes: true })) {
    if (entry.name === 'node_modules' || entry.name.startsWith('.')) continue;
    const full = join(folder, entry.name);
    if (entry.isDirectory()) yield* files(full);
    else if (entry.isFile() && LINTABLE.test(entry.name) && !/\.d\.[cm]?ts$/.test(entry.name)) yield full;
  }
}

let statements = 0;
for (const file of files(process.argv[2])) {
  if (statSync(file).size > MAX_SIZE) continue;
  statements += ts.createSourceFile(file, readFileSync(file, 'utf8'), ts.ScriptTarget.Latest, true, KINDS[LINTABLE.exec(file)[1]]).statements.length;
}
if (statements === 0) process.exitCode = 1;
