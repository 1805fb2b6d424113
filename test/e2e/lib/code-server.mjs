// code-server: the VS Code server and web workbench from npm, which runs real VS Code offline
// (shared/VSCODE-E2E.md). setup.sh installs it once into the cache; here we find it, start it in
// its own process group on a free loopback port, and stop the whole group.
import fs from 'node:fs';
import net from 'node:net';
import path from 'node:path';
import { spawn } from 'node:child_process';
import { e2eDir } from './paths.mjs';
import { killGroup, killGroupNow, run } from './proc.mjs';

/** Runs setup.sh (a no-op when the cache is warm) and describes the installed code-server. */
export async function ensureCodeServer() {
  // Show install progress (minutes on a cold cache), not the two result lines parsed below.
  const out = await run('bash', [path.join(e2eDir, 'setup.sh')], { echo: (line) => !/^setup: (node24|code-server)=/.test(line) });
  const pick = (key) => out.match(new RegExp(`^setup: ${key}=(.*)$`, 'm'))?.[1];
  const node = pick('node24');
  const entry = fs.realpathSync(pick('code-server'));
  const pkgDir = path.resolve(path.dirname(entry), '..', '..'); // out/node/entry.js -> package
  const version = (file) => JSON.parse(fs.readFileSync(path.join(pkgDir, file), 'utf8')).version;
  return {
    node,
    entry,
    codeServerVersion: version('package.json'),
    vscodeVersion: version('lib/vscode/package.json'),
  };
}

export function describe(cs) {
  return `VS Code ${cs.vscodeVersion} (code-server ${cs.codeServerVersion}, web workbench in headless Chromium)`;
}

/** Settings that keep first-run UI (welcome page, chat, tips) out of the tests and screenshots. */
const quietSettings = {
  'workbench.startupEditor': 'none',
  'workbench.tips.enabled': false,
  'workbench.secondarySideBar.defaultVisibility': 'hidden',
  'workbench.welcomePage.walkthroughs.openOnInstall': false,
  'chat.disableAIFeatures': true,
  'extensions.ignoreRecommendations': true,
  'extensions.autoCheckUpdates': false,
  'extensions.autoUpdate': false,
  'telemetry.telemetryLevel': 'off',
  'update.mode': 'none',
  'security.workspace.trust.enabled': false,
  'editor.minimap.enabled': false,
  'editor.stickyScroll.enabled': false,
  'editor.cursorBlinking': 'solid', // screenshots that do not depend on the blink phase
  'git.enabled': false,
};

function freePort() {
  return new Promise((resolve, reject) => {
    const srv = net.createServer();
    srv.on('error', reject);
    srv.listen(0, '127.0.0.1', () => {
      const { port } = srv.address();
      srv.close(() => resolve(port));
    });
  });
}

/**
 * Starts code-server for one work folder. `smokeTestDriver` makes the workbench run extension
 * tests from the URL payload and report through window.codeAutomationExit.
 * Resolves once /healthz answers; `stop()` ends the whole process group.
 */
export async function startCodeServer(cs, work, { smokeTestDriver = false, settings = {} } = {}) {
  const port = await freePort();
  const config = path.join(work.dir, 'code-server.yaml');
  fs.writeFileSync(
    config,
    [`bind-addr: 127.0.0.1:${port}`, 'auth: none', 'cert: false', 'disable-telemetry: true', 'disable-update-check: true', ''].join('\n'),
  );
  const userDir = path.join(work.userData, 'User');
  fs.mkdirSync(userDir, { recursive: true });
  fs.writeFileSync(path.join(userDir, 'settings.json'), JSON.stringify({ ...quietSettings, ...settings }, null, 2));

  const args = [
    cs.entry,
    '--config', config,
    '--user-data-dir', work.userData,
    '--extensions-dir', work.extensions,
    '--disable-workspace-trust',
    '--disable-getting-started-override',
    '--ignore-last-opened',
  ];
  if (smokeTestDriver) args.push('--vscode-option', 'enable-smoke-test-driver');

  const logFile = path.join(work.logs, 'code-server.log');
  const log = fs.openSync(logFile, 'a');
  // detached = setsid(): code-server leads a new process group that stop() can end in one signal.
  const child = spawn(cs.node, args, { detached: true, stdio: ['ignore', log, log], env: work.env });
  fs.closeSync(log);
  const pgid = child.pid;
  const onExit = () => killGroupNow(pgid);
  process.on('exit', onExit);
  let exited = null;
  child.on('exit', (code, signal) => (exited = `code-server exited (${code ?? signal}); see ${logFile}`));

  const server = {
    port,
    authority: `127.0.0.1:${port}`,
    url: `http://127.0.0.1:${port}`,
    logFile,
    async stop() {
      await killGroup(pgid);
      process.off('exit', onExit);
    },
  };
  try {
    await waitHealthy(server.url, () => exited);
  } catch (err) {
    await server.stop();
    throw err;
  }
  return server;
}

async function waitHealthy(url, exited, timeoutMs = 60_000) {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (exited()) throw new Error(exited());
    try {
      const res = await fetch(`${url}/healthz`);
      if (res.ok) return;
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 200));
  }
  throw new Error(`code-server did not answer ${url}/healthz within ${timeoutMs / 1000} s`);
}

/** Installs a .vsix into the work folder's extensions dir, as a user would with --install-extension. */
export function installExtension(cs, work, vsix) {
  return run(cs.node, [cs.entry, '--user-data-dir', work.userData, '--extensions-dir', work.extensions, '--install-extension', vsix], {
    env: work.env,
  });
}
