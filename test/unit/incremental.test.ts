// The incremental lint (server/src/engine/incremental.ts) after edits that reach beyond the
// statement they are made in: each must change what another statement's analysis reads, and the
// incremental result must still be the fresh one. The random edit sequences of
// test/lsp/incremental.test.ts rarely make such an edit; these make one each, on purpose.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import ts from 'typescript';
import { IncrementalLint, lintSource, parse, type LintResult } from '../../server/src/engine';

const SETTINGS = {};

const view = (result: LintResult) => ({
  findings: result.findings.map(({ ruleId, start, end, message, fixes, related }) => ({ ruleId, start, end, message, fixes, related })),
  unused: result.unusedDirectives.map(({ start, end, message }) => ({ start, end, message })),
});

/** Lints `text`, replaces the first `find` in it with `replace` through ts.updateSourceFile, and
 * lints again incrementally. Returns both results and how much of the file the second run read. */
function edit(text: string, find: string, replace: string, fileName = 'app.ts') {
  const at = text.indexOf(find);
  assert.ok(at >= 0, `${find} is in the text`);
  const linter = new IncrementalLint();
  const tree = parse(fileName, text);
  const before = linter.lint(tree, SETTINGS, undefined);
  const newText = text.slice(0, at) + replace + text.slice(at + find.length);
  const change = ts.createTextChangeRange(ts.createTextSpan(at, find.length), replace.length);
  const updated = ts.updateSourceFile(tree, newText, change);
  const after = linter.lint(updated, SETTINGS, { previous: tree, change });
  const fresh = lintSource(parse(fileName, newText), SETTINGS);
  assert.deepEqual(view(after), view(fresh), 'the incremental lint finds what a fresh lint finds');
  return { before, after, run: linter.lastRun };
}

const rules = (result: LintResult) => result.findings.map((f) => f.ruleId).sort();

const EXPRESS = `import express from 'express';
const app = express();

function challenge(res) {
  res.set('WWW-Authenticate', 'Bearer realm="api"');
}

const CODE = 401;

app.get('/a', (req, res) => {
  if (!req.user) {
    challenge(res);
    return res.sendStatus(401);
  }
  res.json({ ok: true });
});

app.get('/b', (req, res) => {
  if (!req.user) return res.sendStatus(CODE);
  res.json({ ok: true });
});

app.get('/c', (req, res) => {
  if (!req.user) return res.status(403).json({ error: 'admins only' });
  res.json({ ok: true });
});
`;

describe('the incremental lint', () => {
  it('reads only the statement typed in, and moves the findings after it', () => {
    const { before, after, run } = edit(EXPRESS, '    challenge(res);', '    challenge(res);\n  // typing');
    assert.equal(run.analyzed, 1);
    assert.equal(run.statements, 7);
    assert.deepEqual(rules(after), rules(before));
    assert.equal(after.findings.at(-1)!.start, before.findings.at(-1)!.start + '\n  // typing'.length);
  });

  it('reads the file again when a const another handler sends changes', () => {
    const { before, after } = edit(EXPRESS, 'const CODE = 401;', 'const CODE = 200;');
    assert.notDeepEqual(rules(after), rules(before));
  });

  it('reads the file again when a helper stops writing the challenge', () => {
    const { before, after } = edit(EXPRESS, "res.set('WWW-Authenticate', 'Bearer realm=\"api\"');", "res.set('X-Other', 'x');");
    assert.equal(rules(after).length, rules(before).length + 1);
  });

  it('reads the file again when an edit makes it proxy code', () => {
    const text = `import express from 'express';
app.get('/a', (req, res) => {
  if (!req.user) return res.sendStatus(407);
});
app.get('/b', (req, res) => {
  res.json({ ok: true });
});
`;
    const { before, after } = edit(text, 'res.json({ ok: true });', "res.json({ ok: req.headers['proxy-authorization'] });");
    assert.notDeepEqual(rules(after), rules(before));
  });

  it('reads the file again when its imports change', () => {
    const { before, after } = edit(EXPRESS, "import express from 'express';", "import express from 'express';\nimport 'http-proxy';");
    assert.notDeepEqual(view(after), view(before));
  });

  it('reads again a handler whose header value is a const of another statement', () => {
    const text = `import express from 'express';
const CHALLENGE = 'Bearer realm="api"';
app.get('/a', (req, res) => {
  if (!req.user) return res.set('WWW-Authenticate', CHALLENGE).sendStatus(401);
});
`;
    const { before, after } = edit(text, `const CHALLENGE = 'Bearer realm="api"';`, `const CHALLENGE = 'Bearer realm=';`);
    assert.equal(rules(after).length, rules(before).length + 1);
  });

  it('reads again the sites of code outside any function', () => {
    const text = `import http from 'node:http';
const res = getResponse();
res.statusCode = 401;
res.setHeader('WWW-Authenticate', 'Basic realm="x"');
res.end();
`;
    const { before, after } = edit(text, `res.setHeader('WWW-Authenticate', 'Basic realm="x"');`, `res.setHeader('X-Other', 'x');`);
    assert.equal(rules(after).length, rules(before).length + 1);
  });

  it('reads the file again when a Nest exception filter changes', () => {
    const text = `import { Catch, Controller, Get, UnauthorizedException, UseFilters } from '@nestjs/common';
@Catch(UnauthorizedException)
export class ChallengeFilter {
  catch(exception, host) {
    host.switchToHttp().getResponse().header('WWW-Authenticate', 'Bearer realm="api"').status(401).send();
  }
}
@Controller('me')
@UseFilters(ChallengeFilter)
export class MeController {
  @Get()
  me() {
    throw new UnauthorizedException();
  }
}
`;
    const { before, after } = edit(text, `.header('WWW-Authenticate', 'Bearer realm="api"')`, '');
    assert.notDeepEqual(rules(after), rules(before));
  });
});
