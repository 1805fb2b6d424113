// `// http-auth-lint-disable-next-line rule-a, rule-b -- reason`: the rules named (all of them when
// none is named) are not reported on the next line. The text after `--` is the reason, for people.

export const DISABLE_NEXT_LINE = 'http-auth-lint-disable-next-line';

/** Groups: 1 indentation, 2 the rule list, 3 the ` -- reason` part. */
export const DISABLE_NEXT_LINE_COMMENT = /^([ \t]*)\/\/[ \t]*http-auth-lint-disable-next-line\b([^\n]*?)([ \t]+--[^\n]*)?[ \t]*\r?$/;

export function ruleList(list: string): string[] {
  return list.split(/[\s,]+/).filter(Boolean);
}

/** For each 0-based line that a comment disables, the rules disabled there (empty: all). */
export function parseSuppressions(text: string): Map<number, string[]> {
  const disabled = new Map<number, string[]>();
  if (!text.includes(DISABLE_NEXT_LINE)) return disabled;
  text.split('\n').forEach((line, index) => {
    const match = DISABLE_NEXT_LINE_COMMENT.exec(line);
    if (match) disabled.set(index + 1, ruleList(match[2]));
  });
  return disabled;
}

export function isSuppressed(disabled: Map<number, string[]>, line: number, ruleId: string): boolean {
  const rules = disabled.get(line);
  return rules !== undefined && (rules.length === 0 || rules.includes(ruleId));
}
