// One engine run per file for all the plugin's rules: the first rule ESLint asks about a file runs
// the engine over the text ESLint has, in the file's project and with its .httpauthlintrc.json
// (defaultChallenge, proxyFiles); the others read that result. Which rules report, and how
// loudly, is ESLint's configuration: the engine runs every rule.
import type { SourceCode } from 'eslint';
import { ConfigCache, resolveSettings } from '../config/project-config';
import { lint, ruleCatalog, type LintResult, type LintSettings } from '../engine';
import { PluginProjects } from './projects';

const results = new WeakMap<SourceCode, LintResult>();
/** How many times the engine ran, for the tests: once per file, whatever the number of rules. */
export const engineRuns = { count: 0 };
const configs = new ConfigCache();
let projects: PluginProjects | undefined;

/** Every rule on: ESLint turns them off and on. */
const ALL_RULES: LintSettings['rules'] = Object.fromEntries(ruleCatalog.map((rule) => [rule.id, rule.defaultSeverity]));

export function engineResult(sourceCode: SourceCode, filename: string, cwd: string): LintResult {
  let result = results.get(sourceCode);
  if (!result) {
    const { settings } = resolveSettings(filename, configs, { fallbackRoot: cwd });
    projects ??= new PluginProjects(cwd);
    // A file ESLint lints from stdin or a virtual path has no project on disk.
    const context = filename.startsWith('/') || /^[A-Za-z]:[\\/]/.test(filename) ? projects.contextOf(filename) : undefined;
    result = lint(filename, sourceCode.text, { ...settings, rules: ALL_RULES }, context);
    engineRuns.count++;
    results.set(sourceCode, result);
  }
  return result;
}
