// Lints many files on several threads: the main thread and `threads - 1` worker threads, each with
// its own copy of the engine, all taking files from one queue (a file's cost is not known before it
// is read, so work is handed out as threads come free rather than split up front). A worker runs
// this very file: the bundle dist/cli-core.js, through its loader dist/cli.js (WORKER_ENTRY), or
// out/server/src/cli/threads.js when compiled by tsc. It loads the
// engine once and answers batches with plain-data outcomes (scan-file.ts), which the caller puts
// back in the walk's order: the output does not depend on which thread linted what.
import { availableParallelism } from 'node:os';
import * as path from 'node:path';
import { Worker, isMainThread, parentPort, workerData, type MessagePort } from 'node:worker_threads';
import { FILES_PER_THREAD, MAX_AUTO_THREADS } from './args';
import { scanFile, type FileJob, type FileOutcome, type ScanOptions } from './scan-file';

/** Marks a worker started by runScan (another embedder's worker that loads the bundle is left alone). */
const WORKER_MARK = 'http-auth-lint:scan-worker';

interface ScanWorkerData {
  mark: typeof WORKER_MARK;
  options: ScanOptions;
}

type ToWorker = { jobs: FileJob[] };
type FromWorker = { kind: 'ready' } | { kind: 'done'; outcomes: [number, FileOutcome][] };

/** What a worker runs: in the bundle, its loader next to it (dist/cli.js), which reads the compiled
 * code from V8's code cache instead of compiling the bundle again in every thread; else this file. */
const WORKER_ENTRY = path.basename(__filename) === 'cli-core.js' ? path.join(__dirname, 'cli.js') : __filename;

/** Batches each worker holds at once: the next one waits in its port while it lints the current one. */
const BATCHES_IN_FLIGHT = 2;
/** Files in a batch at most: enough that a message costs little next to the linting. */
const MAX_BATCH = 16;

/** How many threads lint `files` files (the main one included). `auto` leaves one core to the
 * garbage collector's threads, the file reads and the output, as jest does: on 2 cores a second
 * linting thread made the bench's 2,000-file scan slower in 4 runs of 5 (by up to 20%; 2% faster in the fifth). */
export function threadCount(requested: number | 'auto', files: number): number {
  const wanted = requested === 'auto' ? Math.min(availableParallelism() - 1, MAX_AUTO_THREADS, Math.floor(files / FILES_PER_THREAD)) : requested;
  // Never more threads than files, never fewer than the main one.
  return Math.max(1, Math.min(wanted, files));
}

/** Hands out the files: to a worker a batch of them, to the main thread one at a time. A batch is
 * a share of what is left (guided scheduling): large while much is left, so that messages stay few,
 * down to one file at the end, so that no thread waits long for another's last batch. */
class JobQueue {
  private next = 0;
  /** Files handed back by a worker that failed: handed out again first. */
  private readonly returned: FileJob[] = [];
  /** Files the main thread lints best (it holds their analyses): its own first, the workers' last. */
  private readonly mains: FileJob[];
  private readonly jobs: readonly FileJob[];

  constructor(
    jobs: readonly FileJob[],
    private readonly threads: number,
    mainFirst: (job: FileJob) => boolean = () => false,
  ) {
    const mains: FileJob[] = [];
    const others: FileJob[] = [];
    for (const job of jobs) (mainFirst(job) ? mains : others).push(job);
    this.mains = mains;
    this.jobs = others;
  }

  get left(): number {
    return this.returned.length + this.jobs.length - this.next + this.mains.length;
  }

  /** Up to `count` files; `forMain`: the main thread's own files first, else the others first. */
  take(count: number, forMain = false): FileJob[] {
    const taken = forMain ? this.mains.splice(0, count) : [];
    taken.push(...this.returned.splice(0, count - taken.length));
    const more = Math.min(count - taken.length, this.jobs.length - this.next);
    taken.push(...this.jobs.slice(this.next, this.next + more));
    this.next += more;
    if (!forMain) taken.push(...this.mains.splice(0, count - taken.length));
    return taken;
  }

  batch(): FileJob[] {
    return this.take(Math.max(1, Math.min(MAX_BATCH, Math.ceil(this.left / (this.threads * 4)))));
  }

  giveBack(jobs: readonly FileJob[]): void {
    this.returned.push(...jobs);
  }
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
  /** Files the main thread lints first and the workers last: it holds their analyses. */
  mainFirst?: (job: FileJob) => boolean;
}

/** Scans `jobs` on several threads, each file once. */
export async function runScan(jobs: readonly FileJob[], options: ScanOptions, { threads, onOutcome, onWorkerFailure, mainLints = true, mainFirst }: ScanThreads): Promise<void> {
  const queue = new JobQueue(jobs, threads, mainFirst);
  let remaining = jobs.length;
  let finished = false;
  let wake: (() => void) | undefined;
  const notify = (): void => {
    const resolve = wake;
    wake = undefined;
    resolve?.();
  };

  const feed = (state: WorkerState): void => {
    while (state.ready && !state.dead && state.inFlight.length < BATCHES_IN_FLIGHT && queue.left > 0) {
      const batch = queue.batch();
      state.inFlight.push(batch);
      state.worker.postMessage({ jobs: batch } satisfies ToWorker);
    }
  };
  const fail = (state: WorkerState, reason: string): void => {
    if (state.dead || finished) return;
    state.dead = true;
    queue.giveBack(state.inFlight.flat());
    state.inFlight = [];
    onWorkerFailure(`a worker thread failed (${reason}); the other threads lint its files`);
    notify();
  };

  const workers: WorkerState[] = [];
  for (let i = mainLints ? 1 : 0; i < threads; i++) {
    let worker: Worker;
    try {
      worker = new Worker(WORKER_ENTRY, { workerData: { mark: WORKER_MARK, options } satisfies ScanWorkerData });
    } catch (error) {
      // No thread to be had (resources): the threads started so far do the work.
      onWorkerFailure(`could not start a worker thread (${error instanceof Error ? error.message : String(error)})`);
      break;
    }
    const state: WorkerState = { worker, inFlight: [], ready: false, dead: false };
    worker.on('message', (message: FromWorker) => {
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
    worker.on('error', (error) => fail(state, error.message));
    worker.on('exit', (code) => fail(state, `exit code ${code}`));
    workers.push(state);
  }

  try {
    while (remaining > 0) {
      const [job] = (mainLints || workers.every((state) => state.dead)) && queue.left > 0 ? queue.take(1, true) : [];
      if (job === undefined) {
        // Everything is handed out: wait for the workers' answers (or a failure that hands work back).
        await new Promise<void>((resolve) => (wake = resolve));
        continue;
      }
      remaining--;
      onOutcome(job.index, scanFile(job, options), false);
      // Let the workers' messages in between files, so that none waits for its next batch.
      if (workers.length > 0) await nextTurn();
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
