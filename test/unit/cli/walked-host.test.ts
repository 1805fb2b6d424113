// The host of a run's project analysis answers what the walk listed without asking the disk, and
// asks the disk about everything else (folders not walked, links).
import assert from 'node:assert/strict';
import { promises as fs } from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { after, before, describe, it } from 'node:test';
import { collectFiles } from '../../../server/src/disk/walk';
import { WalkedHost } from '../../../server/src/disk/walked-host';

describe('the walked host', () => {
  let root: string;

  before(async () => {
    root = await fs.mkdtemp(path.join(os.tmpdir(), 'http-auth-lint-walked-'));
    await fs.mkdir(path.join(root, 'src', 'lib'), { recursive: true });
    await fs.mkdir(path.join(root, 'node_modules', 'pkg'), { recursive: true });
    await fs.writeFile(path.join(root, 'src', 'lib', 'respond.ts'), 'export {};\n');
    await fs.writeFile(path.join(root, 'package.json'), '{}');
    await fs.writeFile(path.join(root, 'node_modules', 'pkg', 'index.js'), '');
    await fs.symlink(path.join(root, 'src', 'lib', 'respond.ts'), path.join(root, 'src', 'linked.ts'));
  });

  after(() => fs.rm(root, { recursive: true, force: true }));

  async function hostAfterWalk(): Promise<WalkedHost> {
    const walk = await collectFiles([root], root);
    return new WalkedHost(Infinity, new Set(walk.files), walk.listings);
  }

  it('answers from the listing of a walked folder, even after the disk changed', async () => {
    const host = await hostAfterWalk();
    const added = path.join(root, 'src', 'lib', 'added.ts');
    await fs.writeFile(added, 'export {};\n');
    try {
      assert.equal(host.fileExists(path.join(root, 'src', 'lib', 'respond.ts')), true);
      assert.equal(host.fileExists(path.join(root, 'package.json')), true);
      assert.equal(host.fileExists(added), false, 'not listed by the walk: not asked of the disk');
      assert.equal(host.fileExists(path.join(root, 'src', 'lib')), false, 'a folder is no file');
      assert.deepEqual(host.listFolders(root), ['node_modules', 'src']);
    } finally {
      await fs.rm(added);
    }
  });

  it('asks the disk about a link and about a folder the walk left out', async () => {
    const host = await hostAfterWalk();
    assert.equal(host.fileExists(path.join(root, 'src', 'linked.ts')), true);
    assert.equal(host.fileExists(path.join(root, 'node_modules', 'pkg', 'index.js')), true);
    assert.deepEqual(host.listFolders(path.join(root, 'node_modules')), ['pkg']);
  });
});
