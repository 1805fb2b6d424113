// Writing code that looks like the file it goes into: its quotes, semicolons, line endings and
// indentation. Fixes call these; they never format anything beyond the text they add.
import ts from 'typescript';
import type { TextEdit } from '../../types';
import { spansLines } from './ranges';

export interface SourceStyle {
  quote: "'" | '"';
  semicolon: ';' | '';
  eol: '\n' | '\r\n';
}

/** A string literal in the file's quote, switching quotes rather than escaping where the value
 * holds the preferred one (as Prettier does): `'Bearer realm="api"'`, never `"Bearer realm=\"api\""`. */
export function stringLiteral(value: string, style: SourceStyle): string {
  const other = style.quote === "'" ? '"' : "'";
  const quote = value.includes(style.quote) && !value.includes(other) ? other : style.quote;
  const escaped = value.replace(/\\/g, '\\\\').replace(new RegExp(quote, 'g'), `\\${quote}`).replace(/\r/g, '\\r').replace(/\n/g, '\\n');
  return quote + escaped + quote;
}

/** The leading whitespace of the line on which `position` lies. */
export function indentationAt(text: string, position: number): string {
  const lineStart = text.lastIndexOf('\n', position - 1) + 1;
  return /^[ \t]*/.exec(text.slice(lineStart))![0];
}

/** Adds `statement` on its own line after `anchor`, at its indentation. */
export function insertStatementAfter(anchor: ts.Statement, statement: string, style: SourceStyle): TextEdit {
  const text = anchor.getSourceFile().text;
  const indent = indentationAt(text, anchor.getStart());
  return { start: anchor.end, end: anchor.end, newText: `${style.eol}${indent}${statement}${style.semicolon}` };
}

/** Adds `statement` on its own line before `anchor`, at its indentation. */
/** Adds `statement` on its own line before `anchor`, at its indentation, and above the comments
 * on the lines just before it: a `// http-auth-lint-disable-next-line` there must stay on the line
 * above the statement it was written for. */
export function insertStatementBefore(anchor: ts.Statement, statement: string, style: SourceStyle): TextEdit {
  const text = anchor.getSourceFile().text;
  const comments = ts.getLeadingCommentRanges(text, anchor.getFullStart()) ?? [];
  // Only comments on their own lines, the last run of them right above the statement.
  let start = anchor.getStart();
  for (const comment of [...comments].reverse()) {
    const between = text.slice(comment.end, start);
    const lineStart = text.lastIndexOf('\n', comment.pos - 1) + 1;
    if (!/^[ \t]*\r?\n[ \t]*$/.test(between) || !/^[ \t]*$/.test(text.slice(lineStart, comment.pos))) break;
    start = comment.pos;
  }
  return { start, end: start, newText: `${statement}${style.semicolon}${style.eol}${indentationAt(text, start)}` };
}

/** Appends `item` to an object or array literal, on a new line when its items already sit on their own lines. */
export function appendToLiteral(literal: ts.ObjectLiteralExpression | ts.ArrayLiteralExpression, item: string, style: SourceStyle): TextEdit {
  const items: ts.NodeArray<ts.Node> = ts.isObjectLiteralExpression(literal) ? literal.properties : literal.elements;
  if (items.length === 0) {
    const [open, close] = ts.isObjectLiteralExpression(literal) ? ['{ ', ' }'] : ['[', ']'];
    return { start: literal.getStart(), end: literal.end, newText: `${open}${item}${close}` };
  }
  const last = items[items.length - 1];
  return { start: last.end, end: last.end, newText: `${listSeparator(literal, last, style)}${item}` };
}

/** What goes before an item appended after `last` in the list `list` (`{ a, b }`, `[a, b]`): a comma
 * and a new line at `last`'s indentation when the items sit on lines of their own, else `, `. */
export function listSeparator(list: ts.Node, last: ts.Node, style: SourceStyle): string {
  const text = list.getSourceFile().text;
  return spansLines(text, list.getStart(), last.getStart()) ? `,${style.eol}${indentationAt(text, last.getStart())}` : ', ';
}

const STYLE_SAMPLE = 8192;

/** How many string literals of each quote `text` has before `end`: a quote, then no line break
 * before the same quote (escapes skipped). A quote that closes nothing (an apostrophe in a comment)
 * counts nothing. */
function countQuotes(text: string, end: number): { single: number; double: number } {
  let single = 0;
  let double = 0;
  // The next quote of each kind, found with indexOf (far faster than reading every character).
  let nextSingle = text.indexOf("'");
  let nextDouble = text.indexOf('"');
  for (let i = 0; ; ) {
    if (nextSingle !== -1 && nextSingle < i) nextSingle = text.indexOf("'", i);
    if (nextDouble !== -1 && nextDouble < i) nextDouble = text.indexOf('"', i);
    const at = nextSingle === -1 ? nextDouble : nextDouble === -1 ? nextSingle : Math.min(nextSingle, nextDouble);
    if (at === -1 || at >= end) break;
    const quote = text.charCodeAt(at);
    i = at + 1;
    for (let j = at + 1; j < end; j++) {
      const c = text.charCodeAt(j);
      if (c === 10 /* \n */ || (c === 92 /* \ */ && (j + 1 >= end || text.charCodeAt(j + 1) === 10))) break;
      if (c === 92) j++;
      else if (c === quote) {
        if (quote === 39) single++;
        else double++;
        i = j + 1;
        break;
      }
    }
  }
  return { single, double };
}

/** Whether a line ending in this character ends a statement that could take a semicolon. */
function endsAStatement(c: number): boolean {
  return (
    c === 59 /* ; */ || c === 41 /* ) */ || c === 93 /* ] */ || c === 39 || c === 34 || c === 96 /* ` */ || c === 95 /* _ */ ||
    (c >= 48 && c <= 57) || (c >= 65 && c <= 90) || (c >= 97 && c <= 122)
  );
}

/** The style of a file, read off its text (a scan costs far less than counting over the AST):
 * the quote most of its string literals use, whether its statements end with semicolons. */
export function detectStyle(text: string): SourceStyle {
  // The first lines tell the style as well as the whole file does, at a fraction of the cost. (An
  // end index, not a slice: reading a sliced string costs more per character.)
  const end = text.length > STYLE_SAMPLE ? text.indexOf('\n', STYLE_SAMPLE) + 1 || text.length : text.length;
  const { single, double } = countQuotes(text, end);
  let withSemicolon = 0;
  let without = 0;
  for (let lineEnd = 0; lineEnd !== -1 && lineEnd <= end; ) {
    const found = text.indexOf('\n', lineEnd);
    const next = found === -1 || found >= end ? -1 : found;
    let last = (next === -1 ? end : next) - 1;
    if (text.charCodeAt(last) === 13 /* \r */) last--;
    while (last >= lineEnd && (text.charCodeAt(last) === 32 || text.charCodeAt(last) === 9)) last--;
    const c = last >= lineEnd ? text.charCodeAt(last) : -1;
    if (c === 59) withSemicolon++;
    else if (c !== -1 && endsAStatement(c)) without++;
    lineEnd = next === -1 ? -1 : next + 1;
  }
  return {
    quote: double > single ? '"' : "'",
    // Lines ending in `)` or a name also end expressions that continue on the next line: a file
    // with semicolons has many of those too, so a few semicolons are enough to call it that.
    semicolon: withSemicolon * 3 < without ? '' : ';',
    eol: text.includes('\r\n') ? '\r\n' : '\n',
  };
}

/** Removes a statement; when it stands alone on its lines, the lines go too. */
export function removeStatement(statement: ts.Statement): TextEdit {
  const text = statement.getSourceFile().text;
  const start = statement.getStart();
  const lineStart = text.lastIndexOf('\n', start - 1) + 1;
  const lineEnd = text.indexOf('\n', statement.end);
  const alone = /^[ \t]*$/.test(text.slice(lineStart, start)) && /^[ \t]*\r?$/.test(text.slice(statement.end, lineEnd === -1 ? text.length : lineEnd));
  if (!alone) return { start, end: statement.end, newText: '' };
  return { start: lineStart, end: lineEnd === -1 ? text.length : lineEnd + 1, newText: '' };
}

/** The style of a file, read only when a fix first needs it: most files have nothing to fix.
 * A class, so that its getters live on one shared prototype (see StatusSetter.ownHeaders). */
class LazyStyle implements SourceStyle {
  private style: SourceStyle | undefined;

  constructor(private readonly text: string) {}

  private read(): SourceStyle {
    return (this.style ??= detectStyle(this.text));
  }

  get quote() {
    return this.read().quote;
  }

  get semicolon() {
    return this.read().semicolon;
  }

  get eol() {
    return this.read().eol;
  }
}

export function lazyStyle(text: string): SourceStyle {
  return new LazyStyle(text);
}
