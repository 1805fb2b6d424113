// The CLI: `http-auth-lint [files or folders...]` over the same engine as the language server.
// bin/http-auth-lint.js calls main() from the bundle (dist/cli.js) and exits with its result.
import { promises as fs, writeFileSync } from 'node:fs';
import * as path from 'node:path';
import type { LoadedConfig } from '../config/project-config';
import { applyEdits } from '../engine';
import { USAGE, parseCommand, type LintOptions } from './args';
import { formatGithub } from './formatters/github';
import { formatJson } from './formatters/json';
import { formatSarif } from './formatters/sarif';
import { formatStylish } from './formatters/stylish';
import { displayPath } from './paths';
import { LineIndex } from './positions';
import { countAll, errorsOnly, type ConfigProblemReport, type FileReport, type SkippedReport } from './report';
import { forgetProjects, useProjects, type FileJob, type FileOutcome, type ScanOptions } from './scan-file';
import { CliSettings } from './settings';
import { cacheFile, hashOf, RunCache } from './cache';
import { editsByFile, unifiedDiff } from './fix';
import { readRegularFile } from '../disk/project-host';
import { collectGarbage, LARGE_PROJECT } from './memory';
import { ProjectScan } from './project-scan';
import { runScan, threadCount } from './threads';
import { packageVersion } from './version';
import { collectFiles, reasonOf } from '../disk/walk';

// The bundle's own worker threads are tested through it (test/lsp/cli-bundle.test.ts).
export { runScan } from './threads';

export const EXIT_OK = 0;
export const EXIT_ERRORS = 1;
export const EXIT_FATAL = 2;


/** Names a rule that then throws on every file: for tests of how a failing rule is reported (the
 * variable engine's rulesWithFault is meant for, in every shell). */
export const FAULTS_VARIABLE = 'HTTP_AUTH_LINT_TEST_FAULTS';

/** Where the CLI writes and what it resolves paths against; tests pass their own. */
export interface CliIo {
  cwd: string;
  stdout: (text: string) => void;
  stderr: (text: string) => void;
  /** Called between the walk and the first read with the files to lint: a test deletes one there. */
  beforeScan?: (files: readonly string[]) => void | Promise<void>;
}

function processIo(): CliIo {
  return {
    cwd: process.cwd(),
    stdout: (text) => process.stdout.write(text),
    stderr: (text) => process.stderr.write(text),
  };
}

export async function main(argv: string[], io: CliIo = processIo()): Promise<number> {
  try {
    const command = parseCommand(argv);
    switch (command.kind) {
      case 'help':
        io.stdout(USAGE);
        return EXIT_OK;
      case 'version':
        io.stdout(`${packageVersion()}\n`);
        return EXIT_OK;
      case 'usage-error':
        io.stderr(`http-auth-lint: ${command.message}\nRun http-auth-lint --help for usage.\n`);
        return EXIT_FATAL;
      case 'lint':
        return await run(command, io);
    }
  } catch (error) {
    io.stderr(`http-auth-lint: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
    return EXIT_FATAL;
  }
}

/** A configuration file's problems, positioned (1-based) for stderr, SARIF and annotations. */
function configProblemsOf(config: LoadedConfig): ConfigProblemReport[] {
  const lines = new LineIndex(config.text);
  return config.problems.map((problem) => {
    const start = lines.at(problem.start);
    const end = lines.at(problem.end);
    return { filePath: config.path, message: problem.message, line: start.line, column: start.column, endLine: end.line, endColumn: end.column };
  });
}

async function run(options: LintOptions, io: CliIo): Promise<number> {
  if (options.config.kind === 'file') {
    try {
      await fs.stat(path.resolve(io.cwd, options.config.path));
    } catch (error) {
      io.stderr(`http-auth-lint: cannot read the configuration file ${options.config.path}: ${reasonOf(error)}\n`);
      return EXIT_FATAL;
    }
  }
  const walked = await collectFiles(options.paths, io.cwd);
  if (walked.missing.length > 0) {
    io.stderr(walked.missing.map((missing) => `http-auth-lint: no such file or folder: ${missing}\n`).join(''));
    return EXIT_FATAL;
  }
  // A folder or file that could not be read leaves the run incomplete; a file skipped on purpose
  // (named on the command line but not lintable) does not.
  let incomplete = false;
  const skipped: SkippedReport[] = [];
  for (const skip of walked.skipped) {
    incomplete ||= !skip.policy;
    skipped.push({ path: skip.path, reason: skip.reason, incomplete: !skip.policy });
    io.stderr(`skipped ${skip.path}: ${skip.reason}\n`);
  }

  const settings = new CliSettings(options.config, io.cwd);
  // Each configuration file's problems are told once, however many files it applies to.
  const seenConfigs = new Set<string>();
  const configProblems: ConfigProblemReport[] = [];
  const noteConfig = (config: LoadedConfig | undefined): void => {
    if (!config || seenConfigs.has(config.path)) return;
    seenConfigs.add(config.path);
    const problems = configProblemsOf(config);
    configProblems.push(...problems);
    io.stderr(problems.map((problem) => `${displayPath(problem.filePath, io.cwd)}:${problem.line}:${problem.column}: ${problem.message}\n`).join(''));
  };
  noteConfig(settings.givenConfig());

  // Settings are resolved here, on the main thread, in the walk's order: configuration problems
  // are told once and in a fixed order, and the threads only lint.
  const jobs: FileJob[] = [];
  for (const file of walked.files) {
    const resolved = settings.forFile(file);
    noteConfig(resolved.config);
    if (!resolved.ignored) jobs.push({ index: jobs.length, file, settings: resolved.settings });
  }

  // Each file is read as part of its project: the project's index selects what is parsed
  // (project-scan.ts). Projects are indexed, linted and released one at a time.
  // --cache: results and summaries of earlier runs (cache.ts). --fix writes files: it runs anew.
  const cache = options.cacheLocation !== undefined ? RunCache.load(cacheFile(options.cacheLocation, io.cwd)) : undefined;
  const walkedFolders = options.paths.map((given) => path.resolve(io.cwd, given));
  // `--threads 1`: one thread in all, the index's text pass included.
  const parallel = options.threads === 'auto' || options.threads > 1 ? { onThreadFailure: (message: string) => io.stderr(`http-auth-lint: ${message}\n`) } : undefined;
  const scan = new ProjectScan(jobs.map((job) => job.file), options.maxFileSize, cache, { folders: walkedFolders, files: walked.files, listings: walked.listings, named: walked.named }, parallel);
  for (const job of jobs) job.root = scan.rootOf(job.file);
  const scanOptions: ScanOptions = {
    cwd: io.cwd,
    fix: options.fix,
    reportUnusedDisable: options.reportUnusedDisable,
    maxFileSize: options.maxFileSize,
    faultyRule: process.env[FAULTS_VARIABLE] || undefined,
  };
  await io.beforeScan?.(jobs.map((job) => job.file));
  // Outcomes arrive in any order from the threads; they are told in the walk's order, stderr as
  // soon as every earlier file is done, so that two runs print the same whatever the threads did.
  const outcomes: (FileOutcome | undefined)[] = new Array(jobs.length);
  let told = 0;
  const tell = (): void => {
    for (; told < outcomes.length && outcomes[told] !== undefined; told++) {
      const outcome = outcomes[told]!;
      incomplete ||= outcome.incomplete;
      if (outcome.messages.length > 0) io.stderr(outcome.messages.join(''));
    }
  };
  const reusable = cache && options.fix === 'off';
  const settingsKey = (job: FileJob) => hashOf(JSON.stringify([job.settings, options.reportUnusedDisable, options.maxFileSize]));
  const clean = (job: FileJob): FileOutcome => ({ report: { filePath: job.file, source: '', problems: [], ruleFailures: [] }, messages: [], incomplete: false });

  /** Lints the files of one project; `onOutcome` takes each outcome. */
  const lintRoot = async (root: string, rootScan: ProjectScan, fix: ScanOptions['fix'], onOutcome: (job: FileJob, outcome: FileOutcome) => void): Promise<void> => {
    const project = await rootScan.index(root);
    // What the index read and parsed and did not keep is garbage by now: collected before the
    // lint adds its own, a large project's peak is that of its index or of its lint, not both.
    // An index taken from the cache parsed nothing: there is nothing to collect.
    const parsedForIndex = project.selectedCount() >= LARGE_PROJECT && !rootScan.indexWasCached(root);
    if (parsedForIndex) collectGarbage();
    useProjects(new Map([[root, project]]));
    const rootJobs = jobs.filter((job) => job.root === root);
    const chosen = rootJobs.filter((job) => {
      if (!rootScan.selected.has(job.file)) {
        // It cannot hold a finding: it mentions no status and nothing that sends one.
        onOutcome(job, clean(job));
        return false;
      }
      const kept = reusable && fix === options.fix ? cache.result(root, job.file, settingsKey(job)) : undefined;
      if (kept) onOutcome(job, kept);
      return !kept;
    });
    await runScan(chosen, { ...scanOptions, fix, projects: rootScan.projectsOption(root) }, {
      threads: threadCount(options.threads, chosen.length),
      // The analyses the index made for the summaries are on this thread: it lints those files.
      mainFirst: (job) => project.keepsAnalysis(job.file),
      onOutcome: (index, outcome) => onOutcome(jobs[index], outcome),
      onWorkerFailure: (message) => io.stderr(`http-auth-lint: ${message}\n`),
    });
    forgetProjects([root]);
    // Before the next project: a large one's trees and summaries go now (unless nothing was parsed).
    const parsed = parsedForIndex || chosen.length >= LARGE_PROJECT;
    rootScan.release(root);
    if (parsed && rootScan.filesByRoot.size > 1) collectGarbage();
  };

  for (const root of scan.filesByRoot.keys()) {
    await lintRoot(root, scan, options.fix, (job, outcome) => {
      outcomes[job.index] = outcome;
      if (reusable && !outcome.incomplete && scan.selected.has(job.file)) cache.setResult(root, job.file, settingsKey(job), outcome);
      tell();
    });
  }
  const cacheProblem = cache?.save();
  if (cacheProblem) io.stderr(`http-auth-lint: could not write the cache: ${cacheProblem}\n`);

  // Fixes that edit other files (the challenge added in the app's error handler): each edit once.
  const elsewhere = editsByFile(outcomes.flatMap((outcome) => outcome?.elsewhere ?? []));
  const otherDiffs: string[] = [];
  if (elsewhere.size > 0) {
    for (const [file, edits] of elsewhere) {
      const before = readRegularFile(file);
      if (before === undefined) continue;
      const after = applyEdits(before, edits);
      if (options.fix === 'dry-run') otherDiffs.push(unifiedDiff(file, io.cwd, before, after));
      else {
        try {
          writeFileSync(file, after);
        } catch (error) {
          incomplete = true;
          io.stderr(`http-auth-lint: could not write the fixes to ${file}: ${reasonOf(error)}\n`);
        }
      }
    }
    if (options.fix === 'write') {
      // What those edits repaired in the linted files: their reports again, read in the changed project.
      const again = new ProjectScan(jobs.map((job) => job.file), options.maxFileSize);
      for (const root of again.filesByRoot.keys()) {
        await lintRoot(root, again, 'off', (job, outcome) => {
          const output = outcomes[job.index]?.report?.output;
          outcomes[job.index] = { ...outcome, messages: [], report: outcome.report && (output === undefined ? outcome.report : { ...outcome.report, output }) };
        });
      }
    }
  }

  const reports: FileReport[] = [];
  const diffs: string[] = [];
  for (const outcome of outcomes) {
    if (outcome?.report) reports.push(outcome.report);
    if (outcome?.skipped) skipped.push(outcome.skipped);
    if (outcome?.diff !== undefined) diffs.push(outcome.diff);
  }
  diffs.push(...otherDiffs);

  // Warnings are counted before --quiet hides them, so that --max-warnings still holds (as in ESLint).
  const counts = countAll(reports);
  const shown = options.quiet ? errorsOnly(reports) : reports;
  if (diffs.length > 0) {
    // json and sarif are one document on stdout: there the diff goes to stderr.
    (options.format === 'json' || options.format === 'sarif' ? io.stderr : io.stdout)(diffs.join(''));
  }
  switch (options.format) {
    case 'stylish':
      io.stdout(formatStylish(shown, io.cwd));
      break;
    case 'json':
      io.stdout(formatJson(shown));
      break;
    case 'sarif':
      io.stdout(formatSarif(shown, { cwd: io.cwd, version: packageVersion(), configProblems, skipped }));
      break;
    case 'github':
      io.stdout(formatGithub(shown, io.cwd, configProblems));
      break;
  }
  const tooManyWarnings = options.maxWarnings !== undefined && counts.warningCount > options.maxWarnings;
  if (tooManyWarnings) {
    io.stderr(`http-auth-lint found too many warnings (${counts.warningCount}; maximum: ${options.maxWarnings}).\n`);
  }
  if (incomplete || configProblems.length > 0) {
    // The findings are printed, but the run is incomplete or misconfigured: CI must not pass it.
    return EXIT_FATAL;
  }
  return counts.errorCount > 0 || tooManyWarnings ? EXIT_ERRORS : EXIT_OK;
}
