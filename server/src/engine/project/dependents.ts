// Whether what a file finds can depend on another file of its project: when a file's summary
// changes (an edit of a helper), the open files that read it are linted again, and only they. A
// file reads another through its imports and re-exports (what the engine resolves a call by, so a
// file it cannot reach this way cannot change its findings), or through the app's error handlers,
// which answer the errors of every file. A module whose summary the project has not made (one the
// index did not select) is followed by the imports its text names (text-pass.ts), without parsing
// it; past MAX_FILES, or a file that cannot be read, the answer is "it may": a missed lint would
// leave stale findings, an extra one only costs time.
import type { Project } from './project';
import type { FileSummary } from './summary/types';
import { specifiersOf } from './text-pass';

/** Files followed at most: past this the answer is "it may". */
const MAX_FILES = 2_000;

export function readsFrom(project: Project, file: string, changed: string): boolean {
  if (project.handlerFileList().includes(changed) || (project.knownSummary(changed)?.handlers.length ?? 0) > 0) return true;
  const seen = new Set([file]);
  const queue = [file];
  while (queue.length > 0) {
    if (seen.size > MAX_FILES) return true;
    const current = queue.shift()!;
    const specifiers = specifiersOfFile(project, current);
    if (!specifiers) return true;
    for (const specifier of specifiers) {
      const target = project.resolver.resolve(current, specifier);
      if (target === undefined) continue; // a library, or nothing: not a file of the project
      if (target === changed) return true;
      if (!seen.has(target)) {
        seen.add(target);
        queue.push(target);
      }
    }
  }
  return false;
}

/** The modules a file imports or re-exports: from its summary, or read from its text. */
function specifiersOfFile(project: Project, file: string): Set<string> | undefined {
  const summary: FileSummary | undefined = project.knownSummary(file);
  if (summary) {
    return new Set([
      ...Object.values(summary.imports).map((ref) => ref.specifier),
      ...Object.values(summary.exports).flatMap((target) => ('specifier' in target ? [target.specifier] : [])),
      ...summary.starExports,
    ]);
  }
  const text = project.host.readFile(file);
  return text === undefined ? undefined : new Set(specifiersOf(text));
}
