import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { hoverAt, lint, parse } from '../../server/src/engine';

function hover(code: string, at: string) {
  const sourceFile = parse('a.ts', code);
  return hoverAt(sourceFile, code.indexOf(at) + 1, lint('a.ts', code).findings);
}

describe('hover on a status', () => {
  it('says what a 401 means, what clients do, and which rule reports it here', () => {
    const code = `export function me(req, res) {\n  res.sendStatus(401);\n}\n`;
    const result = hover(code, '401')!;
    assert.equal(code.slice(result.start, result.end), 'res.sendStatus(401)');
    assert.match(result.contents, /^\*\*401 Unauthorized\*\*/);
    assert.match(result.contents, /RFC 9110 §15\.5\.2/);
    assert.match(result.contents, /What clients do/);
    assert.match(result.contents, /\[missing-www-authenticate\]\(https:\/\/.+\/missing-www-authenticate\.md\): This 401 has no WWW-Authenticate/);
  });

  it('names the rules that checked a correct status', () => {
    const code = `export function me(req, res) {\n  if (req.user.role !== 'admin') return res.sendStatus(403);\n}\n`;
    const result = hover(code, '403)')!;
    assert.match(result.contents, /\*\*403 Forbidden\*\*/);
    assert.match(result.contents, /Checked by \[forbidden-for-missing-credentials\]/);
  });

  it('is silent away from a status and on statuses outside 401, 403, 407', () => {
    const code = `export function me(req, res) {\n  const x = 1;\n  res.sendStatus(404);\n}\n`;
    assert.equal(hover(code, 'const x'), undefined);
    assert.equal(hover(code, '404'), undefined);
  });
});
