// The project index (engine/project/project.ts index()): one text pass over every file, then the
// files to parse. Files that cannot hold a finding are read once (their text is held between the
// rounds of name passes) and never parsed; bad input
// (cycles, loops, files that vanish between two reads) ends in silence, never in a crash.
import assert from 'node:assert/strict';
import * as path from 'node:path';
import { describe, it } from 'node:test';
import { at, lintProject, memoryHost, ROOT, type Files } from './support';

const relative = (file: string) => path.relative(ROOT, file).split(path.sep).join('/');

describe('the project index', () => {
  const files: Files = {
    'package.json': '{ "name": "app" }',
    'src/http.ts': "export const unauthorized = () => Response.json({}, { status: 401 });\n",
    'src/deny.ts': "import { unauthorized } from './http';\nexport const deny = () => unauthorized();\n",
    'src/route-a.ts': "import { deny } from './deny';\nexport async function GET(request: Request) {\n  if (!(await getSession(request)).user.isAdmin) return deny();\n  return Response.json({});\n}\n",
    'src/route-b.ts': "import { unauthorized } from './http';\nexport const POST = () => unauthorized();\n",
    'src/unrelated.ts': "export const sum = (a: number, b: number) => a + b;\n",
    'src/middleware.ts': "export const onError = (err, req, res, next) => { res.status(err.status).end(); };\n",
  };

  it('selects the files that mention a status, error handlers, and, round by round, the callers of what they export', () => {
    assert.deepEqual(lintProject(files).selected, ['src/deny.ts', 'src/http.ts', 'src/middleware.ts', 'src/route-a.ts', 'src/route-b.ts']);
  });

  it('never parses a file that cannot hold a finding, and reads it once, for the text passes of every round', () => {
    const host = memoryHost(files);
    const parsed: string[] = [];
    lintProject(files, host, (file) => parsed.push(file));
    assert.ok(!parsed.includes('src/unrelated.ts'), `parsed: ${parsed.join(', ')}`);
    assert.equal(host.reads.filter((file) => relative(file) === 'src/unrelated.ts').length, 1);
  });

  it('finds a wrapper of a helper, and reports at the call whose guard decides', () => {
    const run = lintProject(files);
    assert.deepEqual(run.findings, [`${at(files, 'src/http.ts', 'status: 401')} missing-www-authenticate`, `${at(files, 'src/route-a.ts', 'return deny()')} unauthorized-for-permission`]);
    assert.match(run.messages('unauthorized-for-permission')[0], /isAdmin/);
    assert.ok(run.project.producingNames().has('deny'), 'the wrapper is known to send a 401');
  });
});

describe('what the index parses for a summary', () => {
  const files: Files = {
    'package.json': '{ "name": "app" }',
    'src/http.ts': "export const unauthorized = () => Response.json({}, { status: 401 });\n",
    'src/deny.ts': "import { unauthorized } from './http';\nexport const deny = () => unauthorized();\n",
    'src/routes/projects.ts': "import { deny } from '../deny';\nexport async function GET(request: Request) {\n  if (!(await getSession(request)).user.isAdmin) return deny();\n  return Response.json({});\n}\n",
    'src/routes/health.ts': "export function GET() {\n  return Response.json({ ok: true }, { status: 401 });\n}\n",
  };

  // A route nobody imports gives no file a helper to call: its lint parses it, once.
  it('summarizes what some file may import, not the routes nobody imports', () => {
    const summarized: string[] = [];
    const run = lintProject(files, memoryHost(files), (file, graphOnly) => graphOnly || summarized.push(file));
    assert.deepEqual(summarized.sort(), ['src/deny.ts', 'src/http.ts']);
    assert.deepEqual(run.findings, [
      `${at(files, 'src/http.ts', 'status: 401')} missing-www-authenticate`,
      `${at(files, 'src/routes/health.ts', 'status: 401')} missing-www-authenticate`,
      `${at(files, 'src/routes/projects.ts', 'return deny()')} unauthorized-for-permission`,
    ]);
  });

  it('counts a workspace package imported by its name from another package as imported, whatever its files are called', () => {
    const workspace: Files = {
      'package.json': '{ "name": "monorepo", "private": true, "workspaces": ["packages/*"] }',
      'packages/errors/package.json': '{ "name": "@acme/errors", "main": "src/responses.ts" }',
      'packages/errors/src/responses.ts': "export const refuse = () => Response.json({}, { status: 401 });\n",
      'packages/api/package.json': '{ "name": "@acme/api" }',
      'packages/api/src/projects.ts': "import { refuse } from '@acme/errors';\nexport async function DELETE(request: Request) {\n  const session = await getSession(request);\n  if (!canDelete(session.user)) return refuse();\n  return Response.json({});\n}\n",
    };
    const run = lintProject(workspace);
    assert.ok(run.selected.includes('packages/api/src/projects.ts'), `selected: ${run.selected.join(', ')}`);
    assert.ok(run.findings.includes(`${at(workspace, 'packages/api/src/projects.ts', 'return refuse()')} unauthorized-for-permission`), run.findings.join('\n'));
  });
});

describe('bad input', () => {
  it('import cycles, self-imports and re-export loops end in silence', () => {
    const files: Files = {
      'package.json': '{ "name": "loops" }',
      'src/a.ts': "export * from './b';\nexport * from './a';\nimport { thing } from './b';\nexport const go = () => thing(401);\n",
      'src/b.ts': "export * from './a';\nexport { go as thing } from './a';\n",
      'src/self.ts': "import { self } from './self';\nexport const self = () => self(403);\n",
      'src/route.ts': "import { missing } from './a';\nimport { self } from './self';\nexport const GET = () => missing(401) ?? self();\n",
    };
    const run = lintProject(files);
    assert.deepEqual(run.findings, []);
    for (const [, result] of run.results) assert.deepEqual(result.ruleFailures, []);
  });

  it('a helper deleted between the text pass and the lint is unknown', () => {
    const files: Files = {
      'package.json': '{ "name": "gone" }',
      'src/http.js': "exports.sendError = (res, status) => res.status(status).end();\n",
      'src/route.js': "const { sendError } = require('./http');\nexports.handler = (req, res) => sendError(res, 401);\n",
    };
    const host = memoryHost(files);
    const readFile = host.readFile.bind(host);
    let reads = 0;
    host.readFile = (file) => (file.endsWith('http.js') && ++reads > 1 ? undefined : readFile(file));
    const run = lintProject(files, host);
    assert.deepEqual(run.findings, []);
  });

  it('a summary that cannot be read (a file the parser gives up on) is unknown', () => {
    const files: Files = {
      'package.json': '{ "name": "broken" }',
      'src/http.ts': 'export const unauthorized = ( => { {{{ status: 401',
      'src/route.ts': "import { unauthorized } from './http';\nexport const GET = () => unauthorized();\n",
    };
    const run = lintProject(files);
    for (const [, result] of run.results) assert.deepEqual(result.ruleFailures, []);
  });
});
