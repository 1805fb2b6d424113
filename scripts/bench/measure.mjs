// Timing helpers for the benchmark: medians over rounds, whole processes timed from outside.
import { spawnSync } from 'node:child_process';

export const ms = (ns) => Number(ns) / 1e6;

export function median(values) {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
}

export function percentile(values, p) {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)];
}

/** Milliseconds `fn` takes, median of `rounds` after one warm-up. */
export function timeInProcess(fn, rounds = 5) {
  fn();
  const times = [];
  for (let i = 0; i < rounds; i++) {
    const start = process.hrtime.bigint();
    fn();
    times.push(ms(process.hrtime.bigint() - start));
  }
  return median(times);
}

/** Wall-clock milliseconds of a whole process, median of `rounds`; fails loudly if it fails. */
export function timeProcess(command, args, { rounds = 3, okExitCodes = [0], env = process.env, cwd = undefined } = {}) {
  const times = [];
  for (let i = 0; i < rounds; i++) {
    const start = process.hrtime.bigint();
    const run = spawnSync(command, args, { stdio: ['ignore', 'ignore', 'pipe'], env, cwd, maxBuffer: 1 << 26 });
    times.push(ms(process.hrtime.bigint() - start));
    if (!okExitCodes.includes(run.status)) throw new Error(`${command} ${args.join(' ')} exited ${run.status}: ${run.stderr}`);
  }
  return median(times);
}

/** Wall-clock milliseconds (median of `rounds`) and peak resident memory (the largest) of a Node
 * script run in a whole process, with max-rss.cjs preloaded. */
export function measureNode(script, args, { rounds = 3, okExitCodes = [0], env = process.env } = {}) {
  const times = [];
  let maxRssKiB = 0;
  for (let i = 0; i < rounds; i++) {
    const start = process.hrtime.bigint();
    const run = spawnSync(process.execPath, ['--require', new URL('./max-rss.cjs', import.meta.url).pathname, script, ...args], { stdio: ['ignore', 'ignore', 'pipe'], env, maxBuffer: 1 << 28 });
    times.push(ms(process.hrtime.bigint() - start));
    if (!okExitCodes.includes(run.status)) throw new Error(`${script} ${args.join(' ')} exited ${run.status}: ${run.stderr}`);
    const rss = /max-rss-kib (\d+)/.exec(String(run.stderr));
    if (rss) maxRssKiB = Math.max(maxRssKiB, Number(rss[1]));
  }
  return { ms: median(times), maxRssMiB: maxRssKiB / 1024 };
}
