// The editor settings the server reads (server/src/settings.ts): httpAuthLint.scope.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { excludedGlobs, readEditorSettings } from '../../server/src/settings';

describe('httpAuthLint.scope', () => {
  it('is the whole workspace unless set to open files', () => {
    const warnings: string[] = [];
    assert.equal(readEditorSettings({}, (w) => warnings.push(w)).scope, 'workspace');
    assert.equal(readEditorSettings({ scope: 'openFiles' }, (w) => warnings.push(w)).scope, 'openFiles');
    assert.deepEqual(warnings, []);
  });

  it('keeps the default, and says so, for a value it does not know', () => {
    const warnings: string[] = [];
    assert.equal(readEditorSettings({ scope: 'everything' }, (w) => warnings.push(w)).scope, 'workspace');
    assert.deepEqual(warnings, ['Ignored httpAuthLint.scope = "everything": expected "workspace" or "openFiles".']);
  });
});

describe('files.exclude', () => {
  it('gives the globs that are on, and none for an answer that is not an object', () => {
    assert.deepEqual(excludedGlobs({ '**/.git': true, '**/dist': true, '**/out': false, '**/*.js': { when: '$(basename).ts' } }), ['**/.git', '**/dist']);
    assert.deepEqual(excludedGlobs(null), []);
    assert.deepEqual(excludedGlobs(['**/dist']), []);
  });
});
