// The ecosystem check (test/ecosystem/README.md): runs the CLI (the bundle, as users get it) over
// every repository of the dev set, compares its findings with the recorded verdicts, and prints
// what changed, precision per repository, and recall where the sites are labelled.
//   npm run ecosystem -- <snapshots folder> [--update] [--only owner/name]
// --update writes the findings into test/ecosystem/findings/, keeping the verdicts of findings
// that stay; new findings get the verdict "unreviewed" until a person reviews them.
import { execFile } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import * as path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';

const root = path.join(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
const checkFolder = path.join(root, 'test', 'ecosystem');
const { values, positionals } = parseArgs({ allowPositionals: true, options: { update: { type: 'boolean' }, only: { type: 'string', multiple: true } } });
const [snapshots] = positionals;
if (!snapshots) {
  console.error('usage: npm run ecosystem -- <snapshots folder> [--update] [--only owner/name]');
  process.exit(2);
}
const cli = path.join(root, 'bin', 'http-auth-lint.js');
if (!existsSync(path.join(root, 'dist', 'cli-core.js'))) {
  console.error('dist/cli-core.js is missing: run `node scripts/build.mjs` (or npm start) first');
  process.exit(2);
}

const slug = (repo) => repo.replace('/', '+');
const readJson = (file, fallback) => (existsSync(file) ? JSON.parse(readFileSync(file, 'utf8')) : fallback);
const keyOf = (f) => `${f.path}\0${f.line}\0${f.rule}`;

function runCli(folder) {
  return new Promise((resolve) => {
    const started = process.hrtime.bigint();
    execFile(process.execPath, [cli, folder, '--format', 'json', '--no-config'], { maxBuffer: 1 << 30 }, (error, stdout, stderr) => {
      const seconds = Number(process.hrtime.bigint() - started) / 1e9;
      if (error && error.code !== 1 && error.code !== 2) resolve({ error: `${error.message}\n${stderr}`, seconds });
      else resolve({ reports: JSON.parse(stdout), stderr, seconds });
    });
  });
}

const devSet = readJson(path.join(checkFolder, 'dev-set.json'), { repositories: [] }).repositories.filter((r) => !values.only || values.only.includes(r.repo));
const rows = [];
const recallRows = [];
let unreviewed = 0;
for (const { repo, commit, labelled } of devSet) {
  const folder = path.join(snapshots, slug(repo));
  if (!existsSync(folder)) {
    console.log(`${repo}: no snapshot at ${folder} (skipped)`);
    continue;
  }
  const snapshot = readJson(path.join(folder, 'SNAPSHOT.json'), {});
  if (snapshot.commit !== commit) console.log(`${repo}: the snapshot is of ${snapshot.commit}, the dev set says ${commit}`);
  const run = await runCli(folder);
  if (run.error) {
    console.log(`${repo}: the CLI failed: ${run.error}`);
    rows.push({ repo, findings: 'CLI failed' });
    continue;
  }
  const findings = run.reports.flatMap((report) =>
    report.messages.map((message) => ({ path: path.relative(folder, report.filePath).split(path.sep).join('/'), line: message.line, rule: message.ruleId })),
  );
  findings.sort((a, b) => a.path.localeCompare(b.path) || a.line - b.line || a.rule.localeCompare(b.rule));

  const recordFile = path.join(checkFolder, 'findings', `${slug(repo)}.json`);
  const record = readJson(recordFile, { repo, commit, findings: [] });
  const recorded = new Map(record.findings.map((f) => [keyOf(f), f]));
  const current = new Set(findings.map(keyOf));
  const added = findings.filter((f) => !recorded.has(keyOf(f)));
  const gone = record.findings.filter((f) => !current.has(keyOf(f)));
  for (const f of added) console.log(`NEW  ${repo} ${f.path}:${f.line} ${f.rule}`);
  for (const f of gone) console.log(`GONE ${repo} ${f.path}:${f.line} ${f.rule} (was ${f.verdict}: ${f.reason ?? ''})`);

  const merged = findings.map((f) => recorded.get(keyOf(f)) ?? { ...f, verdict: 'unreviewed', reason: '' });
  if (values.update) {
    mkdirSync(path.dirname(recordFile), { recursive: true });
    writeFileSync(recordFile, `${JSON.stringify({ repo, commit, findings: merged }, null, 2)}\n`);
  }
  const count = (verdict) => merged.filter((f) => f.verdict === verdict).length;
  const [yes, no, unsure, open] = [count('true'), count('false'), count('unsure'), count('unreviewed')];
  unreviewed += open;
  rows.push({ repo, findings: findings.length, true: yes, false: no, unsure, unreviewed: open, precision: yes + no > 0 ? (yes / (yes + no)).toFixed(2) : '-', new: added.length, gone: gone.length, seconds: run.seconds.toFixed(1) });

  if (labelled) {
    const labels = readJson(path.join(checkFolder, 'labels', `${slug(repo)}.json`), { sites: [] }).sites;
    const byRule = new Map();
    for (const site of labels) {
      for (const rule of site.expected) {
        const hit = findings.some((f) => f.rule === rule && f.path === site.path && f.line >= site.line && f.line <= (site.endLine ?? site.line));
        const entry = byRule.get(rule) ?? { expected: 0, found: 0 };
        entry.expected++;
        if (hit) entry.found++;
        byRule.set(rule, entry);
      }
    }
    for (const [rule, { expected, found }] of byRule) recallRows.push({ repo, rule, expected, found, recall: (found / expected).toFixed(2) });
  }
}

console.log('\nfindings and verdicts (precision = true / (true + false))');
console.table(rows);
if (recallRows.length > 0) {
  console.log('recall on the labelled sites');
  console.table(recallRows);
}
if (unreviewed > 0) console.log(`${unreviewed} findings await a verdict in test/ecosystem/findings/ (run with --update to record them).`);
