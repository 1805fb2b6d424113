// The lines of a finding under its row in `stylish`: one line of context before and after, line
// numbers, `>` on the lines of the range and carets under it. Lines are split as LineIndex splits
// them (\r\n, \r, \n), so the numbers are the report's.
import type { Span } from '../report';

const CONTEXT = 1;
/** A range over more lines shows its first and last ones around a `...` line. */
const MAX_RANGE_LINES = 5;
/** Longer lines (minified code) are cut to a window around the range's start. */
const MAX_WIDTH = 160;

export function splitLines(text: string): string[] {
  return text.split(/\r\n|\r|\n/);
}

/** The carets of `line` (1-based) of `span`: [first column, column after the last] (1-based). */
function markedColumns(span: Span, line: number, text: string): [number, number] {
  const firstNonBlank = text.search(/\S/) + 1 || 1;
  const start = line === span.line ? span.column : firstNonBlank;
  const end = line === span.endLine ? span.endColumn : text.length + 1;
  return [start, Math.max(end, start + 1)];
}

export function codeFrame(lines: readonly string[], span: Span): string[] {
  const first = Math.max(1, span.line - CONTEXT);
  // The empty "line" after a final newline is no context worth showing.
  const available = lines.length > 1 && lines[lines.length - 1] === '' ? lines.length - 1 : lines.length;
  const last = Math.max(span.endLine, Math.min(available, span.endLine + CONTEXT));
  let shown = Array.from({ length: last - first + 1 }, (_, i) => first + i);
  if (span.endLine - span.line + 1 > MAX_RANGE_LINES) {
    // The start with its context and two lines of the range, the gap, the end with its context.
    shown = [...shown.filter((n) => n <= span.line + 2), 0, ...shown.filter((n) => n >= span.endLine)];
  }
  // A long line is shown from a little before the range's start column (the same cut for every line).
  const longest = Math.max(...shown.map((n) => (n > 0 ? lines[n - 1]!.length : 0)));
  const offset = longest > MAX_WIDTH ? Math.max(0, span.column - 1 - MAX_WIDTH / 4) : 0;
  const width = String(last).length;
  const out: string[] = [];
  for (const n of shown) {
    if (n === 0) {
      out.push(`    ${' '.repeat(width)} ...`);
      continue;
    }
    const full = lines[n - 1]!;
    const text = full.slice(offset, offset + MAX_WIDTH);
    const more = full.length > offset + MAX_WIDTH ? ' …' : '';
    const marked = n >= span.line && n <= span.endLine;
    const gutter = `  ${marked ? '>' : ' '} ${String(n).padStart(width)} |`;
    out.push(`${gutter} ${text}${more}`.trimEnd());
    if (marked) {
      const [start, end] = markedColumns(span, n, full).map((column) => Math.min(Math.max(column - offset, 1), text.length + 1));
      // Keep the tabs before the range, so the carets line up however wide a tab is shown.
      const spacing = text.slice(0, start - 1).replace(/[^\t]/g, ' ');
      out.push(`    ${' '.repeat(width)} | ${spacing}${'^'.repeat(Math.max(end - start, 1))}`);
    }
  }
  return out;
}
