#!/usr/bin/env node
// `npm run test:e2e`: the extension in real VS Code, in two parts.
//   1. The extension-host suite (test/e2e/suite, mocha + the vscode API) on a copy of
//      test/e2e/fixtures/workspace, through one of two launchers:
//        offline  code-server in headless Chromium (the default here; shared/VSCODE-E2E.md)
//        desktop  @vscode/test-electron, which downloads VS Code (needs internet, or a cached
//                 build in .vscode-test/, or HTTP_AUTH_LINT_VSCODE_PATH)
//      Chosen by --desktop / --offline or HTTP_AUTH_LINT_E2E=desktop|offline; otherwise desktop
//      only when one is available without a download.
//   2. The UI test of the packaged .vsix in a new workspace (always code-server + Chromium).
// Flags: --suite-only, --ui-only, --update-screenshots (copy the run's screenshots to docs/images).
// Prints `N passed, N failed` and exits non-zero on any failure.
import fs from 'node:fs';
import path from 'node:path';
import { describe, ensureCodeServer } from './lib/code-server.mjs';
import { desktopAvailable, runDesktopSuite } from './lib/desktop-suite.mjs';
import { fixtureWorkspace } from './lib/fixture.mjs';
import { runOfflineSuite } from './lib/offline-suite.mjs';
import { repoDir } from './lib/paths.mjs';
import { run } from './lib/proc.mjs';
import { runUiTest } from './lib/ui-test.mjs';

const args = new Set(process.argv.slice(2));
const started = Date.now();
const seconds = (since) => `${((Date.now() - since) / 1000).toFixed(1)} s`;
const results = []; // { part, title, state, error? }

// A hard deadline for the whole run (a cold cache installs code-server and Chromium first).
// Exiting runs the 'exit' handlers that kill every code-server process group we started.
const deadlineS = Number(process.env.HTTP_AUTH_LINT_E2E_TIMEOUT ?? 900);
setTimeout(() => {
  console.error(`e2e: hard timeout after ${deadlineS} s`);
  process.exit(124);
}, deadlineS * 1000).unref();
for (const signal of ['SIGINT', 'SIGTERM']) process.on(signal, () => process.exit(130));

const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm';
const tsc = path.join(repoDir, 'node_modules', 'typescript', 'bin', 'tsc');
const testsModule = path.join(repoDir, 'out', 'test', 'e2e', 'suite', 'index.js');

/** A build step that failed is reported as one failure, and the run goes on if it can. */
async function buildStep(title, cmd, cmdArgs) {
  const t = Date.now();
  try {
    await run(cmd, cmdArgs, { cwd: repoDir });
    console.log(`e2e: ${title} (${seconds(t)})`);
    return true;
  } catch (err) {
    console.error(`e2e: ${title} FAILED\n${err.message.split('\n').slice(0, 30).join('\n')}`);
    results.push({ part: 'build', title, state: 'failed', error: err.message.split('\n')[0] });
    return false;
  }
}

function pickMode() {
  const asked = args.has('--desktop') ? 'desktop' : args.has('--offline') ? 'offline' : process.env.HTTP_AUTH_LINT_E2E;
  if (asked === 'desktop' || asked === 'offline') return asked;
  return desktopAvailable() ? 'desktop' : 'offline';
}

let codeServer;
let suiteExitCode = 0; // VS Code's exit code for the suite: the run exits with it when non-zero
async function getCodeServer() {
  if (!codeServer) {
    const t = Date.now();
    codeServer = await ensureCodeServer();
    console.log(`e2e: code-server ${codeServer.codeServerVersion} ready (setup.sh ${seconds(t)})`);
  }
  return codeServer;
}

async function suitePart() {
  await buildStep('bundled the extension (scripts/build.mjs)', process.execPath, [path.join(repoDir, 'scripts', 'build.mjs')]);
  await buildStep('compiled the suite (tsc -b test)', process.execPath, [tsc, '-b', path.join(repoDir, 'test')]);
  if (!fs.existsSync(testsModule)) return;
  const options = { extensionDir: repoDir, testsModule, fixtureDir: fixtureWorkspace };
  const t = Date.now();
  let outcome;
  if (pickMode() === 'desktop') {
    outcome = await runDesktopSuite(options);
  } else {
    const cs = await getCodeServer();
    console.log(`e2e: extension-host suite in ${describe(cs)}`);
    outcome = await runOfflineSuite(cs, options);
  }
  for (const test of outcome.tests) results.push({ part: 'suite', ...test });
  suiteExitCode = outcome.exitCode;
  console.log(`e2e: suite ${outcome.passed} passed, ${outcome.failed} failed (${seconds(t)}; logs in ${outcome.work.logs})`);
}

async function uiPart() {
  const vsix = path.join(repoDir, 'dist', 'http-auth-lint.vsix');
  fs.rmSync(vsix, { force: true }); // never test a stale package
  if (!(await buildStep('packaged the extension (npm run package)', npm, ['run', 'package']))) return;
  const cs = await getCodeServer();
  console.log(`e2e: UI test of ${path.relative(repoDir, vsix)} (${(fs.statSync(vsix).size / 1e6).toFixed(2)} MB) in ${describe(cs)}`);
  const t = Date.now();
  const outcome = await runUiTest(cs, { vsix });
  for (const test of outcome.tests) results.push({ part: 'ui', ...test });
  console.log(`e2e: UI test done (${seconds(t)}; screenshots and logs in ${outcome.work.dir})`);
  publishScreenshots(outcome.screenshots);
}

/**
 * The README shows docs/images/quick-fix.png, hover.png and problems.png, taken by this run. They are copied
 * there when missing or when asked (--update-screenshots), not on every run: each run's pixels
 * differ a little and a test run should not leave tracked files modified.
 */
function publishScreenshots(files) {
  const imagesDir = path.join(repoDir, 'docs', 'images');
  const update = args.has('--update-screenshots') || process.env.HTTP_AUTH_LINT_E2E_UPDATE_SCREENSHOTS === '1';
  for (const file of files) {
    const target = path.join(imagesDir, path.basename(file));
    if (!update && fs.existsSync(target)) continue;
    fs.mkdirSync(imagesDir, { recursive: true });
    fs.copyFileSync(file, target);
    console.log(`e2e: wrote ${path.relative(repoDir, target)}`);
  }
}

try {
  if (!args.has('--ui-only')) await suitePart();
  if (!args.has('--suite-only')) await uiPart();
} catch (err) {
  // A harness error (code-server would not start, Chromium missing...) is a failure too.
  console.error(`e2e: ${err.stack ?? err}`);
  results.push({ part: 'harness', title: 'the e2e harness ran', state: 'failed', error: String(err.message ?? err) });
}

const passed = results.filter((r) => r.state === 'passed').length;
const failed = results.filter((r) => r.state === 'failed');
const skipped = results.filter((r) => r.state === 'skipped').length;
for (const f of failed) console.log(`  FAILED [${f.part}] ${f.title}${f.error ? `: ${f.error}` : ''}`);
console.log(`${passed} passed, ${failed.length} failed${skipped ? `, ${skipped} skipped` : ''} (e2e, ${seconds(started)})`);
process.exit(suiteExitCode || (failed.length > 0 || passed === 0 ? 1 : 0));
