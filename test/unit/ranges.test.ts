// spansLines answers what comparing TypeScript's line numbers answers, without computing them.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import ts from 'typescript';
import { spansLines } from '../../server/src/engine/model/syntax/ranges';

describe('spansLines', () => {
  it('says two positions are on different lines exactly when TypeScript does, for every line terminator', () => {
    const text = 'a(1,\n  2)\r\nb;\rc\u2028d\u2029e  f';
    const sourceFile = ts.createSourceFile('a.ts', text, ts.ScriptTarget.Latest);
    const line = (position: number) => sourceFile.getLineAndCharacterOfPosition(position).line;
    let differing = 0;
    for (let from = 0; from <= text.length; from++) {
      for (let to = from; to <= text.length; to++) {
        const expected = line(from) !== line(to);
        if (expected) differing++;
        assert.equal(spansLines(text, from, to), expected, `${from}..${to}`);
      }
    }
    assert.ok(differing > 100);
  });
});
