// Runs the rules over one file: parse (or take a parsed file), build the response model once,
// run every enabled rule in its own try/catch, apply suppressions. The steps are exported for the
// incremental lint (incremental.ts), which runs the rules over changed statements only.
import type * as ts from 'typescript';
import { matchesGlobs } from './globs';
import { analyzeFile, modelOf, type FileAnalysis, type ModelOptions } from './model/build';
import type { FixOutcome, ResponseModel } from './model/types';
import { parse, syntaxErrorsOf } from './parse';
import { readInProject, withProject } from './project/project-model';
import type { ProjectContext } from './project/sites';
import { formatMessage, type Rule } from './rule';
import { RULES } from './rules';
import { Suppressions } from './suppressions';
import { DEFAULT_CHALLENGE, SEVERITIES, type Fix, type LintResult, type LintSettings, type RelatedLocation, type ReportedSeverity, type RuleFailure, type TextRange } from './types';

const RULE_IDS: ReadonlySet<string> = new Set(RULES.map((rule) => rule.id));

function severityOf(rule: Rule, settings: Partial<LintSettings>): ReportedSeverity | 'off' {
  const configured = settings.rules?.[rule.id];
  return configured && SEVERITIES.includes(configured) ? configured : rule.defaultSeverity;
}

/** A fix over code that does not parse would be written against a tree the parser guessed: where a
 * syntax error lies in what the fix touches (or in the finding), the fix waits for valid code. */
function overBrokenCode(outcome: FixOutcome, range: TextRange, errors: readonly TextRange[]): FixOutcome {
  if (errors.length === 0 || 'unavailable' in outcome) return outcome;
  // Edits of other files (a handler, a helper) are not written over this file's syntax.
  const local = outcome.edits.filter((edit) => edit.file === undefined);
  const from = Math.min(range.start, ...local.map((edit) => edit.start));
  const to = Math.max(range.end, ...local.map((edit) => edit.end));
  const broken = errors.some((error) => error.start <= to && from <= error.end);
  return broken ? { unavailable: 'the code here does not parse yet: fix the syntax error first' } : outcome;
}

function toFix(title: string, outcome: FixOutcome, safe: boolean): Fix {
  return 'unavailable' in outcome ? { title, edits: [], safe: false, disabledReason: outcome.unavailable } : { title, edits: outcome.edits, safe };
}

export function lint(fileName: string, text: string, settings: Partial<LintSettings> = {}, project?: ProjectContext): LintResult {
  // The project's index may have analyzed this very text for its summary already.
  const analysis = project?.project.takeAnalysis(project.file, text);
  return lintSource(analysis?.sourceFile ?? parse(fileName, text), settings, RULES, project, analysis);
}

/** The settings a run uses and the rules it runs, each at its severity. */
export interface RunPlan {
  settings: LintSettings;
  enabled: { rule: Rule; severity: ReportedSeverity }[];
}

export function planRun(settings: Partial<LintSettings>, rules: readonly Rule[]): RunPlan {
  const resolved: LintSettings = { ...settings, rules: settings.rules ?? {}, defaultChallenge: settings.defaultChallenge || DEFAULT_CHALLENGE };
  const enabled = rules.flatMap((rule) => {
    const severity = severityOf(rule, resolved);
    return severity === 'off' ? [] : [{ rule, severity }];
  });
  return { settings: resolved, enabled };
}

export function modelOptions(sourceFile: ts.SourceFile, settings: Pick<Partial<LintSettings>, 'proxyFiles' | 'root'>, project?: ProjectContext): ModelOptions {
  const isProxyFile = matchesGlobs(sourceFile.fileName, settings.proxyFiles ?? [], settings.root);
  // The project's root, as its summaries read the file (summaries.ts): a summary and a lint agree.
  return { proxyReason: isProxyFile ? 'the file matches httpAuthLint.proxyFiles' : undefined, root: project?.project.root ?? settings.root };
}

/** A finding as a rule reported it, before suppression comments and syntax errors are applied:
 * what the incremental lint keeps for a statement that did not change. */
export interface RawFinding extends TextRange {
  ruleId: string;
  severity: ReportedSeverity;
  message: string;
  docsUrl: string;
  related: RelatedLocation[];
  fix?: { title: string; outcome: FixOutcome; safe: boolean };
}

/** What the rules said about one model: their findings, and the rules that threw. */
export interface RulesOutcome {
  findings: RawFinding[];
  failures: RuleFailure[];
}

export function runRules(model: ResponseModel, plan: RunPlan): RulesOutcome {
  const outcome: RulesOutcome = { findings: [], failures: [] };
  for (const { rule, severity } of plan.enabled) {
    const findings: RawFinding[] = [];
    try {
      rule.check({
        model,
        settings: plan.settings,
        report: (report) => {
          findings.push({
            ruleId: rule.id,
            severity,
            message: formatMessage(rule.messages[report.messageId], report.data),
            docsUrl: rule.docsUrl,
            start: report.range.start,
            end: report.range.end,
            related: report.related ?? [],
            fix: report.fix && { ...report.fix, safe: rule.fixKind === 'safe' },
          });
        },
      });
    } catch (error) {
      // One rule's bug never hides the others' findings.
      outcome.failures.push({ ruleId: rule.id, error });
      continue;
    }
    outcome.findings.push(...findings);
  }
  return outcome;
}

/** The result of a run from the rules' outcomes over parts of the file (one part, or one per
 * statement). A rule that threw on any part reports nothing. What two parts report at the same
 * place is one finding (a const's challenge, checked where each statement uses it, as one run
 * over the whole file reports it once). */
export function finishRun(sourceFile: ts.SourceFile, plan: RunPlan, parts: readonly RulesOutcome[]): LintResult {
  const result: LintResult = { findings: [], syntaxErrors: syntaxErrorsOf(sourceFile), ruleFailures: [], unusedDirectives: [] };
  const failed = new Set<string>();
  for (const part of parts) {
    for (const failure of part.failures) {
      if (!failed.has(failure.ruleId)) result.ruleFailures.push(failure);
      failed.add(failure.ruleId);
    }
  }
  const suppressions = new Suppressions(sourceFile.text);
  const partOf = new Map<string, RulesOutcome>();
  for (const part of parts) {
    for (const finding of part.findings) {
      if (failed.has(finding.ruleId)) continue;
      if (parts.length > 1) {
        const key = `${finding.ruleId}\0${finding.start}\0${finding.end}`;
        const first = partOf.get(key);
        if (first !== undefined && first !== part) continue;
        partOf.set(key, part);
      }
      if (suppressions.suppresses(finding.start, finding.ruleId)) continue;
      // Field by field: an object spread with a rest, per finding, took a millisecond of a keystroke in a long file.
      const { ruleId, severity, message, docsUrl, start, end, related, fix } = finding;
      const fixes = fix ? [toFix(fix.title, overBrokenCode(fix.outcome, finding, result.syntaxErrors), fix.safe)] : [];
      result.findings.push({ ruleId, severity, message, docsUrl, start, end, related, fixes });
    }
  }
  const checked = new Set(plan.enabled.map(({ rule }) => rule.id).filter((id) => !failed.has(id)));
  result.unusedDirectives = suppressions.unused(RULE_IDS, checked);
  result.findings.sort((a, b) => a.start - b.start || a.ruleId.localeCompare(b.ruleId));
  return result;
}

/** The run of a file whose response model could not be built: no rule ran, the shells say why. */
export function modelFailed(sourceFile: ts.SourceFile, error: unknown): LintResult {
  return { findings: [], syntaxErrors: syntaxErrorsOf(sourceFile), ruleFailures: [{ ruleId: 'response-model', error }], unusedDirectives: [] };
}

/** The response model of a file, with the sites of its calls of project code when it is read as
 * part of a project (its own summary is recorded in the project on the way). */
export function projectModel(sourceFile: ts.SourceFile, options: ModelOptions, project?: ProjectContext, analyzed?: FileAnalysis): ResponseModel {
  // An analysis made without a proxy setting is reused only where none applies.
  const analysis = analyzed && options.proxyReason === undefined ? analyzed : analyzeFile(sourceFile, options);
  if (!project) return modelOf(analysis);
  const reading = readInProject(analysis, project);
  return withProject(modelOf(analysis), analysis, reading);
}

/** Lints a parsed file (a shell that keeps ASTs, e.g. for incremental reparsing, calls this).
 * `rules` is for tests of the engine itself; `project` reads the file as part of its project. */
export function lintSource(sourceFile: ts.SourceFile, settings: Partial<LintSettings> = {}, rules: readonly Rule[] = RULES, project?: ProjectContext, analyzed?: FileAnalysis): LintResult {
  const plan = planRun(settings, rules);
  if (plan.enabled.length === 0) return { findings: [], syntaxErrors: syntaxErrorsOf(sourceFile), ruleFailures: [], unusedDirectives: [] };
  let model;
  try {
    model = projectModel(sourceFile, modelOptions(sourceFile, plan.settings, project), project, analyzed);
  } catch (error) {
    return modelFailed(sourceFile, error);
  }
  return finishRun(sourceFile, plan, [runRules(model, plan)]);
}
