// What the server publishes for files that are not open (server/src/workspace/workspace-diagnostics.ts).
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { Diagnostic } from 'vscode-languageserver/node';
import { WorkspaceDiagnostics } from '../../../server/src/workspace/workspace-diagnostics';

const finding = (message: string): Diagnostic => ({ range: { start: { line: 0, character: 0 }, end: { line: 0, character: 1 } }, message });

describe('the findings of files that are not open', () => {
  it('publishes new and changed files, clears the ones whose findings went away, and skips open ones', () => {
    const open = new Set<string>();
    const published = new WorkspaceDiagnostics((uri) => open.has(uri));
    published.add('/w', [
      { uri: 'a', diagnostics: [finding('1')] },
      { uri: 'b', diagnostics: [finding('2')] },
      { uri: 'c', diagnostics: [] },
    ]);
    assert.deepEqual(published.finish('/w').map((p) => p.uri), ['a', 'b']);
    // The next index: a unchanged, b gone, c new, d open.
    open.add('d');
    published.add('/w', [
      { uri: 'a', diagnostics: [finding('1')] },
      { uri: 'c', diagnostics: [finding('3')] },
      { uri: 'd', diagnostics: [finding('4')] },
    ]);
    assert.deepEqual(published.finish('/w'), [
      { uri: 'c', diagnostics: [finding('3')] },
      { uri: 'b', diagnostics: [] },
    ]);
    assert.deepEqual(published.ofClosed('d'), [finding('4')], 'a file closed shows what the index found on disk');
    assert.deepEqual(published.ofClosed('b'), []);
  });

  it('clears everything of a folder removed from the workspace', () => {
    const published = new WorkspaceDiagnostics(() => false);
    published.add('/w', [{ uri: 'a', diagnostics: [finding('1')] }]);
    published.finish('/w');
    assert.deepEqual(published.remove('/w'), [{ uri: 'a', diagnostics: [] }]);
    assert.deepEqual(published.ofClosed('a'), []);
  });
});
