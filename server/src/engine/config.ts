// The project configuration, `.httpauthlintrc.json`: JSON only (it is read, never run). Parsed
// with positions so that a problem is shown where it is in the file; every problem drops only the
// entry it is about, and linting goes on with the defaults for it.
import { parseTree, printParseErrorCode, type Node, type ParseError } from 'jsonc-parser';
import { challengeProblems } from './challenge/grammar';
import { SEVERITIES, type Severity } from './types';

export const CONFIG_FILE_NAME = '.httpauthlintrc.json';

export interface ProjectConfig {
  rules?: Record<string, Severity>;
  defaultChallenge?: string;
  /** Globs of proxy code, relative to the folder of the config file. */
  proxyFiles?: string[];
  /** Globs of files not to lint, relative to the folder of the config file. */
  ignore?: string[];
}

export interface ConfigProblem {
  message: string;
  start: number;
  end: number;
}

const KNOWN_KEYS = ['$schema', 'rules', 'defaultChallenge', 'proxyFiles', 'ignore'];

const problemAt = (node: Node, message: string): ConfigProblem => ({ message, start: node.offset, end: node.offset + node.length });

function stringList(node: Node, key: string, problems: ConfigProblem[]): string[] | undefined {
  if (node.type !== 'array') {
    problems.push(problemAt(node, `"${key}" must be an array of globs, e.g. ["src/proxy/**"].`));
    return undefined;
  }
  const globs: string[] = [];
  for (const item of node.children ?? []) {
    if (item.type === 'string' && item.value !== '') globs.push(item.value);
    else problems.push(problemAt(item, `Each entry of "${key}" must be a non-empty glob string.`));
  }
  return globs;
}

function rules(node: Node, ruleIds: readonly string[], problems: ConfigProblem[]): Record<string, Severity> | undefined {
  if (node.type !== 'object') {
    problems.push(problemAt(node, '"rules" must be an object of rule id to severity, e.g. { "invalid-challenge": "warning" }.'));
    return undefined;
  }
  const severities: Record<string, Severity> = {};
  for (const property of node.children ?? []) {
    const [key, value] = property.children ?? [];
    if (!key || !value) continue;
    if (!ruleIds.includes(key.value)) {
      problems.push(problemAt(key, `Unknown rule "${key.value}": the rules are ${ruleIds.join(', ')}.`));
    } else if (value.type !== 'string' || !(SEVERITIES as readonly string[]).includes(value.value)) {
      problems.push(problemAt(value, `The severity of ${key.value} must be one of ${SEVERITIES.join(', ')}.`));
    } else {
      severities[key.value] = value.value as Severity;
    }
  }
  return severities;
}

function defaultChallenge(node: Node, problems: ConfigProblem[]): string | undefined {
  if (node.type !== 'string' || node.value.trim() === '') {
    problems.push(problemAt(node, '"defaultChallenge" must be a challenge string, e.g. "Bearer realm=\\"api\\"".'));
    return undefined;
  }
  const invalid = challengeProblems(node.value);
  if (invalid.length > 0) {
    problems.push(problemAt(node, `"defaultChallenge" is not a valid challenge: ${invalid[0].message}`));
    return undefined;
  }
  return node.value;
}

/** Reads a config file's text. `ruleIds` are the rules a `rules` entry may name. */
export function parseConfig(text: string, ruleIds: readonly string[]): { config: ProjectConfig; problems: ConfigProblem[] } {
  const errors: ParseError[] = [];
  const root = parseTree(text, errors, { disallowComments: true, allowTrailingComma: false });
  const problems: ConfigProblem[] = errors.map((e) => ({
    message: `Not valid JSON: ${printParseErrorCode(e.error)}.`,
    start: e.offset,
    end: e.offset + Math.max(e.length, 1),
  }));
  const config: ProjectConfig = {};
  if (!root || errors.length > 0) return { config, problems };
  if (root.type !== 'object') {
    problems.push(problemAt(root, 'The configuration must be a JSON object, e.g. { "rules": { ... } }.'));
    return { config, problems };
  }
  for (const property of root.children ?? []) {
    const [key, value] = property.children ?? [];
    if (!key || !value) continue;
    switch (key.value) {
      case '$schema':
        break;
      case 'rules':
        config.rules = rules(value, ruleIds, problems);
        break;
      case 'defaultChallenge':
        config.defaultChallenge = defaultChallenge(value, problems);
        break;
      case 'proxyFiles':
      case 'ignore':
        config[key.value as 'proxyFiles' | 'ignore'] = stringList(value, key.value, problems);
        break;
      default:
        problems.push(problemAt(key, `Unknown setting "${key.value}": expected one of ${KNOWN_KEYS.slice(1).join(', ')}.`));
    }
  }
  return { config, problems };
}

