// ESLint's `json` formatter shape, so tools that read ESLint reports (CI annotators, code
// scanning converters) read ours: every linted file, with or without messages. An unused
// suppression comment has `ruleId: null`, as ESLint's unused-directive reports; `output` is the
// fixed text after --fix or --fix-dry-run changed the file, as in ESLint.
import { countProblems, eslintSeverity, type FileReport } from '../report';

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
    ...countProblems(report.problems),
    ...(report.output !== undefined ? { output: report.output } : {}),
  }));
  return `${JSON.stringify(results)}\n`;
}
