// The work on one file: read it, lint it, fix it (write or diff), report it. The same function runs
// on the main thread and in worker threads (threads.ts), so the output cannot depend on where a
// file was linted; its input and result are plain data that cross threads by structured clone.
import { writeFileSync } from 'node:fs';
import { CachedHost, createProject, lint, lintSource, parse, rulesWithFault, type FileSummary, type LintResult, type LintSettings, type LintText, type Project, type ProjectContext, type TextEdit } from '../engine';
import { diskHost } from '../disk/project-host';
import type { ProjectsOption } from './project-scan';
import { fixedText, unifiedDiff } from './fix';
import { LineIndex } from './positions';
import { readSource } from './read';
import { toReport, type FileReport, type SkippedReport } from './report';
import { reasonOf } from '../disk/walk';

/** What every file of a run is scanned with. */
export interface ScanOptions {
  cwd: string;
  fix: 'off' | 'write' | 'dry-run';
  reportUnusedDisable: boolean;
  maxFileSize: number;
  /** A rule that throws on every file (HTTP_AUTH_LINT_TEST_FAULTS): for tests of fault handling. */
  faultyRule: string | undefined;
  /** The projects files are read in, by root (project-scan.ts). */
  projects?: ProjectsOption;
}

export interface FileJob {
  /** The file's place in the walk: results are output in this order. */
  index: number;
  file: string;
  settings: Partial<LintSettings>;
  /** The root of the project the file is read in. */
  root?: string;
}

export interface FileOutcome {
  /** Absent when the file was skipped. */
  report?: FileReport;
  /** Why the file was skipped. */
  skipped?: SkippedReport;
  /** --fix-dry-run: the unified diff of the fixes. */
  diff?: string;
  /** Lines for stderr ("skipped <file>: <reason>", a rule that failed, a fix that was not written). */
  messages: string[];
  /** The file could not be read or fixed, or a rule failed: the run is incomplete (exit 2). */
  incomplete: boolean;
  /** The file's summary, when it was read in a project: the run looks for callers of what it exports. */
  summary?: FileSummary;
  /** With --fix: edits its fixes make in other files (the challenge in the app's error handler). */
  elsewhere?: TextEdit[];
}

/** Line indexes of the other files that related locations point at (helpers, error handlers):
 * few files, each read once per thread. */
const otherFiles = new Map<string, LineIndex | undefined>();

function otherFileLines(file: string): LineIndex | undefined {
  if (!otherFiles.has(file)) {
    const text = diskHost.readFile(file);
    otherFiles.set(file, text === undefined ? undefined : new LineIndex(text));
  }
  return otherFiles.get(file);
}

/** The projects this thread reads files in, by root: each keeps the summaries it made. */
const projects = new Map<string, Project>();

/** The projects the main thread indexed: its lints read them (and the analyses they kept). */
export function useProjects(indexed: ReadonlyMap<string, Project>): void {
  for (const [root, project] of indexed) projects.set(root, project);
}

/** Releases projects whose files are linted (worker threads end with their run). */
export function forgetProjects(roots: Iterable<string>): void {
  for (const root of roots) projects.delete(root);
}

function projectContext(job: FileJob, options: ScanOptions): ProjectContext | undefined {
  const indexed = job.root !== undefined ? options.projects?.[job.root] : undefined;
  if (job.root === undefined || !indexed) return undefined;
  let project = projects.get(job.root);
  if (!project) {
    project = createProject(new CachedHost(diskHost), job.root);
    project.adoptIndex(indexed.selected, indexed.summaries, indexed.producing, indexed.apps);
    project.addHandlerFiles(indexed.handlerFiles);
    projects.set(job.root, project);
  }
  return { project, file: job.file };
}

function lintWith(file: string, text: string, settings: Partial<LintSettings>, options: ScanOptions, project: ProjectContext | undefined): LintResult {
  return options.faultyRule === undefined ? lint(file, text, settings, project) : lintSource(parse(file, text), settings, rulesWithFault(options.faultyRule), project);
}

export function scanFile(job: FileJob, options: ScanOptions): FileOutcome {
  const { file, settings } = job;
  const read = readSource(file, options.maxFileSize);
  if (read.kind === 'skipped') {
    return { skipped: { path: file, reason: read.reason, incomplete: !read.policy }, messages: [`skipped ${file}: ${read.reason}\n`], incomplete: !read.policy };
  }
  const text = read.text;
  const messages: string[] = [];
  let incomplete = false;
  const project = projectContext(job, options);
  try {
    let source = text;
    let result = lintWith(file, text, settings, options, project);
    let output: string | undefined;
    let diff: string | undefined;
    let elsewhere: TextEdit[] = [];
    if (options.fix !== 'off') {
      const lintText: LintText = (name, next, fileSettings) => lintWith(name, next, fileSettings, options, project);
      const fix = fixedText(file, text, settings, result, options.reportUnusedDisable, lintText);
      const fixed = fix.output;
      elsewhere = fix.elsewhere;
      if (fixed !== text) {
        let written = true;
        if (options.fix === 'write') {
          try {
            writeFileSync(file, fixed);
          } catch (error) {
            written = false;
            incomplete = true;
            messages.push(`http-auth-lint: could not write the fixes to ${file}: ${reasonOf(error)}\n`);
          }
        } else {
          diff = unifiedDiff(file, options.cwd, text, fixed);
        }
        if (written) {
          // What remains is reported, positioned in the fixed text.
          source = output = fixed;
          result = lintWith(file, fixed, settings, options, project);
        }
      }
    }
    const report = toReport(file, source, result, { reportUnusedDisable: options.reportUnusedDisable, otherFile: otherFileLines });
    for (const failure of report.ruleFailures) {
      incomplete = true;
      messages.push(`http-auth-lint: rule ${failure.ruleId} failed on ${file}: ${failure.message}\n`);
    }
    const summary = project?.project.summaryOf(file);
    return { report: output === undefined ? report : { ...report, output }, diff, messages, incomplete, ...(summary && { summary }), ...(elsewhere.length > 0 && { elsewhere }) };
  } catch (error) {
    // Rules run in their own try/catch in the engine; this is the parser or the fixer failing (a
    // stack overflow on absurdly nested code): the file is reported, the run goes on.
    const reason = `the linter failed: ${error instanceof Error ? error.message : String(error)}`;
    messages.push(`skipped ${file}: ${reason}\n`);
    return { skipped: { path: file, reason, incomplete: true }, messages, incomplete: true };
  }
}
