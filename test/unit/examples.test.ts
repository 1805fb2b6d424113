// The bundled examples show exactly the findings marked beside their lines (`expect: <rule>, ...`).
import assert from 'node:assert/strict';
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { isLintableFile, lint } from '../../server/src/engine';

const examples = join(__dirname, '..', '..', '..', 'examples');

function expectedFindings(text: string): string[] {
  return text.split('\n').flatMap((line, index) => {
    const match = /expect: ([\w-]+(?:, [\w-]+)*)\s*$/.exec(line);
    return match ? match[1].split(', ').map((rule) => `${index + 1} ${rule}`) : [];
  });
}

describe('examples/', () => {
  const files = readdirSync(examples).filter(isLintableFile);
  it('holds examples', () => assert.ok(files.length >= 3));
  for (const file of files) {
    it(`${file} shows the findings it marks, and no others`, () => {
      const text = readFileSync(join(examples, file), 'utf8');
      const result = lint(file, text);
      assert.deepEqual(result.syntaxErrors, []);
      const actual = result.findings.map((f) => `${text.slice(0, f.start).split('\n').length} ${f.ruleId}`);
      assert.deepEqual(actual.sort(), expectedFindings(text).sort());
    });
  }
});
