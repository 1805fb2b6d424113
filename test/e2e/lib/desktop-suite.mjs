// Desktop launcher of the extension-host suite: @vscode/test-electron, as users with internet and
// public CI run it. It downloads VS Code into .vscode-test/ (offline it fails at once with
// ENOTFOUND update.code.visualstudio.com; shared/VSCODE-E2E.md), or runs the executable named by
// HTTP_AUTH_LINT_VSCODE_PATH. On a Linux machine without a display, wrap it in `xvfb-run -a`.
import fs from 'node:fs';
import path from 'node:path';
import { downloadAndUnzipVSCode, runTests } from '@vscode/test-electron';
import { copyFixtureWorkspace } from './fixture.mjs';
import { makeWorkDir, repoDir } from './paths.mjs';
import { RESULTS_ENV, readResults, resultsFile } from './suite-results.mjs';

const testElectronCache = path.join(repoDir, '.vscode-test'); // test-electron's default (cwd-relative)

/** True when a desktop VS Code can run without a download: a named executable or a cached build. */
export function desktopAvailable() {
  if (process.env.HTTP_AUTH_LINT_VSCODE_PATH) return true;
  const cached = fs.existsSync(testElectronCache) && fs.readdirSync(testElectronCache).some((n) => n.startsWith('vscode-'));
  const display = process.platform !== 'linux' || Boolean(process.env.DISPLAY || process.env.WAYLAND_DISPLAY);
  return cached && display;
}

export async function runDesktopSuite({ extensionDir, testsModule, fixtureDir }) {
  const work = makeWorkDir('desktop');
  const workspace = copyFixtureWorkspace(work, fixtureDir);
  const results = resultsFile(work);
  const vscodeExecutablePath = process.env.HTTP_AUTH_LINT_VSCODE_PATH ?? (await download());
  console.log(`e2e: extension-host suite in VS Code ${desktopVersion(vscodeExecutablePath)} (desktop, ${vscodeExecutablePath})`);

  let exitCode = 0;
  try {
    await runTests({
      vscodeExecutablePath,
      extensionDevelopmentPath: extensionDir,
      extensionTestsPath: testsModule,
      extensionTestsEnv: { [RESULTS_ENV]: results },
      launchArgs: [
        workspace,
        '--disable-extensions', // other installed extensions; the one under test still loads
        '--disable-workspace-trust',
        '--skip-welcome',
        '--skip-release-notes',
        `--user-data-dir=${work.userData}`,
        `--extensions-dir=${work.extensions}`,
      ],
    });
  } catch (err) {
    exitCode = typeof err?.code === 'number' ? err.code : 1;
    console.error(`e2e: ${err.message}`);
  }
  return { ...readResults(results, exitCode), exitCode, work };
}

async function download() {
  try {
    return await downloadAndUnzipVSCode({ version: process.env.HTTP_AUTH_LINT_VSCODE_VERSION ?? 'stable', cachePath: testElectronCache });
  } catch (err) {
    throw new Error(`the desktop launcher could not download VS Code (${err.message}); offline, run without --desktop`);
  }
}

/** Reads the version from the build's resources/app/package.json (Linux/Windows and macOS layouts). */
function desktopVersion(executable) {
  const dir = path.dirname(executable);
  for (const candidate of [path.join(dir, 'resources/app/package.json'), path.join(dir, '../Resources/app/package.json')]) {
    try {
      return JSON.parse(fs.readFileSync(candidate, 'utf8')).version;
    } catch {
      // try the next layout
    }
  }
  return '(unknown version)';
}
