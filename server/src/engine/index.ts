// The rule engine: text in, findings with fixes out. No editor or protocol import here: the
// language server and the CLI are thin shells over these functions.
import type * as ts from 'typescript';
import { buildModel } from './model/build';
import { parse, syntaxErrorsOf } from './parse';
import { matchesProxyFiles } from './proxy-files';
import { formatMessage, type Rule } from './rule';
import { RULES } from './rules';
import { isSuppressed, parseSuppressions } from './suppressions';
import type { FixOutcome } from './model/types';
import { DEFAULT_CHALLENGE, SEVERITIES, type Finding, type Fix, type LintResult, type LintSettings, type ReportedSeverity } from './types';

export { applyEdits, disableForLineFix } from './fixes';
export { docsUrlFor } from './docs';
export { isLintableFile, parse } from './parse';
export * from './types';

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

function severityOf(rule: Rule, settings: Partial<LintSettings>): ReportedSeverity | 'off' {
  const configured = settings.rules?.[rule.id];
  return configured && SEVERITIES.includes(configured) ? configured : rule.defaultSeverity;
}

function toFix(title: string, outcome: FixOutcome, safe: boolean): Fix {
  return 'unavailable' in outcome ? { title, edits: [], safe: false, disabledReason: outcome.unavailable } : { title, edits: outcome.edits, safe };
}

export function lint(fileName: string, text: string, settings: Partial<LintSettings> = {}): LintResult {
  return lintSource(parse(fileName, text), settings);
}

/** Lints a parsed file (a shell that keeps ASTs, e.g. for incremental reparsing, calls this).
 * `rules` is for tests of the engine itself. */
export function lintSource(sourceFile: ts.SourceFile, settings: Partial<LintSettings> = {}, rules: readonly Rule[] = RULES): LintResult {
  const result: LintResult = { findings: [], syntaxErrors: syntaxErrorsOf(sourceFile), ruleFailures: [] };
  const resolved: LintSettings = { ...settings, rules: settings.rules ?? {}, defaultChallenge: settings.defaultChallenge || DEFAULT_CHALLENGE };
  const enabled = rules.map((rule) => ({ rule, severity: severityOf(rule, resolved) })).filter(({ severity }) => severity !== 'off');
  if (enabled.length === 0) return result;

  let model;
  try {
    const isProxyFile = matchesProxyFiles(sourceFile.fileName, resolved.proxyFiles ?? [], resolved.root);
    model = buildModel(sourceFile, { proxyReason: isProxyFile ? 'the file matches httpAuthLint.proxyFiles' : undefined });
  } catch (error) {
    result.ruleFailures.push({ ruleId: 'response-model', error });
    return result;
  }
  const suppressions = parseSuppressions(sourceFile.text);
  for (const { rule, severity } of enabled) {
    const findings: Finding[] = [];
    try {
      rule.check({
        model,
        settings: resolved,
        report: (report) => {
          const line = sourceFile.getLineAndCharacterOfPosition(report.range.start).line;
          if (isSuppressed(suppressions, line, rule.id)) return;
          findings.push({
            ruleId: rule.id,
            severity: severity as ReportedSeverity,
            message: formatMessage(rule.messages[report.messageId], report.data),
            docsUrl: rule.docsUrl,
            start: report.range.start,
            end: report.range.end,
            related: report.related ?? [],
            fixes: report.fix ? [toFix(report.fix.title, report.fix.outcome, rule.fixKind === 'safe')] : [],
          });
        },
      });
    } catch (error) {
      // One rule's bug never hides the others' findings.
      result.ruleFailures.push({ ruleId: rule.id, error });
      continue;
    }
    result.findings.push(...findings);
  }
  result.findings.sort((a, b) => a.start - b.start || a.ruleId.localeCompare(b.ruleId));
  return result;
}
