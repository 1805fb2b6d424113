// One linted file's findings, positioned in lines and columns: what every formatter reads.
import { lint } from '../engine';
import type { ReportedSeverity, RuleFailure } from '../engine/types';
import { LineIndex } from './positions';

export interface Problem {
  ruleId: string;
  severity: ReportedSeverity;
  message: string;
  /** 1-based, like ESLint's. */
  line: number;
  column: number;
  endLine: number;
  endColumn: number;
}

export interface FileReport {
  /** Absolute. */
  filePath: string;
  problems: Problem[];
  ruleFailures: RuleFailure[];
}

/** ESLint knows two severities: hint and information count as warnings (1), error as 2. */
export function eslintSeverity(severity: ReportedSeverity): 1 | 2 {
  return severity === 'error' ? 2 : 1;
}

export function countBySeverity(problems: readonly Problem[]): { errorCount: number; warningCount: number } {
  const errorCount = problems.filter((problem) => eslintSeverity(problem.severity) === 2).length;
  return { errorCount, warningCount: problems.length - errorCount };
}

export function lintFile(filePath: string, text: string): FileReport {
  const result = lint(filePath, text);
  const lines = new LineIndex(text);
  const problems = result.findings
    .map((finding): Problem => {
      const start = lines.at(finding.start);
      const end = lines.at(finding.end);
      return {
        ruleId: finding.ruleId,
        severity: finding.severity,
        message: finding.message,
        line: start.line,
        column: start.column,
        endLine: end.line,
        endColumn: end.column,
      };
    })
    .sort((a, b) => a.line - b.line || a.column - b.column);
  return { filePath, problems, ruleFailures: result.ruleFailures };
}
