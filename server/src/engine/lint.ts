// Runs the rules over one file: parse (or take a parsed file), build the response model once,
// run every enabled rule in its own try/catch, apply suppressions.
import type * as ts from 'typescript';
import { matchesGlobs } from './globs';
import { buildModel } from './model/build';
import type { FixOutcome } from './model/types';
import { parse, syntaxErrorsOf } from './parse';
import { formatMessage, type Rule } from './rule';
import { RULES } from './rules';
import { Suppressions } from './suppressions';
import { DEFAULT_CHALLENGE, SEVERITIES, type Finding, type Fix, type LintResult, type LintSettings, type ReportedSeverity, type TextRange } from './types';

const RULE_IDS: ReadonlySet<string> = new Set(RULES.map((rule) => rule.id));

function severityOf(rule: Rule, settings: Partial<LintSettings>): ReportedSeverity | 'off' {
  const configured = settings.rules?.[rule.id];
  return configured && SEVERITIES.includes(configured) ? configured : rule.defaultSeverity;
}

/** A fix over code that does not parse would be written against a tree the parser guessed: where a
 * syntax error lies in what the fix touches (or in the finding), the fix waits for valid code. */
function overBrokenCode(outcome: FixOutcome, range: TextRange, errors: readonly TextRange[]): FixOutcome {
  if (errors.length === 0 || 'unavailable' in outcome) return outcome;
  const from = Math.min(range.start, ...outcome.edits.map((edit) => edit.start));
  const to = Math.max(range.end, ...outcome.edits.map((edit) => edit.end));
  const broken = errors.some((error) => error.start <= to && from <= error.end);
  return broken ? { unavailable: 'the code here does not parse yet: fix the syntax error first' } : outcome;
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
  const result: LintResult = { findings: [], syntaxErrors: syntaxErrorsOf(sourceFile), ruleFailures: [], unusedDirectives: [] };
  const resolved: LintSettings = { ...settings, rules: settings.rules ?? {}, defaultChallenge: settings.defaultChallenge || DEFAULT_CHALLENGE };
  const enabled = rules.map((rule) => ({ rule, severity: severityOf(rule, resolved) })).filter(({ severity }) => severity !== 'off');
  if (enabled.length === 0) return result;

  let model;
  try {
    const isProxyFile = matchesGlobs(sourceFile.fileName, resolved.proxyFiles ?? [], resolved.root);
    model = buildModel(sourceFile, { proxyReason: isProxyFile ? 'the file matches httpAuthLint.proxyFiles' : undefined });
  } catch (error) {
    result.ruleFailures.push({ ruleId: 'response-model', error });
    return result;
  }
  const suppressions = new Suppressions(sourceFile.text);
  const checked = new Set<string>();
  for (const { rule, severity } of enabled) {
    const findings: Finding[] = [];
    try {
      rule.check({
        model,
        settings: resolved,
        report: (report) => {
          if (suppressions.suppresses(report.range.start, rule.id)) return;
          findings.push({
            ruleId: rule.id,
            severity: severity as ReportedSeverity,
            message: formatMessage(rule.messages[report.messageId], report.data),
            docsUrl: rule.docsUrl,
            start: report.range.start,
            end: report.range.end,
            related: report.related ?? [],
            fixes: report.fix ? [toFix(report.fix.title, overBrokenCode(report.fix.outcome, report.range, result.syntaxErrors), rule.fixKind === 'safe')] : [],
          });
        },
      });
    } catch (error) {
      // One rule's bug never hides the others' findings.
      result.ruleFailures.push({ ruleId: rule.id, error });
      continue;
    }
    checked.add(rule.id);
    result.findings.push(...findings);
  }
  result.unusedDirectives = suppressions.unused(RULE_IDS, checked);
  result.findings.sort((a, b) => a.start - b.start || a.ruleId.localeCompare(b.ruleId));
  return result;
}
