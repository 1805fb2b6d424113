// GitHub Actions workflow commands: one `::error|warning|notice file=…,line=…::message` per
// problem, which the runner shows as an annotation on the line in the pull request. Values are
// escaped as the runner unescapes them (@actions/core's rules): %, CR and LF everywhere, and also
// `:` and `,` inside properties, where they would end the value.
import { displayPath } from '../paths';
import { UNUSED_DIRECTIVE_ID, type ConfigProblemReport, type FileReport, type Span } from '../report';
import type { ReportedSeverity } from '../../engine';

export function escapeData(text: string): string {
  return text.replace(/%/g, '%25').replace(/\r/g, '%0D').replace(/\n/g, '%0A');
}

export function escapeProperty(text: string): string {
  return escapeData(text).replace(/:/g, '%3A').replace(/,/g, '%2C');
}

const COMMANDS: Record<ReportedSeverity, string> = { error: 'error', warning: 'warning', information: 'notice', hint: 'notice' };

function command(name: string, file: string, span: Span, title: string, message: string): string {
  const properties = [
    ['file', file],
    ['line', span.line],
    ['endLine', span.endLine],
    ['col', span.column],
    ['endColumn', span.endColumn],
    ['title', title],
  ]
    .map(([key, value]) => `${key}=${escapeProperty(String(value))}`)
    .join(',');
  return `::${name} ${properties}::${escapeData(message)}\n`;
}

/** Paths as the runner resolves them: relative to the checkout, where the CLI runs. */
function annotationPath(filePath: string, cwd: string): string {
  return displayPath(filePath, cwd).split('\\').join('/');
}

export function formatGithub(reports: readonly FileReport[], cwd: string, configProblems: readonly ConfigProblemReport[] = []): string {
  let out = '';
  for (const problem of configProblems) {
    out += command('error', annotationPath(problem.filePath, cwd), problem, 'http-auth-lint configuration', problem.message);
  }
  for (const report of reports) {
    const file = annotationPath(report.filePath, cwd);
    for (const problem of report.problems) {
      const message = problem.docsUrl ? `${problem.message}\n${problem.docsUrl}` : problem.message;
      out += command(COMMANDS[problem.severity], file, problem, problem.ruleId ?? UNUSED_DIRECTIVE_ID, message);
    }
  }
  return out;
}
