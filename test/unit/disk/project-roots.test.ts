// The project a file belongs to (server/src/disk/project-roots.ts), from folder listings alone.
import assert from 'node:assert/strict';
import * as path from 'node:path';
import { describe, it } from 'node:test';
import { ProjectRoots } from '../../../server/src/disk/project-roots';
import { walkSkips } from '../../../server/src/disk/walk';

const at = (...parts: string[]) => path.join(path.resolve('/work'), ...parts);

/** Listings of every folder on the way, with the names in each. */
function listings(entries: Record<string, string[]>): Map<string, Map<string, 'file' | 'folder'>> {
  return new Map(Object.entries(entries).map(([folder, names]) => [at(folder), new Map(names.map((name) => [name, name.includes('.') && name !== '.git' ? 'file' : 'folder'] as const))]));
}

describe('project roots', () => {
  const listed = listings({
    '': ['api', 'scripts', 'repo'],
    api: ['package.json', 'src'],
    'api/src': ['app.ts'],
    scripts: ['lib', 'deploy.js'],
    'scripts/lib': ['helpers.js'],
    repo: ['.git', 'tools'],
    'repo/tools': ['run.js'],
  });

  it('is the folder of the nearest package.json', () => {
    assert.equal(new ProjectRoots(listed, [at()]).rootOf(at('api', 'src', 'app.ts')), at('api'));
  });

  it('is the given folder for files in no package: a workspace without a package.json is one project', () => {
    const roots = new ProjectRoots(listed, [at()]);
    assert.equal(roots.rootOf(at('scripts', 'deploy.js')), at());
    assert.equal(roots.rootOf(at('scripts', 'lib', 'helpers.js')), at());
  });

  it('is the repository folder when it is below the given folder', () => {
    assert.equal(new ProjectRoots(listed, [at()]).rootOf(at('repo', 'tools', 'run.js')), at('repo'));
  });

  it('is the file\'s own folder outside every given folder', () => {
    assert.equal(new ProjectRoots(listed, [at('api')]).rootOf(at('scripts', 'lib', 'helpers.js')), at('scripts', 'lib'));
    assert.equal(new ProjectRoots(listed).rootOf(at('scripts', 'deploy.js')), at('scripts'));
  });
});

describe('what a walk passes over', () => {
  it('skips files in node_modules and hidden folders below the folder walked', () => {
    assert.equal(walkSkips(at('api', 'node_modules', 'x', 'index.js'), at()), true);
    assert.equal(walkSkips(at('.next', 'server', 'page.js'), at()), true);
    assert.equal(walkSkips(at('api', 'src', 'app.ts'), at()), false);
    assert.equal(walkSkips(at('.hidden-workspace', 'src', 'app.ts'), at('.hidden-workspace')), false, 'the folder itself may be hidden');
  });
});
