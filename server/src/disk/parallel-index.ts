// A project's index (engine/project/project.ts index()) on two threads: another thread reads every
// file and tests its text (text-pass-thread.ts) while this one parses and summarizes each file it
// selects, as soon as it is selected. On a large repository the text pass and the parse of the
// selection take about as long as each other (each some 0.2-0.5 s on the dev set): done side by
// side, the index takes the longer of the two rather than their sum. The selection and the
// summaries are the ones index() makes; a small project, one core, or a thread that cannot start
// or fails, and index() does it all on this thread.
import { availableParallelism } from 'node:os';
import { isTestFile, loadCompiler, type Project } from '../engine';
import type { TextFacts } from '../engine/project/text-pass';
import { TextPassFailure, TextPassThread } from './text-pass-thread';
import type { WalkedHost } from './walked-host';

/** Fewer files than this are read faster than a thread starts (some 30 ms). */
export const PARALLEL_INDEX_MIN_FILES = 400;

export interface ParallelIndexOptions {
  /** Whether a second thread may be used at all (the CLI's `--threads 1` says no). */
  parallel: boolean;
  /** Whether a selected file (its text `length` long) is summarized as soon as it is selected,
   * asked just before: a file whose analysis the run's lint will take (Project.keepsAnalysisOf),
   * or whose summary the run wants anyway. Any other is summarized only if the name rounds need
   * it, as index() does: a file is not parsed twice. */
  early: (file: string, length: number) => boolean;
  /** The second thread could not start or failed: this one read the files (said, not hidden). */
  onThreadFailure?: (message: string) => void;
  /** The second thread's script (tests give one that fails). */
  threadEntry?: string;
}

function nextTurn(): Promise<void> {
  return new Promise((resolve) => setImmediate(resolve));
}

export interface ProjectIndex {
  /** The selection, as index() makes it. */
  selected: ReadonlySet<string>;
  /** Whether the text pass ran on the second thread. */
  onThread: boolean;
}

/** Indexes `files` of `project`, whose host is `host`. */
export async function indexProject(project: Project, host: WalkedHost, files: Iterable<string>, { parallel, early, onThreadFailure, threadEntry }: ParallelIndexOptions): Promise<ProjectIndex> {
  const list = [...files].filter((file) => !isTestFile(file, project.root));
  const here = (): ProjectIndex => ({ selected: project.index(list), onThread: false });
  if (!parallel || list.length < PARALLEL_INDEX_MIN_FILES || availableParallelism() < 2) return here();
  let thread: TextPassThread;
  try {
    thread = TextPassThread.start(list, (file) => host.isRegular(file), host.maxFileSize, threadEntry);
  } catch (error) {
    onThreadFailure?.(`could not start a thread for the text pass (${messageOf(error)}); this one reads the files`);
    return here();
  }
  try {
    // Until the first files are read, this thread would wait: it loads the compiler meanwhile.
    loadCompiler();
    const pass = project.beginIndex();
    const toSummarize: TextFacts[] = [];
    for (let read = false; !read || toSummarize.length > 0; ) {
      // What the other thread has read first; then one selected file summarized, and its messages let in.
      const message = read ? undefined : (thread.poll() ?? (toSummarize.length === 0 ? await thread.next() : undefined));
      if (message?.kind === 'facts') {
        for (const file of message.unread) host.unread.add(file);
        for (const facts of message.facts) if (pass.note(facts)) toSummarize.push(facts);
      } else if (message?.kind === 'read') {
        read = true;
      } else if (message === undefined && toSummarize.length > 0) {
        const { file, length } = toSummarize.shift()!;
        if (early(file, length)) {
          project.summaryOf(file);
          await nextTurn();
        }
      }
    }
    const rounds = project.completeIndex(pass);
    let step = rounds.next();
    while (!step.done) {
      const { files: found, unread } = await thread.mentions(step.value);
      for (const file of unread) host.unread.add(file);
      step = rounds.next(found);
    }
    return { selected: step.value, onThread: true };
  } catch (error) {
    // Only the thread's failure is this one's to mend: it reads the project again (what it
    // summarized so far stays). Any other error is the index's own, as index() would throw it.
    thread.stop();
    if (!(error instanceof TextPassFailure)) throw error;
    onThreadFailure?.(`${error.message}; this thread reads the files`);
    return here();
  } finally {
    thread.stop();
  }
}

function messageOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
