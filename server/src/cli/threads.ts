// Lints many files on several threads: the main thread and `threads - 1` worker threads, each with
// its own copy of the engine, all taking small batches of files from one queue (a file's cost is
// not known before it is read, so batches are handed out as threads come free rather than split
// up front). A worker is this very file: dist/cli.js when bundled (the bundle is CommonJS, so
// `__filename` is the bundle), out/server/src/cli/threads.js when compiled by tsc. It loads the
// engine once and answers batches with plain-data outcomes (scan-file.ts), which the caller puts
// back in the walk's order: the output does not depend on which thread linted what.
import { availableParallelism } from 'node:os';
import { Worker, isMainThread, parentPort, workerData, type MessagePort } from 'node:worker_threads';
import { scanFile, type FileJob, type FileOutcome, type ScanOptions } from './scan-file';

/** Marks a worker started by runScan (another embedder's worker that loads the bundle is left alone). */
const WORKER_MARK = 'http-auth-lint:scan-worker';

interface ScanWorkerData {
  mark: typeof WORKER_MARK;
  options: ScanOptions;
}

type ToWorker = { jobs: FileJob[] };
type FromWorker = { kind: 'ready' } | { kind: 'done'; outcomes: [number, FileOutcome][] };

/** A worker pays for itself (about 0.3 s to load the engine, on a core of its own) past about this
 * many files of handler code; --threads auto adds a thread per this many files. */
export const FILES_PER_THREAD = 250;
/** Beyond this, threads mostly add memory (a loaded engine each) and contention on shared CPUs. */
export const MAX_AUTO_THREADS = 4;
/** Batches each worker holds at once: the next one waits in its port while it lints the current one. */
const BATCHES_IN_FLIGHT = 2;

/** How many threads lint `files` files (the main one included). */
export function threadCount(requested: number | 'auto', files: number): number {
  const wanted = requested === 'auto' ? Math.min(availableParallelism(), MAX_AUTO_THREADS, Math.floor(files / FILES_PER_THREAD)) : requested;
  // Never more threads than files, never fewer than the main one.
  return Math.max(1, Math.min(wanted, files));
}

function batchesOf(jobs: readonly FileJob[], threads: number): FileJob[][] {
  // Small enough that the last batches leave no thread idle for long, large enough that messages
  // stay few: about 8 per thread, at most 16 files.
  const size = Math.max(1, Math.min(16, Math.ceil(jobs.length / (threads * 8))));
  const batches: FileJob[][] = [];
  for (let i = 0; i < jobs.length; i += size) batches.push(jobs.slice(i, i + size));
  return batches;
}

interface WorkerState {
  worker: Worker;
  /** Sent and not yet answered, oldest first. */
  inFlight: FileJob[][];
  ready: boolean;
  dead: boolean;
}

function nextTurn(): Promise<void> {
  return new Promise((resolve) => setImmediate(resolve));
}

export interface ScanThreads {
  /** Threads that lint, the main one included (unless mainLints is false). */
  threads: number;
  /** Gets each file's outcome once, in no set order, and whether a worker thread scanned it. */
  onOutcome: (index: number, outcome: FileOutcome, byWorker: boolean) => void;
  /** A worker failed (it should not: scanFile catches per file); the others take its files. */
  onWorkerFailure: (message: string) => void;
  /** False: the main thread only hands out work (tests make the workers do it all). Default true. */
  mainLints?: boolean;
}

/** Scans `jobs` on several threads, each file once. */
export async function runScan(jobs: readonly FileJob[], options: ScanOptions, { threads, onOutcome, onWorkerFailure, mainLints = true }: ScanThreads): Promise<void> {
  const queue = batchesOf(jobs, threads);
  let remaining = jobs.length;
  let finished = false;
  let wake: (() => void) | undefined;
  const notify = (): void => {
    const resolve = wake;
    wake = undefined;
    resolve?.();
  };

  const feed = (state: WorkerState): void => {
    while (state.ready && !state.dead && state.inFlight.length < BATCHES_IN_FLIGHT && queue.length > 0) {
      const batch = queue.shift()!;
      state.inFlight.push(batch);
      state.worker.postMessage({ jobs: batch } satisfies ToWorker);
    }
  };
  const fail = (state: WorkerState, reason: string): void => {
    if (state.dead || finished) return;
    state.dead = true;
    queue.unshift(...state.inFlight);
    state.inFlight = [];
    onWorkerFailure(`a worker thread failed (${reason}); the other threads lint its files`);
    notify();
  };

  const workers: WorkerState[] = [];
  for (let i = mainLints ? 1 : 0; i < threads; i++) {
    const data: ScanWorkerData = { mark: WORKER_MARK, options };
    const state: WorkerState = { worker: new Worker(__filename, { workerData: data }), inFlight: [], ready: false, dead: false };
    state.worker.on('message', (message: FromWorker) => {
      if (message.kind === 'ready') {
        // Batches go to a worker once it has loaded the engine: until then the main thread lints,
        // and a run shorter than a worker's start is not held up by one.
        state.ready = true;
      } else {
        state.inFlight.shift();
        for (const [index, outcome] of message.outcomes) {
          remaining--;
          onOutcome(index, outcome, true);
        }
      }
      feed(state);
      notify();
    });
    state.worker.on('error', (error) => fail(state, error.message));
    state.worker.on('exit', (code) => fail(state, `exit code ${code}`));
    workers.push(state);
  }

  try {
    while (remaining > 0) {
      const batch = mainLints || workers.every((state) => state.dead) ? queue.shift() : undefined;
      if (batch === undefined) {
        // Everything is handed out: wait for the workers' answers (or a failure that hands work back).
        await new Promise<void>((resolve) => (wake = resolve));
        continue;
      }
      for (const job of batch) {
        remaining--;
        onOutcome(job.index, scanFile(job, options), false);
        // Let the workers' messages in between files, so that none waits for its next batch.
        if (workers.length > 0) await nextTurn();
      }
    }
  } finally {
    finished = true;
    await Promise.all(workers.map((state) => state.worker.terminate()));
  }
}

function serve(port: MessagePort, options: ScanOptions): void {
  port.on('message', (message: ToWorker) => {
    const outcomes = message.jobs.map((job): [number, FileOutcome] => [job.index, scanFile(job, options)]);
    port.postMessage({ kind: 'done', outcomes } satisfies FromWorker);
  });
  port.postMessage({ kind: 'ready' } satisfies FromWorker);
}

if (!isMainThread && parentPort && (workerData as Partial<ScanWorkerData> | null)?.mark === WORKER_MARK) {
  serve(parentPort, (workerData as ScanWorkerData).options);
}
