// Suppression comments, each with an optional reason after `--` for the people who read it:
//   // http-auth-lint-disable-next-line rule-a, rule-b -- reason    (the next line)
//   code(); // http-auth-lint-disable-line rule-a -- reason          (this line)
//   /* http-auth-lint-disable rule-a -- reason */                     (the whole file)
// Naming no rule disables every rule. A directive that suppresses nothing is reported, so that
// suppressions do not outlive the code they were written for.
import type { Fix, TextRange, UnusedDirective } from './types';

export const DISABLE_NEXT_LINE = 'http-auth-lint-disable-next-line';

/** Groups: 1 indentation, 2 the rule list, 3 the ` -- reason` part. */
export const DISABLE_NEXT_LINE_COMMENT = /^([ \t]*)\/\/[ \t]*http-auth-lint-disable-next-line\b([^\n]*?)([ \t]+--[^\n]*)?[ \t]*\r?$/;

const LINE_DIRECTIVE = /\/\/[ \t]*(http-auth-lint-disable-(?:next-)?line)\b([^\n]*?)(?:[ \t]+--[^\n]*)?[ \t]*\r?$/gm;
const FILE_DIRECTIVE = /\/\*\s*(http-auth-lint-disable)\b(?!-)([\s\S]*?)(?:\s+--[\s\S]*?)?\s*\*\//g;

export function ruleList(list: string): string[] {
  return list.split(/[\s,]+/).filter(Boolean);
}

interface Directive extends TextRange {
  kind: string;
  /** Where the rule list is, to rewrite it. */
  list: TextRange;
  /** The 0-based line it covers, or undefined for the whole file. */
  line: number | undefined;
  /** Named rules; empty: all. */
  rules: string[];
  used: Set<string>;
}

function lineAt(text: string, offset: number): number {
  let line = 0;
  for (let i = text.indexOf('\n'); i !== -1 && i < offset; i = text.indexOf('\n', i + 1)) line++;
  return line;
}

/** Lines as the comments count them: by `\n` only. TypeScript also breaks lines at a lone `\r`
 * and at U+2028/U+2029; a suppression must count the way its own comment does. */
class LfLines {
  private starts: number[] | undefined;

  constructor(private readonly text: string) {}

  lineOf(offset: number): number {
    if (!this.starts) {
      this.starts = [0];
      for (let i = this.text.indexOf('\n'); i !== -1; i = this.text.indexOf('\n', i + 1)) this.starts.push(i + 1);
    }
    let low = 0;
    let high = this.starts.length - 1;
    while (low < high) {
      const middle = (low + high + 1) >> 1;
      if (this.starts[middle] <= offset) low = middle;
      else high = middle - 1;
    }
    return low;
  }
}

export class Suppressions {
  private readonly directives: Directive[] = [];

  constructor(private readonly text: string) {
    this.lines = new LfLines(text);
    if (!text.includes('http-auth-lint-disable')) return;
    for (const match of text.matchAll(LINE_DIRECTIVE)) {
      const line = lineAt(text, match.index);
      this.add(match, match[1] === DISABLE_NEXT_LINE ? line + 1 : line);
    }
    for (const match of text.matchAll(FILE_DIRECTIVE)) this.add(match, undefined);
  }

  private add(match: RegExpMatchArray, line: number | undefined): void {
    const start = match.index!;
    const listStart = start + match[0].indexOf(match[1]) + match[1].length;
    const list = { start: listStart, end: listStart + match[2].length };
    this.directives.push({ kind: match[1], list, line, rules: ruleList(match[2]), used: new Set(), start, end: start + match[0].trimEnd().length });
  }

  private readonly lines: LfLines;

  /** Whether a finding of `ruleId` starting at `offset` is suppressed; the directive counts as used. */
  suppresses(offset: number, ruleId: string): boolean {
    if (this.directives.length === 0) return false;
    const line = this.lines.lineOf(offset);
    const directive = this.directives.find((d) => (d.line === undefined || d.line === line) && (d.rules.length === 0 || d.rules.includes(ruleId)));
    directive?.used.add(ruleId);
    return directive !== undefined;
  }

  /** Directives (or rules named in them) that suppressed nothing. Only `checkedRules` can tell (a
   * rule that failed did not look); a name outside `knownRules` never suppresses anything. */
  unused(knownRules: ReadonlySet<string>, checkedRules: ReadonlySet<string>): UnusedDirective[] {
    const unused: UnusedDirective[] = [];
    for (const directive of this.directives) {
      if (directive.rules.length === 0) {
        if (directive.used.size === 0) unused.push(this.report(directive, `Unused ${directive.kind} directive: it suppresses no problem.`, []));
        continue;
      }
      const idle = directive.rules.filter((rule) => !directive.used.has(rule) && (checkedRules.has(rule) || !knownRules.has(rule)));
      if (idle.length === 0) continue;
      const names = idle.map((rule) => (knownRules.has(rule) ? rule : `${rule} (no such rule)`)).join(', ');
      const keep = directive.rules.filter((rule) => !idle.includes(rule));
      unused.push(this.report(directive, `Unused ${directive.kind} directive: no problem from ${names} to suppress.`, keep));
    }
    return unused;
  }

  /** The report and its fix: drop the idle rules, or the whole comment when none is left. */
  private report(directive: Directive, message: string, keep: string[]): UnusedDirective {
    const edit = keep.length > 0 ? { ...directive.list, newText: ` ${keep.join(', ')}` } : this.removal(directive);
    const fix: Fix = { title: 'Remove the unused suppression', safe: true, edits: [edit] };
    return { start: directive.start, end: directive.end, message, fix };
  }

  /** The comment, with its line when it stands alone there, or with the spaces before it. */
  private removal(directive: Directive): { start: number; end: number; newText: string } {
    const lineStart = this.text.lastIndexOf('\n', directive.start - 1) + 1;
    const newline = this.text.indexOf('\n', directive.end);
    const lineEnd = newline === -1 ? this.text.length : newline;
    const before = this.text.slice(lineStart, directive.start);
    if (/^[ \t]*$/.test(before) && /^[ \t]*\r?$/.test(this.text.slice(directive.end, lineEnd))) {
      return { start: lineStart, end: newline === -1 ? lineEnd : newline + 1, newText: '' };
    }
    const spaces = /[ \t]*$/.exec(before)![0].length;
    return { start: directive.start - spaces, end: directive.end, newText: '' };
  }
}
