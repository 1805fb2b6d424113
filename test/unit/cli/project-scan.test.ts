// The projects of a CLI run (server/src/cli/project-scan.ts): a folder given on the command line
// that holds files in no package is their project, and only theirs: the packages below it are
// projects of their own, indexed on their own (a folder of many repositories stays many projects).
import assert from 'node:assert/strict';
import * as path from 'node:path';
import { after, before, describe, it } from 'node:test';
import { ProjectScan } from '../../../server/src/cli/project-scan';
import { collectFiles } from '../../../server/src/disk/walk';
import { tempRoot } from './helpers';

describe('the projects of a run', () => {
  const temp = tempRoot('http-auth-lint-project-scan-');
  let folder: string;

  before(async () => {
    await temp.create();
    folder = await temp.project('many', {
      'scripts/deny.js': "module.exports = (res) => res.status(401).end();\n",
      'api/package.json': '{ "name": "api" }',
      'api/src/routes.js': "const express = require('express');\nexpress().get('/', (req, res) => res.status(401).end());\n",
    });
  });

  after(temp.remove);

  it('reads the files in no package as the given folder\'s project, and each package as its own', async () => {
    const walked = await collectFiles([folder], folder);
    const scan = new ProjectScan(walked.files, 2 ** 21, undefined, { ...walked, folders: [folder] });
    const roots = [...scan.filesByRoot.keys()].sort();
    assert.deepEqual(roots, [folder, path.join(folder, 'api')].sort());
    await scan.index(folder);
    const given = scan.projectsOption(folder)[folder]!;
    assert.deepEqual(given.selected.map((file) => path.relative(folder, file)), [path.join('scripts', 'deny.js')], 'the package\'s files are not in it');
  });
});
