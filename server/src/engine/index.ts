// The rule engine: text in, findings with fixes out. No editor or protocol import here: the
// language server and the CLI are thin shells over these functions.
import { RULES } from './rules';
import type { ReportedSeverity } from './types';

export { lint, lintSource } from './lint';
export { IncrementalLint, type TreeOrigin } from './incremental';
export { rulesWithFault } from './rules';
export { applyEdits, disableForLineFix } from './fixes';
export { fixAll, minimalEdit, type FixAllOptions, type FixAllResult, type LintText } from './fix-all';
export { docsUrlFor } from './docs';
export { hoverAt, type StatusHover } from './hover';
export { isLintableFile, loadCompiler, parse } from './parse';
export { matchesGlobs } from './globs';
export { CONFIG_FILE_NAME, parseConfig, type ConfigProblem, type ProjectConfig } from './config';
export * from './types';
export type { ProjectHost } from './project/host';
export { CachedHost } from './project/host';
export { Project } from './project/project';
export { readsFrom } from './project/dependents';
export { isTestFile } from './model/test-code';
export { createProject, summarizeText } from './project/summaries';
export type { ProjectContext } from './project/sites';
export type { FileSummary } from './project/summary/types';

export interface RuleInfo {
  id: string;
  description: string;
  defaultSeverity: ReportedSeverity;
  fixKind: 'safe' | 'suggestion';
  docsUrl: string;
}

export const ruleCatalog: readonly RuleInfo[] = RULES.map(({ id, description, defaultSeverity, fixKind, docsUrl }) => ({
  id,
  description,
  defaultSeverity,
  fixKind,
  docsUrl,
}));
