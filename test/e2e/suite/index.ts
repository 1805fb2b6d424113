// Entry of the extension-host suite: VS Code (desktop via @vscode/test-electron, or code-server
// offline) loads this module from `extensionTestsPath` and awaits run(). A rejection makes the
// host exit non-zero. The counts go to the file named by HTTP_AUTH_LINT_E2E_RESULTS because the
// launcher runs outside the extension host and can only see an exit code otherwise.
import * as fs from 'node:fs';
import * as path from 'node:path';
import * as util from 'node:util';
import Mocha from 'mocha';

interface TestResult {
  title: string;
  state: 'passed' | 'failed';
  error?: string;
}

export function run(): Promise<void> {
  // The spec reporter prints through Base.consoleLog with printf-style arguments, which arrive
  // pre-joined (unformatted) in code-server's log: format here, one line at a time, marked with
  // the prefix the offline launcher asks for to find them among the workbench's own messages.
  const prefix = process.env.HTTP_AUTH_LINT_E2E_LOG_PREFIX ?? '';
  Mocha.reporters.Base.consoleLog = (...args: unknown[]) => {
    for (const line of util.format(...args).split('\n')) console.log(prefix + line);
  };
  // One generous timeout per test: the first test also waits for the language server to start.
  const mocha = new Mocha({ ui: 'bdd', color: false, timeout: 60_000 });
  for (const file of fs.readdirSync(__dirname).filter((f) => f.endsWith('.test.js')).sort()) {
    mocha.addFile(path.join(__dirname, file));
  }
  const tests: TestResult[] = [];
  return new Promise((resolve, reject) => {
    const runner = mocha.run((failures) => {
      const passed = tests.filter((t) => t.state === 'passed').length;
      writeResults({ passed, failed: tests.length - passed, tests });
      if (failures > 0) reject(new Error(`${failures} e2e test(s) failed`));
      else resolve();
    });
    runner.on('pass', (test) => tests.push({ title: test.fullTitle(), state: 'passed' }));
    // Also fires for a failing hook, which then counts as one failure.
    runner.on('fail', (test, err: Error) => {
      tests.push({ title: test.fullTitle(), state: 'failed', error: err.message });
      // At once, not only in the summary at the end: a suite that hangs later still says why this failed.
      console.log(`${prefix}  failed: ${test.fullTitle()}: ${err.message.split('\n').slice(0, 6).join(' | ')}`);
    });
  });
}

function writeResults(results: { passed: number; failed: number; tests: TestResult[] }): void {
  const file = process.env.HTTP_AUTH_LINT_E2E_RESULTS;
  if (file) fs.writeFileSync(file, JSON.stringify(results, null, 2));
}
