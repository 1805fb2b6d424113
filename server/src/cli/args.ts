// Command-line arguments -> what to do. Parsing only: no file system, no output.
import { parseArgs } from 'node:util';

export const FORMATS = ['stylish', 'json'] as const;
export type Format = (typeof FORMATS)[number];

export type Command =
  | { kind: 'help' }
  | { kind: 'version' }
  | { kind: 'lint'; paths: string[]; format: Format }
  | { kind: 'usage-error'; message: string };

export const USAGE = `Usage: http-auth-lint [options] [files or folders...]

Lints Node HTTP handler code for misuse of 401, 403 and 407. Folders are searched for
.ts .tsx .js .jsx .mjs .cjs .mts .cts files, skipping node_modules and .git; the default is ".".

Options:
  -f, --format <name>  Output format: stylish (default) or json (ESLint's JSON shape)
  -h, --help           Show this help
  -v, --version        Show the version

Exit codes: 0 no errors, 1 errors found, 2 bad usage or a fatal problem.
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
        help: { type: 'boolean', short: 'h' },
        version: { type: 'boolean', short: 'v' },
      },
    });
  } catch (error) {
    // node:util's messages name the option ("Unknown option '--fix'"); they are clear enough.
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
    return { kind: 'usage-error', message: `Unknown format "${format}": use ${FORMATS.join(' or ')}.` };
  }
  return { kind: 'lint', paths: positionals.length > 0 ? positionals : ['.'], format };
}
