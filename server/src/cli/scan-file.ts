// The work on one file: read it, lint it, fix it (write or diff), report it. The same function runs
// on the main thread and in worker threads (threads.ts), so the output cannot depend on where a
// file was linted; its input and result are plain data that cross threads by structured clone.
import { writeFileSync } from 'node:fs';
import { lint, lintSource, parse, rulesWithFault, type LintResult, type LintSettings } from '../engine';
import { fixedText, unifiedDiff } from './fix';
import { readSource } from './read';
import { toReport, type FileReport, type SkippedReport } from './report';
import { reasonOf } from './walk';

/** What every file of a run is scanned with. */
export interface ScanOptions {
  cwd: string;
  fix: 'off' | 'write' | 'dry-run';
  reportUnusedDisable: boolean;
  maxFileSize: number;
  /** A rule that throws on every file (HTTP_AUTH_LINT_TEST_FAULTS): for tests of fault handling. */
  faultyRule: string | undefined;
}

export interface FileJob {
  /** The file's place in the walk: results are output in this order. */
  index: number;
  file: string;
  settings: Partial<LintSettings>;
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
}

function lintWith(file: string, text: string, settings: Partial<LintSettings>, options: ScanOptions): LintResult {
  return options.faultyRule === undefined ? lint(file, text, settings) : lintSource(parse(file, text), settings, rulesWithFault(options.faultyRule));
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
  try {
    let source = text;
    let result = lintWith(file, text, settings, options);
    let output: string | undefined;
    let diff: string | undefined;
    if (options.fix !== 'off') {
      const fixed = fixedText(file, text, settings, result, options.reportUnusedDisable);
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
          result = lintWith(file, fixed, settings, options);
        }
      }
    }
    const report = toReport(file, source, result, { reportUnusedDisable: options.reportUnusedDisable });
    for (const failure of report.ruleFailures) {
      incomplete = true;
      messages.push(`http-auth-lint: rule ${failure.ruleId} failed on ${file}: ${failure.message}\n`);
    }
    return { report: output === undefined ? report : { ...report, output }, diff, messages, incomplete };
  } catch (error) {
    // Rules run in their own try/catch in the engine; this is the parser or the fixer failing (a
    // stack overflow on absurdly nested code): the file is reported, the run goes on.
    const reason = `the linter failed: ${error instanceof Error ? error.message : String(error)}`;
    messages.push(`skipped ${file}: ${reason}\n`);
    return { skipped: { path: file, reason, incomplete: true }, messages, incomplete: true };
  }
}
