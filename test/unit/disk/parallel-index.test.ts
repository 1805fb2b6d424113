// The index with its text pass on a second thread (server/src/disk/parallel-index.ts) makes the
// index that Project.index() makes on one: the same selection, names, handler files, apps and
// unreadable files, with the rounds that follow helpers through two wrappers.
import assert from 'node:assert/strict';
import { promises as fs } from 'node:fs';
import * as os from 'node:os';
import { availableParallelism } from 'node:os';
import * as path from 'node:path';
import { after, before, describe, it } from 'node:test';
import { createProject, type Project } from '../../../server/src/engine';
import { indexProject, PARALLEL_INDEX_MIN_FILES } from '../../../server/src/disk/parallel-index';
import { collectFiles } from '../../../server/src/disk/walk';
import { WalkedHost } from '../../../server/src/disk/walked-host';

const MAX_FILE_SIZE = 20_000;

/** A project of `plain` files that send nothing, and the shapes the index's rounds follow. */
async function writeProject(root: string, plain: number): Promise<void> {
  const write = async (file: string, text: string) => {
    await fs.mkdir(path.dirname(path.join(root, file)), { recursive: true });
    await fs.writeFile(path.join(root, file), text);
  };
  await write('package.json', '{ "name": "app" }\n');
  // Selected by its text; exports a helper that sends a 401.
  await write('src/lib/deny.ts', "import type { Response } from 'express';\nexport function deny(res: Response) {\n  return res.status(401).json({ error: 'no' });\n}\n");
  // Round 1 finds it by `deny`; it exports a wrapper; round 2 finds its caller by `refuse`.
  await write('src/lib/refuse.ts', "import { deny } from './deny';\nexport const refuse = (res: any) => deny(res);\n");
  await write('src/routes/caller.ts', "import { refuse } from '../lib/refuse';\nexport const route = (req: any, res: any) => refuse(res);\n");
  // An error handler, and two apps in one package.
  await write('src/errors.ts', "export const onError = (err: any, req: any, res: any, next: any) => res.status(500).end();\n");
  await write('src/app-a.ts', "import express from 'express';\nimport './routes/caller';\nexport const a = express();\n");
  await write('src/app-b.ts', "import express from 'express';\nimport './errors';\nexport const b = express();\n");
  // Unreadable: binary, and larger than the limit; and a test, never read.
  await write('src/blob.ts', 'export const x = 1;\0\n');
  await write('src/large.ts', `export const big = ${JSON.stringify('x'.repeat(MAX_FILE_SIZE))};\n`);
  await write('src/deny.test.ts', "res.status(401).end();\n");
  for (let index = 0; index < plain; index++) {
    await write(`src/plain/part-${Math.floor(index / 50)}/file-${index}.ts`, `import { helper } from '../../util';\nexport const value${index} = helper('v${index}');\n`);
  }
}

interface Indexed {
  selected: string[];
  producing: string[];
  handlers: string[];
  apps: ReturnType<Project['apps']>;
  unread: string[];
  summaries: Project['selectedSummaries'] extends () => infer R ? R : never;
  onThread: boolean;
}

async function indexOf(root: string, parallel: boolean | 'here', threadEntry?: string): Promise<Indexed & { failures: string[] }> {
  const walk = await collectFiles([root], root);
  const host = new WalkedHost(MAX_FILE_SIZE, new Set(walk.files), walk.listings);
  const project = createProject(host, root);
  const failures: string[] = [];
  const result =
    parallel === 'here'
      ? { selected: project.index(walk.files), onThread: false }
      : await indexProject(project, host, walk.files, { parallel, early: () => true, onThreadFailure: (message) => failures.push(message), threadEntry });
  return {
    selected: [...result.selected].sort(),
    producing: [...project.producingNames()].sort(),
    handlers: project.handlerFileList().sort(),
    apps: project.apps(),
    unread: [...host.unread].sort(),
    summaries: project.selectedSummaries(),
    onThread: result.onThread,
    failures,
  };
}

describe('the index with its text pass on a second thread', () => {
  let root: string;
  let small: string;

  before(async () => {
    root = await fs.mkdtemp(path.join(os.tmpdir(), 'http-auth-lint-parallel-index-'));
    await writeProject(root, PARALLEL_INDEX_MIN_FILES + 100);
    small = await fs.mkdtemp(path.join(os.tmpdir(), 'http-auth-lint-parallel-index-small-'));
    await writeProject(small, 10);
  });

  after(async () => {
    await fs.rm(root, { recursive: true, force: true });
    await fs.rm(small, { recursive: true, force: true });
  });

  it('selects, names and groups what the index on one thread does', async () => {
    const here = await indexOf(root, 'here');
    const aside = await indexOf(root, true);
    assert.deepEqual(aside.failures, []);
    // One core: the text pass stays on this thread (and the index is the same).
    assert.equal(aside.onThread, availableParallelism() >= 2, 'the text pass ran on the second thread');
    const relative = (files: string[]) => files.map((file) => path.relative(root, file));
    assert.deepEqual(relative(here.selected), ['src/errors.ts', 'src/lib/deny.ts', 'src/lib/refuse.ts', 'src/routes/caller.ts'].map((file) => file.split('/').join(path.sep)));
    assert.deepEqual(aside.selected, here.selected);
    assert.deepEqual(here.producing, ['deny', 'refuse', 'route']);
    assert.deepEqual(aside.producing, here.producing);
    assert.deepEqual(aside.handlers, here.handlers);
    assert.deepEqual(aside.apps, here.apps);
    const appOf = (file: string) => here.apps.files[path.join(root, file)];
    assert.notEqual(appOf('src/app-a.ts'), appOf('src/app-b.ts'), 'two apps in the package');
    assert.equal(appOf('src/routes/caller.ts'), appOf('src/app-a.ts'));
    assert.deepEqual(relative(here.unread), ['src/blob.ts', 'src/large.ts'].map((file) => file.split('/').join(path.sep)));
    assert.deepEqual(aside.unread, here.unread);
    // Every summary the one-thread index made is the same; the other summarizes the rest of the selection too.
    for (const [file, summary] of Object.entries(here.summaries)) assert.deepEqual(aside.summaries[file], summary, file);
    assert.deepEqual(Object.keys(aside.summaries).sort(), aside.selected);
  });

  it('says when the thread fails, and reads the files on this thread instead', { skip: availableParallelism() < 2 && 'one core: no second thread' }, async () => {
    const here = await indexOf(root, 'here');
    const failed = await indexOf(root, true, path.join(root, 'no-such-worker.js'));
    assert.equal(failed.onThread, false);
    assert.equal(failed.failures.length, 1);
    assert.match(failed.failures[0]!, /no-such-worker\.js.*this thread reads the files/);
    assert.deepEqual(failed.selected, here.selected);
    assert.deepEqual(failed.producing, here.producing);
    assert.deepEqual(failed.unread, here.unread);
  });

  it('reads a small project, or one told to use one thread, on this thread', async () => {
    assert.equal((await indexOf(small, true)).onThread, false);
    assert.equal((await indexOf(root, false)).onThread, false);
    assert.deepEqual((await indexOf(small, true)).selected, (await indexOf(small, 'here')).selected);
  });
});
