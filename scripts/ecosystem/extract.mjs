// Extracts a dev-set snapshot for the ecosystem check: from a repository's git directory (what the
// search tool's `fetch` brings: no work tree, and its largest files may be absent), the files the
// linter reads (JavaScript and TypeScript, package.json, tsconfig/jsconfig, workspace lists), one
// by one, into <out>/<owner>+<name>/, with SNAPSHOT.json saying which commit they are.
//   node scripts/ecosystem/extract.mjs <git dir> <owner/name> <snapshots folder>
import { spawn, execFileSync } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import * as path from 'node:path';

const [gitDir, repo, out] = process.argv.slice(2);
if (!gitDir || !repo || !out) {
  console.error('usage: node scripts/ecosystem/extract.mjs <git dir> <owner/name> <snapshots folder>');
  process.exit(2);
}

const WANTED = /\.(ts|tsx|js|jsx|mjs|cjs|mts|cts)$|(^|\/)(package\.json|pnpm-workspace\.yaml|(tsconfig|jsconfig)[^/]*\.json)$/;
const git = (...args) => execFileSync('git', ['--git-dir', gitDir, ...args], { encoding: 'utf8', maxBuffer: 1 << 30 });
const commit = git('rev-parse', 'HEAD').trim();
const entries = git('ls-tree', '-r', '-z', 'HEAD')
  .split('\0')
  .filter(Boolean)
  .map((line) => {
    const [meta, file] = line.split('\t');
    const [mode, type, object] = meta.split(' ');
    return { mode, type, object, file };
  })
  .filter((entry) => entry.type === 'blob' && entry.mode !== '120000' && WANTED.test(entry.file));

const target = path.join(out, repo.replace('/', '+'));
mkdirSync(target, { recursive: true });

// `git cat-file --batch` answers each object in order; an object the snapshot lacks is "missing".
const batch = spawn('git', ['--git-dir', gitDir, 'cat-file', '--batch'], { stdio: ['pipe', 'pipe', 'inherit'] });
let buffer = Buffer.alloc(0);
let index = 0;
let written = 0;
const missing = [];
batch.stdout.on('data', (chunk) => {
  buffer = Buffer.concat([buffer, chunk]);
  for (;;) {
    const newline = buffer.indexOf(10);
    if (newline < 0) return;
    const header = buffer.subarray(0, newline).toString();
    if (header.endsWith(' missing')) {
      missing.push(entries[index++].file);
      buffer = buffer.subarray(newline + 1);
      continue;
    }
    const size = Number(header.split(' ')[2]);
    if (buffer.length < newline + 1 + size + 1) return;
    const file = path.join(target, entries[index++].file);
    mkdirSync(path.dirname(file), { recursive: true });
    writeFileSync(file, buffer.subarray(newline + 1, newline + 1 + size));
    written++;
    buffer = buffer.subarray(newline + 1 + size + 1);
  }
});
batch.stdin.end(entries.map((entry) => entry.object).join('\n') + '\n');
batch.on('close', () => {
  writeFileSync(path.join(target, 'SNAPSHOT.json'), JSON.stringify({ repo, commit, files: written, missing }, null, 2) + '\n');
  console.log(`${repo} ${commit}: ${written} files${missing.length ? `, ${missing.length} missing from the snapshot` : ''}`);
});
