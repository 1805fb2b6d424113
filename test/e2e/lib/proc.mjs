// Child processes: run a command to completion, and end a whole process group.
import { spawn } from 'node:child_process';

/** Runs a command; resolves with its output, rejects with the output on a non-zero exit. */
export function run(cmd, args, { cwd, env, echo = false } = {}) {
  return new Promise((resolve, reject) => {
    const child = spawn(cmd, args, { cwd, env, stdio: ['ignore', 'pipe', 'pipe'] });
    let out = '';
    const take = (chunk) => {
      out += chunk;
      // echo: true prints everything; a function picks the lines worth showing live.
      if (echo === true) process.stdout.write(chunk);
      else if (echo) for (const line of String(chunk).split('\n')) if (line && echo(line)) console.log(line);
    };
    child.stdout.on('data', take);
    child.stderr.on('data', take);
    child.on('error', reject);
    child.on('close', (code) => {
      if (code === 0) resolve(out);
      else reject(new Error(`${cmd} ${args.join(' ')} exited with ${code}\n${out}`));
    });
  });
}

function groupAlive(pgid) {
  try {
    process.kill(-pgid, 0);
    return true;
  } catch {
    return false;
  }
}

/**
 * Ends every process in the group led by `pgid`: TERM, then KILL after a grace period.
 * VS Code keeps its extension host, language server and file watcher alive for hours after the
 * browser goes (reconnection grace), and a watcher outlives a plain kill of the server, so the
 * group is the only handle that reaches them all.
 */
export async function killGroup(pgid, graceMs = 3000) {
  if (!groupAlive(pgid)) return;
  try {
    process.kill(-pgid, 'SIGTERM');
  } catch {
    return;
  }
  const deadline = Date.now() + graceMs;
  while (groupAlive(pgid) && Date.now() < deadline) await new Promise((r) => setTimeout(r, 100));
  if (groupAlive(pgid)) {
    try {
      process.kill(-pgid, 'SIGKILL');
    } catch {
      // already gone
    }
  }
}

/** Synchronous last resort for process exit and signals: no grace, no waiting. */
export function killGroupNow(pgid) {
  try {
    process.kill(-pgid, 'SIGKILL');
  } catch {
    // already gone
  }
}
