// Each rule page's examples are run: every invalid block yields exactly one finding of the rule,
// every valid block none. The page's title and summary are the rule's id and description.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { lint, ruleCatalog } from '../../server/src/engine';

const root = join(__dirname, '..', '..', '..');

interface Example {
  language: string;
  kind: 'valid' | 'invalid';
  code: string;
  line: number;
}

function examplesOf(markdown: string): Example[] {
  const examples: Example[] = [];
  const fence = /^```(\w+) (valid|invalid)\n([\s\S]*?)^```$/gm;
  for (let match; (match = fence.exec(markdown)); ) {
    examples.push({ language: match[1], kind: match[2] as Example['kind'], code: match[3], line: markdown.slice(0, match.index).split('\n').length });
  }
  return examples;
}

for (const rule of ruleCatalog) {
  describe(`docs/rules/${rule.id}.md`, () => {
    const page = readFileSync(join(root, 'docs', 'rules', `${rule.id}.md`), 'utf8');

    it('opens with the rule id and its description', () => {
      const [title, , summary] = page.split('\n');
      assert.equal(title, `# ${rule.id}`);
      assert.equal(summary, `> ${rule.description}`);
    });

    it('states the default severity', () => {
      assert.match(page, new RegExp(`^\\| ${rule.defaultSeverity} \\| ${rule.fixKind}`, 'm'));
    });

    const examples = examplesOf(page);
    it('has invalid and valid examples', () => {
      assert.ok(examples.some((e) => e.kind === 'invalid'));
      assert.ok(examples.some((e) => e.kind === 'valid'));
    });

    for (const example of examples) {
      it(`${example.kind} example at line ${example.line}`, () => {
        const result = lint(`example.${example.language}`, example.code);
        assert.deepEqual(result.syntaxErrors, []);
        const count = result.findings.filter((f) => f.ruleId === rule.id).length;
        assert.equal(count, example.kind === 'invalid' ? 1 : 0);
      });
    }
  });
}
