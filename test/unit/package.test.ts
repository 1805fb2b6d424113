// Issue 5, security: the extension ships only what runs, says honestly where it may run, and
// carries no dependency with a known high or critical vulnerability.
import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { existsSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { promisify } from 'node:util';
import { listFiles, PackageManager } from '@vscode/vsce';
import { openPromise, type Entry } from 'yauzl';

const root = join(__dirname, '..', '..', '..');

/** Everything the installed extension reads: the manifest, the two bundles (the server bundles
 * the engine and `typescript`), the index's text-pass thread, the schema `jsonValidation` points at, and the icon, README, CHANGELOG and LICENSE the Marketplace shows. A source map, the CLI bundle or a test here is a mistake. */
const RUNTIME_FILES = ['CHANGELOG.md', 'LICENSE', 'README.md', 'dist/client.js', 'dist/server-core.js', 'dist/server.js', 'dist/text-pass.js', 'images/icon.png', 'package.json', 'schemas/httpauthlintrc.schema.json'];

/** Inside the .vsix, vsce puts the files under `extension/`, renames LICENSE and README for the
 * Marketplace, and adds its own two files. */
const VSIX_ENTRIES = [
  '[Content_Types].xml',
  'extension.vsixmanifest',
  'extension/LICENSE.txt',
  'extension/changelog.md',
  'extension/dist/client.js',
  'extension/dist/server-core.js',
  'extension/dist/server.js',
  'extension/dist/text-pass.js',
  'extension/images/icon.png',
  'extension/package.json',
  'extension/readme.md',
  'extension/schemas/httpauthlintrc.schema.json',
];

async function vsixEntries(path: string): Promise<string[]> {
  const zip = await openPromise(path, { lazyEntries: true });
  return new Promise((resolve, reject) => {
    const names: string[] = [];
    zip.on('entry', (entry: Entry) => {
      names.push(entry.fileName);
      zip.readEntry();
    });
    zip.on('end', () => resolve(names));
    zip.on('error', reject);
    zip.readEntry();
  });
}

const manifest = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8'));

describe('the .vsix', () => {
  it('packs only the files needed at run time (vsce ls --no-dependencies)', async () => {
    const files = await listFiles({ cwd: root, packageManager: PackageManager.None });
    assert.deepEqual(files.map((f) => f.replace(/\\/g, '/')).sort(), RUNTIME_FILES, 'change .vscodeignore, or this list if the extension now reads the file at run time');
  });

  const packaged = join(root, 'dist', 'http-auth-lint.vsix');
  it('as packaged (dist/http-auth-lint.vsix, written by npm start) holds the same files', { skip: !existsSync(packaged) && 'not packaged: run npm start' }, async () => {
    assert.deepEqual((await vsixEntries(packaged)).sort(), VSIX_ENTRIES);
  });
});

describe('the manifest', () => {
  // The extension runs no workspace code and loads no workspace module: it reads the text of
  // documents and a JSON configuration file (https://code.visualstudio.com/api/extension-guides/workspace-trust).
  it('declares untrusted workspaces supported', () => {
    assert.deepEqual(manifest.capabilities?.untrustedWorkspaces?.supported, true, 'package.json: capabilities.untrustedWorkspaces');
  });

  // https://code.visualstudio.com/api/extension-guides/virtual-workspaces: a boolean, or
  // { supported: boolean | 'limited', description } where it is not fully supported.
  it('declares whether virtual workspaces are supported', () => {
    const virtual = manifest.capabilities?.virtualWorkspaces;
    assert.notEqual(virtual, undefined, 'package.json: capabilities.virtualWorkspaces is missing');
    if (typeof virtual === 'boolean') return;
    assert.ok([true, false, 'limited'].includes(virtual.supported), `capabilities.virtualWorkspaces.supported: ${JSON.stringify(virtual.supported)}`);
    if (virtual.supported !== true) assert.ok(typeof virtual.description === 'string' && virtual.description.length > 0, 'capabilities.virtualWorkspaces: say what does not work');
  });

  it('has a 128x128 PNG icon, a banner colour, and homepage and issue links for the listing', () => {
    const png = readFileSync(join(root, manifest.icon));
    assert.equal(png.subarray(1, 4).toString('latin1'), 'PNG');
    assert.deepEqual([png.readUInt32BE(16), png.readUInt32BE(20)], [128, 128], 'the IHDR width and height');
    assert.match(manifest.galleryBanner?.color ?? '', /^#[0-9a-f]{6}$/i);
    assert.ok(['dark', 'light'].includes(manifest.galleryBanner?.theme));
    assert.match(manifest.homepage ?? '', /^https:\/\//);
    assert.match(manifest.bugs?.url ?? '', /^https:\/\/.+\/issues$/);
  });

  it('packages without a warning from vsce', async () => {
    const out = join(tmpdir(), `http-auth-lint-vsce-${process.pid}.vsix`);
    try {
      const { stdout, stderr } = await promisify(execFile)('npx', ['vsce', 'package', '--no-dependencies', '--out', out], { cwd: root, shell: process.platform === 'win32' });
      assert.doesNotMatch(`${stdout}\n${stderr}`, /warn/i);
      assert.ok(existsSync(out));
    } finally {
      rmSync(out, { force: true });
    }
  });

  it('has no runtime dependencies (everything is bundled)', () => {
    assert.deepEqual(Object.keys(manifest.dependencies ?? {}), []);
  });
});

interface AuditReport {
  vulnerabilities: Record<string, { severity: string; via: unknown[] }>;
  metadata: { vulnerabilities: Record<string, number> };
}

describe('npm audit', () => {
  it('reports no high or critical vulnerability in what ships (--omit=dev)', async () => {
    let stdout: string;
    try {
      ({ stdout } = await promisify(execFile)('npm', ['audit', '--omit=dev', '--json'], { cwd: root, shell: process.platform === 'win32' }));
    } catch (error) {
      // npm audit exits 1 when it finds any vulnerability: the report is still on stdout.
      stdout = (error as { stdout?: string }).stdout ?? '';
      if (!stdout.trim().startsWith('{')) throw new Error(`npm audit did not run (is the registry reachable?): ${(error as Error).message}`);
    }
    const report = JSON.parse(stdout) as AuditReport & { error?: { summary: string } };
    assert.equal(report.error, undefined, `npm audit failed: ${report.error?.summary}`);
    const serious = Object.entries(report.vulnerabilities).filter(([, v]) => v.severity === 'high' || v.severity === 'critical');
    assert.deepEqual(serious.map(([name, v]) => `${name}: ${v.severity}`), []);
    assert.equal(report.metadata.vulnerabilities.high + report.metadata.vulnerabilities.critical, 0);
  });
});
