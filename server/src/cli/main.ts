// The CLI: `http-auth-lint [files or folders...]` over the same engine as the language server.
// bin/http-auth-lint.js calls main() from the bundle (dist/cli.js) and exits with its result.
import { promises as fs } from 'node:fs';
import * as path from 'node:path';
import type { LoadedConfig } from '../config/project-config';
import { lint } from '../engine';
import { USAGE, parseCommand, type LintOptions } from './args';
import { fixedText, unifiedDiff } from './fix';
import { formatGithub } from './formatters/github';
import { formatJson } from './formatters/json';
import { formatSarif } from './formatters/sarif';
import { formatStylish } from './formatters/stylish';
import { displayPath } from './paths';
import { LineIndex } from './positions';
import { countAll, errorsOnly, toReport, type ConfigProblemReport, type FileReport } from './report';
import { CliSettings } from './settings';
import { packageVersion } from './version';
import { collectFiles, reasonOf } from './walk';

export const EXIT_OK = 0;
export const EXIT_ERRORS = 1;
export const EXIT_FATAL = 2;

/** Where the CLI writes and what it resolves paths against; tests pass their own. */
export interface CliIo {
  cwd: string;
  stdout: (text: string) => void;
  stderr: (text: string) => void;
}

function processIo(): CliIo {
  return {
    cwd: process.cwd(),
    stdout: (text) => process.stdout.write(text),
    stderr: (text) => process.stderr.write(text),
  };
}

function describe(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
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
  for (const skipped of walked.skipped) {
    io.stderr(`skipped ${skipped.path}: ${skipped.reason}\n`);
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

  const reports: FileReport[] = [];
  const diffs: string[] = [];
  let fatal = false;
  for (const file of walked.files) {
    const resolved = settings.forFile(file);
    noteConfig(resolved.config);
    if (resolved.ignored) {
      continue;
    }
    let text: string;
    try {
      text = await fs.readFile(file, 'utf8');
    } catch (error) {
      io.stderr(`skipped ${file}: ${reasonOf(error)}\n`);
      continue;
    }
    let source = text;
    let result = lint(file, text, resolved.settings);
    let output: string | undefined;
    if (options.fix !== 'off') {
      const fixed = fixedText(file, text, resolved.settings, result, options.reportUnusedDisable);
      if (fixed !== text) {
        let written = true;
        if (options.fix === 'write') {
          try {
            await fs.writeFile(file, fixed);
          } catch (error) {
            written = false;
            fatal = true;
            io.stderr(`http-auth-lint: could not write the fixes to ${file}: ${reasonOf(error)}\n`);
          }
        } else {
          diffs.push(unifiedDiff(file, io.cwd, text, fixed));
        }
        if (written) {
          // What remains is reported, positioned in the fixed text.
          source = output = fixed;
          result = lint(file, fixed, resolved.settings);
        }
      }
    }
    for (const failure of result.ruleFailures) {
      fatal = true;
      io.stderr(`http-auth-lint: rule ${failure.ruleId} failed on ${file}: ${describe(failure.error)}\n`);
    }
    const report = toReport(file, source, result, { reportUnusedDisable: options.reportUnusedDisable });
    reports.push(output === undefined ? report : { ...report, output });
  }

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
      io.stdout(formatSarif(shown, { cwd: io.cwd, version: packageVersion(), configProblems }));
      break;
    case 'github':
      io.stdout(formatGithub(shown, io.cwd, configProblems));
      break;
  }
  const tooManyWarnings = options.maxWarnings !== undefined && counts.warningCount > options.maxWarnings;
  if (tooManyWarnings) {
    io.stderr(`http-auth-lint found too many warnings (${counts.warningCount}; maximum: ${options.maxWarnings}).\n`);
  }
  if (fatal || configProblems.length > 0) {
    // The findings are printed, but the run is incomplete or misconfigured: CI must not pass it.
    return EXIT_FATAL;
  }
  return counts.errorCount > 0 || tooManyWarnings ? EXIT_ERRORS : EXIT_OK;
}
