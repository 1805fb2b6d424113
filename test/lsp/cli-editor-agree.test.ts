// Issue 4, "Done when": a project with a config file gets identical findings from the CLI and from
// the editor. A fixture workspace folder with a non-default .httpauthlintrc.json (a rule off, one
// raised, one lowered, proxyFiles, ignore, a nested config file) is linted by the CLI as users run
// it (bin/http-auth-lint.js --format json) and by the bundled server over LSP, on every file; the
// two sets of (file, rule, range, severity) must be the same.
import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { existsSync, promises as fs } from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { after, before, describe, it } from 'node:test';
import { DiagnosticSeverity, type Diagnostic } from 'vscode-languageserver-protocol/node';
import { EXPRESS_APP, SESSION_407 } from './fixtures';
import { LspSession, REPO_ROOT, pathUri } from './lspClient';

const BIN = path.join(REPO_ROOT, 'bin', 'http-auth-lint.js');

/** 403 for a missing token: forbidden-for-missing-credentials (warning by default). */
const FORBIDDEN_APP = `const express = require('express');

const app = express();

app.get('/me', (req, res) => {
  if (!req.headers.authorization) {
    return res.status(403).json({ error: 'missing token' });
  }
  res.json({});
});
`;

/** A challenge set before Koa's ctx.throw (challenge-lost), and a 401 silenced with a reason. */
const KOA_APP = `const Koa = require('koa');

const app = new Koa();

app.use(async (ctx, next) => {
  if (!ctx.headers.authorization) {
    ctx.set('WWW-Authenticate', 'Bearer realm="api"');
    ctx.throw(401, 'log in');
  }
  if (!ctx.state.user) {
    // http-auth-lint-disable-next-line missing-www-authenticate -- the gateway adds the challenge
    ctx.status = 401;
    return;
  }
  await next();
});
`;

/** The fixture folder, path -> content. */
const PROJECT: Record<string, string> = {
  '.httpauthlintrc.json': JSON.stringify(
    {
      rules: {
        'unauthorized-for-permission': 'off',
        'missing-www-authenticate': 'warning',
        'forbidden-for-missing-credentials': 'error',
      },
      proxyFiles: ['src/proxy/**'],
      ignore: ['src/generated/**'],
    },
    null,
    2,
  ),
  'src/routes.ts': EXPRESS_APP,
  'src/me.js': FORBIDDEN_APP,
  'src/koa-auth.js': KOA_APP,
  'src/files.ts': SESSION_407,
  'src/proxy/gate.ts': SESSION_407,
  'src/generated/client.ts': EXPRESS_APP,
  // Nearest config wins: here the defaults, except the permission rule at error.
  'legacy/.httpauthlintrc.json': JSON.stringify({ rules: { 'unauthorized-for-permission': 'error' } }),
  'legacy/routes.ts': EXPRESS_APP,
  'legacy/files.ts': SESSION_407,
};

/** One finding as both report it: ESLint's 1-based positions, severity 2 (error) or 1 (other). */
interface Row {
  file: string;
  rule: string;
  range: string;
  severity: number;
}

function key(row: Row): string {
  return `${row.file} ${row.rule} ${row.range} ${row.severity}`;
}

interface CliResult {
  filePath: string;
  messages: { ruleId: string; severity: number; line: number; column: number; endLine: number; endColumn: number }[];
}

function runCli(folder: string): Promise<{ code: number; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    execFile(process.execPath, [BIN, folder, '--format', 'json'], { cwd: folder }, (error, stdout, stderr) => {
      const code = error && typeof error.code === 'number' ? error.code : error ? -1 : 0;
      resolve({ code, stdout, stderr });
    });
  });
}

function fromDiagnostic(file: string, diagnostic: Diagnostic): Row {
  const { start, end } = diagnostic.range;
  return {
    file,
    rule: String(diagnostic.code),
    range: `${start.line + 1}:${start.character + 1}-${end.line + 1}:${end.character + 1}`,
    severity: diagnostic.severity === DiagnosticSeverity.Error ? 2 : 1,
  };
}

describe('the CLI and the editor agree on a project with a config file', () => {
  let folder: string;
  let session: LspSession | undefined;

  before(async () => {
    assert.ok(existsSync(path.join(REPO_ROOT, 'dist', 'cli.js')), 'dist/cli.js is missing: run `node scripts/build.mjs`');
    folder = await fs.realpath(await fs.mkdtemp(path.join(os.tmpdir(), 'http-auth-lint-agree-')));
    for (const [name, text] of Object.entries(PROJECT)) {
      await fs.mkdir(path.dirname(path.join(folder, name)), { recursive: true });
      await fs.writeFile(path.join(folder, name), text);
    }
  });

  after(async () => {
    await session?.dispose();
    await fs.rm(folder, { recursive: true, force: true });
  });

  it('same (file, rule, range, severity) for every file', async () => {
    const cli = await runCli(folder);
    assert.equal(cli.stderr, '');
    assert.equal(cli.code, 1, 'errors found');
    const fromCli: Row[] = (JSON.parse(cli.stdout) as CliResult[]).flatMap((result) =>
      result.messages.map((message) => ({
        file: path.relative(folder, result.filePath),
        rule: message.ruleId,
        range: `${message.line}:${message.column}-${message.endLine}:${message.endColumn}`,
        severity: message.severity,
      })),
    );

    session = await LspSession.start({ workspaceFolders: [folder] });
    const fromEditor: Row[] = [];
    for (const name of Object.keys(PROJECT).filter((file) => !file.endsWith('.json'))) {
      const uri = pathUri(path.join(folder, name));
      await session.open(uri, PROJECT[name]!, name.endsWith('.js') ? 'javascript' : 'typescript');
      fromEditor.push(...(await session.diagnostics(uri)).map((diagnostic) => fromDiagnostic(name, diagnostic)));
    }

    assert.deepEqual(fromEditor.map(key).sort(), fromCli.map(key).sort());
    // The config shaped the result (so agreeing is not agreeing on defaults).
    const rules = (file: string): string[] => fromEditor.filter((row) => row.file === file).map((row) => `${row.rule}:${row.severity}`).sort();
    assert.deepEqual(rules('src/routes.ts'), ['missing-www-authenticate:1'], 'permission off, missing lowered to warning');
    assert.deepEqual(rules('src/me.js'), ['forbidden-for-missing-credentials:2'], 'raised to error');
    assert.deepEqual(rules('src/koa-auth.js'), ['challenge-lost:2'], 'the suppression holds');
    assert.deepEqual(rules('src/files.ts'), ['proxy-auth-from-origin:1']);
    assert.deepEqual(rules('src/proxy/gate.ts'), ['missing-proxy-authenticate:2'], 'proxyFiles');
    assert.deepEqual(rules('src/generated/client.ts'), [], 'ignore');
    assert.deepEqual(rules('legacy/routes.ts'), ['missing-www-authenticate:2', 'unauthorized-for-permission:2'], 'the nearest config');
  });
});
