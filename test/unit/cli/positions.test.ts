// Offsets to 1-based lines and columns, on text with each kind of line break (LineIndex has a fast
// path for text without \r).
import assert from 'node:assert/strict';
import * as path from 'node:path';
import { describe, it } from 'node:test';
import { OUT, lineColumn } from './helpers';

type PositionsModule = typeof import('../../../server/src/cli/positions');
// eslint-disable-next-line @typescript-eslint/no-require-imports
const { LineIndex } = require(path.join(OUT, 'server', 'src', 'cli', 'positions.js')) as PositionsModule;

describe('LineIndex', () => {
  for (const [name, text] of [
    ['\\n', 'a\nbc\n\nd\n'],
    ['\\r\\n', 'a\r\nbc\r\n\r\nd\r\n'],
    ['\\r', 'a\rbc\r\rd\r'],
    ['mixed', 'a\r\nbc\n\rd\r\n\n'],
    ['none', 'abc'],
    ['empty', ''],
  ] as const) {
    it(`places every offset of text with ${name} line breaks`, () => {
      const lines = new LineIndex(text);
      for (let offset = 0; offset <= text.length; offset++) {
        // Inside \r\n, the helper's split and the index disagree on nothing but that offset: skip it.
        if (text[offset - 1] === '\r' && text[offset] === '\n') continue;
        assert.deepEqual(lines.at(offset), lineColumn(text, offset), `offset ${offset}`);
      }
    });
  }
});
