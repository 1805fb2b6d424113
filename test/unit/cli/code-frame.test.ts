// The code frame under each stylish row: context, marked lines, carets, tabs, long ranges and lines.
import assert from 'node:assert/strict';
import * as path from 'node:path';
import { describe, it } from 'node:test';
import { OUT, positionOf } from './helpers';

type FrameModule = typeof import('../../../server/src/cli/formatters/code-frame');
// eslint-disable-next-line @typescript-eslint/no-require-imports
const { codeFrame, splitLines } = require(path.join(OUT, 'server', 'src', 'cli', 'formatters', 'code-frame.js')) as FrameModule;

function frame(text: string, needle: string): string[] {
  return codeFrame(splitLines(text), positionOf(text, needle));
}

describe('code frame', () => {
  it('marks a range on one line between a line of context on each side', () => {
    const text = 'one\ntwo = res.status(401);\nthree\nfour\n';
    assert.deepEqual(frame(text, 'res.status(401)'), ['    1 | one', '  > 2 | two = res.status(401);', '      |       ^^^^^^^^^^^^^^^', '    3 | three']);
  });

  it('has no context line before the first line, and pads the numbers to the widest', () => {
    const text = `${'x\n'.repeat(8)}res.status(401)\nten\n`;
    assert.deepEqual(frame(text, 'res.status(401)'), ['     8 | x', '  >  9 | res.status(401)', '       | ^^^^^^^^^^^^^^^', '    10 | ten']);
    assert.deepEqual(frame('res.status(401)', 'status'), ['  > 1 | res.status(401)', '      |     ^^^^^^']);
  });

  it('keeps tabs before the carets so they line up', () => {
    const text = 'a\n\t\tres.status(401)\nb';
    assert.equal(frame(text, 'status')[2], '      | \t\t    ^^^^^^');
  });

  it('marks every line of a range over several lines, from the first non-blank character', () => {
    const text = 'before\n  res.status(401)\n    .json({\n      error: 1 });\nafter\n';
    assert.deepEqual(frame(text, 'status(401)\n    .json({\n      error: 1 })'), [
      '    1 | before',
      '  > 2 |   res.status(401)',
      '      |       ^^^^^^^^^^^',
      '  > 3 |     .json({',
      '      |     ^^^^^^^',
      '  > 4 |       error: 1 });',
      '      |       ^^^^^^^^^^^',
      '    5 | after',
    ]);
  });

  it('shortens a range over many lines to its start and end', () => {
    const body = Array.from({ length: 10 }, (_, i) => `  line${i + 1},`).join('\n');
    const text = `x\nstart([\n${body}\n]);\ny\n`;
    const lines = frame(text, `start([\n${body}\n])`);
    assert.deepEqual(lines.slice(0, 3), ['     1 | x', '  >  2 | start([', '       | ^^^^^^^']);
    // The gap, where the `|` would be.
    assert.ok(lines.includes('       ...'), lines.join('\n'));
    assert.deepEqual(lines.slice(-3), ['  > 13 | ]);', '       | ^^', '    14 | y']);
    assert.ok(lines.length <= 12, lines.join('\n'));
  });

  it('marks an empty range with one caret', () => {
    const text = 'abc\n';
    assert.deepEqual(codeFrame(splitLines(text), { line: 1, column: 2, endLine: 1, endColumn: 2 }), ['  > 1 | abc', '      |  ^']);
  });

  it('cuts a long (minified) line to a window around the range', () => {
    const text = `${'a'.repeat(500)}res.status(401)${'b'.repeat(500)}`;
    const [marked, carets] = frame(text, 'res.status(401)');
    assert.ok(marked!.length < 200, marked);
    assert.ok(marked!.endsWith(' …'));
    const shown = marked!.indexOf('res.status(401)');
    assert.ok(shown > 0);
    assert.equal(carets!.indexOf('^'), shown);
    assert.equal(carets!.trim().replace(/^\|\s*/, ''), '^'.repeat('res.status(401)'.length));
  });

  it('splits lines at \\r\\n, \\r and \\n only', () => {
    assert.deepEqual(splitLines('a\r\nb\rc\nd\u2028e'), ['a', 'b', 'c', 'd\u2028e']);
  });
});
