// Which files are tests by their names (engine/model/test-code.ts): their servers and errors answer
// no real client, so they are neither linted for findings nor read by the project index.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { lint } from '../../server/src/engine';
import { isTestFile } from '../../server/src/engine/model/test-code';

describe('test files by name', () => {
  const tests = [
    'src/auth.test.ts',
    'src/auth.spec.js',
    'apps/api/src/app/auth/login.e2e.ts',
    'apps/api/src/app/auth/login.e2e-spec.ts',
    'apps/api/src/app/auth/login.e2e-ee.ts',
    'apps/api/e2e/bridge.server.ts',
    'packages/app/__tests__/server.ts',
    'packages/app/__mocks__/session.js',
  ];
  for (const file of tests) it(`reads ${file} as a test`, () => assert.equal(isTestFile(file), true));

  const sources = ['src/auth/e2e-keys.ts', 'src/e2eEncryption.ts', 'src/latest.ts', 'src/spec/openapi.ts', 'src/tests.ts', 'src/contest.ts'];
  for (const file of sources) it(`reads ${file} as application code`, () => assert.equal(isTestFile(file), false));

  it('looks for test folders below the root only: a repository kept in a folder named e2e is code', () => {
    assert.equal(isTestFile('/home/dev/e2e/shop/src/routes/login.ts', '/home/dev/e2e/shop'), false);
    assert.equal(isTestFile('/home/dev/e2e/shop/e2e/server.ts', '/home/dev/e2e/shop'), true);
    assert.equal(isTestFile('/home/dev/__tests__/shop/src/login.test.ts', '/home/dev/__tests__/shop'), true, 'a test by its name');
    assert.equal(isTestFile('/home/dev/e2e/shop/src/routes/login.ts'), true, 'no root: the whole path');
    const code = "import express from 'express';\nconst app = express();\napp.get('/me', (req, res) => res.status(401).end());\n";
    assert.deepEqual(lint('/home/dev/e2e/shop/src/app.ts', code, { root: '/home/dev/e2e/shop' }).findings.map((finding) => finding.ruleId), ['missing-www-authenticate']);
  });
});
