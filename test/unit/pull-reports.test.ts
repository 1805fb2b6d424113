// The reports of pull diagnostics (server/src/pull-reports.ts): a result id that follows the
// findings, "unchanged" for the id the client holds, and a file cleared of its findings reported
// once as empty.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { Diagnostic } from 'vscode-languageserver/node';
import { documentReport, resultIdOf, workspaceReport } from '../../server/src/pull-reports';

const finding = (line: number): Diagnostic => ({ range: { start: { line, character: 0 }, end: { line, character: 4 } }, message: 'This 401 has no WWW-Authenticate header', code: 'missing-www-authenticate', source: 'http-auth-lint' });

describe('pull reports', () => {
  it('gives the same findings the same id, and other findings another', () => {
    assert.equal(resultIdOf([finding(3)]), resultIdOf([finding(3)]));
    assert.notEqual(resultIdOf([finding(3)]), resultIdOf([finding(4)]));
    assert.notEqual(resultIdOf([finding(3)]), resultIdOf([]));
  });

  it('answers a document "unchanged" for the id of its findings, in full for any other', () => {
    const first = documentReport([finding(3)], undefined);
    assert.deepEqual(first, { kind: 'full', resultId: resultIdOf([finding(3)]), items: [finding(3)] });
    assert.deepEqual(documentReport([finding(3)], first.resultId), { kind: 'unchanged', resultId: first.resultId });
    assert.equal(documentReport([finding(4)], first.resultId).kind, 'full');
  });

  it('reports the workspace: unchanged, changed, and files whose findings are gone', () => {
    const a = 'file:///w/a.ts';
    const b = 'file:///w/b.ts';
    const gone = 'file:///w/gone.ts';
    const clean = 'file:///w/clean.ts';
    const items = workspaceReport(
      [
        { uri: a, version: null, diagnostics: [finding(1)] },
        { uri: b, version: 7, diagnostics: [finding(2)] },
      ],
      [
        { uri: a, value: resultIdOf([finding(1)]) },
        { uri: b, value: resultIdOf([finding(9)]) },
        { uri: gone, value: resultIdOf([finding(5)]) },
        { uri: clean, value: resultIdOf([]) },
      ],
    );
    assert.deepEqual(items, [
      { kind: 'unchanged', uri: a, version: null, resultId: resultIdOf([finding(1)]) },
      { kind: 'full', uri: b, version: 7, resultId: resultIdOf([finding(2)]), items: [finding(2)] },
      { kind: 'full', uri: gone, version: null, resultId: resultIdOf([]), items: [] },
    ]);
  });
});
