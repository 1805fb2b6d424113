// A run over many projects (a folder of repositories) indexes, lints and releases them one by one;
// V8 collects what a released project held only when it next needs room, so without help a run
// keeps the garbage of several large projects at once and its peak memory grows with the tree.
// After a large project, a full collection brings the peak back to that of the largest project.
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';

/** How many parsed files make a project large enough to collect after. */
export const LARGE_PROJECT = 100;

let collect: (() => void) | undefined;

export function collectGarbage(): void {
  try {
    if (!collect) {
      setFlagsFromString('--expose-gc');
      collect = runInNewContext('gc') as () => void;
    }
    collect();
  } catch {
    collect = () => undefined; // an embedder that forbids it: memory is only higher
  }
}
