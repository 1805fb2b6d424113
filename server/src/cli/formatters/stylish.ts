// Readable output in the manner of ESLint's `stylish`: the file, then per problem an aligned row
// (`line:col  severity  message  rule-id`), the code with the range underlined, and where to read
// more; then a summary. Nothing at all when there is nothing.
import { UNUSED_DIRECTIVE_ID, countAll, type FileReport } from '../report';
import { displayPath } from '../paths';
import { codeFrame, splitLines } from './code-frame';

function plural(count: number, word: string): string {
  return `${count} ${word}${count === 1 ? '' : 's'}`;
}

function table(rows: string[][]): string[] {
  const widths = rows[0]!.map((_, column) => Math.max(...rows.map((row) => row[column]!.length)));
  // The last column (the rule id) is not padded: no trailing spaces.
  return rows.map((row) =>
    row.map((cell, column) => (column === row.length - 1 ? cell : cell.padEnd(widths[column]!))).join('  ').trimEnd(),
  );
}

export function formatStylish(reports: readonly FileReport[], cwd: string): string {
  const out: string[] = [];
  for (const report of reports) {
    if (report.problems.length === 0) {
      continue;
    }
    out.push('', displayPath(report.filePath, cwd));
    const lines = splitLines(report.source);
    const rows = table(
      report.problems.map((problem) => [`  ${problem.line}:${problem.column}`, problem.severity, problem.message, problem.ruleId ?? UNUSED_DIRECTIVE_ID]),
    );
    report.problems.forEach((problem, index) => {
      if (index > 0) out.push('');
      out.push(rows[index]!, ...codeFrame(lines, problem));
      for (const related of problem.related) {
        const where = related.filePath ? `${displayPath(related.filePath, cwd)}:` : '';
        out.push(`    see ${where}${related.line}:${related.column}: ${related.message}`);
      }
      if (problem.docsUrl) out.push(`    docs: ${problem.docsUrl}`);
    });
  }
  const counts = countAll(reports);
  const total = counts.errorCount + counts.warningCount;
  if (total === 0) {
    return '';
  }
  out.push('', `✖ ${plural(total, 'problem')} (${plural(counts.errorCount, 'error')}, ${plural(counts.warningCount, 'warning')})`);
  if (counts.fixableErrorCount + counts.fixableWarningCount > 0) {
    out.push(`  ${plural(counts.fixableErrorCount, 'error')} and ${plural(counts.fixableWarningCount, 'warning')} potentially fixable with the \`--fix\` option.`);
  }
  return `${out.join('\n')}\n\n`;
}
