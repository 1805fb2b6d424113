// Shared by the CLI tests: main() called in-process with captured output (the compiled
// out/server/src/cli/main.js, the same code dist/cli.js bundles; test/lsp/cli-bundle.test.ts runs
// the bundle through bin/), temporary projects, and handler sources with known findings.
import { promises as fs } from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';

type CliModule = typeof import('../../../server/src/cli/main');
type EngineModule = typeof import('../../../server/src/engine');

// out/test/unit/cli -> out/
export const OUT = path.resolve(__dirname, '..', '..', '..');
export const REPO = path.resolve(OUT, '..');
// eslint-disable-next-line @typescript-eslint/no-require-imports
export const cli = require(path.join(OUT, 'server', 'src', 'cli', 'main.js')) as CliModule;
// eslint-disable-next-line @typescript-eslint/no-require-imports
export const engine = require(path.join(OUT, 'server', 'src', 'engine', 'index.js')) as EngineModule;

export const MISSING = 'missing-www-authenticate';
export const PERMISSION = 'unauthorized-for-permission';
export const ORIGIN_407 = 'proxy-auth-from-origin';
export const MISSING_PROXY = 'missing-proxy-authenticate';

/** The 401 without a challenge: the error of APP, and what its safe fix repairs. */
export const MISSING_SITE = "res.status(401).json({ error: 'unauthorized' })";
/** The 401 for a permission failure: the warning of APP (a suggestion, never applied by --fix). */
export const PERMISSION_SITE = "res.status(401).set('WWW-Authenticate', 'Bearer realm=\"api\"').json({ error: 'not allowed' })";

/** One error (missing-www-authenticate, safe fix) and one warning (unauthorized-for-permission). */
export const APP = `import express from 'express';

const app = express();

app.get('/me', (req, res) => {
  if (!req.headers.authorization) {
    return ${MISSING_SITE};
  }
  res.json({ user: 'me' });
});

app.delete('/posts/:id', (req, res) => {
  if (req.user.role !== 'admin') {
    return ${PERMISSION_SITE};
  }
  res.sendStatus(204);
});
`;

/** Only the warning. */
export const PERMISSION_ONLY = `const express = require('express');
const app = express();
app.delete('/posts/:id', (req, res) => {
  if (req.user.role !== 'admin') {
    return ${PERMISSION_SITE};
  }
  res.sendStatus(204);
});
`;

/** A 407 with no sign of a proxy: proxy-auth-from-origin (warning); in a proxyFiles file,
 * missing-proxy-authenticate (error, safe fix). */
export const GATE_407 = `const express = require('express');
const app = express();
app.get('/gate', (req, res) => {
  res.status(407).send('no');
});
`;

export const CLEAN = `export function handler(req, res) {
  res.statusCode = 401;
  res.setHeader('WWW-Authenticate', 'Bearer realm="api"');
  res.end();
}
`;

export interface Run {
  code: number;
  stdout: string;
  stderr: string;
}

export async function run(args: string[], cwd: string): Promise<Run> {
  let stdout = '';
  let stderr = '';
  const code = await cli.main(args, {
    cwd,
    stdout: (text) => {
      stdout += text;
    },
    stderr: (text) => {
      stderr += text;
    },
  });
  return { code, stdout, stderr };
}

export interface JsonMessage {
  ruleId: string | null;
  severity: number;
  message: string;
  line: number;
  column: number;
  endLine: number;
  endColumn: number;
}

export interface JsonResult {
  filePath: string;
  messages: JsonMessage[];
  errorCount: number;
  warningCount: number;
  fixableErrorCount: number;
  fixableWarningCount: number;
  output?: string;
}

export async function runJson(args: string[], cwd: string): Promise<{ code: number; results: JsonResult[]; stderr: string }> {
  const { code, stdout, stderr } = await run(['--format', 'json', ...args], cwd);
  return { code, results: JSON.parse(stdout) as JsonResult[], stderr };
}

/** 1-based line and column of an offset, counted here independently of the CLI. */
export function lineColumn(text: string, offset: number): { line: number; column: number } {
  const before = text.slice(0, offset).split(/\r\n|\r|\n/);
  return { line: before.length, column: before[before.length - 1]!.length + 1 };
}

function onlyIndexOf(text: string, needle: string, from = 0): number {
  const index = text.indexOf(needle, from);
  if (index < 0 || text.indexOf(needle, index + 1) >= 0) throw new Error(`${JSON.stringify(needle)} is not in the text exactly once`);
  return index;
}

/** The 1-based range of `needle` in `text` (inside `within`, when it is not unique by itself);
 * fails the test when it is not there exactly once. */
export function positionOf(text: string, needle: string, within?: string): { line: number; column: number; endLine: number; endColumn: number } {
  const start = within === undefined ? onlyIndexOf(text, needle) : onlyIndexOf(text, within) + onlyIndexOf(within, needle);
  const end = lineColumn(text, start + needle.length);
  const begin = lineColumn(text, start);
  return { line: begin.line, column: begin.column, endLine: end.line, endColumn: end.column };
}

export function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/** A temporary folder for one describe block; `project(name, files)` makes a project in it. */
export function tempRoot(prefix: string): { path: () => string; project: (name: string, files: Record<string, string>) => Promise<string>; remove: () => Promise<void>; create: () => Promise<void> } {
  let root = '';
  return {
    path: () => root,
    create: async () => {
      root = await fs.mkdtemp(path.join(os.tmpdir(), prefix));
    },
    remove: async () => {
      await fs.rm(root, { recursive: true, force: true });
    },
    project: async (name, files) => {
      const folder = path.join(root, name);
      for (const [file, text] of Object.entries(files)) {
        const full = path.join(folder, file);
        await fs.mkdir(path.dirname(full), { recursive: true });
        await fs.writeFile(full, text);
      }
      await fs.mkdir(folder, { recursive: true });
      return folder;
    },
  };
}

/**
 * Runs `fn` as a user for whom chmod 000 closes a file: as root (who reads anything), the effective
 * user becomes nobody for the call, and `folders` are opened to everyone so that nobody gets to
 * the files at all.
 */
export async function withoutRoot<T>(folders: readonly string[], fn: () => Promise<T>): Promise<T> {
  const asRoot = process.getuid?.() === 0;
  if (!asRoot) return fn();
  for (const folder of folders) await fs.chmod(folder, 0o755);
  process.seteuid!(65534);
  try {
    return await fn();
  } finally {
    process.seteuid!(0);
  }
}
