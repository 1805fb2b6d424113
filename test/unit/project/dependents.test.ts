// Which open files a change of another file can reach (engine/project/dependents.ts): through
// imports and re-exports, summarized or read from the text of a module the index did not select,
// and from an app-level error handler to every file.
import assert from 'node:assert/strict';
import * as path from 'node:path';
import { describe, it } from 'node:test';
import { readsFrom } from '../../../server/src/engine';
import { lintProject, ROOT } from './support';

const at = (name: string) => path.join(ROOT, name);

describe('the files a change reaches', () => {
  const files = {
    'package.json': '{ "name": "app" }',
    'src/lib/response.ts': "export function unauthorized(res) {\n  return res.status(401).json({ error: 'sign in' });\n}\n",
    'src/lib/index.ts': "export * from './response';\nexport const version = 1;\n",
    'src/routes/direct.ts': "import { unauthorized } from '../lib/response';\nexport const me = (req, res) => (req.user ? res.json(req.user) : unauthorized(res));\n",
    'src/routes/barrel.ts': "import { unauthorized } from '../lib';\nexport const me = (req, res) => (req.user ? res.json(req.user) : unauthorized(res));\n",
    'src/routes/other.ts': "import express from 'express';\nimport { version } from '../util/version';\nexpress().get('/v', (req, res) => res.json({ version }));\n",
    'src/util/version.ts': 'export const version = 2;\n',
  };

  it('reaches a file that imports it, directly or through a re-export', () => {
    const { project } = lintProject(files);
    assert.equal(readsFrom(project, at('src/routes/direct.ts'), at('src/lib/response.ts')), true);
    assert.equal(readsFrom(project, at('src/routes/barrel.ts'), at('src/lib/response.ts')), true);
  });

  it('does not reach a file whose imports never lead to it', () => {
    const { project } = lintProject(files);
    assert.equal(readsFrom(project, at('src/routes/other.ts'), at('src/lib/response.ts')), false);
    assert.equal(readsFrom(project, at('src/routes/direct.ts'), at('src/util/version.ts')), false);
  });

  it('reaches every file from an app-level error handler', () => {
    const withHandler = { ...files, 'src/errors.ts': "export const onError = (err, req, res, next) => res.status(err.status ?? 500).end();\n" };
    const { project } = lintProject(withHandler);
    assert.equal(readsFrom(project, at('src/routes/other.ts'), at('src/errors.ts')), true);
  });
});
