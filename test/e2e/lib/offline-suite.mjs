// Offline launcher of the extension-host suite: real VS Code (code-server) runs the same tests
// @vscode/test-electron would, in its Node extension host, driven by a headless Chromium
// workbench with the smoke-test driver enabled (shared/VSCODE-E2E.md). The workbench reads the
// extension and the tests from the URL payload, and reports the exit code through
// window.codeAutomationExit when mocha is done.
import fs from 'node:fs';
import path from 'node:path';
import { openBrowser, tryScreenshot } from './browser.mjs';
import { startCodeServer } from './code-server.mjs';
import { copyFixtureWorkspace } from './fixture.mjs';
import { makeWorkDir } from './paths.mjs';
import { LOG_PREFIX_ENV, RESULTS_ENV, readResults, resultsFile } from './suite-results.mjs';

// Marks the suite reporter's lines among everything the workbench logs.
const REPORT_PREFIX = '[e2e] ';

/**
 * @param cs          from ensureCodeServer()
 * @param extensionDir the extension under development (folder with package.json)
 * @param testsModule  absolute path of the compiled suite entry (exports run())
 */
export async function runOfflineSuite(cs, { extensionDir, testsModule, fixtureDir, timeoutMs = 180_000 }) {
  const work = makeWorkDir('suite');
  const workspace = copyFixtureWorkspace(work, fixtureDir);
  const results = resultsFile(work);
  work.env[RESULTS_ENV] = results;
  work.env[LOG_PREFIX_ENV] = REPORT_PREFIX;
  const hostLog = fs.createWriteStream(path.join(work.logs, 'workbench.log'));

  const server = await startCodeServer(cs, work, { smokeTestDriver: true });
  let browser;
  let exitCode;
  try {
    browser = await openBrowser(work);
    const { page } = browser;
    let reportExit;
    const exited = new Promise((resolve) => (reportExit = resolve));
    await page.exposeFunction('codeAutomationExit', (code) => reportExit(code));
    // Everything the workbench logs, including the extension host's console (mocha's reporter).
    await page.exposeFunction('codeAutomationLog', (level, args) => {
      const line = Array.isArray(args) ? args.join(' ') : String(args);
      hostLog.write(`[${level}] ${line}\n`);
      // Echo the suite's reporter (suite/index.ts prefixes its lines); the rest stays in the log.
      const at = line.indexOf(REPORT_PREFIX);
      if (at >= 0) process.stdout.write(`  ${line.slice(at + REPORT_PREFIX.length)}\n`);
    });
    await page.goto(suiteUrl(server, workspace, extensionDir, testsModule));
    let timer;
    const timedOut = new Promise((resolve) => (timer = setTimeout(() => resolve('timeout'), timeoutMs)));
    const outcome = await Promise.race([exited, timedOut]);
    clearTimeout(timer);
    if (outcome === 'timeout') {
      console.error(`  suite: no result within ${timeoutMs / 1000} s; logs in ${work.logs}`);
      exitCode = 124;
    } else {
      exitCode = outcome;
    }
    if (exitCode !== 0) {
      const shot = await tryScreenshot(page, path.join(work.dir, 'failure.png'));
      if (shot) console.error(`  suite: screenshot ${shot}`);
    }
  } finally {
    await browser?.close();
    await server.stop();
    hostLog.end();
  }
  return { ...readResults(results, exitCode), exitCode, work };
}

function suiteUrl(server, workspace, extensionDir, testsModule) {
  const remote = (p) => `vscode-remote://${server.authority}${p}`;
  const payload = [
    ['extensionDevelopmentPath', remote(extensionDir)],
    ['extensionTestsPath', remote(testsModule)],
  ];
  return `${server.url}/?folder=${encodeURIComponent(workspace)}&payload=${encodeURIComponent(JSON.stringify(payload))}`;
}
