// The ESLint plugin (server/src/eslint-plugin/): the engine's rules as ESLint rules, with ESLint's
// RuleTester (messages, fixes, suggestions; espree for JavaScript, typescript-eslint's parser for
// TypeScript), and real ESLint 9 and 10 over examples/, which find what the CLI finds there.
import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { describe, it } from 'node:test';
import { RuleTester, ESLint } from 'eslint';
import tseslint from 'typescript-eslint';
import plugin from '../../../server/src/eslint-plugin/index';
import { engineRuns } from '../../../server/src/eslint-plugin/engine-run';
import { runJson } from '../cli/helpers';

const REPO = path.resolve(__dirname, '..', '..', '..', '..');
const EXAMPLES = path.join(REPO, 'examples');

// RuleTester reports through describe/it; node:test's suit it.
RuleTester.describe = describe;
RuleTester.it = it;
RuleTester.itOnly = it.only;

const tester = new RuleTester();
const tsTester = new RuleTester({ languageOptions: { parser: tseslint.parser } });

const app = (body: string) => `const express = require('express');\nconst app = express();\napp.get('/me', (req, res) => {\n${body}\n});\n`;

tester.run('missing-www-authenticate', plugin.rules['missing-www-authenticate']!, {
  valid: [{ code: app(`  if (!req.user) return res.status(401).set('WWW-Authenticate', 'Bearer realm="api"').end();\n  res.json(req.user);`) }],
  invalid: [
    {
      code: app(`  if (!req.user) return res.status(401).end();\n  res.json(req.user);`),
      errors: [{ messageId: 'finding', line: 4, column: 25 }],
      output: app(`  if (!req.user) return res.status(401).set('WWW-Authenticate', 'Bearer realm="api"').end();\n  res.json(req.user);`),
    },
  ],
});

tester.run('unauthorized-for-permission', plugin.rules['unauthorized-for-permission']!, {
  valid: [{ code: app(`  if (!req.user.roles.includes('admin')) return res.sendStatus(403);\n  res.json(req.user);`) }],
  invalid: [
    {
      code: app(`  if (!req.user.roles.includes('admin')) return res.sendStatus(401);\n  res.json(req.user);`),
      errors: [
        {
          messageId: 'finding',
          suggestions: [{ desc: 'Send 403 Forbidden instead', output: app(`  if (!req.user.roles.includes('admin')) return res.sendStatus(403);\n  res.json(req.user);`) }],
        },
      ],
    },
  ],
});

tsTester.run('missing-www-authenticate (TypeScript)', plugin.rules['missing-www-authenticate']!, {
  valid: [],
  invalid: [
    {
      code: `import express, { type Request, type Response } from 'express';\nconst app = express();\napp.get('/me', (req: Request, res: Response) => {\n  if (!req.headers.authorization) return res.status(401).json({ error: 'unauthorized' });\n  res.json({});\n});\n`,
      errors: [{ messageId: 'finding', line: 4 }],
      output: `import express, { type Request, type Response } from 'express';\nconst app = express();\napp.get('/me', (req: Request, res: Response) => {\n  if (!req.headers.authorization) return res.status(401).set('WWW-Authenticate', 'Bearer realm="api"').json({ error: 'unauthorized' });\n  res.json({});\n});\n`,
    },
  ],
});

describe('the plugin', () => {
  it('names each rule after the engine, with its docs URL, and a recommended config of all of them', () => {
    assert.equal(Object.keys(plugin.rules).length, 7);
    for (const [id, rule] of Object.entries(plugin.rules)) assert.match(String(rule.meta?.docs?.url), new RegExp(`/docs/rules/${id}\\.md$`));
    assert.deepEqual(Object.keys(plugin.configs.recommended.rules ?? {}).sort(), Object.keys(plugin.rules).map((id) => `http-auth-lint/${id}`).sort());
    assert.equal(plugin.configs.recommended.plugins?.['http-auth-lint'], plugin);
  });

  it('reports nothing in a file the ignore globs of .httpauthlintrc.json match, as the CLI', async () => {
    const folder = mkdtempSync(path.join(tmpdir(), 'http-auth-lint-eslint-ignore-'));
    try {
      writeFileSync(path.join(folder, '.httpauthlintrc.json'), '{ "ignore": ["legacy/**"] }\n');
      const eslint = new ESLint({ cwd: folder, overrideConfigFile: true, overrideConfig: [plugin.configs.recommended] });
      const code = app('  return res.status(401).end();');
      const [ignored] = await eslint.lintText(code, { filePath: path.join(folder, 'legacy', 'old.js') });
      const [linted] = await eslint.lintText(code, { filePath: path.join(folder, 'src', 'new.js') });
      assert.deepEqual(ignored!.messages, []);
      assert.deepEqual(linted!.messages.map((message) => message.ruleId), ['http-auth-lint/missing-www-authenticate']);
    } finally {
      rmSync(folder, { recursive: true, force: true });
    }
  });

  it('reads a file with its project: a helper in another file decides the finding at its call', async () => {
    const folder = mkdtempSync(path.join(tmpdir(), 'http-auth-lint-eslint-project-'));
    try {
      writeFileSync(path.join(folder, 'package.json'), '{ "name": "app" }\n');
      mkdirSync(path.join(folder, 'src', 'lib'), { recursive: true });
      writeFileSync(path.join(folder, 'src', 'lib', 'deny.js'), "function deny(res) {\n  return res.status(401).json({ error: 'no' });\n}\nmodule.exports = { deny };\n");
      const route = path.join(folder, 'src', 'route.js');
      writeFileSync(route, "const express = require('express');\nconst { deny } = require('./lib/deny');\nconst app = express();\napp.delete('/posts/:id', (req, res) => {\n  if (!req.user.isAdmin) return deny(res);\n  res.json({ ok: true });\n});\n");
      const eslint = new ESLint({ cwd: folder, overrideConfigFile: true, overrideConfig: [plugin.configs.recommended] });
      const [result] = await eslint.lintFiles([route]);
      // The 401 is written in deny.js: only the project says that `deny(res)` sends it.
      assert.deepEqual(result!.messages.map((message) => `${message.line} ${message.ruleId}`), ['5 http-auth-lint/unauthorized-for-permission']);
    } finally {
      rmSync(folder, { recursive: true, force: true });
    }
  });

  it('runs the engine once per file, for all its rules', async () => {
    const eslint = new ESLint({ cwd: EXAMPLES, overrideConfigFile: true, overrideConfig: [plugin.configs.recommended] });
    const before = engineRuns.count;
    await eslint.lintText(app('  return res.status(401).end();'), { filePath: path.join(EXAMPLES, 'inline.js') });
    assert.equal(engineRuns.count - before, 1);
  });
});

/** `file:line rule` for every finding of an ESLint run over examples/ with the plugin. */
async function eslintFindings(Engine: typeof ESLint): Promise<string[]> {
  const eslint = new Engine({
    cwd: EXAMPLES,
    overrideConfigFile: true,
    overrideConfig: [{ files: ['**/*.ts', '**/*.tsx', '**/*.mts', '**/*.cts'], languageOptions: { parser: tseslint.parser } }, plugin.configs.recommended],
  });
  const results = await eslint.lintFiles(['.']);
  return results.flatMap((result) => result.messages.map((message) => `${path.relative(EXAMPLES, result.filePath)}:${message.line} ${String(message.ruleId).replace('http-auth-lint/', '')}`)).sort();
}

describe('real ESLint over examples/', () => {
  it('finds what the CLI finds, with ESLint 9 and with ESLint 10', async () => {
    const { results } = await runJson(['.'], EXAMPLES);
    const cli = results.flatMap((result) => result.messages.map((message) => `${path.relative(EXAMPLES, result.filePath)}:${message.line} ${message.ruleId}`)).sort();
    assert.ok(cli.length > 40);
    assert.deepEqual(await eslintFindings(ESLint), cli, 'ESLint 9');
    // eslint10 is ESLint 10 under another name (package.json devDependencies).
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    const { ESLint: ESLint10 } = require('eslint10') as { ESLint: typeof ESLint };
    assert.match(String((ESLint10 as unknown as { version: string }).version), /^10\./);
    assert.deepEqual(await eslintFindings(ESLint10), cli, 'ESLint 10');
  });
});
