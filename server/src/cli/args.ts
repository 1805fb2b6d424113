// Command-line arguments -> what to do. Parsing only: no file system, no output.
import { parseArgs } from 'node:util';

export const FORMATS = ['stylish', 'json', 'sarif', 'github'] as const;
export type Format = (typeof FORMATS)[number];

/** Where settings come from: the nearest `.httpauthlintrc.json` of each file, one given file for
 * every file, or none (the engine's defaults). */
export type ConfigSource = { kind: 'nearest' } | { kind: 'file'; path: string } | { kind: 'none' };

export interface LintOptions {
  paths: string[];
  format: Format;
  config: ConfigSource;
  /** Show and count errors only. */
  quiet: boolean;
  /** Exit 1 above this many warnings; undefined: any number. */
  maxWarnings: number | undefined;
  /** `write` applies safe fixes to the files, `dry-run` prints them as a diff. */
  fix: 'off' | 'write' | 'dry-run';
  /** Report suppression comments that suppress nothing (and remove them on --fix). */
  reportUnusedDisable: boolean;
}

export type Command =
  | { kind: 'help' }
  | { kind: 'version' }
  | ({ kind: 'lint' } & LintOptions)
  | { kind: 'usage-error'; message: string };

export const USAGE = `Usage: http-auth-lint [options] [files or folders...]

Lints Node HTTP handler code for misuse of 401, 403 and 407. Folders are searched for
.ts .tsx .js .jsx .mjs .cjs .mts .cts files, skipping node_modules and .git; the default is ".".
Each file gets its settings from the nearest .httpauthlintrc.json at or above it (rules,
defaultChallenge, proxyFiles, ignore); files its "ignore" globs match are skipped.

Output:
  -f, --format <name>       stylish (default): findings with a code frame and a docs link
                            json: ESLint's JSON formatter shape
                            sarif: SARIF 2.1.0, for GitHub code scanning and SARIF viewers
                            github: GitHub Actions workflow annotations
  --quiet                   Show and count errors only (--max-warnings still counts warnings)
  --max-warnings <n>        Exit 1 when there are more than n warnings
  --report-unused-disable   Report suppression comments that suppress nothing, as warnings

Fixing (only safe fixes; suggestions are applied one by one in the editor):
  --fix                     Write the fixes to the files, then report what remains
  --fix-dry-run             Print the fixes as a unified diff and write nothing (with json or
                            sarif the diff goes to stderr, and json carries each file's "output")
  With --report-unused-disable, both also remove the unused suppression comments.

Configuration:
  -c, --config <path>       Use this configuration file for every file instead of the nearest one
  --no-config               Use no configuration file: the default settings

  -h, --help                Show this help
  -v, --version             Show the version

Severities: "error" counts as an error; "warning", "information" and "hint" count as warnings
(ESLint's severity 1 in json, "note" in sarif, "notice" annotations in github for the last two).

Exit codes: 0 no errors and no more warnings than --max-warnings; 1 errors, or too many
warnings; 2 bad usage, a configuration file with problems (printed as path:line:col: message,
the findings are still reported, with the default for each broken entry), or a fatal problem.
`;

function isFormat(value: string): value is Format {
  return (FORMATS as readonly string[]).includes(value);
}

export function parseCommand(argv: string[]): Command {
  let parsed;
  try {
    parsed = parseArgs({
      args: argv,
      allowPositionals: true,
      strict: true,
      options: {
        format: { type: 'string', short: 'f' },
        config: { type: 'string', short: 'c' },
        'no-config': { type: 'boolean' },
        quiet: { type: 'boolean' },
        'max-warnings': { type: 'string' },
        fix: { type: 'boolean' },
        'fix-dry-run': { type: 'boolean' },
        'report-unused-disable': { type: 'boolean' },
        help: { type: 'boolean', short: 'h' },
        version: { type: 'boolean', short: 'v' },
      },
    });
  } catch (error) {
    // node:util's messages name the option ("Unknown option '--nope'"); they are clear enough.
    return { kind: 'usage-error', message: error instanceof Error ? error.message : String(error) };
  }
  const { values, positionals } = parsed;
  if (values.help) {
    return { kind: 'help' };
  }
  if (values.version) {
    return { kind: 'version' };
  }
  const format = values.format ?? 'stylish';
  if (!isFormat(format)) {
    return { kind: 'usage-error', message: `Unknown format "${format}": use ${FORMATS.join(', ')}.` };
  }
  let maxWarnings: number | undefined;
  if (values['max-warnings'] !== undefined) {
    if (!/^\d+$/.test(values['max-warnings'])) {
      return { kind: 'usage-error', message: `--max-warnings takes a number of warnings (0 or more), not "${values['max-warnings']}".` };
    }
    maxWarnings = Number(values['max-warnings']);
  }
  if (values.fix && values['fix-dry-run']) {
    return { kind: 'usage-error', message: '--fix and --fix-dry-run cannot be used together.' };
  }
  if (values.config !== undefined && values['no-config']) {
    return { kind: 'usage-error', message: '--config and --no-config cannot be used together.' };
  }
  const config: ConfigSource =
    values.config !== undefined ? { kind: 'file', path: values.config } : values['no-config'] ? { kind: 'none' } : { kind: 'nearest' };
  return {
    kind: 'lint',
    paths: positionals.length > 0 ? positionals : ['.'],
    format,
    config,
    quiet: values.quiet ?? false,
    maxWarnings,
    fix: values.fix ? 'write' : values['fix-dry-run'] ? 'dry-run' : 'off',
    reportUnusedDisable: values['report-unused-disable'] ?? false,
  };
}
