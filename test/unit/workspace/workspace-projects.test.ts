// The state the server reports for a workspace folder's index (server/src/workspace/
// workspace-projects.ts): a run that has begun reads as indexing from its first moment, while its
// settings are still being asked for, so that nobody takes the last run's result for the current one.
import assert from 'node:assert/strict';
import { promises as fs } from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { after, before, describe, it } from 'node:test';
import type { FolderIndexSettings } from '../../../server/src/workspace/build-index';
import { WorkspaceProjects } from '../../../server/src/workspace/workspace-projects';

const SETTINGS: FolderIndexSettings = { maxFileSize: 2 ** 21, exclude: [] };

describe('the state of a folder index', () => {
  let folder: string;

  before(async () => {
    folder = await fs.mkdtemp(path.join(os.tmpdir(), 'http-auth-lint-workspace-projects-'));
    await fs.writeFile(path.join(folder, 'app.ts'), "import express from 'express';\nexpress().get('/', (req, res) => res.status(401).end());\n");
  });

  after(() => fs.rm(folder, { recursive: true, force: true }));

  it('is indexing from the moment a run begins, before its settings arrive', async () => {
    let runsEnded = 0;
    let ended: () => void = () => undefined;
    let giveSettings: (settings: FolderIndexSettings) => void = () => undefined;
    const projects = new WorkspaceProjects(
      () => undefined,
      () => new Promise<FolderIndexSettings>((resolve) => (giveSettings = resolve)),
      {
        progress: () => undefined,
        linted: () => undefined,
        warning: (_folder, message) => assert.fail(message),
        finished: () => {
          runsEnded++;
          ended();
        },
      },
      SETTINGS,
    );
    try {
      const runEnd = () => new Promise<void>((resolve) => (ended = resolve));
      let end = runEnd();
      projects.addFolder(folder);
      giveSettings(SETTINGS);
      await end;
      assert.equal(projects.states()[0]?.state, 'ready');

      end = runEnd();
      projects.refresh();
      // The settings of the new run are not there yet: the folder is not ready.
      assert.equal(projects.states()[0]?.state, 'indexing');
      giveSettings(SETTINGS);
      await end;
      assert.equal(runsEnded, 2);
      assert.equal(projects.states()[0]?.state, 'ready');
    } finally {
      projects.dispose();
    }
  });
});
