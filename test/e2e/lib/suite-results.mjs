// The extension-host suite runs inside VS Code, out of our process: it writes its mocha counts to
// the file named by HTTP_AUTH_LINT_E2E_RESULTS (suite/index.ts), which both launchers pass down
// (code-server's extension host inherits the server's environment; test-electron has
// extensionTestsEnv). Without that file the exit code is all we know.
import fs from 'node:fs';
import path from 'node:path';

export const RESULTS_ENV = 'HTTP_AUTH_LINT_E2E_RESULTS';
// suite/index.ts starts its reporter's lines with the value of this variable when set.
export const LOG_PREFIX_ENV = 'HTTP_AUTH_LINT_E2E_LOG_PREFIX';

export function resultsFile(work) {
  return path.join(work.dir, 'suite-results.json');
}

/** { passed, failed, tests: [{ title, state, error? }] } from the file, or from the exit code. */
export function readResults(file, exitCode) {
  try {
    const r = JSON.parse(fs.readFileSync(file, 'utf8'));
    // A non-zero exit with every test passed means the run itself broke (e.g. a hook failed).
    if (exitCode !== 0 && r.failed === 0) r.failed = 1;
    return r;
  } catch {
    return { passed: 0, failed: 1, tests: [{ title: `suite reported no results (exit ${exitCode})`, state: 'failed' }] };
  }
}
