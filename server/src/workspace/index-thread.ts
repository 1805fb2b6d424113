// Runs a folder's index (build-index.ts) on a worker thread: reading and summarizing a large
// workspace takes a second or more, and the server's thread must answer every keystroke meanwhile.
// The worker runs the server's own bundle (dist/server.js, which loads dist/server-core.js through
// V8's code cache) or, compiled by tsc, this very file; main.ts starts no connection in it. The
// first index takes the thread the loader started on standby, when there is one
// (standby-index-thread.ts).
import * as path from 'node:path';
import { once } from 'node:events';
import { Worker, isMainThread, parentPort, workerData } from 'node:worker_threads';
import { buildFolderIndex, type FileDiagnostics, type FolderIndexSettings, type RootIndex } from './build-index';
import { INDEX_WORKER_MARK, takeStandbyIndexThread, type IndexWorkerStart } from './standby-index-thread';

type IndexWorkerData = IndexWorkerStart<FolderIndexSettings>;
/** What a thread on standby is sent when an index takes it. */
type IndexOrder = { folder: string; settings: FolderIndexSettings };

export type IndexMessage = { kind: 'walked'; files: number } | { kind: 'indexed'; index: RootIndex } | { kind: 'linted'; root: string; files: FileDiagnostics[] } | { kind: 'warning'; message: string } | { kind: 'done' };

const WORKER_ENTRY = path.basename(__filename) === 'server-core.js' ? path.join(__dirname, 'server.js') : __filename;

/** Whether this thread is an index worker (main.ts then starts no language server in it). */
export function isIndexWorker(): boolean {
  return !isMainThread && (workerData as Partial<IndexWorkerData> | null)?.mark === INDEX_WORKER_MARK;
}

export interface IndexRun {
  /** Settles when the index is built, or failed (with why), or was stopped. */
  readonly finished: Promise<{ failed?: string }>;
  stop(): void;
}

/** Indexes `folder` on a worker thread; `onMessage` hears each step. */
export function indexOnThread(folder: string, settings: FolderIndexSettings, onMessage: (message: IndexMessage) => void): IndexRun {
  let worker: Worker;
  try {
    worker = indexWorker(folder, settings);
  } catch (error) {
    return { finished: Promise.resolve({ failed: `could not start a worker thread: ${messageOf(error)}` }), stop: () => undefined };
  }
  let stopped = false;
  let done = false;
  const finished = new Promise<{ failed?: string }>((resolve) => {
    worker.on('message', (message: IndexMessage) => {
      if (stopped) return;
      onMessage(message);
      if (message.kind === 'done') {
        // The index is ready once its thread is gone: its heap (every file it read) is given back
        // before the server says so, not whenever the thread gets round to ending.
        done = true;
        void worker.terminate();
      }
    });
    worker.on('error', (error) => resolve({ failed: messageOf(error) }));
    worker.on('exit', (code) => resolve(stopped || done ? {} : { failed: `the index thread exited (code ${code})` }));
  });
  return {
    finished,
    stop() {
      stopped = true;
      void worker.terminate();
    },
  };
}

/** The thread on standby, given `folder`, or a new thread. */
function indexWorker(folder: string, settings: FolderIndexSettings): Worker {
  const standby = takeStandbyIndexThread();
  if (!standby) return new Worker(WORKER_ENTRY, { workerData: { mark: INDEX_WORKER_MARK, folder, settings } satisfies IndexWorkerData });
  standby.postMessage({ folder, settings } satisfies IndexOrder);
  return standby;
}

function messageOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

/** The worker's side: builds the index (on standby, once it is given its folder), posts each step, and ends. */
export async function serveIndex(): Promise<void> {
  const data = workerData as IndexWorkerData;
  const port = parentPort!;
  const { folder, settings } = data.standby ? ((await once(port, 'message'))[0] as IndexOrder) : (data as IndexOrder);
  await buildFolderIndex(folder, settings, {
    walked: (files) => port.postMessage({ kind: 'walked', files } satisfies IndexMessage),
    indexed: (index) => port.postMessage({ kind: 'indexed', index } satisfies IndexMessage),
    linted: (root, files) => port.postMessage({ kind: 'linted', root, files } satisfies IndexMessage),
    warning: (message) => port.postMessage({ kind: 'warning', message } satisfies IndexMessage),
  });
  port.postMessage({ kind: 'done' } satisfies IndexMessage);
}

// Compiled by tsc, the worker runs this file itself.
if (isIndexWorker() && path.basename(__filename) !== 'server-core.js') void serveIndex();
