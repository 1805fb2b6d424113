import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { applyEdits, fixAll, lint, minimalEdit } from '../../server/src/engine';

const app = `import express from 'express';
const app = express();
app.get('/a', (req, res) => res.sendStatus(401));
app.get('/b', (req, res) => {
  if (req.user.role !== 'admin') return res.status(401).json({ error: 'admins only' });
  res.status(401).end(); // http-auth-lint-disable-line invalid-challenge
});
`;

describe('fix all', () => {
  it('applies every safe fix, and leaves the suggestions', () => {
    const { output, fixed } = fixAll('a.ts', app);
    const left = lint('a.ts', output);
    assert.deepEqual(left.findings.map((f) => f.ruleId), ['unauthorized-for-permission'], output);
    assert.equal(left.findings[0].fixes[0].safe, false);
    assert.ok(output.includes(`res.set('WWW-Authenticate', 'Bearer realm="api"').sendStatus(401)`));
    // three missing challenges and one unused suppression
    assert.equal(fixed, 4);
    assert.deepEqual(left.unusedDirectives, []);
  });

  it('fixes only one rule when asked', () => {
    const { output } = fixAll('a.ts', app, {}, { onlyRule: 'missing-www-authenticate' });
    assert.deepEqual(lint('a.ts', output).findings.map((f) => f.ruleId), ['unauthorized-for-permission']);
    assert.equal(lint('a.ts', output).unusedDirectives.length, 1, 'the unused directive is not this rule');
  });

  it('leaves unused suppressions when asked to', () => {
    const { output } = fixAll('a.ts', app, {}, { removeUnusedDirectives: false });
    assert.equal(lint('a.ts', output).unusedDirectives.length, 1);
    assert.deepEqual(lint('a.ts', output).findings.map((f) => f.ruleId), ['unauthorized-for-permission']);
  });

  it('changes nothing more when run twice', () => {
    const once = fixAll('a.ts', app).output;
    assert.equal(fixAll('a.ts', once).output, once);
    assert.equal(fixAll('a.ts', once).fixed, 0);
  });

  it('respects the settings: a rule that is off is not fixed', () => {
    const { output } = fixAll('a.ts', app, { rules: { 'missing-www-authenticate': 'off' } });
    assert.ok(!output.includes('WWW-Authenticate'));
  });
});

describe('minimalEdit', () => {
  it('replaces only the changed middle', () => {
    const edit = minimalEdit('abcXYZdef', 'abc123def')!;
    assert.deepEqual(edit, { start: 3, end: 6, newText: '123' });
    assert.equal(applyEdits('abcXYZdef', [edit]), 'abc123def');
    assert.equal(minimalEdit('same', 'same'), undefined);
    assert.equal(applyEdits('aaa', [minimalEdit('aaa', 'aaaa')!]), 'aaaa');
  });
});
