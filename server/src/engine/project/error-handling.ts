// How an error reaches the client: whether a 401 error thrown in a file goes out with a challenge,
// decided by the app-level error handlers of its package (project.handlersFor) and, where none
// decides, by its framework's own error handling. Silent (unknown) wherever that cannot be told.
import type { ErrorClass, ErrorFacts } from './evaluate';
import type { Framework } from '../model/types';
import type { Project, ProjectHandler, Resolution } from './project';
import type { Challenge, HandlerBranch, Ref, Spot } from './summary/types';

export interface ErrorVerdict {
  challenge: Challenge;
  /** Whether anything is known to turn the error into a response: a handler of the app, or its
   * framework. An error nothing is known to answer (a client's own error class) is no status sent. */
  answered?: boolean;
  /** The handler whose answer decided, for messages, related information and the fix. */
  handler?: { file: string; spot: Spot; shape: string; framework: Framework };
  /** Why the framework's own handling decides, when no handler of the app does. */
  byDefault?: string;
}

/** What the class references of each handler lead to: every error of its package is matched
 * against the same references, which are resolved once. */
const resolvedRefs = new WeakMap<ProjectHandler, Map<Ref, Resolution | undefined>>();

function resolvedRef(project: Project, handler: ProjectHandler, ref: Ref): Resolution | undefined {
  let resolved = resolvedRefs.get(handler);
  if (!resolved) resolvedRefs.set(handler, (resolved = new Map()));
  if (!resolved.has(ref)) resolved.set(ref, project.resolveRef(handler.file, ref, 0, true));
  return resolved.get(ref);
}

function matches(project: Project, handler: ProjectHandler, refs: readonly Ref[], classes: readonly ErrorClass[]): boolean {
  return refs.some((ref) => {
    const target = resolvedRef(project, handler, ref);
    if (!target) return false;
    if (target.kind === 'symbol') return classes.some((c) => c.file === target.file && c.name === target.name);
    if (target.kind === 'library') {
      const name = [target.name, ...target.members].join('.');
      return classes.some((c) => c.library !== undefined && (c.name === name || c.name.endsWith(`.${target.members[target.members.length - 1] ?? target.name}`)));
    }
    return false;
  });
}

function branchFor(project: Project, handler: ProjectHandler, classes: readonly ErrorClass[]): HandlerBranch | undefined {
  if (handler.catches && !matches(project, handler, handler.catches, classes)) return undefined;
  return handler.branches.find((branch) => branch.classes && matches(project, handler, branch.classes, classes)) ?? handler.branches.find((branch) => !branch.classes);
}

export function errorVerdict(project: Project, file: string, error: ErrorFacts): ErrorVerdict {
  const handled = handlerVerdict(project, file, error.classes, error.answeredBy);
  const answered = handled !== undefined || error.byDefault !== undefined;
  if (error.headers === 'set') return { challenge: 'set', answered };
  if (error.headers === 'unknown') return { challenge: 'unknown', answered };
  if (handled) return { ...handled, answered };
  if (error.byDefault) return { challenge: 'absent', answered, byDefault: error.byDefault === 'drops' ? 'its framework answers it without headers' : 'its framework sends only the headers the error carries, and it carries none' };
  return { challenge: 'unknown', answered };
}

/** What the app's error handlers of `file`'s package do with an error of `classes` that carries no
 * challenge; undefined when none of them answers it (the framework's own handling does). */
export function handlerVerdict(project: Project, file: string, classes: readonly ErrorClass[], frameworks?: readonly Framework[]): ErrorVerdict | undefined {
  let dropping: ErrorVerdict | undefined;
  for (const handler of project.handlersFor(file)) {
    if (frameworks && !frameworks.includes(handler.framework)) continue;
    const branch = branchFor(project, handler, classes);
    if (!branch) continue;
    const decided = { file: handler.file, spot: branch.spot, shape: handler.shape, framework: handler.framework };
    switch (branch.outcome) {
      case 'challenge':
        return { challenge: 'set', handler: decided };
      case 'unknown':
        return { challenge: 'unknown' };
      case 'copies-headers':
      case 'drops':
        dropping ??= { challenge: 'absent', handler: decided };
        break;
      case 'passes':
        break;
    }
  }
  return dropping;
}
