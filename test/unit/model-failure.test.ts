// A response model that cannot be built (a bug in an adapter: no known input does it) costs the file
// its findings and nothing else: the run says why, the syntax errors are still reported, and the
// next run, full or incremental, is as if the failure had never happened.
import assert from 'node:assert/strict';
import { afterEach, beforeEach, describe, it } from 'node:test';
import ts from 'typescript';
import { IncrementalLint, lint, lintSource, parse } from '../../server/src/engine';
import type { FrameworkAdapter } from '../../server/src/engine/model/adapter';
import { ADAPTERS } from '../../server/src/engine/model/frameworks';

const HANDLER = `import express from 'express';
const app = express();
app.get('/me', (req, res) => {
  if (!req.user) return res.status(401).json({ error: 'login required' });
  res.json(req.user);
});
`;

const express = ADAPTERS.find((adapter) => adapter.framework === 'express')! as { -readonly [K in keyof FrameworkAdapter]: FrameworkAdapter[K] };
const working = express.statusSetterAt;

function breakTheModel(): void {
  express.statusSetterAt = () => {
    throw new Error('adapter bug');
  };
}

describe('a response model that throws', () => {
  beforeEach(breakTheModel);
  afterEach(() => {
    express.statusSetterAt = working;
  });

  it('gives no findings, names the failure, and keeps the syntax errors', () => {
    const result = lint('app.ts', `${HANDLER}const broken = ;\n`);
    assert.deepEqual(result.findings, []);
    assert.deepEqual(result.ruleFailures.map((failure) => [failure.ruleId, (failure.error as Error).message]), [['response-model', 'adapter bug']]);
    assert.equal(result.syntaxErrors.length, 1);
  });

  it('leaves the incremental linter of the document usable: its next run equals a fresh lint', () => {
    const linter = new IncrementalLint();
    const tree = parse('app.ts', HANDLER);
    assert.deepEqual(linter.lint(tree, {}, undefined).ruleFailures.map((failure) => failure.ruleId), ['response-model']);

    express.statusSetterAt = working;
    const at = HANDLER.indexOf('req.user);');
    const text = `${HANDLER.slice(0, at)}req.user ?? {}${HANDLER.slice(at + 'req.user'.length)}`;
    const change = ts.createTextChangeRange(ts.createTextSpan(at, 'req.user'.length), 'req.user ?? {}'.length);
    const after = linter.lint(ts.updateSourceFile(tree, text, change), {}, { previous: tree, change });
    const fresh = lintSource(parse('app.ts', text));
    assert.deepEqual(after.ruleFailures, []);
    assert.deepEqual(
      after.findings.map(({ ruleId, start, end }) => ({ ruleId, start, end })),
      fresh.findings.map(({ ruleId, start, end }) => ({ ruleId, start, end })),
    );
    assert.ok(after.findings.some((finding) => finding.ruleId === 'missing-www-authenticate'));
  });
});
