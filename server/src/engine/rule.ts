import { docsUrlFor } from './docs';
import type { FixOutcome, ResponseModel } from './model/types';
import type { LintSettings, RelatedLocation, Severity, TextEdit, TextRange } from './types';

/** One fix made of several parts: all their edits, or the first reason one part cannot be made. */
export function allOf(...outcomes: FixOutcome[]): FixOutcome {
  const edits: TextEdit[] = [];
  for (const outcome of outcomes) {
    if ('unavailable' in outcome) return outcome;
    edits.push(...outcome.edits);
  }
  return { edits };
}

export interface RuleReport {
  range: TextRange;
  messageId: string;
  /** Values for the `{{name}}` placeholders of the message. */
  data?: Record<string, string>;
  related?: RelatedLocation[];
  fix?: { title: string; outcome: FixOutcome };
}

export interface RuleContext {
  model: ResponseModel;
  settings: LintSettings;
  report(report: RuleReport): void;
}

export interface RuleDefinition {
  /** kebab-case; the file name, the doc page and the setting name derive from it. */
  id: string;
  /** One line, starting with a verb. */
  description: string;
  defaultSeverity: Exclude<Severity, 'off'>;
  /** `safe` fixes are applied in bulk (fix-all); `suggestion` fixes change behaviour and are offered one by one. */
  fixKind: 'safe' | 'suggestion';
  /** What is wrong, why it matters, what to do: read inline in the editor, so short. */
  messages: Record<string, string>;
  check(context: RuleContext): void;
}

export interface Rule extends RuleDefinition {
  docsUrl: string;
}

export function defineRule(definition: RuleDefinition): Rule {
  return { ...definition, docsUrl: docsUrlFor(definition.id) };
}

/** Fills `{{name}}` placeholders; an unknown placeholder is a bug in the rule, so it throws. */
export function formatMessage(template: string, data: Record<string, string> = {}): string {
  return template.replace(/\{\{\s*(\w+)\s*\}\}/g, (_match, name: string) => {
    if (!(name in data)) throw new Error(`message placeholder {{${name}}} has no value`);
    return data[name];
  });
}
