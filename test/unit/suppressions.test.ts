import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { applyEdits, lint } from '../../server/src/engine';

const handler = (line: string, before = '') => `${before}export function me(req, res) {\n  ${line}\n}\n`;
const rulesOf = (code: string) => lint('a.ts', code).findings.map((f) => f.ruleId);

describe('suppression comments', () => {
  it('disable-line silences the rules it names on its own line, with a reason', () => {
    assert.deepEqual(rulesOf(handler('res.sendStatus(401); // http-auth-lint-disable-line missing-www-authenticate -- the gateway adds it')), []);
    assert.deepEqual(rulesOf(handler('res.sendStatus(401); // http-auth-lint-disable-line invalid-challenge')), ['missing-www-authenticate']);
  });

  it('a file-level block comment silences a rule everywhere in the file', () => {
    const code = handler('res.sendStatus(401);', '/* http-auth-lint-disable missing-www-authenticate -- legacy API, see #12 */\n');
    assert.deepEqual(rulesOf(code), []);
    assert.deepEqual(rulesOf(handler('res.sendStatus(401);', '/* http-auth-lint-disable */\n')), []);
  });

  it('disable-next-line does not reach two lines down', () => {
    const code = `export function me(req, res) {\n  // http-auth-lint-disable-next-line missing-www-authenticate\n\n  res.sendStatus(401);\n}\n`;
    assert.deepEqual(rulesOf(code), ['missing-www-authenticate']);
  });
});

describe('unused suppressions', () => {
  it('reports a directive that suppresses nothing, and its fix removes the comment line', () => {
    const code = `export function me(req, res) {\n  // http-auth-lint-disable-next-line missing-www-authenticate -- old\n  res.sendStatus(403);\n}\n`;
    const [unused, ...more] = lint('a.ts', code).unusedDirectives;
    assert.equal(more.length, 0);
    assert.equal(code.slice(unused.start, unused.end), '// http-auth-lint-disable-next-line missing-www-authenticate -- old');
    assert.match(unused.message, /no problem from missing-www-authenticate/);
    assert.equal(applyEdits(code, unused.fix.edits), `export function me(req, res) {\n  res.sendStatus(403);\n}\n`);
  });

  it('reports only the idle rules of a directive that is partly used, and keeps the others and the reason', () => {
    const code = handler('res.sendStatus(401); // http-auth-lint-disable-line missing-www-authenticate, invalid-challenge -- gateway');
    const [unused] = lint('a.ts', code).unusedDirectives;
    assert.match(unused.message, /no problem from invalid-challenge/);
    const fixed = applyEdits(code, unused.fix.edits);
    assert.ok(fixed.includes('res.sendStatus(401); // http-auth-lint-disable-line missing-www-authenticate -- gateway'), fixed);
    assert.deepEqual(lint('a.ts', fixed).unusedDirectives, []);
    assert.deepEqual(lint('a.ts', fixed).findings, []);
  });

  it('names a rule that does not exist', () => {
    const [unused] = lint('a.ts', handler('res.sendStatus(403); // http-auth-lint-disable-line no-such-rule')).unusedDirectives;
    assert.match(unused.message, /no-such-rule \(no such rule\)/);
    assert.equal(applyEdits(handler('res.sendStatus(403); // http-auth-lint-disable-line no-such-rule'), unused.fix.edits), handler('res.sendStatus(403);'));
  });

  it('reports an unused file-level directive', () => {
    const code = handler('res.sendStatus(403);', '/* http-auth-lint-disable */\n');
    const [unused] = lint('a.ts', code).unusedDirectives;
    assert.match(unused.message, /suppresses no problem/);
    assert.equal(applyEdits(code, unused.fix.edits), handler('res.sendStatus(403);'));
  });

  it('never reports a directive that suppressed something', () => {
    assert.deepEqual(lint('a.ts', handler('res.sendStatus(401); // http-auth-lint-disable-line')).unusedDirectives, []);
  });
});
