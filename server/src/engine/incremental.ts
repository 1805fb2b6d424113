// Linting an open document again after an edit without analysing again what the edit did not
// change (issue 5). ts.updateSourceFile reuses the nodes an edit does not touch: a top-level
// statement that is the same node as before has the same text. Its findings are kept from the last
// run, moved by the edit's length, as long as the file around it reads the same: the same imports,
// proxy evidence and style, and the statements that changed offer the rest of the file what they
// offered before (statement-exports.ts). Anything else, and the whole file is analysed again; the
// same text read in a project that changed keeps its analysis and is only checked again.
//
// A file read with its project (an open file of an indexed workspace) keeps its statements' findings
// while the project reads the same (the caller's `stamp`, changed whenever another file's summary
// did) and the file's own summary is the same: its project sites (project-model.ts) are read in
// the changed statements only.
//
// The result is the one a fresh lint of the same text gives: tests check it over random edit
// sequences (test/lsp/incremental.test.ts) and over edits that reach other statements on purpose
// (test/unit/incremental.test.ts).
import type ts from 'typescript';
import { finishRun, modelFailed, modelOptions, planRun, runRules, type RawFinding, type RulesOutcome, type RunPlan } from './lint';
import { analyzeFile, modelOf, type FileAnalysis } from './model/build';
import { detectStyle } from './model/syntax/source-style';
import { exportsOf } from './model/statement-exports';
import type { StatementFacts } from './model/statement-walk';
import type { FixOutcome } from './model/types';
import type { Project } from './project/project';
import { readInProject, withProject, type ProjectReading } from './project/project-model';
import type { ProjectContext } from './project/sites';
import { summarize } from './project/summary/summarize';
import { summaryPlaces, summaryReads } from './project/summary/summary-statements';
import { fileMayHandleErrors } from './project/summary/handler-signs';
import type { FileSummary } from './project/summary/types';
import type { Rule } from './rule';
import { RULES } from './rules';
import type { LintResult, LintSettings, TextRange } from './types';

interface KeptStatement {
  facts: StatementFacts;
  exports: string;
  outcome: RulesOutcome;
}

const NOTHING: RulesOutcome = { findings: [], failures: [] };

/** The project a file is read in, as the incremental lint takes it: `stamp` changes whenever what
 * the project offers the file may have changed (another file's summary, the index). */
export interface IncrementalProject {
  context: ProjectContext;
  stamp: number;
}

/** Where a tree came from: the tree it was updated from (ts.updateSourceFile) and the edit. */
export interface TreeOrigin {
  previous: ts.SourceFile;
  change: ts.TextChangeRange;
}

interface LastRun {
  sourceFile: ts.SourceFile;
  settings: Partial<LintSettings>;
  rules: readonly Rule[];
  /** What the file reads the same way in every statement: imports, proxy evidence, style. */
  context: string;
  statements: Map<ts.Statement, KeptStatement>;
  /** The analysis of the whole text: the same text read in a changed project needs no other. */
  analysis: FileAnalysis;
  project: Project | undefined;
  stamp: number | undefined;
}

/** Positions through an edit of this file; a place named by its file (a helper, an error handler,
 * from a summary) stays where it is: in another file the edit moves nothing, and a place in this
 * file's own summary that the edit moves changes the summary, which reads the whole file again. */
function movedHere<T extends TextRange & { file?: string }>(range: T, map: (position: number) => number | undefined): T | undefined {
  return range.file === undefined ? moved(range, map) : range;
}

/** Positions through an edit: those before it stay, those after it move by its length; those in
 * it (or at its ends, where an insertion could go either way) have no place in the new text. */
function positionMap(change: ts.TextChangeRange): (position: number) => number | undefined {
  const start = change.span.start;
  const end = start + change.span.length;
  const delta = change.newLength - change.span.length;
  return (position) => (position < start ? position : position > end ? position + delta : undefined);
}

function moved<T extends TextRange>(range: T, map: (position: number) => number | undefined): T | undefined {
  const start = map(range.start);
  const end = map(range.end);
  return start === undefined || end === undefined ? undefined : { ...range, start, end };
}

function movedFix(outcome: FixOutcome, map: (position: number) => number | undefined): FixOutcome | undefined {
  if ('unavailable' in outcome) return outcome;
  const edits = outcome.edits.map((edit) => movedHere(edit, map));
  return edits.every((edit) => edit !== undefined) ? { edits: edits as typeof outcome.edits } : undefined;
}

function movedFinding(finding: RawFinding, map: (position: number) => number | undefined): RawFinding | undefined {
  const start = map(finding.start);
  const end = map(finding.end);
  if (start === undefined || end === undefined) return undefined;
  const related = finding.related.length === 0 ? finding.related : finding.related.map((location) => movedHere(location, map));
  const outcome = finding.fix && movedFix(finding.fix.outcome, map);
  if (related.some((location) => location === undefined) || (finding.fix && !outcome)) return undefined;
  // Field by field, with the fields lint.ts runRules gives a finding: a spread per finding cost a keystroke in a long file.
  const { ruleId, severity, message, docsUrl, fix } = finding;
  return { ruleId, severity, message, docsUrl, start, end, related: related as RawFinding['related'], fix: fix && { title: fix.title, outcome: outcome!, safe: fix.safe } };
}

/** The findings of a kept statement in the new text, or undefined when one of them cannot be moved. */
function movedOutcome(outcome: RulesOutcome, map: (position: number) => number | undefined): RulesOutcome | undefined {
  const findings: RawFinding[] = [];
  for (const finding of outcome.findings) {
    const found = movedFinding(finding, map);
    if (!found) return undefined;
    findings.push(found);
  }
  return { findings, failures: outcome.failures };
}

function contextOf(analysis: FileAnalysis): string {
  const style = detectStyle(analysis.sourceFile.text);
  return [...analysis.facts.modules, '|', ...analysis.facts.frameworks, '|', analysis.facts.proxyEvidence, '|', style.quote, style.semicolon, style.eol].join('\n');
}

/** The linter of one open document: keeps what its last run found, statement by statement. */
export class IncrementalLint {
  private last: LastRun | undefined;
  /** How the last run went, for the server's statistics and for tests: the statements analysed
   * (the same tree in a changed project analyses none), and whether the summary was made again. */
  lastRun: { statements: number; analyzed: number; summarized: boolean } = { statements: 0, analyzed: 0, summarized: false };
  /** Whether this run made the file's summary again (record). */
  private summarized = false;
  /** The summary the last run recorded in the project, and its text: what it offers other files;
   * and whether it was made from a file that may hold error handlers (then it reads every statement). */
  private recorded: { summary: FileSummary; key: string; handles: boolean } | undefined;
  /** Whether the last run changed what the file offers its project (its summary). */
  summaryChanged = false;

  /** Lints `sourceFile`. When `origin` says it was updated from the tree of the last run, and the
   * settings are the same object (and the project reads the same), only what the edit changed is
   * analysed; the same tree in a project whose stamp moved on keeps its analysis and is checked again. */
  lint(sourceFile: ts.SourceFile, settings: Partial<LintSettings>, origin: TreeOrigin | undefined, rules: readonly Rule[] = RULES, project?: IncrementalProject): LintResult {
    const plan = planRun(settings, rules);
    const last = this.last;
    this.last = undefined;
    this.summaryChanged = false;
    this.summarized = false;
    if (plan.enabled.length === 0) return finishRun(sourceFile, plan, []);
    const reusable =
      origin !== undefined &&
      last !== undefined &&
      last.sourceFile === origin.previous &&
      last.settings === settings &&
      last.rules === rules &&
      last.project === project?.context.project &&
      last.stamp === project?.stamp;
    // The same text and settings, its project changed (a helper it calls now sends its challenge).
    const projectChanged = project !== undefined && last !== undefined && last.sourceFile === sourceFile && last.settings === settings && last.rules === rules && last.project === project.context.project && last.stamp !== project.stamp;
    try {
      if (projectChanged) return this.lintInChangedProject(plan, last, project);
      return (reusable && this.lintChanged(sourceFile, plan, origin.change, last, settings, rules, project)) || this.lintAll(sourceFile, plan, settings, rules, project);
    } catch (error) {
      return modelFailed(sourceFile, error);
    }
  }

  /** Whether an edit left the file's summary as the project has it: the statements walked again
   * are none it is made from, and none it is made from comes after the edit (their positions are
   * in it). Typing in a route of a long file then does not summarize the whole file again. */
  private summaryUntouched(sourceFile: ts.SourceFile, walked: readonly StatementFacts[], change: ts.TextChangeRange, { project, file }: ProjectContext): boolean {
    if (this.recorded === undefined || project.knownSummary(file) !== this.recorded.summary) return false;
    const handles = fileMayHandleErrors(sourceFile);
    // A sign of error handling the edit added or took away: the summary reads the file differently.
    if (handles !== this.recorded.handles) return false;
    if (walked.some((facts) => summaryReads(facts.statement, handles))) return false;
    return sourceFile.statements.every((statement) => statement.end <= change.span.start || !summaryPlaces(statement, handles));
  }

  /** Records the file's summary from `analysis` in its project; false when it differs from the one
   * the project had (what the file offers other files, and its own calls, read differently). */
  private record(analysis: FileAnalysis, { project, file }: ProjectContext): boolean {
    const summary = summarize(analysis);
    this.summarized = true;
    const key = JSON.stringify(summary);
    const handles = fileMayHandleErrors(analysis.sourceFile);
    const known = project.knownSummary(file);
    const before = known === undefined ? undefined : known === this.recorded?.summary ? this.recorded.key : JSON.stringify(known);
    if (key !== before) {
      // Forgotten first: what the project derived from the old summary (its error handlers) goes too.
      project.forgetSummary(file);
      project.setSummary(file, summary);
      this.recorded = { summary, key, handles };
    } else if (known) {
      // The same summary: the project keeps the one it has, and what it derived from it.
      this.recorded = { summary: known, key, handles };
    }
    // A run that falls back to reading the whole file records twice: the first change counts.
    this.summaryChanged ||= key !== before;
    return key === before;
  }

  private lintAll(sourceFile: ts.SourceFile, plan: RunPlan, settings: Partial<LintSettings>, rules: readonly Rule[], project: IncrementalProject | undefined): LintResult {
    const analysis = analyzeFile(sourceFile, modelOptions(sourceFile, plan.settings, project?.context));
    if (project) this.record(analysis, project.context);
    const reading = project && readInProject(analysis, project.context);
    const statements = new Map(analysis.statements.map((facts) => [facts.statement, { facts, exports: exportsOf(facts), outcome: NOTHING }]));
    const outcomes = this.check(analysis, analysis.statements, plan, statements, reading);
    this.last = { sourceFile, settings, rules, context: contextOf(analysis), statements, analysis, project: project?.context.project, stamp: project?.stamp };
    this.lastRun = { statements: analysis.statements.length, analyzed: analysis.statements.length, summarized: this.summarized };
    return finishRun(sourceFile, plan, outcomes);
  }

  /** The run over the text of the last one in its changed project: the file's own analysis (its
   * sites, its summary) holds, and every statement is checked again with what the project says now. */
  private lintInChangedProject(plan: RunPlan, last: LastRun, project: IncrementalProject): LintResult {
    const { analysis } = last;
    const reading = readInProject(analysis, project.context);
    const statements = new Map([...last.statements].map(([statement, entry]) => [statement, { ...entry, outcome: NOTHING }]));
    const outcomes = this.check(analysis, analysis.statements, plan, statements, reading);
    this.last = { ...last, statements, stamp: project.stamp };
    this.lastRun = { statements: analysis.statements.length, analyzed: 0, summarized: false };
    return finishRun(last.sourceFile, plan, outcomes);
  }

  /** The run over a changed file that analyses the changed statements only, or undefined when the
   * change reaches beyond them. */
  private lintChanged(
    sourceFile: ts.SourceFile,
    plan: RunPlan,
    change: ts.TextChangeRange,
    last: LastRun,
    settings: Partial<LintSettings>,
    rules: readonly Rule[],
    project: IncrementalProject | undefined,
  ): LintResult | undefined {
    // A statement is kept when it is the same node as in the last run, its analysis reads nothing
    // outside it, and its findings have a place in the new text.
    const map = positionMap(change);
    const kept = new Map<ts.Statement, KeptStatement>();
    for (const statement of sourceFile.statements) {
      const entry = last.statements.get(statement);
      const outcome = entry && !entry.facts.topLevel && !entry.facts.entangled ? movedOutcome(entry.outcome, map) : undefined;
      if (entry && outcome) kept.set(statement, { ...entry, outcome });
    }
    const analysis = analyzeFile(sourceFile, modelOptions(sourceFile, plan.settings, project?.context), undefined, (statement) => kept.get(statement)?.facts);
    const context = contextOf(analysis);
    if (context !== last.context) return undefined;
    // What the statements walked again offered the rest of the file before, and what they offer now.
    const before = [...last.statements].filter(([statement]) => !kept.has(statement)).map(([, entry]) => entry.exports);
    const walked = analysis.statements.filter((facts) => !kept.has(facts.statement));
    const after = walked.map(exportsOf);
    if (before.join('\n\0') !== after.join('\n\0')) return undefined;
    // What the file offers its project changed: its own calls of it may read differently too.
    if (project && !this.summaryUntouched(sourceFile, walked, change, project.context) && !this.record(analysis, project.context)) return undefined;
    const reading = project && readInProject(analysis, project.context);

    const exports = new Map(walked.map((facts, index) => [facts.statement, after[index]]));
    const statements = new Map(analysis.statements.map((facts) => [facts.statement, kept.get(facts.statement) ?? { facts, exports: exports.get(facts.statement)!, outcome: NOTHING }]));
    const outcomes = [...kept.values()].map((entry) => entry.outcome);
    outcomes.push(...this.check(analysis, walked, plan, statements, reading));
    this.last = { sourceFile, settings, rules, context, statements, analysis, project: project?.context.project, stamp: project?.stamp };
    this.lastRun = { statements: analysis.statements.length, analyzed: walked.length, summarized: this.summarized };
    return finishRun(sourceFile, plan, outcomes);
  }

  /** Runs the rules over each statement's sites (the top-level code of the file together: it
   * shares one scope) and records each outcome with its statement. */
  private check(analysis: FileAnalysis, statements: readonly StatementFacts[], plan: RunPlan, into: Map<ts.Statement, KeptStatement>, reading: ProjectReading | undefined): RulesOutcome[] {
    const groups: StatementFacts[][] = [];
    const topLevel = statements.filter((facts) => facts.topLevel);
    if (topLevel.length > 0) groups.push(topLevel);
    for (const facts of statements) if (!facts.topLevel) groups.push([facts]);
    return groups.map((group) => {
      const model = modelOf(analysis, group);
      const outcome = runRules(reading ? withProject(model, analysis, reading, group) : model, plan);
      // The top-level group is checked again on every run: its outcome is not kept.
      if (group.length === 1 && !group[0].topLevel) into.set(group[0].statement, { ...into.get(group[0].statement)!, outcome });
      return outcome;
    });
  }
}
