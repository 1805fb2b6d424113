// The CLI: `http-auth-lint [files or folders...]` over the same engine as the language server.
// bin/http-auth-lint.js calls main() from the bundle (dist/cli.js) and exits with its result.
import { promises as fs, readFileSync } from 'node:fs';
import * as path from 'node:path';
import { USAGE, parseCommand } from './args';
import { formatJson } from './formatters/json';
import { formatStylish } from './formatters/stylish';
import { countBySeverity, lintFile, type FileReport } from './report';
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

/** The version in the package.json above this file: dist/cli.js and out/server/cli/main.js sit at
 * different depths, so it is looked for rather than imported. */
function packageVersion(): string {
  for (let folder = __dirname; ; folder = path.dirname(folder)) {
    try {
      const manifest = JSON.parse(readFileSync(path.join(folder, 'package.json'), 'utf8')) as { name?: unknown; version?: unknown };
      if (manifest.name === 'http-auth-lint' && typeof manifest.version === 'string') {
        return manifest.version;
      }
    } catch {
      // No package.json here (or not ours): look one folder up.
    }
    if (path.dirname(folder) === folder) {
      return 'unknown';
    }
  }
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
        break;
    }

    const walked = await collectFiles(command.paths, io.cwd);
    if (walked.missing.length > 0) {
      io.stderr(walked.missing.map((missing) => `http-auth-lint: no such file or folder: ${missing}\n`).join(''));
      return EXIT_FATAL;
    }
    for (const skipped of walked.skipped) {
      io.stderr(`skipped ${skipped.path}: ${skipped.reason}\n`);
    }

    const reports: FileReport[] = [];
    let ruleFailed = false;
    for (const file of walked.files) {
      let text: string;
      try {
        text = await fs.readFile(file, 'utf8');
      } catch (error) {
        io.stderr(`skipped ${file}: ${reasonOf(error)}\n`);
        continue;
      }
      const report = lintFile(file, text);
      for (const failure of report.ruleFailures) {
        ruleFailed = true;
        io.stderr(`http-auth-lint: rule ${failure.ruleId} failed on ${file}: ${describe(failure.error)}\n`);
      }
      reports.push(report);
    }

    io.stdout(command.format === 'json' ? formatJson(reports) : formatStylish(reports, io.cwd));
    if (ruleFailed) {
      // The other rules' findings are printed, but the run is incomplete: CI must not pass it.
      return EXIT_FATAL;
    }
    const errors = reports.reduce((sum, report) => sum + countBySeverity(report.problems).errorCount, 0);
    return errors > 0 ? EXIT_ERRORS : EXIT_OK;
  } catch (error) {
    io.stderr(`http-auth-lint: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
    return EXIT_FATAL;
  }
}
