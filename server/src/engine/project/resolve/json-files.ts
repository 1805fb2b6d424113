// package.json and tsconfig.json as the resolver reads them: JSON with comments and trailing
// commas (tsconfig allows both). A broken file is never thrown: the parser recovers from its
// errors, and what it could read of the file is what the resolver reads.
import { parse } from 'jsonc-parser';
import type { ProjectHost } from '../host';

/** The object in a JSON file, as far as it parses; undefined when it is missing or not an object. */
export function readJsonObject(host: ProjectHost, fileName: string): Record<string, unknown> | undefined {
  const text = host.readFile(fileName);
  if (text === undefined) return undefined;
  const value = strictJson(text) ?? parse(text, undefined, { allowTrailingComma: true, disallowComments: false });
  return value !== null && typeof value === 'object' && !Array.isArray(value) ? (value as Record<string, unknown>) : undefined;
}

export const isRecord = (value: unknown): value is Record<string, unknown> => value !== null && typeof value === 'object' && !Array.isArray(value);

export const stringsOf = (value: unknown): string[] => (Array.isArray(value) ? value.filter((item): item is string => typeof item === 'string') : []);

/** Plain JSON first: every package.json and most tsconfigs are, and JSON.parse reads them several
 * times faster than the tolerant parser (a monorepo has hundreds of package.json files). */
function strictJson(text: string): unknown {
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return undefined;
  }
}
