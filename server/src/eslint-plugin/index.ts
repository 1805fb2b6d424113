// The ESLint plugin, `http-auth-lint/eslint-plugin` (bundled to dist/eslint-plugin.js): the
// engine's rules in ESLint, a thin shell over the engine like the CLI and the language server.
// Flat config: `import httpAuthLint from 'http-auth-lint/eslint-plugin'`, then
// `httpAuthLint.configs.recommended` in eslint.config.js (README, "ESLint").
import type { ESLint, Linter, Rule } from 'eslint';
import { ruleCatalog } from '../engine';
import { packageVersion } from '../cli/version';
import { eslintRule } from './rules';

const PREFIX = 'http-auth-lint';

const rules: Record<string, Rule.RuleModule> = Object.fromEntries(ruleCatalog.map((info) => [info.id, eslintRule(info)]));

const plugin: ESLint.Plugin & { rules: Record<string, Rule.RuleModule>; configs: { recommended: Linter.Config } } = {
  meta: { name: PREFIX, version: packageVersion() },
  rules,
  configs: { recommended: {} },
};

plugin.configs.recommended = {
  name: `${PREFIX}/recommended`,
  plugins: { [PREFIX]: plugin },
  rules: Object.fromEntries(ruleCatalog.map((info) => [`${PREFIX}/${info.id}`, info.defaultSeverity === 'error' ? 'error' : 'warn'])),
};

export = plugin;
