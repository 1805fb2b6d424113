// The files the CLI would walk in a folder, as the baseline processes of the bench read them:
// lintable, outside node_modules and hidden folders, at most 2 MiB.
import { readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';

export const LINTABLE = /\.([cm]?[jt]sx?)$/;
const MAX_SIZE = 2 * 1024 * 1024;

function* walk(folder) {
  for (const entry of readdirSync(folder, { withFileTypes: true })) {
    if (entry.name === 'node_modules' || entry.name.startsWith('.')) continue;
    const full = join(folder, entry.name);
    if (entry.isDirectory()) yield* walk(full);
    else if (entry.isFile() && LINTABLE.test(entry.name) && !/\.d\.[cm]?ts$/.test(entry.name)) yield full;
  }
}

export function* treeFiles(folder) {
  for (const file of walk(folder)) if (statSync(file).size <= MAX_SIZE) yield file;
}
