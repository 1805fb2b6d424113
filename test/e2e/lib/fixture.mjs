// The suite edits files (it applies quick fixes), so it runs on a copy of the fixture workspace
// in the run's work folder: test/e2e/fixtures/ stays unchanged on disk whatever happens.
import fs from 'node:fs';
import path from 'node:path';
import { e2eDir } from './paths.mjs';

export const fixtureWorkspace = path.join(e2eDir, 'fixtures', 'workspace');

export function copyFixtureWorkspace(work, from = fixtureWorkspace) {
  const to = path.join(work.dir, 'workspace');
  fs.cpSync(from, to, { recursive: true });
  return to;
}
