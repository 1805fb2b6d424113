// The server's start through V8's code cache (server/src/launch/compile-cache.ts): the first start
// writes the cache, a later one reads it and finds the same, and a damaged or unwritable cache
// never keeps the server from serving.
import assert from 'node:assert/strict';
import { mkdtempSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { after, describe, it } from 'node:test';
import { EXPRESS_APP } from './fixtures';
import { fileUri, LspSession } from './lspClient';

const folders: string[] = [];

function cacheFolder(): string {
  const folder = mkdtempSync(path.join(tmpdir(), 'http-auth-lint-cache-test-'));
  folders.push(folder);
  return folder;
}

/** The codes of what the server publishes for the Express fixture, started with `cacheDir`. */
async function lintOnce(cacheDir: string): Promise<string[]> {
  const session = await LspSession.start({ env: { HTTP_AUTH_LINT_CACHE_DIR: cacheDir }, initializationOptions: { debounceMs: 0 } });
  try {
    const uri = fileUri('cached.ts');
    await session.open(uri, EXPRESS_APP);
    const diagnostics = await session.diagnostics(uri);
    return diagnostics.map((diagnostic) => `${diagnostic.range.start.line}:${String(diagnostic.code)}`);
  } finally {
    await session.dispose();
  }
}

const cacheFiles = (folder: string) => readdirSync(folder).filter((name) => name.endsWith('.cache'));

describe('compile cache', () => {
  after(() => {
    for (const folder of folders) rmSync(folder, { recursive: true, force: true });
  });

  it('is written by the first start and read by the next, which finds the same', async () => {
    const folder = cacheFolder();
    const first = await lintOnce(folder);
    assert.ok(first.length > 0);
    const [file] = cacheFiles(folder);
    assert.ok(file, 'a cache file was written');
    assert.match(file, /^server-core-[0-9a-f]{20}-v8-/);
    const written = statSync(path.join(folder, file)).mtimeMs;
    assert.deepEqual(await lintOnce(folder), first);
    // A cache that V8 accepted is not written again.
    assert.deepEqual(cacheFiles(folder), [file]);
    assert.equal(statSync(path.join(folder, file)).mtimeMs, written);
  });

  it('replaces the cache of an earlier build of the bundle', async () => {
    const folder = cacheFolder();
    const earlier = path.join(folder, 'server-core-00000000000000000000-v8-0-x64.cache');
    const unrelated = path.join(folder, 'other-bundle-00000000000000000000-v8-0-x64.cache');
    writeFileSync(earlier, 'an earlier build');
    writeFileSync(unrelated, 'another bundle');
    await lintOnce(folder);
    const files = cacheFiles(folder);
    assert.equal(files.filter((name) => name.startsWith('server-core-')).length, 1, files.join(', '));
    assert.ok(!files.includes(path.basename(earlier)));
    assert.ok(files.includes(path.basename(unrelated)));
  });

  it('is replaced when damaged, and the server serves all the same', async () => {
    const folder = cacheFolder();
    const expected = await lintOnce(folder);
    const [file] = cacheFiles(folder);
    writeFileSync(path.join(folder, file!), 'not a V8 code cache');
    assert.deepEqual(await lintOnce(folder), expected);
    assert.ok(statSync(path.join(folder, file!)).size > 1000, 'the damaged cache was written anew');
  });

  it('is skipped when its folder cannot be written', async () => {
    const blocked = path.join(cacheFolder(), 'a-file');
    writeFileSync(blocked, '');
    assert.ok((await lintOnce(path.join(blocked, 'cache'))).length > 0);
  });
});
