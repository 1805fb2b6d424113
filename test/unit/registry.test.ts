// One source for each fact about a rule: its id names its file, its test, its page, its setting
// and its docs URL. This fails when a rule lacks one of them or when they disagree.
import assert from 'node:assert/strict';
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { ruleCatalog } from '../../server/src/engine';

const root = join(__dirname, '..', '..', '..');
const manifest = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8'));
const settings = manifest.contributes.configuration.properties;

describe('rule registry', () => {
  it('registers every rule file, and only those', () => {
    const files = readdirSync(join(root, 'server', 'src', 'engine', 'rules'))
      .filter((f) => f !== 'index.ts')
      .map((f) => f.replace(/\.ts$/, ''));
    assert.deepEqual(files.sort(), ruleCatalog.map((r) => r.id).sort());
  });

  for (const rule of ruleCatalog) {
    describe(rule.id, () => {
      it('is kebab-case, with a description that starts with a verb', () => {
        assert.match(rule.id, /^[a-z]+(-[a-z0-9]+)*$/);
        assert.match(rule.description, /^[A-Z][a-z]+ /);
      });
      it('has a test file and a doc page', () => {
        assert.ok(existsSync(join(root, 'test', 'unit', 'rules', `${rule.id}.test.ts`)));
        assert.ok(existsSync(join(root, 'docs', 'rules', `${rule.id}.md`)));
      });
      it("links to its page in the project's repository", () => {
        assert.equal(rule.docsUrl, `${manifest.repository.url}/blob/main/docs/rules/${rule.id}.md`);
      });
      it('has a severity setting with its default and a link to its page', () => {
        const setting = settings[`httpAuthLint.rules.${rule.id}`];
        assert.ok(setting, 'setting missing from package.json contributes');
        assert.equal(setting.default, rule.defaultSeverity);
        assert.deepEqual(setting.enum, ['off', 'hint', 'information', 'warning', 'error']);
        assert.ok(setting.markdownDescription.includes(rule.docsUrl));
      });
      it('is in the README rules table', () => {
        const readme = readFileSync(join(root, 'README.md'), 'utf8');
        assert.ok(readme.includes(`[\`${rule.id}\`](docs/rules/${rule.id}.md)`));
      });
    });
  }

  it('has no severity setting for a rule that does not exist', () => {
    const ids = new Set(ruleCatalog.map((r) => r.id));
    for (const key of Object.keys(settings).filter((k) => k.startsWith('httpAuthLint.rules.'))) {
      assert.ok(ids.has(key.slice('httpAuthLint.rules.'.length)), key);
    }
  });
});
