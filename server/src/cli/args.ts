// Command-line arguments -> what to do. Parsing only: no file system, no output.
import { parseArgs } from 'node:util';
// --max-file-size defaults to the editor's httpAuthLint.maxFileSize (2 MiB): both skip the same files.
import { DEFAULT_MAX_FILE_SIZE } from '../settings';

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
  /** How many threads lint, the main one included; 'auto' decides from the number of files. */
  threads: number | 'auto';
  /** Larger files are skipped with a message (as the editor's httpAuthLint.maxFileSize). */
  maxFileSize: number;
  /** Where to keep results and summaries between runs (--cache), undefined: no cache. */
  cacheLocation: string | undefined;
}

/** The cache file's name when --cache-location does not give one, as ESLint's `.eslintcache`. */
export const DEFAULT_CACHE_FILE = '.httpauthlintcache';

/** A worker thread costs about 1 s of CPU before it lints at full speed (0.4 s to load the bundle,
 * then the JIT warming up to the parser again; measured on 2 cores): it pays for itself past about
 * this many files of handler code. --threads auto adds a thread per this many files. */
export const FILES_PER_THREAD = 250;
/** Beyond this, threads mostly add memory (a loaded engine each) and contention on shared CPUs. */
export const MAX_AUTO_THREADS = 4;

export type Command =
  | { kind: 'help' }
  | { kind: 'version' }
  | ({ kind: 'lint' } & LintOptions)
  | { kind: 'usage-error'; message: string };

export const USAGE = `Usage: http-auth-lint [options] [files or folders...]

Lints Node HTTP handler code for misuse of 401, 403 and 407. Folders are searched for
.ts .tsx .js .jsx .mjs .cjs .mts .cts files, skipping node_modules and hidden folders (.git,
.yarn, .next, ...); the default is ".".
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

Files:
  --max-file-size <bytes>   Skip larger files with a message (default: ${DEFAULT_MAX_FILE_SIZE}, 2 MiB)
  --threads <n|auto>        Lint with n threads, the main one included (1: no worker threads);
                            the output is the same whatever the number.
                            auto (default): one thread per ${FILES_PER_THREAD} files, at most the number
                            of CPU cores less one and at most ${MAX_AUTO_THREADS}.
                            Unless n is 1, a project of 400 files or more is also read on a
                            second thread (with 2 cores or more).

Cache (results and summaries by file, reused while the files, the configuration and the
linter are unchanged; a damaged or foreign cache file is ignored and rewritten):
  --cache                   Keep the cache in ${DEFAULT_CACHE_FILE} in the current directory
  --cache-location <path>   Keep it in this file, or in a folder (a trailing / or an existing
                            folder) as ${DEFAULT_CACHE_FILE}; implies --cache

Configuration:
  -c, --config <path>       Use this configuration file for every file instead of the nearest one
  --no-config               Use no configuration file: the default settings

  -h, --help                Show this help
  -v, --version             Show the version

Severities: "error" counts as an error; "warning", "information" and "hint" count as warnings
(ESLint's severity 1 in json, "note" in sarif, "notice" annotations in github for the last two).

A file or folder that cannot be read (permissions, a link to nothing, deleted during the run) is
reported on stderr as "skipped <path>: <reason>" and the scan goes on; so are files over
--max-file-size and binary or non-UTF-8 files, which are skipped on purpose.

Exit codes: 0 no errors and no more warnings than --max-warnings; 1 errors, or too many
warnings; 2 the run is incomplete or cannot be trusted: bad usage, a configuration file with
problems (printed as path:line:col: message; the findings are still reported, with the default
for each broken entry), a file or folder that could not be read or fixed, a rule that failed, or
a fatal problem. Files skipped for their size or binary content do not make a run incomplete.
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
        threads: { type: 'string' },
        'max-file-size': { type: 'string' },
        cache: { type: 'boolean' },
        'cache-location': { type: 'string' },
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
  let threads: number | 'auto' = 'auto';
  if (values.threads !== undefined && values.threads !== 'auto') {
    if (!/^\d+$/.test(values.threads) || Number(values.threads) < 1) {
      return { kind: 'usage-error', message: `--threads takes a number of threads (1 or more) or "auto", not "${values.threads}".` };
    }
    threads = Number(values.threads);
  }
  let maxFileSize = DEFAULT_MAX_FILE_SIZE;
  if (values['max-file-size'] !== undefined) {
    if (!/^\d+$/.test(values['max-file-size'])) {
      return { kind: 'usage-error', message: `--max-file-size takes a number of bytes, not "${values['max-file-size']}".` };
    }
    maxFileSize = Number(values['max-file-size']);
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
    threads,
    maxFileSize,
    cacheLocation: values['cache-location'] ?? (values.cache ? DEFAULT_CACHE_FILE : undefined),
  };
}
