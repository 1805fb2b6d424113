// Where imports lead inside a project (engine/project/resolve): relative paths with their
// extensions, tsconfig paths through `extends`, package.json imports, workspace packages by name,
// and build output mapped back to sources. Anything else is unknown.
import assert from 'node:assert/strict';
import * as path from 'node:path';
import { describe, it } from 'node:test';
import { ModuleResolver } from '../../../server/src/engine/project/resolve/resolver';
import { memoryHost, ROOT, type Files } from './support';

function resolver(files: Files): (from: string, specifier: string) => string | undefined {
  const resolve = new ModuleResolver(memoryHost(files), ROOT);
  return (from, specifier) => {
    const found = resolve.resolve(path.join(ROOT, from), specifier);
    return found === undefined ? undefined : path.relative(ROOT, found).split(path.sep).join('/');
  };
}

describe('module resolution', () => {
  it('reads relative imports with the extensions TypeScript and Node try, and `.js` written for `.ts`', () => {
    const resolve = resolver({
      'src/a.ts': '',
      'src/lib/index.ts': '',
      'src/util.mjs': '',
      'src/errors.ts': '',
      'src/types.d.ts': '',
    });
    assert.equal(resolve('src/b.ts', './a'), 'src/a.ts');
    assert.equal(resolve('src/b.ts', './a.js'), 'src/a.ts');
    assert.equal(resolve('src/b.ts', './lib'), 'src/lib/index.ts');
    assert.equal(resolve('src/b.ts', './util.mjs'), 'src/util.mjs');
    assert.equal(resolve('src/deep/c.ts', '../errors.js'), 'src/errors.ts');
    assert.equal(resolve('src/b.ts', './types'), undefined, 'a declaration file is no source');
    assert.equal(resolve('src/b.ts', './missing'), undefined);
  });

  it('follows tsconfig paths and baseUrl, through a relative `extends` chain', () => {
    const resolve = resolver({
      'tsconfig.base.json': '{ "compilerOptions": { "baseUrl": ".", "paths": { "@/*": ["src/*"], "@config": ["config/index.ts"] } } }',
      'apps/web/tsconfig.json': '{ // comments and trailing commas, as tsconfig allows\n "extends": "../../tsconfig.base.json", }',
      'src/lib/response.ts': '',
      'config/index.ts': '',
      'src/shared.ts': '',
    });
    assert.equal(resolve('apps/web/page.ts', '@/lib/response'), 'src/lib/response.ts');
    assert.equal(resolve('apps/web/page.ts', '@config'), 'config/index.ts');
    assert.equal(resolve('apps/web/page.ts', 'src/shared'), 'src/shared.ts', 'baseUrl');
  });

  it('prefers the longest matching paths pattern, as TypeScript does', () => {
    const resolve = resolver({
      'tsconfig.json': '{ "compilerOptions": { "paths": { "@/*": ["src/*"], "@/lib/*": ["lib/*"] } } }',
      'lib/x.ts': '',
      'src/lib/x.ts': '',
    });
    assert.equal(resolve('a.ts', '@/lib/x'), 'lib/x.ts');
  });

  it('reads package.json imports (`#alias`), mapping a build folder to its sources', () => {
    const resolve = resolver({
      'packages/core/package.json': '{ "name": "core", "imports": { "#src/*": "./build/*", "#config": { "types": "./build/config.d.ts", "default": "./build/config.js" } } }',
      'packages/core/tsconfig.json': '{ "compilerOptions": { "outDir": "build", "rootDir": "src" } }',
      'packages/core/src/errors/request-error.ts': '',
      'packages/core/src/config.ts': '',
    });
    assert.equal(resolve('packages/core/src/routes/a.ts', '#src/errors/request-error.js'), 'packages/core/src/errors/request-error.ts');
    assert.equal(resolve('packages/core/src/routes/a.ts', '#config'), 'packages/core/src/config.ts');
  });

  it('reads workspace packages by name (package.json workspaces, pnpm-workspace.yaml), entry points mapped to sources', () => {
    const files: Files = {
      'package.json': '{ "name": "root", "workspaces": ["packages/*"] }',
      'pnpm-workspace.yaml': "packages:\n  # libraries\n  - 'libs/*'\n  - '!libs/legacy'\n",
      'packages/errors/package.json': '{ "name": "@acme/errors", "main": "dist/index.js", "exports": { ".": "./dist/index.js", "./http": { "import": "./dist/http.mjs" } } }',
      'packages/errors/src/index.ts': '',
      'packages/errors/src/http.mts': '',
      'libs/auth/package.json': '{ "name": "@acme/auth", "main": "build/main/index.js" }',
      'libs/auth/src/index.ts': '',
      'libs/legacy/package.json': '{ "name": "@acme/legacy", "main": "index.js" }',
      'libs/legacy/index.js': '',
    };
    const resolve = resolver(files);
    assert.equal(resolve('apps/api/main.ts', '@acme/errors'), 'packages/errors/src/index.ts');
    assert.equal(resolve('apps/api/main.ts', '@acme/errors/http'), 'packages/errors/src/http.mts');
    assert.equal(resolve('apps/api/main.ts', '@acme/auth'), 'libs/auth/src/index.ts');
    assert.equal(resolve('apps/api/main.ts', '@acme/legacy'), undefined, 'a package the workspace excludes');
    assert.equal(resolve('apps/api/main.ts', 'express'), undefined, 'a library: never node_modules');
  });

  it('never leaves the project root or enters node_modules', () => {
    const resolve = resolver({
      'node_modules/lib/index.js': '',
      'src/a.ts': '',
    });
    assert.equal(resolve('src/a.ts', '../node_modules/lib'), undefined);
    assert.equal(resolve('src/a.ts', '../../outside'), undefined);
    assert.equal(resolve('src/a.ts', '/etc/passwd'), undefined);
  });

  it('reads broken configuration files as absent, and stops at a loop of `extends`', () => {
    const resolve = resolver({
      'a/tsconfig.json': '{ "extends": "./tsconfig.b.json", "compilerOptions": { "paths": { "~/*": ["./*"] } } }',
      'a/tsconfig.b.json': '{ "extends": "./tsconfig.json" }',
      'a/x.ts': '',
      'b/tsconfig.json': '{ not json at all',
      'b/package.json': '[1, 2',
      'b/y.ts': '',
    });
    assert.equal(resolve('a/z.ts', '~/x'), 'a/x.ts');
    assert.equal(resolve('b/z.ts', './y'), 'b/y.ts');
    assert.equal(resolve('b/z.ts', '#anything'), undefined);
  });
});
