// An index thread started before the server loads its own code. A thread takes some 100-150 ms to
// load the server's bundle; started by the loader (dist/server.js, launch/server.ts), it loads its
// copy while the server's thread loads the other and answers the handshake, and the first folder's
// index (index-thread.ts) begins on a thread that is ready. Measured on the bench's two projects,
// interleaved: the index is ready some 140 ms sooner (1540 -> 1411 ms, 1481 -> 1338 ms, medians).
// The loader and the server are two bundles, each with its own copy of this module: the thread is
// handed from one to the other through a global.
import { Worker, isMainThread } from 'node:worker_threads';
import type { ServerStats } from '../protocol';

/** Marks an index worker (main.ts then starts no language server in it). */
export const INDEX_WORKER_MARK = 'http-auth-lint:index-worker';

/** What an index worker is started with: its folder and settings, or, for a thread started on
 * standby, nothing yet (they come as its first message). */
export interface IndexWorkerStart<Settings> {
  mark: typeof INDEX_WORKER_MARK;
  standby?: true;
  folder?: string;
  settings?: Settings;
}

/** A thread on standby that no index took by then is ended: the server has no folder to index (or
 * the folders it had were removed before their index began). */
export const STANDBY_MS = 30_000;

const KEY = Symbol.for('http-auth-lint.standby-index-thread');

export type StandbyState = ServerStats['standbyIndexThread'];

interface Standby {
  worker: Worker | undefined;
  /** False once the thread failed or exited: it is not handed out then. */
  alive: boolean;
  state: StandbyState;
  timer: NodeJS.Timeout | undefined;
}

function standby(): Standby | undefined {
  return (globalThis as { [KEY]?: Standby })[KEY];
}

/** Starts an index thread on standby, running `entry` (the loader itself). In a worker, and where no
 * thread can be had, nothing happens: the first index starts its own thread, as without one. */
export function startStandbyIndexThread(entry: string): void {
  if (!isMainThread || standby()?.state === 'waiting') return;
  const held: Standby = { worker: undefined, alive: true, state: 'waiting', timer: undefined };
  try {
    held.worker = new Worker(entry, { workerData: { mark: INDEX_WORKER_MARK, standby: true } satisfies IndexWorkerStart<never> });
  } catch {
    return;
  }
  // Waiting, it keeps no process alive; its failure is only noted (the index starts its own thread).
  held.worker.unref();
  held.worker.on('error', () => (held.alive = false));
  held.worker.on('exit', () => (held.alive = false));
  held.timer = setTimeout(releaseStandbyIndexThread, STANDBY_MS);
  held.timer.unref();
  (globalThis as { [KEY]?: Standby })[KEY] = held;
}

/** The thread on standby, once, if it is still alive; the caller gives it its folder. */
export function takeStandbyIndexThread(): Worker | undefined {
  const held = standby();
  if (!held || held.state !== 'waiting') return undefined;
  clearTimeout(held.timer);
  held.state = held.alive ? 'taken' : 'failed';
  const worker = held.worker;
  held.worker = undefined;
  if (!held.alive) {
    void worker?.terminate();
    return undefined;
  }
  worker?.ref();
  return worker;
}

/** Ends the thread on standby, if no index took it: the server has no folder to index. */
export function releaseStandbyIndexThread(): void {
  const held = standby();
  if (!held || held.state !== 'waiting') return;
  clearTimeout(held.timer);
  held.state = 'released';
  void held.worker?.terminate();
  held.worker = undefined;
}

/** What became of the thread on standby (`none`: none was started, as in a build run by tsc). */
export function standbyState(): StandbyState {
  return standby()?.state ?? 'none';
}
