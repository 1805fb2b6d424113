// Hover on a status at a response site, as VS Code collects hovers from every provider.
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { codeOf, openFixture, rangeOf, waitForDiagnostics } from './helpers';

const MISSING = 'missing-www-authenticate';

async function hoverText(uri: vscode.Uri, position: vscode.Position): Promise<string> {
  const hovers = (await vscode.commands.executeCommand<vscode.Hover[]>('vscode.executeHoverProvider', uri, position)) ?? [];
  return hovers.flatMap((hover) => hover.contents.map((content) => (typeof content === 'string' ? content : content.value))).join('\n---\n');
}

describe('hover on a status', () => {
  it('a 401 without a challenge: what it means, what clients do, and the finding with its link', async () => {
    const { document: doc } = await openFixture('hover.ts');
    await waitForDiagnostics(doc.uri, (ds) => ds.some((d) => codeOf(d) === MISSING), MISSING);
    const status = rangeOf(doc, '401', 'res.status(');
    const text = await hoverText(doc.uri, status.start.translate(0, 1));
    assert.match(text, /\*\*401 Unauthorized\*\*/, text);
    assert.match(text, /What clients do/, text);
    assert.match(text, new RegExp(`\\[${MISSING}\\]\\(https://[^)]+/docs/rules/${MISSING}\\.md\\)`), text);
  });

  it('a 403 after a role check: its meaning and the rules that found nothing', async () => {
    const { document: doc } = await openFixture('hover.ts');
    const text = await hoverText(doc.uri, rangeOf(doc, '403', 'res.status(403').start);
    assert.match(text, /\*\*403 Forbidden\*\*/, text);
    assert.match(text, /no problem found here/, text);
  });
});
