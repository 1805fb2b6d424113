// ESLint's `json` formatter shape, so tools that read ESLint reports (CI annotators, code
// scanning converters) read ours: every linted file, with or without messages.
import { countBySeverity, eslintSeverity, type FileReport } from '../report';

export function formatJson(reports: readonly FileReport[]): string {
  const results = reports.map((report) => ({
    filePath: report.filePath,
    messages: report.problems.map((problem) => ({
      ruleId: problem.ruleId,
      severity: eslintSeverity(problem.severity),
      message: problem.message,
      line: problem.line,
      column: problem.column,
      endLine: problem.endLine,
      endColumn: problem.endColumn,
    })),
    ...countBySeverity(report.problems),
  }));
  return `${JSON.stringify(results)}\n`;
}
