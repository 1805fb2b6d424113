// package.json and tsconfig.json as the resolver reads them: JSON with comments and trailing
// commas (tsconfig allows both), anything broken read as absent rather than thrown.
import { parse, type ParseError } from 'jsonc-parser';
import type { ProjectHost } from '../host';

/** The object in a JSON file, or undefined when it is missing, broken or not an object. */
export function readJsonObject(host: ProjectHost, fileName: string): Record<string, unknown> | undefined {
  const text = host.readFile(fileName);
  if (text === undefined) return undefined;
  const errors: ParseError[] = [];
  const value: unknown = parse(text, errors, { allowTrailingComma: true, disallowComments: false });
  return value !== null && typeof value === 'object' && !Array.isArray(value) ? (value as Record<string, unknown>) : undefined;
}

export const isRecord = (value: unknown): value is Record<string, unknown> => value !== null && typeof value === 'object' && !Array.isArray(value);

export const stringsOf = (value: unknown): string[] => (Array.isArray(value) ? value.filter((item): item is string => typeof item === 'string') : []);
