// The index thread started on standby (server/src/workspace/standby-index-thread.ts): handed out
// once while it lives, never when it died, and ended when released; its index is the one a new
// thread would make (test/lsp/project.test.ts runs the server's own loader).
import assert from 'node:assert/strict';
import { once } from 'node:events';
import { promises as fs } from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { after, before, describe, it } from 'node:test';
import type { Worker } from 'node:worker_threads';
import { releaseStandbyIndexThread, standbyState, startStandbyIndexThread, takeStandbyIndexThread } from '../../../server/src/workspace/standby-index-thread';

describe('the index thread on standby', () => {
  let folder: string;
  /** Waits for its first message and answers it with the folder it was given and whether it was on standby. */
  let echo: string;
  /** Fails as it loads. */
  let broken: string;

  before(async () => {
    folder = await fs.mkdtemp(path.join(os.tmpdir(), 'http-auth-lint-standby-'));
    echo = path.join(folder, 'echo.js');
    broken = path.join(folder, 'broken.js');
    await fs.writeFile(
      echo,
      "const { parentPort, workerData } = require('node:worker_threads');\nparentPort.once('message', (order) => parentPort.postMessage({ folder: order.folder, standby: workerData.standby === true }));\n",
    );
    await fs.writeFile(broken, "throw new Error('cannot load');\n");
  });

  after(() => fs.rm(folder, { recursive: true, force: true }));

  it('is handed out once, and works for the index that takes it', async () => {
    startStandbyIndexThread(echo);
    assert.equal(standbyState(), 'waiting');
    const worker = takeStandbyIndexThread();
    assert.ok(worker, 'the thread on standby');
    assert.equal(standbyState(), 'taken');
    assert.equal(takeStandbyIndexThread(), undefined, 'a second index starts its own thread');
    worker.postMessage({ folder: '/some/folder' });
    const [answer] = (await once(worker, 'message')) as [{ folder: string; standby: boolean }];
    assert.deepEqual(answer, { folder: '/some/folder', standby: true });
    await worker.terminate();
  });

  it('is not handed out once it has failed', async () => {
    startStandbyIndexThread(broken);
    const worker = (globalThis as Record<symbol, { worker: Worker } | undefined>)[Symbol.for('http-auth-lint.standby-index-thread')]?.worker;
    assert.ok(worker);
    worker.ref(); // on standby it keeps no process alive: this test waits for it
    await new Promise((resolve) => worker.once('exit', resolve)); // (once() would reject on its error)
    assert.equal(takeStandbyIndexThread(), undefined);
    assert.equal(standbyState(), 'failed');
  });

  it('ends when released, and is not handed out after', async () => {
    startStandbyIndexThread(echo);
    const worker = (globalThis as Record<symbol, { worker: Worker } | undefined>)[Symbol.for('http-auth-lint.standby-index-thread')]?.worker;
    assert.ok(worker);
    worker.ref();
    const exited = once(worker, 'exit');
    releaseStandbyIndexThread();
    assert.equal(standbyState(), 'released');
    await exited;
    assert.equal(takeStandbyIndexThread(), undefined);
  });
});
