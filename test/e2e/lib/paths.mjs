// Where the e2e harness keeps things: the repo, the tool cache outside the repo, and one fresh
// work folder per run under the repo's gitignored `.e2e/`. VS Code and Chromium write under `~`
// and `/tmp` unless TMPDIR and XDG_* point elsewhere (shared/VSCODE-E2E.md), so every run gets
// its own, which also keeps runs from seeing each other's state.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export const e2eDir = path.dirname(path.dirname(fileURLToPath(import.meta.url)));
export const repoDir = path.resolve(e2eDir, '..', '..');
export const cacheDir = process.env.HTTP_AUTH_LINT_CACHE ?? path.join(os.homedir(), '.cache', 'http-auth-lint');
const runsDir = path.join(repoDir, '.e2e');
const KEEP_RUNS = 6; // enough to compare a failing run with the last good one

/** Creates `.e2e/<time>-<name>/` with the folders VS Code and Chromium write to. */
export function makeWorkDir(name) {
  pruneOldRuns();
  const stamp = new Date().toISOString().replace(/[:.]/g, '-');
  const dir = path.join(runsDir, `${stamp}-${name}`);
  const sub = (p) => {
    const full = path.join(dir, p);
    fs.mkdirSync(full, { recursive: true, mode: 0o700 }); // XDG_RUNTIME_DIR must be private
    return full;
  };
  const work = {
    dir,
    userData: sub('user-data'),
    extensions: sub('extensions'),
    profile: sub('browser-profile'),
    tmp: sub('tmp'),
    logs: sub('logs'),
  };
  work.env = {
    ...process.env,
    TMPDIR: work.tmp,
    XDG_CONFIG_HOME: sub('xdg/config'),
    XDG_CACHE_HOME: sub('xdg/cache'),
    XDG_DATA_HOME: sub('xdg/data'),
    XDG_STATE_HOME: sub('xdg/state'),
    XDG_RUNTIME_DIR: sub('xdg/runtime'),
  };
  return work;
}

function pruneOldRuns() {
  if (!fs.existsSync(runsDir)) return;
  const runs = fs.readdirSync(runsDir).filter((n) => /^\d{4}-/.test(n)).sort();
  for (const old of runs.slice(0, Math.max(0, runs.length - KEEP_RUNS + 1))) {
    fs.rmSync(path.join(runsDir, old), { recursive: true, force: true });
  }
}
