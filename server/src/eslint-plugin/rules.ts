// Each engine rule as an ESLint rule: its docs URL, its message, its safe fix as ESLint's `fix`
// (applied by --fix) and its other fixes as suggestions. A fix that edits another file (the
// challenge written into a helper or an error handler) cannot be an ESLint fix: the CLI's --fix
// and the editor make those.
import type { Rule } from 'eslint';
import type { Finding, Fix, RuleInfo } from '../engine';
import { engineResult } from './engine-run';

function inThisFile(fix: Fix, filename: string): boolean {
  return fix.edits.length > 0 && fix.edits.every((edit) => edit.file === undefined || edit.file === filename);
}

function asFixer(fix: Fix): Rule.ReportFixer {
  return (fixer) => fix.edits.map((edit) => fixer.replaceTextRange([edit.start, edit.end], edit.newText));
}

function report(context: Rule.RuleContext, finding: Finding): void {
  const { sourceCode, filename } = context;
  const usable = finding.fixes.filter((fix) => fix.disabledReason === undefined && inThisFile(fix, filename));
  const safe = usable.find((fix) => fix.safe);
  context.report({
    loc: { start: sourceCode.getLocFromIndex(finding.start), end: sourceCode.getLocFromIndex(finding.end) },
    messageId: 'finding',
    data: { message: finding.message },
    fix: safe ? asFixer(safe) : null,
    suggest: usable.filter((fix) => fix !== safe).map((fix) => ({ desc: fix.title, fix: asFixer(fix) })),
  });
}

export function eslintRule(info: RuleInfo): Rule.RuleModule {
  return {
    meta: {
      type: 'problem',
      docs: { description: info.description, url: info.docsUrl, recommended: true },
      // Only the rules whose fixes are safe fix: the others suggest.
      ...(info.fixKind === 'safe' && { fixable: 'code' as const }),
      hasSuggestions: true,
      messages: { finding: '{{ message }}' },
      schema: [],
    },
    create(context) {
      return {
        'Program:exit'() {
          for (const finding of engineResult(context.sourceCode, context.filename, context.cwd).findings) {
            if (finding.ruleId === info.id) report(context, finding);
          }
        },
      };
    },
  };
}
