// The index's text pass on a thread of its own (parallel-index.ts): it reads every file of a
// project and tests its text (engine/project/text-pass.ts) while the thread that asked parses and
// summarizes what it selects. It holds the texts of the files not selected, and answers the name
// rounds' patterns from them. It needs no compiler: the worker runs a small bundle of its own
// (dist/text-pass.js, built from this file) or, compiled by tsc, this very file.
import * as path from 'node:path';
import { Worker, isMainThread, parentPort, workerData, type MessagePort } from 'node:worker_threads';
import { isSelectedByText, textFactsOf, type TextFacts } from '../engine/project/text-pass';
import { WaitingTexts } from '../engine/project/waiting-texts';
import { readWalkedFile } from './project-host';

const TEXT_WORKER_MARK = 'http-auth-lint:text-pass-worker';

/** Files read between two messages: the first selections reach the summarizing thread early. */
const FILES_PER_MESSAGE = 128;

interface TextWorkerData {
  mark: typeof TEXT_WORKER_MARK;
  files: string[];
  /** Files the walk did not find to be regular (named on the command line, links): checked before they are read. */
  irregular: string[];
  maxFileSize: number;
}

type ToWorker = { kind: 'mentions'; source: string; flags: string };
/** `unread`: files that could not be read (too large, binary, gone), as WalkedHost notes them. */
type FromWorker = { kind: 'facts'; facts: TextFacts[]; unread: string[] } | { kind: 'read' } | { kind: 'found'; files: string[]; unread: string[] };

/** In the bundles (dist/cli-core.js, dist/server-core.js) the worker is dist/text-pass.js next to them. */
const WORKER_ENTRY = path.basename(__filename) === 'text-pass-thread.js' ? __filename : path.join(__dirname, 'text-pass.js');

/** The thread failed, or answered what it should not: its caller reads the files itself. */
export class TextPassFailure extends Error {}

/** The text pass of one project, running on its thread. */
export class TextPassThread {
  private readonly arrived: FromWorker[] = [];
  private wake: (() => void) | undefined;
  private failure: string | undefined;
  private ended = false;

  private constructor(private readonly worker: Worker) {
    worker.on('message', (message: FromWorker) => this.receive(message));
    worker.on('error', (error) => this.fail(error.message));
    worker.on('exit', (code) => this.fail(`exit code ${code}`));
  }

  /** Starts reading `files`; throws when no thread can be started. `entry`: the worker's script
   * (tests give one that fails). */
  static start(files: readonly string[], isRegular: (file: string) => boolean, maxFileSize: number, entry = WORKER_ENTRY): TextPassThread {
    const data: TextWorkerData = { mark: TEXT_WORKER_MARK, files: [...files], irregular: files.filter((file) => !isRegular(file)), maxFileSize };
    return new TextPassThread(new Worker(entry, { workerData: data }));
  }

  private receive(message: FromWorker): void {
    this.arrived.push(message);
    this.notify();
  }

  private fail(reason: string): void {
    if (this.ended) return;
    this.failure ??= `the text pass thread failed (${reason})`;
    this.notify();
  }

  private notify(): void {
    const resolve = this.wake;
    this.wake = undefined;
    resolve?.();
  }

  private check(): void {
    if (this.failure !== undefined) throw new TextPassFailure(this.failure);
  }

  /** The next message that has arrived, if any, without waiting. */
  poll(): FromWorker | undefined {
    this.check();
    return this.arrived.shift();
  }

  /** The next message, when it arrives. */
  async next(): Promise<FromWorker> {
    for (;;) {
      const message = this.poll();
      if (message) return message;
      await new Promise<void>((resolve) => (this.wake = resolve));
    }
  }

  /** The files not selected whose text `pattern` finds (they are selected from now on), and those
   * that could not be read again to look. */
  async mentions(pattern: RegExp): Promise<{ files: string[]; unread: string[] }> {
    this.worker.postMessage({ kind: 'mentions', source: pattern.source, flags: pattern.flags } satisfies ToWorker);
    const message = await this.next();
    if (message.kind !== 'found') throw new TextPassFailure(`the text pass thread answered ${message.kind} to a pattern`);
    return message;
  }

  stop(): void {
    if (this.ended) return;
    this.ended = true;
    void this.worker.terminate();
  }
}

/** The worker's side: reads every file, posts their facts, then answers patterns until it is stopped. */
function serve(port: MessagePort, { files, irregular, maxFileSize }: TextWorkerData): void {
  const notRegular = new Set(irregular);
  let unreadAgain: string[] = [];
  const read = (file: string) => readWalkedFile(file, !notRegular.has(file), maxFileSize);
  // A waiting file not held is read again for each round; one gone meanwhile is unread, as in WalkedHost.
  const waiting = new WaitingTexts((file) => {
    const text = read(file);
    if (text === undefined) unreadAgain.push(file);
    return text;
  });
  for (let from = 0; from < files.length; from += FILES_PER_MESSAGE) {
    const facts: TextFacts[] = [];
    const unread: string[] = [];
    for (const file of files.slice(from, from + FILES_PER_MESSAGE)) {
      const text = read(file);
      if (text === undefined) {
        unread.push(file);
        continue;
      }
      const fileFacts = textFactsOf(file, text);
      facts.push(fileFacts);
      if (!isSelectedByText(fileFacts)) waiting.add(file, text);
    }
    port.postMessage({ kind: 'facts', facts, unread } satisfies FromWorker);
  }
  port.postMessage({ kind: 'read' } satisfies FromWorker);
  port.on('message', (message: ToWorker) => {
    const files = waiting.size > 0 ? waiting.take(new RegExp(message.source, message.flags)) : [];
    port.postMessage({ kind: 'found', files, unread: unreadAgain } satisfies FromWorker);
    unreadAgain = [];
  });
}

if (!isMainThread && parentPort && (workerData as Partial<TextWorkerData> | null)?.mark === TEXT_WORKER_MARK) {
  serve(parentPort, workerData as TextWorkerData);
}
