import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import * as path from 'node:path';
import { hoverAt, lint, parse } from '../../server/src/engine';
import { ROOT, lintProject } from './project/support';

function hover(code: string, at: string) {
  const sourceFile = parse('a.ts', code);
  return hoverAt(sourceFile, code.indexOf(at) + 1, lint('a.ts', code).findings);
}

describe('hover on a status', () => {
  it('says what a 401 means, what clients do, and which rule reports it here', () => {
    const code = `export function me(req, res) {\n  res.sendStatus(401);\n}\n`;
    const result = hover(code, '401')!;
    assert.equal(code.slice(result.start, result.end), 'res.sendStatus(401)');
    assert.match(result.contents, /^\*\*401 Unauthorized\*\*/);
    assert.match(result.contents, /RFC 9110 §15\.5\.2/);
    assert.match(result.contents, /What clients do/);
    assert.match(result.contents, /\[missing-www-authenticate\]\(https:\/\/.+\/missing-www-authenticate\.md\): This 401 has no WWW-Authenticate/);
  });

  it('names the rules that checked a correct status', () => {
    const code = `export function me(req, res) {\n  if (req.user.role !== 'admin') return res.sendStatus(403);\n}\n`;
    const result = hover(code, '403)')!;
    assert.match(result.contents, /\*\*403 Forbidden\*\*/);
    assert.match(result.contents, /Checked by \[forbidden-for-missing-credentials\]/);
  });

  it('is silent away from a status and on statuses outside 401, 403, 407', () => {
    const code = `export function me(req, res) {\n  const x = 1;\n  res.sendStatus(404);\n}\n`;
    assert.equal(hover(code, 'const x'), undefined);
    assert.equal(hover(code, '404'), undefined);
  });
});

describe('hover on a call of project code', () => {
  const files = {
    'package.json': '{ "name": "app" }',
    'src/lib/response.ts': `import type { Response } from 'express';\n\nexport function unauthorized(res: Response) {\n  return res.status(401).json({ error: 'unauthorized' });\n}\n\nexport function challenged(res: Response) {\n  return res.status(401).set('WWW-Authenticate', 'Bearer').end();\n}\n`,
    'src/routes/me.ts': `import { Router } from 'express';\nimport { challenged, unauthorized } from '../lib/response';\n\nexport const router = Router();\nrouter.get('/me', (req, res) => {\n  if (!req.headers.authorization) return unauthorized(res);\n  if (!req.user) return challenged(res);\n  res.json(req.user);\n});\n`,
  };

  function projectHover(at: string) {
    const { project } = lintProject(files);
    const file = path.join(ROOT, 'src/routes/me.ts');
    const code = files['src/routes/me.ts'];
    const context = { project, file };
    const findings = lint(file, code, {}, context).findings;
    return hoverAt(parse(file, code), code.indexOf(at) + 1, findings, {}, context);
  }

  it('says what the helper answers, where, and without a challenge', () => {
    const result = projectHover('unauthorized(res)')!;
    assert.match(result.contents, /^\*\*401 Unauthorized\*\*\n\n`unauthorized\(\)` \(src\/lib\/response\.ts:3\) answers 401, without a `WWW-Authenticate` challenge\.\n/);
  });

  it('says when the helper sends its challenge', () => {
    const result = projectHover('challenged(res)')!;
    assert.match(result.contents, /`challenged\(\)` \(src\/lib\/response\.ts:7\) answers 401, with its `WWW-Authenticate` challenge\./);
  });

  it('is silent on such a call read without its project', () => {
    const code = files['src/routes/me.ts'];
    assert.equal(hover(code, 'unauthorized(res)'), undefined);
  });
});
