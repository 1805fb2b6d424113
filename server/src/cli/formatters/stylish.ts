// Readable output in the manner of ESLint's `stylish`: the file, then one aligned row per problem
// (`line:col  severity  message  rule-id`), then a summary. Nothing at all when there is nothing.
import * as path from 'node:path';
import { countBySeverity, type FileReport } from '../report';

function plural(count: number, word: string): string {
  return `${count} ${word}${count === 1 ? '' : 's'}`;
}

function table(rows: string[][]): string[] {
  const widths = rows[0].map((_, column) => Math.max(...rows.map((row) => row[column].length)));
  // The last column (the rule id) is not padded: no trailing spaces.
  return rows.map((row) =>
    row.map((cell, column) => (column === row.length - 1 ? cell : cell.padEnd(widths[column]))).join('  ').trimEnd(),
  );
}

export function formatStylish(reports: readonly FileReport[], cwd: string): string {
  const out: string[] = [];
  let errors = 0;
  let warnings = 0;
  for (const report of reports) {
    if (report.problems.length === 0) {
      continue;
    }
    const counts = countBySeverity(report.problems);
    errors += counts.errorCount;
    warnings += counts.warningCount;
    const relative = path.relative(cwd, report.filePath);
    out.push('', relative.startsWith('..') || path.isAbsolute(relative) ? report.filePath : relative);
    const rows = report.problems.map((problem) => [
      `  ${problem.line}:${problem.column}`,
      problem.severity,
      problem.message,
      problem.ruleId,
    ]);
    out.push(...table(rows));
  }
  if (errors + warnings === 0) {
    return '';
  }
  out.push('', `${plural(errors + warnings, 'problem')} (${plural(errors, 'error')}, ${plural(warnings, 'warning')})`, '');
  return `${out.join('\n')}\n`;
}
