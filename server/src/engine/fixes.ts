import { DISABLE_NEXT_LINE, DISABLE_NEXT_LINE_COMMENT } from './suppressions';
import type { Finding, Fix, TextEdit } from './types';

/** Applies non-overlapping edits (as the LSP requires of one fix) in one pass. */
export function applyEdits(text: string, edits: readonly TextEdit[]): string {
  const sorted = [...edits].sort((a, b) => a.start - b.start || a.end - b.end);
  let result = '';
  let offset = 0;
  for (const edit of sorted) {
    if (edit.start < offset) throw new Error(`overlapping edits at offset ${edit.start}`);
    result += text.slice(offset, edit.start) + edit.newText;
    offset = edit.end;
  }
  return result + text.slice(offset);
}

/** "Disable <rule> for this line": a `// http-auth-lint-disable-next-line <rule>` comment above the
 * finding's line, or the rule added to the comment already there. */
export function disableForLineFix(text: string, finding: Finding): Fix {
  const lineStart = text.lastIndexOf('\n', finding.start - 1) + 1;
  const title = `Disable ${finding.ruleId} for this line`;
  if (lineStart > 0) {
    const previousStart = text.lastIndexOf('\n', lineStart - 2) + 1;
    const previous = text.slice(previousStart, lineStart - 1);
    const match = DISABLE_NEXT_LINE_COMMENT.exec(previous);
    if (match) {
      // Insert after the rule list, before any ` -- reason`.
      const listEnd = previousStart + match[0].indexOf(DISABLE_NEXT_LINE) + DISABLE_NEXT_LINE.length + match[2].length;
      const separator = match[2].trim() ? ', ' : ' ';
      return { title, safe: false, edits: [{ start: listEnd, end: listEnd, newText: `${separator}${finding.ruleId}` }] };
    }
  }
  const indentation = /^[ \t]*/.exec(text.slice(lineStart))![0];
  const eol = text.includes('\r\n') ? '\r\n' : '\n';
  return { title, safe: false, edits: [{ start: lineStart, end: lineStart, newText: `${indentation}// ${DISABLE_NEXT_LINE} ${finding.ruleId}${eol}` }] };
}
