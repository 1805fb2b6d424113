import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import * as ts from 'typescript';
import { applyEdits, disableForLineFix, isLintableFile, lint, parse } from '../../server/src/engine';
import { lintSource } from '../../server/src/engine';
import { scriptKindFor } from '../../server/src/engine/parse';
import { defineRule } from '../../server/src/engine/rule';
import { RULES } from '../../server/src/engine/rules';

const handler = `export function me(req, res) {\n  res.sendStatus(401);\n}\n`;

describe('parse', () => {
  it('sets the same parent on every node as the setParentNodes option of TypeScript', () => {
    const text = `import x from 'y';\ntype T = { a: string };\n/** doc */\nexport class C { @Get() m(@Res() res: R) { if (!res) throw new E(401); res.status(403).json({ a: [1, \`t\${x}\`] }); } }\n`;
    const ours = parse('a.tsx', text);
    const theirs = ts.createSourceFile('a.tsx', text, ts.ScriptTarget.Latest, true, ts.ScriptKind.TSX);
    const parents = (root: ts.Node): string[] => {
      const found: string[] = [];
      const visit = (node: ts.Node): void => {
        found.push(`${ts.SyntaxKind[node.kind]}@${node.pos} in ${node.parent ? `${ts.SyntaxKind[node.parent.kind]}@${node.parent.pos}` : 'nothing'}`);
        ts.forEachChild(node, visit);
      };
      ts.forEachChild(root, visit);
      return found;
    };
    assert.ok(parents(theirs).length > 40);
    assert.deepEqual(parents(ours), parents(theirs));
  });

  it('leaves JSDoc comments unparsed, and a lint reads the code they document', () => {
    const text = `/**\n * @param req the request\n * @returns nothing\n */\nexport function me(req, res) {\n  res.sendStatus(401);\n}\n`;
    const documented = parse('a.ts', text).statements[0] as ts.FunctionDeclaration & { jsDoc?: unknown[] };
    assert.equal(ts.isFunctionDeclaration(documented), true);
    assert.equal(documented.jsDoc, undefined);
    // With the default mode TypeScript attaches it: the assertion above can fail.
    const stock = ts.createSourceFile('a.ts', text, ts.ScriptTarget.Latest, true).statements[0] as ts.FunctionDeclaration & { jsDoc?: unknown[] };
    assert.equal(stock.jsDoc?.length, 1);
    assert.deepEqual(lint('a.ts', text).findings.map((f) => f.ruleId), lint('a.ts', text.slice(text.indexOf('export'))).findings.map((f) => f.ruleId));
    assert.ok(lint('a.ts', text).findings.length > 0);
  });

  it('reads the script kind from the extension', () => {
    assert.equal(scriptKindFor('a.ts'), ts.ScriptKind.TS);
    assert.equal(scriptKindFor('a.MTS'), ts.ScriptKind.TS);
    assert.equal(scriptKindFor('a.cts'), ts.ScriptKind.TS);
    assert.equal(scriptKindFor('a.tsx'), ts.ScriptKind.TSX);
    assert.equal(scriptKindFor('a.js'), ts.ScriptKind.JS);
    assert.equal(scriptKindFor('a.mjs'), ts.ScriptKind.JS);
    assert.equal(scriptKindFor('a.cjs'), ts.ScriptKind.JS);
    assert.equal(scriptKindFor('a.jsx'), ts.ScriptKind.JSX);
  });

  it('lints sources, not declarations or other files', () => {
    for (const name of ['a.ts', 'b.tsx', 'c.js', 'd.jsx', 'e.mjs', 'f.cjs', 'g.mts', 'h.cts']) assert.ok(isLintableFile(name), name);
    for (const name of ['a.d.ts', 'b.d.mts', 'c.json', 'd.md', 'ts', 'e.tsx.orig']) assert.ok(!isLintableFile(name), name);
  });

  it('parses JSX only where the kind allows it', () => {
    const jsx = `export const view = () => <div>{res.status}</div>;\n`;
    assert.deepEqual(lint('a.tsx', jsx).syntaxErrors, []);
    assert.ok(lint('a.ts', jsx).syntaxErrors.length > 0);
  });

  it('reports syntax errors and still lints what parsed', () => {
    const result = lint('a.ts', `${handler}\nconst broken = ;\n`);
    assert.equal(result.syntaxErrors.length, 1);
    assert.deepEqual(result.findings.map((f) => f.ruleId), ['missing-www-authenticate']);
  });
});

describe('settings', () => {
  it('runs a rule at its configured severity, or not at all when off', () => {
    assert.equal(lint('a.ts', handler).findings[0].severity, 'error');
    assert.equal(lint('a.ts', handler, { rules: { 'missing-www-authenticate': 'hint' } }).findings[0].severity, 'hint');
    assert.deepEqual(lint('a.ts', handler, { rules: { 'missing-www-authenticate': 'off' } }).findings, []);
  });

  it('keeps the default severity for a value that is not a severity', () => {
    const result = lint('a.ts', handler, { rules: { 'missing-www-authenticate': 'loud' as never } });
    assert.equal(result.findings[0].severity, 'error');
  });
});

describe('a rule that throws', () => {
  it('is reported as a failure while the other rules still report', () => {
    const broken = defineRule({
      id: 'broken',
      description: 'Throw on every file',
      defaultSeverity: 'error',
      fixKind: 'safe',
      messages: {},
      check() {
        throw new Error('boom');
      },
    });
    const result = lintSource(parse('a.ts', handler), {}, [broken, ...RULES]);
    assert.deepEqual(result.ruleFailures.map((f) => f.ruleId), ['broken']);
    assert.deepEqual(result.findings.map((f) => f.ruleId), ['missing-www-authenticate']);
  });
});

describe('disable for this line', () => {
  const finding = () => lint('a.ts', handler).findings[0];

  it('adds a comment above the line, at its indentation, which silences the rule there', () => {
    const fix = disableForLineFix(handler, finding());
    assert.equal(fix.title, 'Disable missing-www-authenticate for this line');
    const fixed = applyEdits(handler, fix.edits);
    assert.equal(fixed, `export function me(req, res) {\n  // http-auth-lint-disable-next-line missing-www-authenticate\n  res.sendStatus(401);\n}\n`);
    assert.deepEqual(lint('a.ts', fixed).findings, []);
  });

  it('merges into a comment that is already there, before its reason', () => {
    const code = `export function me(req, res) {\n  // http-auth-lint-disable-next-line proxy-auth-from-origin -- legacy client\n  res.sendStatus(401);\n}\n`;
    const fixed = applyEdits(code, disableForLineFix(code, lint('a.ts', code).findings[0]).edits);
    assert.ok(fixed.includes('// http-auth-lint-disable-next-line proxy-auth-from-origin, missing-www-authenticate -- legacy client\n'));
    assert.deepEqual(lint('a.ts', fixed).findings, []);
  });

  it('keeps CRLF line endings', () => {
    const code = handler.replace(/\n/g, '\r\n');
    const fixed = applyEdits(code, disableForLineFix(code, lint('a.ts', code).findings[0]).edits);
    assert.ok(fixed.includes('  // http-auth-lint-disable-next-line missing-www-authenticate\r\n  res.sendStatus(401);'));
  });

  it('silences every rule when the comment names none', () => {
    const code = `export function me(req, res) {\n  // http-auth-lint-disable-next-line\n  res.sendStatus(401);\n}\n`;
    assert.deepEqual(lint('a.ts', code).findings, []);
  });
});

describe('findings', () => {
  it('carry their rule, docs link, a range in the text and fixes marked safe or not', () => {
    const [finding] = lint('a.ts', handler).findings;
    assert.equal(handler.slice(finding.start, finding.end), 'res.sendStatus(401)');
    assert.equal(finding.docsUrl, 'https://github.com/http-auth-lint/http-auth-lint/blob/main/docs/rules/missing-www-authenticate.md');
    assert.deepEqual(finding.fixes.map((f) => [f.title, f.safe]), [['Add WWW-Authenticate challenge', true]]);
  });

  it('point at the set made on another path as related information', () => {
    const code = `export function me(req, res) {\n  if (req.query.basic) res.set('WWW-Authenticate', 'Basic realm="x"');\n  res.sendStatus(401);\n}\n`;
    const [finding] = lint('a.ts', code).findings;
    assert.equal(finding.related.length, 1);
    assert.equal(code.slice(finding.related[0].start, finding.related[0].end), `res.set('WWW-Authenticate', 'Basic realm="x"')`);
  });

  it('never throws on empty, binary-looking or truncated input', () => {
    for (const text of ['', '\u0000\u0001\u0002', handler.slice(0, 40), '(((((', '`${']) {
      assert.doesNotThrow(() => lint('a.ts', text));
    }
  });
});

describe('applyEdits', () => {
  it('applies edits in any order and refuses overlapping ones', () => {
    assert.equal(applyEdits('abcdef', [{ start: 4, end: 5, newText: 'E' }, { start: 0, end: 1, newText: 'A' }]), 'AbcdEf');
    assert.throws(() => applyEdits('abcdef', [{ start: 0, end: 3, newText: '' }, { start: 2, end: 4, newText: '' }]));
  });
});

describe('proxy files', () => {
  const origin407 = `export function deny(req, res) {\n  res.sendStatus(407);\n}\n`;
  const rulesOf = (fileName: string, settings: Parameters<typeof lint>[2]) => lint(fileName, origin407, settings).findings.map((f) => f.ruleId);

  it('makes a file matching httpAuthLint.proxyFiles proxy code', () => {
    assert.deepEqual(rulesOf('/ws/src/gateway/auth.ts', {}), ['proxy-auth-from-origin']);
    assert.deepEqual(rulesOf('/ws/src/gateway/auth.ts', { proxyFiles: ['src/gateway/**'], root: '/ws' }), ['missing-proxy-authenticate']);
  });

  it('matches a pattern without a slash against the file name in any folder', () => {
    assert.deepEqual(rulesOf('/ws/a/b/proxy.ts', { proxyFiles: ['proxy.ts'], root: '/ws' }), ['missing-proxy-authenticate']);
    assert.deepEqual(rulesOf('/ws/a/b/server.ts', { proxyFiles: ['proxy.ts'], root: '/ws' }), ['proxy-auth-from-origin']);
  });

  it('matches relative to the root, not from the file system root', () => {
    assert.deepEqual(rulesOf('/ws/src/gateway/auth.ts', { proxyFiles: ['gateway/**'], root: '/ws' }), ['proxy-auth-from-origin']);
  });
});
