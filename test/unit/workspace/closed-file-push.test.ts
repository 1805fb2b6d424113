// The findings of closed files pushed to a client that pulls documents only
// (server/src/workspace/closed-file-push.ts); test/lsp/pull-diagnostics.test.ts runs it in the server.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { ClosedFilePush } from '../../../server/src/workspace/closed-file-push';
import type { Publication } from '../../../server/src/workspace/workspace-diagnostics';

const finding = { range: { start: { line: 0, character: 0 }, end: { line: 0, character: 1 } }, message: 'm' };
const wait = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
/** Until the grace time is out (a loaded machine runs timers late). */
async function pushing(push: ClosedFilePush): Promise<void> {
  for (let waited = 0; push.state() !== 'pushing'; waited += 5) {
    assert.ok(waited < 5_000, 'pushes began');
    await wait(5);
  }
}

function pushTo(closed: Publication[]): { push: ClosedFilePush; sent: Publication[] } {
  const sent: Publication[] = [];
  return { push: new ClosedFilePush((publication) => sent.push(publication), () => closed), sent };
}

describe('closed-file push', () => {
  it('pushes nothing to a client that pulls the workspace report in time, then or later', async () => {
    const { push, sent } = pushTo([{ uri: 'file:///app/a.ts', diagnostics: [finding] }]);
    push.start(20);
    push.workspacePulled();
    await wait(100);
    push.publish([{ uri: 'file:///app/b.ts', diagnostics: [finding] }]);
    assert.deepEqual(sent, []);
    assert.equal(push.state(), 'pulled');
  });

  it('pushes the closed files once the time is out, and what changes after', async () => {
    const { push, sent } = pushTo([{ uri: 'file:///app/a.ts', diagnostics: [finding] }]);
    assert.equal(push.state(), 'off');
    push.start(10);
    assert.equal(push.state(), 'waiting');
    await pushing(push);
    assert.deepEqual(sent.map((p) => p.uri), ['file:///app/a.ts']);
    push.publish([{ uri: 'file:///app/b.ts', diagnostics: [finding] }]);
    assert.deepEqual(sent.map((p) => p.uri), ['file:///app/a.ts', 'file:///app/b.ts']);
    assert.equal(push.state(), 'pushing');
  });

  it('takes a file back when it is opened, whatever the spelling of its URI', async () => {
    const { push, sent } = pushTo([{ uri: 'file:///home/u/a%7Eb/a.ts', diagnostics: [finding] }]);
    push.start(10);
    await pushing(push);
    push.opened('file:///home/u/a~b/a.ts');
    assert.deepEqual(sent.at(-1), { uri: 'file:///home/u/a%7Eb/a.ts', diagnostics: [] });
    push.opened('file:///home/u/a~b/a.ts');
    assert.equal(sent.length, 2, 'taken back once');
  });

  it('takes everything back at the first workspace pull', async () => {
    const { push, sent } = pushTo([
      { uri: 'file:///app/a.ts', diagnostics: [finding] },
      { uri: 'file:///app/b.ts', diagnostics: [finding] },
    ]);
    push.start(10);
    await pushing(push);
    push.workspacePulled();
    assert.deepEqual(sent.slice(2), [
      { uri: 'file:///app/a.ts', diagnostics: [] },
      { uri: 'file:///app/b.ts', diagnostics: [] },
    ]);
    push.publish([{ uri: 'file:///app/c.ts', diagnostics: [finding] }]);
    assert.equal(sent.length, 4, 'nothing pushed after it');
  });
});
