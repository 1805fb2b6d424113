// `npm run bench`: the speed and size figures, each next to its baseline measured in the same run
// on the same machine. No figure here is asserted by a test: speed is read, not timed in CI.
//   npm run bench [-- --snapshots <folder>] [--real-only]
// With --snapshots (or HTTP_AUTH_LINT_SNAPSHOTS), the real-repository figures run on the dev set's
// snapshots there (test/ecosystem/README.md says how to get them); without, they are skipped.
import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { build } from 'esbuild';
import { plainTypescript } from '../esbuild-plain-typescript.mjs';
import { generate, generateProject } from './generate.mjs';
import { BenchServer } from './lsp.mjs';
import { measureNode, median, percentile, timeInProcess, timeProcess } from './measure.mjs';

const repo = resolve(import.meta.dirname, '..', '..');
const data = join(repo, 'bench-data');
const require = createRequire(import.meta.url);
const ts = require('typescript');
const rows = [];
const row = (figure, value, target, met) => {
  rows.push({ figure, value, target, met: met === undefined ? '' : met ? 'yes' : 'NO' });
  console.log(`  ${figure}: ${value}${target ? `   (target: ${target})` : ''}`);
};
/** Runs each measurement `rounds` times, one of each per round; the median time and the largest
 * peak memory of each. */
function interleaved(rounds, measurements) {
  const runs = measurements.map(() => []);
  for (let round = 0; round < rounds; round++) measurements.forEach((measure, index) => runs[index].push(measure()));
  return runs.map((list) => ({ ms: median(list.map((run) => run.ms)), maxRssMiB: Math.max(...list.map((run) => run.maxRssMiB)) }));
}
const f1 = (n) => n.toFixed(1);
const f2 = (n) => n.toFixed(2);

const { values: flags } = parseArgs({ options: { snapshots: { type: 'string' }, 'real-only': { type: 'boolean' } } });
const snapshots = flags.snapshots ?? process.env.HTTP_AUTH_LINT_SNAPSHOTS;
const cli = join(repo, 'bin', 'http-auth-lint.js');
const mib = (n) => `${n.toFixed(0)} MiB`;

console.log('building the production bundles...');
execFileSync(process.execPath, [join(repo, 'scripts', 'build.mjs'), '--production'], { stdio: 'inherit' });

// Issue 10: on real repositories, whole processes, the CLI against a bare parse of every file it
// would walk, ast-grep with a 5-pattern rule, and ESLint with typescript-eslint and a selector rule.
const REAL = ['novuhq+novu', 'medusajs+medusa', 'logto-io+logto'];
if (!snapshots || !existsSync(snapshots)) {
  console.log('\nreal repositories: skipped (no snapshots folder: npm run bench -- --snapshots <folder>, see test/ecosystem/README.md)');
} else {
  const astGrep = join(repo, 'node_modules', '.bin', 'ast-grep');
  const eslintBin = join(repo, 'node_modules', 'eslint', 'bin', 'eslint.js');
  for (const name of REAL) {
    const folder = join(snapshots, name);
    if (!existsSync(folder)) {
      console.log(`\n${name}: no snapshot in ${snapshots} (skipped)`);
      continue;
    }
    console.log(`\n${name} (whole processes, median of 3, rounds interleaved):`);
    const cacheFolder = mkdtempSync(join(tmpdir(), 'http-auth-lint-bench-cache-'));
    const cacheArgs = [folder, '--format', 'json', '--no-config', '--cache-location', join(cacheFolder, 'cache')];
    measureNode(cli, cacheArgs, { rounds: 1, okExitCodes: [0, 1] });
    // Each round runs every process once: the machine's speed drifts during a run (by up to half
    // between runs), and a ratio of two medians taken a minute apart would carry the drift.
    const [bare, floor, lint, cached, grepRuns] = interleaved(3, [
      () => measureNode(join(repo, 'scripts', 'bench', 'parse-tree.mjs'), [folder], { rounds: 1 }),
      () => measureNode(join(repo, 'scripts', 'bench', 'read-floor.mjs'), [folder], { rounds: 1 }),
      () => measureNode(cli, [folder, '--format', 'json', '--no-config'], { rounds: 1, okExitCodes: [0, 1] }),
      () => measureNode(cli, cacheArgs, { rounds: 1, okExitCodes: [0, 1] }),
      () => ({ ms: timeProcess(astGrep, ['scan', '--rule', join(repo, 'scripts', 'bench', 'ast-grep-rule.yml'), folder, '--json=compact'], { rounds: 1, okExitCodes: [0, 1] }), maxRssMiB: 0 }),
    ]);
    const grep = grepRuns.ms;
    rmSync(cacheFolder, { recursive: true, force: true });
    // ESLint reads the globs of a --config file from the current directory: run it in the repository.
    const eslintReal = timeProcess(process.execPath, [eslintBin, '--config', join(repo, 'scripts', 'bench', 'eslint-real.config.mjs'), '--format', 'json', '.'], { rounds: 1, okExitCodes: [0, 1], cwd: folder });
    row(`${name}: bare parse of every file`, `${bare.ms.toFixed(0)} ms`);
    // No linter of the tree can take less: the targets below it cannot be met by any analysis.
    row(`${name}: floor (load TypeScript, read every file, parse none) / bare parse`, `${f2(floor.ms / bare.ms)} (${floor.ms.toFixed(0)} ms; ESLint / floor ${f1(eslintReal / floor.ms)}, floor / ast-grep ${f2(floor.ms / grep)})`);
    row(`${name}: CLI / bare parse`, `${f2(lint.ms / bare.ms)} (${lint.ms.toFixed(0)} ms)`, '<= 0.35', lint.ms / bare.ms <= 0.35);
    row(`${name}: CLI / ast-grep, 5 patterns`, `${f2(lint.ms / grep)} (ast-grep ${grep.toFixed(0)} ms)`, '<= 1', lint.ms <= grep);
    row(`${name}: ESLint + typescript-eslint / CLI`, `${f1(eslintReal / lint.ms)} (ESLint ${(eslintReal / 1000).toFixed(1)} s)`, '>= 30', eslintReal / lint.ms >= 30);
    row(`${name}: CLI with --cache, unchanged tree / bare parse`, `${f2(cached.ms / bare.ms)} (${cached.ms.toFixed(0)} ms)`, '<= 0.1', cached.ms / bare.ms <= 0.1);
    row(`${name}: CLI peak memory`, mib(Math.max(lint.maxRssMiB, cached.maxRssMiB)), '<= 300 MiB', Math.max(lint.maxRssMiB, cached.maxRssMiB) <= 300);
  }
  console.log('\nevery repository of the snapshots folder in one run:');
  const all = measureNode(cli, [snapshots, '--format', 'json', '--no-config'], { rounds: 1, okExitCodes: [0, 1] });
  row('all snapshots in one CLI run', `${(all.ms / 1000).toFixed(1)} s, ${mib(all.maxRssMiB)}`, '<= 300 MiB', all.maxRssMiB <= 300);
}
if (flags['real-only']) {
  console.log('\nsummary:');
  console.table(rows);
  process.exit(0);
}

console.log('\ngenerating bench-data/ (seed 42)...');
generate(data, { seed: 42 });
const walk = (dir) => readdirSync(dir, { withFileTypes: true }).flatMap((e) => (e.isDirectory() ? walk(join(dir, e.name)) : [join(dir, e.name)]));
const files = walk(join(data, 'workspace')).filter((file) => file.endsWith('.ts')).map((file) => ({ file, text: readFileSync(file, 'utf8') }));
const bytes = files.reduce((sum, { text }) => sum + Buffer.byteLength(text), 0);
const big = readFileSync(join(data, 'big.ts'), 'utf8');
const small = readFileSync(join(data, 'small.ts'), 'utf8');
console.log(`  ${files.length} files, ${(bytes / 1e6).toFixed(1)} MB; big.ts ${big.split('\n').length} lines; small.ts ${small.split('\n').length} lines`);

// The engine alone, minified like the server's bundle, to run it in this process.
const engineBundle = join(data, 'engine.js');
await build({ entryPoints: [join(repo, 'server', 'src', 'engine', 'index.ts')], outfile: engineBundle, bundle: true, platform: 'node', format: 'cjs', minify: true, mainFields: ['module', 'main'], logLevel: 'warning', plugins: [plainTypescript] });
const engine = require(engineBundle);

console.log('\nengine over the workspace, in one process (median of 5 rounds each, interleaved):');
const parseAll = () => { for (const { file, text } of files) ts.createSourceFile(file, text, ts.ScriptTarget.Latest, true, ts.ScriptKind.TS); };
const lintAll = () => { for (const { file, text } of files) engine.lint(file, text); };
const parseTimes = [];
const lintTimes = [];
parseAll();
lintAll();
for (let round = 0; round < 5; round++) {
  parseTimes.push(timeInProcess(parseAll, 1));
  lintTimes.push(timeInProcess(lintAll, 1));
}
const parseMs = median(parseTimes);
const lintMs = median(lintTimes);
row('parse-only (createSourceFile)', `${parseMs.toFixed(0)} ms, ${f1(bytes / 1e6 / (parseMs / 1000))} MB/s`);
row('engine (parse + model + rules)', `${lintMs.toFixed(0)} ms, ${f1(bytes / 1e6 / (lintMs / 1000))} MB/s`);
row('engine / parse-only', f2(lintMs / parseMs));

console.log('\nwhole processes over the workspace, where every file sends a 401 or 403 (median of 3):');
const workspace = join(data, 'workspace');
const parseProcess = timeProcess(process.execPath, [join(repo, 'scripts', 'bench', 'parse-tree.mjs'), workspace]);
row('bare parse process', `${parseProcess.toFixed(0)} ms`);
const cliSingle = timeProcess(process.execPath, [cli, workspace, '--format', 'json', '--threads', '1'], { okExitCodes: [0, 1] });
row('CLI / bare parse process', `${f2(cliSingle / parseProcess)} (${cliSingle.toFixed(0)} ms)`, '<= 1.5', cliSingle / parseProcess <= 1.5);
const eslint = timeProcess(process.execPath, [join(repo, 'node_modules', 'eslint', 'bin', 'eslint.js'), '--config', join(repo, 'scripts', 'bench', 'eslint.config.mjs'), '--format', 'json', workspace], { rounds: 1, okExitCodes: [0, 1] });
row('ESLint + typescript-eslint, no-restricted-syntax / CLI', `${f1(eslint / cliSingle)} (ESLint ${(eslint / 1000).toFixed(1)} s)`);

console.log('\nthe language server, per keystroke (didChange to published diagnostics, debounce 0):');
const serverPath = join(repo, 'dist', 'server.js');
const bigParse = timeInProcess(() => ts.createSourceFile('big.ts', big, ts.ScriptTarget.Latest, true, ts.ScriptKind.TS), 5);
async function keystrokes(name, text, count) {
  const server = await BenchServer.start(serverPath, { debounceMs: 0 });
  const { uri, arrived } = await server.open(join(data, name), text);
  await arrived;
  const lines = text.split('\n');
  const times = [];
  for (let i = 0; i < count; i++) {
    // Type a space at the end of a line in the middle third of the file.
    const line = Math.floor(lines.length / 3) + ((i * 7) % Math.floor(lines.length / 3));
    const sent = process.hrtime.bigint();
    const at = await server.type(uri, i + 2, { line, character: lines[line].length }, ' ');
    lines[line] += ' ';
    times.push(Number(at - sent) / 1e6);
  }
  server.stop();
  return times.slice(3); // the first keystrokes warm the JIT
}
const bigTimes = await keystrokes('big.ts', big, 33);
row('keystroke, 20,000-line file, median', `${f1(median(bigTimes))} ms (p95 ${f1(percentile(bigTimes, 95))} ms); full parse ${f1(bigParse)} ms`);
row('keystroke / full parse (20,000 lines)', f2(median(bigTimes) / bigParse), '<= 0.4', median(bigTimes) / bigParse <= 0.4);
const smallTimes = await keystrokes('small.ts', small, 53);
row('keystroke, 300-line file, median', `${f2(median(smallTimes))} ms (p95 ${f2(percentile(smallTimes, 95))} ms)`, '< 2 ms', median(smallTimes) < 2);

console.log('\ncold start:');
// The server keeps its compiled code in a cache folder (the extension's storage in VS Code): the
// first start of a build compiles and writes it, every later start reads it.
const cacheDir = join(data, 'compile-cache');
rmSync(cacheDir, { recursive: true, force: true });
const withCache = { ...process.env, HTTP_AUTH_LINT_CACHE_DIR: cacheDir };
async function coldStart() {
  const server = await BenchServer.start(serverPath, { debounceMs: 0, env: withCache });
  const { arrived } = await server.open(join(data, 'small.ts'), small);
  const time = Number((await arrived) - server.started) / 1e6;
  server.stop();
  return time;
}
const firstStart = await coldStart();
const coldStarts = [];
for (let i = 0; i < 5; i++) coldStarts.push(await coldStart());
const requireTs = timeProcess(process.execPath, ['-e', "require('typescript')"], { rounds: 5 });
row('server start to first diagnostics (300 lines), first start of a build', `${firstStart.toFixed(0)} ms`);
row('server start to first diagnostics (300 lines), later starts', `${median(coldStarts).toFixed(0)} ms`);
row('node -e "require(\'typescript\')"', `${requireTs.toFixed(0)} ms`);
row('cold start / require(typescript), later starts', f2(median(coldStarts) / requireTs), '<= 1', median(coldStarts) <= requireTs);
row('cold start / require(typescript), first start', f2(firstStart / requireTs));

console.log('\nmemory:');
const server = await BenchServer.start(serverPath, { debounceMs: 0 });
const before = await server.rssBytes();
for (const { file, text } of files.slice(0, 50)) await (await server.open(file, text)).arrived;
const after = await server.rssBytes();
server.stop();
row('server RSS, idle / with 50 open documents', `${(before / 2 ** 20).toFixed(0)} MiB / ${(after / 2 ** 20).toFixed(0)} MiB`);

// Issue 12: the server indexes its workspace folder in the background. A project of a real app's
// size where 5% of the files matter (generated), or logto's snapshot when --snapshots is given.
console.log('\nthe language server on a whole project (index in the background):');
const project = generateProject(join(data, 'project'));
async function indexOf(folder) {
  const server = await BenchServer.start(serverPath, { debounceMs: 0, workspaceFolders: [folder] });
  const ready = Number((await server.indexReady()) - server.started) / 1e6;
  const rss = await server.rssBytes();
  return { server, ready, rss };
}
const indexed = await indexOf(project.root);
row(`index of ${(project.routes.length / 0.05).toLocaleString('en-US')} generated files, start to ready`, `${indexed.ready.toFixed(0)} ms`, '<= 1500 ms', indexed.ready <= 1500);
row('server RSS with the index', mib(indexed.rss / 2 ** 20), '<= 200 MiB', indexed.rss <= 200 * 2 ** 20);
{
  const server = indexed.server;
  // Keystrokes in a route of the indexed project: it is read with its project on every lint.
  const routeText = readFileSync(project.routes[0], 'utf8');
  const { uri, arrived } = await server.open(project.routes[0], routeText);
  await arrived;
  const lines = routeText.split('\n');
  const times = [];
  for (let i = 0; i < 40; i++) {
    const line = 5 + ((i * 7) % (lines.length - 10));
    const sent = process.hrtime.bigint();
    const at = await server.type(uri, i + 2, { line, character: lines[line].length }, ' ');
    lines[line] += ' ';
    times.push(Number(at - sent) / 1e6);
  }
  row(`keystroke in a project route (${lines.length} lines), median`, `${f2(median(times.slice(5)))} ms (p95 ${f2(percentile(times.slice(5), 95))} ms)`, '< 2 ms', median(times.slice(5)) < 2);
  // A 20,000-line file in the project.
  const bigFile = join(project.root, 'src', 'routes', 'big.ts');
  const bigOpen = await server.open(bigFile, big);
  await bigOpen.arrived;
  const bigLines = big.split('\n');
  const bigInProject = [];
  for (let i = 0; i < 13; i++) {
    const line = Math.floor(bigLines.length / 3) + ((i * 7) % Math.floor(bigLines.length / 3));
    const sent = process.hrtime.bigint();
    const at = await server.type(bigOpen.uri, i + 2, { line, character: bigLines[line].length }, ' ');
    bigLines[line] += ' ';
    bigInProject.push(Number(at - sent) / 1e6);
  }
  row('keystroke / full parse, 20,000-line file in the project', `${f2(median(bigInProject.slice(3)) / bigParse)} (${f1(median(bigInProject.slice(3)))} ms)`, '<= 0.25', median(bigInProject.slice(3)) / bigParse <= 0.25);
  // 50 open routes call the helper; the helper gets its challenge (unsaved): all 50 are published again.
  const opened = [];
  for (const file of project.routes.slice(1, 51)) {
    const { uri: routeUri, arrived: first } = await server.open(file, readFileSync(file, 'utf8'));
    await first;
    opened.push(routeUri);
  }
  const helperText = readFileSync(project.helper, 'utf8');
  const helper = await server.open(project.helper, helperText);
  await helper.arrived;
  // The challenge added, removed, added...: each edit changes what the helper offers its callers.
  const challenged = helperText.replace('return res.status(401)', "res.set('WWW-Authenticate', 'Bearer');\n  return res.status(401)");
  const republishTimes = [];
  for (let edit = 0; edit < 7; edit++) {
    const republished = opened.map((routeUri) => server.diagnosticsFor(routeUri, 1));
    const sent = process.hrtime.bigint();
    await server.replace(helper.uri, edit + 2, edit % 2 === 0 ? challenged : helperText);
    const last = (await Promise.all(republished)).reduce((a, b) => (a > b ? a : b));
    republishTimes.push(Number(last - sent) / 1e6);
  }
  const republishMs = median(republishTimes.slice(1));
  row('helper edited, 50 open callers published again, median of 6 (first edit)', `${republishMs.toFixed(0)} ms (${republishTimes[0].toFixed(0)} ms)`, '<= 100 ms', republishMs <= 100);
  server.stop();
}
if (snapshots && existsSync(join(snapshots, 'logto-io+logto'))) {
  const logto = await indexOf(join(snapshots, 'logto-io+logto'));
  row('index of logto (snapshot), start to ready', `${logto.ready.toFixed(0)} ms`, '<= 1500 ms', logto.ready <= 1500);
  row('server RSS with logto indexed', mib(logto.rss / 2 ** 20), '<= 200 MiB', logto.rss <= 200 * 2 ** 20);
  logto.server.stop();
}

console.log('\npackage:');
execFileSync('npm', ['run', '--silent', 'package'], { cwd: repo, stdio: 'ignore' });
const vsix = statSync(join(repo, 'dist', 'http-auth-lint.vsix')).size;
row('.vsix size', `${(vsix / 2 ** 20).toFixed(2)} MiB`, '< 2 MiB', vsix < 2 * 2 ** 20);

console.log('\nsummary:');
console.table(rows);
