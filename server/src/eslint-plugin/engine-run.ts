// One engine run per file for all the plugin's rules: the first rule ESLint asks about a file runs
// the engine over the text ESLint has, in the file's project and with its .httpauthlintrc.json
// (defaultChallenge, proxyFiles; a file its `ignore` globs match has no findings, as in the CLI and
// the editor); the others read that result. Which rules report, and how
// loudly, is ESLint's configuration: the engine runs every rule.
import * as path from 'node:path';
import type { SourceCode } from 'eslint';
import { ConfigCache, resolveSettings } from '../config/project-config';
import { lint, ruleCatalog, type LintResult, type LintSettings } from '../engine';
import { PluginProjects } from './projects';

const results = new WeakMap<SourceCode, LintResult>();
/** How many times the engine ran, for the tests: once per file, whatever the number of rules. */
export const engineRuns = { count: 0 };
const configs = new ConfigCache();
/** By ESLint's working folder: the folder that holds files in no package (project-roots.ts). */
const projectsByCwd = new Map<string, PluginProjects>();

/** Every rule on: ESLint turns them off and on. */
const ALL_RULES: LintSettings['rules'] = Object.fromEntries(ruleCatalog.map((rule) => [rule.id, rule.defaultSeverity]));

const NOTHING: LintResult = { findings: [], syntaxErrors: [], ruleFailures: [], unusedDirectives: [] };

export function engineResult(sourceCode: SourceCode, filename: string, cwd: string): LintResult {
  let result = results.get(sourceCode);
  if (!result) {
    const { settings, ignored } = resolveSettings(filename, configs, { fallbackRoot: cwd });
    if (ignored) {
      result = NOTHING;
    } else {
      let projects = projectsByCwd.get(cwd);
      if (!projects) projectsByCwd.set(cwd, (projects = new PluginProjects(cwd)));
      // A file ESLint lints from stdin or a virtual path has no project on disk.
      const context = path.isAbsolute(filename) ? projects.contextOf(filename) : undefined;
      result = lint(filename, sourceCode.text, { ...settings, rules: ALL_RULES }, context);
      engineRuns.count++;
    }
    results.set(sourceCode, result);
  }
  return result;
}
