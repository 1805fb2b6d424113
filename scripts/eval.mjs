// `npm run eval`: measures the engine against the labelled corpus in test/corpus/.
// Each expected finding is a `// expect: rule-a, rule-b` comment at the end of the line where it is
// reported. We run the real CLI (so the eval sees what users see), match findings to markers and
// print precision and recall per rule and per framework (the corpus subfolder).
// Exit codes: 0 all bars met, 1 a rule below the bars or a finding on decoys/, 2 the CLI cannot run.
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const corpus = path.join(root, 'test', 'corpus');
const RULES = [
  'missing-www-authenticate', 'proxy-auth-from-origin', 'unauthorized-for-permission',
  'forbidden-for-missing-credentials', 'missing-proxy-authenticate', 'invalid-challenge', 'challenge-lost',
];
const MIN_PRECISION = 0.97;
const MIN_RECALL = 0.9;
const MARKER = /\/\/\s*expect:\s*([a-z-]+(?:\s*,\s*[a-z-]+)*)\s*$/;

function fail(message) {
  console.error(`eval: ${message}`);
  process.exit(2);
}

// The CLI is a bundle: build it when it is missing or older than the engine's sources, so the
// eval measures the code in the tree rather than a stale bundle.
const bundle = path.join(root, 'dist', 'cli.js');
const newestSource = Math.max(...readdirSync(path.join(root, 'server', 'src'), { recursive: true })
  .map((f) => statSync(path.join(root, 'server', 'src', String(f))).mtimeMs));
if (!existsSync(bundle) || statSync(bundle).mtimeMs < newestSource) {
  const build = spawnSync(process.execPath, [path.join(root, 'scripts', 'build.mjs')], { cwd: root, stdio: ['ignore', 'ignore', 'inherit'] });
  if (build.status !== 0) fail('dist/cli.js is missing or stale and `node scripts/build.mjs` failed');
}

// Exit code 1 only means "errors found"; anything else, or output that is not JSON, is fatal.
const cli = spawnSync(process.execPath, [path.join(root, 'bin', 'http-auth-lint.js'), corpus, '--format', 'json'], {
  cwd: root, encoding: 'utf8', maxBuffer: 64 * 1024 * 1024,
});
if (cli.error || (cli.status !== 0 && cli.status !== 1)) fail(`the CLI failed (exit ${cli.status}): ${cli.error?.message ?? cli.stderr}`);
let results;
try {
  results = JSON.parse(cli.stdout);
} catch {
  fail(`the CLI did not print JSON:\n${cli.stdout.slice(0, 500)}\n${cli.stderr}`);
}

const rel = (file) => path.relative(corpus, path.resolve(root, file)).split(path.sep).join('/');
const frameworkOf = (file) => file.split('/')[0];
const LINTABLE = /\.(ts|tsx|js|jsx|mjs|cjs|mts|cts)$/;

// Markers come from walking the corpus ourselves, so a file the CLI skipped or left out of its
// output still counts its expectations as missed.
const findingsOf = new Map(results.map((r) => [rel(r.filePath), r.messages]));
const files = readdirSync(corpus, { recursive: true })
  .map((f) => String(f).split(path.sep).join('/'))
  .filter((f) => LINTABLE.test(f))
  .sort()
  .map((file) => {
    const markers = [];
    readFileSync(path.join(corpus, file), 'utf8').split(/\r?\n/).forEach((text, i) => {
      const m = MARKER.exec(text);
      for (const rule of m ? m[1].split(',').map((s) => s.trim()) : []) {
        if (!RULES.includes(rule)) console.warn(`warning: ${file}:${i + 1} marks an unknown rule "${rule}"`);
        markers.push({ line: i + 1, rule });
      }
    });
    const messages = findingsOf.get(file) ?? [];
    // A message without a rule is a fatal one (a parse error): the file was not really linted.
    for (const m of messages.filter((m) => !m.ruleId)) console.warn(`warning: ${file}:${m.line ?? 0} ${m.message}`);
    const findings = messages.filter((m) => m.ruleId).map((m) => ({ ...m, endLine: m.endLine ?? m.line }));
    return { file, markers, findings };
  });

// Matching: a marker of rule R on line L is met by an unused finding of R whose [line, endLine]
// covers L. Markers take the tightest covering finding first, so a wide finding is left for a
// marker that only it can meet. Each finding meets at most one marker and vice versa.
const tally = new Map(); // key -> { tp, fp, fn }
const count = (key, kind) => {
  if (!tally.has(key)) tally.set(key, { tp: 0, fp: 0, fn: 0 });
  tally.get(key)[kind]++;
};
const falsePositives = [];
const falseNegatives = [];
let decoyFindings = 0;
for (const { file, markers, findings } of files) {
  const used = new Set();
  for (const marker of markers) {
    const candidates = findings
      .filter((f) => !used.has(f) && f.ruleId === marker.rule && f.line <= marker.line && marker.line <= f.endLine)
      .sort((a, b) => (a.endLine - a.line) - (b.endLine - b.line));
    const kind = candidates.length ? 'tp' : 'fn';
    if (candidates.length) used.add(candidates[0]);
    else falseNegatives.push(`${file}:${marker.line} ${marker.rule} (expected, not reported)`);
    count(`rule:${marker.rule}`, kind);
    count(`fw:${frameworkOf(file)}`, kind);
  }
  for (const f of findings.filter((f) => !used.has(f))) {
    falsePositives.push(`${file}:${f.line} ${f.ruleId} ${f.message}`);
    count(`rule:${f.ruleId}`, 'fp');
    count(`fw:${frameworkOf(file)}`, 'fp');
  }
  if (frameworkOf(file) === 'decoys') decoyFindings += findings.length;
}

// Precision is n/a without findings, recall n/a without markers: nothing to measure there.
const ratio = (a, b) => (b === 0 ? null : a / b);
const fmt = (x) => (x === null ? 'n/a' : x.toFixed(2));
function table(title, keys) {
  const rows = keys.map((key) => {
    const { tp, fp, fn } = tally.get(key) ?? { tp: 0, fp: 0, fn: 0 };
    return { name: key.slice(key.indexOf(':') + 1), tp, fp, fn, precision: ratio(tp, tp + fp), recall: ratio(tp, tp + fn) };
  });
  const width = Math.max(title.length, ...rows.map((r) => r.name.length));
  console.log(`\n${title.padEnd(width)}    TP    FP    FN  precision  recall`);
  for (const r of rows) {
    console.log(`${r.name.padEnd(width)} ${String(r.tp).padStart(5)} ${String(r.fp).padStart(5)} ${String(r.fn).padStart(5)}  ${fmt(r.precision).padStart(9)}  ${fmt(r.recall).padStart(6)}`);
  }
  return rows;
}

const ruleRows = table('rule', [...RULES, ...[...tally.keys()].filter((k) => k.startsWith('rule:')).map((k) => k.slice(5)).filter((r) => !RULES.includes(r))].map((r) => `rule:${r}`));
const frameworks = [...new Set(files.map((f) => frameworkOf(f.file)))].sort();
table('framework', frameworks.map((f) => `fw:${f}`));
console.log(`\nfindings on decoys/: ${decoyFindings}`);
console.log(`files: ${files.length}, markers: ${files.reduce((n, f) => n + f.markers.length, 0)}, findings: ${files.reduce((n, f) => n + f.findings.length, 0)}`);

if (falsePositives.length) console.log(`\nfalse positives (${falsePositives.length}):\n  ${falsePositives.join('\n  ')}`);
if (falseNegatives.length) console.log(`\nfalse negatives (${falseNegatives.length}):\n  ${falseNegatives.join('\n  ')}`);

const failing = ruleRows.filter((r) => (r.precision !== null && r.precision < MIN_PRECISION) || (r.recall !== null && r.recall < MIN_RECALL));
if (failing.length || decoyFindings) {
  console.log(`\nFAIL: below precision ${MIN_PRECISION} / recall ${MIN_RECALL}: ${failing.map((r) => r.name).join(', ') || 'none'}; findings on decoys: ${decoyFindings}`);
  process.exit(1);
}
console.log(`\nOK: every rule at precision >= ${MIN_PRECISION} and recall >= ${MIN_RECALL}, no findings on decoys`);
