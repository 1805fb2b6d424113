// The server's incremental trees (server/src/sourceFiles.ts): after any sequence of LSP
// incremental changes, the tree ts.updateSourceFile gives has every parent pointer right (the rules
// walk upwards) and the same shape as a fresh parse of the text, and the engine finds exactly what
// it finds on a fresh parse. The edits are typed at random into the example and corpus files of
// every framework, the way a person types: characters, tokens that matter to the rules, deletions,
// pastes, several changes in one notification, several notifications before one lint.
import assert from 'node:assert/strict';
import { readFileSync, readdirSync } from 'node:fs';
import * as path from 'node:path';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import ts from 'typescript';
import { TextDocument, type TextDocumentContentChangeEvent } from 'vscode-languageserver-textdocument';
import { IncrementalLint, lintSource, parse, type LintResult } from '../../server/src/engine';
import { SourceFiles } from '../../server/src/sourceFiles';
import { EXPRESS_APP, MANY_FIXES_APP } from './fixtures';
import { REPO_ROOT } from './lspClient';

/** Handler files of every framework the engine reads, with the name that picks their script kind. */
function baseFiles(): { name: string; text: string }[] {
  const files: { name: string; text: string }[] = [
    { name: 'express.ts', text: EXPRESS_APP },
    { name: 'many.ts', text: MANY_FIXES_APP },
  ];
  const walk = (folder: string): void => {
    for (const entry of readdirSync(folder, { withFileTypes: true })) {
      const full = path.join(folder, entry.name);
      if (entry.isDirectory()) {
        walk(full);
      } else if (/\.[cm]?[jt]sx?$/.test(entry.name)) {
        files.push({ name: path.relative(REPO_ROOT, full), text: readFileSync(full, 'utf8') });
      }
    }
  };
  walk(path.join(REPO_ROOT, 'examples'));
  walk(path.join(REPO_ROOT, 'test', 'corpus'));
  return files;
}

const FILES = baseFiles();

/** What a person types: single characters, the tokens the rules read, and code that opens or
 * closes a construct (an unterminated string or comment swallows the rest of the file). */
const TYPED = [
  'a', ' ', '\n', ';', '(', ')', '{', '}', "'", '"', '`', '/', '*', ',', '.', '!',
  '401', '403', '407', '200', 'status', 'res.status(401)', "'WWW-Authenticate'", "'Bearer realm=\"api\"'",
  "res.set('WWW-Authenticate', 'Basic')", '// http-auth-lint-disable-next-line\n', '/*', '*/', '${', '\r\n',
  "\napp.get('/x', (req, res) => {\n  if (!req.user) return res.sendStatus(401);\n});\n",
  "if (req.user.role !== 'admin') { return res.status(401).send('forbidden'); }",
];

interface Edit {
  /** Where, as fractions of the current text's length (kept valid whatever the text became). */
  at: number;
  length: number;
  text: string;
}

const edit: fc.Arbitrary<Edit> = fc.record({
  at: fc.double({ min: 0, max: 1, noNaN: true }),
  length: fc.oneof(fc.constant(0), fc.constant(0), fc.integer({ min: 1, max: 3 }), fc.integer({ min: 0, max: 200 })),
  text: fc.oneof(fc.constant(''), fc.constantFrom(...TYPED), fc.string({ maxLength: 5 })),
});

/** A notification carries one change or a few; a lint follows some notifications and not others
 * (the debounce collapses them). */
const session = fc.record({
  file: fc.integer({ min: 0, max: FILES.length - 1 }),
  steps: fc.array(fc.record({ changes: fc.array(edit, { minLength: 1, maxLength: 3 }), lint: fc.boolean() }), { minLength: 1, maxLength: 20 }),
});

/** An LSP change for `edit` against `text`, the text the previous changes of the notification left. */
function toChange(document: TextDocument, text: string, e: Edit): { change: TextDocumentContentChangeEvent; text: string } {
  // No position lies between the CR and the LF of a line break: LSP positions cannot say so.
  const outsideCrlf = (offset: number): number => (text[offset - 1] === '\r' && text[offset] === '\n' ? offset + 1 : offset);
  const start = outsideCrlf(Math.min(text.length, Math.floor(e.at * (text.length + 1))));
  const end = outsideCrlf(Math.min(text.length, start + e.length));
  // Positions are computed on a scratch copy of the text as it is at this change.
  const scratch = TextDocument.create(document.uri, document.languageId, 0, text);
  return {
    change: { range: { start: scratch.positionAt(start), end: scratch.positionAt(end) }, text: e.text },
    text: text.slice(0, start) + e.text + text.slice(end),
  };
}

/** Every child's parent is the node it hangs under, all the way down (JSDoc included). */
function assertParents(sourceFile: ts.SourceFile): void {
  const visit = (node: ts.Node): void => {
    ts.forEachChild(node, (child) => {
      assert.equal(child.parent, node, `${ts.SyntaxKind[child.kind]} at ${child.pos} hangs under the wrong parent`);
      visit(child);
    });
  };
  visit(sourceFile);
}

/** The tree as kinds and ranges, for comparing with a fresh parse. */
function shape(sourceFile: ts.SourceFile): string {
  const parts: string[] = [];
  const visit = (node: ts.Node, depth: number): void => {
    parts.push(`${depth}:${node.kind}:${node.pos}-${node.end}`);
    ts.forEachChild(node, (child) => visit(child, depth + 1));
  };
  visit(sourceFile, 0);
  return parts.join(' ');
}

/** What the editor shows from a lint: rule, place, message and fixes; unused suppressions. And
 * where the syntax errors are: TypeScript's incremental parser words some of them more briefly
 * than a fresh parse (no "…you might need to wrap the whole assignment in parentheses"), and the
 * server publishes none. */
const SETTINGS = { proxyFiles: ['**/proxy*'] };

function lintView(sourceFile: ts.SourceFile): unknown {
  return viewOf(lintSource(sourceFile, SETTINGS));
}

function viewOf(result: LintResult): unknown {
  assert.deepEqual(result.ruleFailures, [], 'no rule throws');
  return {
    findings: result.findings.map(({ ruleId, start, end, message, fixes, related }) => ({ ruleId, start, end, message, fixes, related })),
    unused: result.unusedDirectives.map(({ start, end, message }) => ({ start, end, message })),
    syntaxErrors: result.syntaxErrors.map(({ start, end }) => ({ start, end })),
  };
}

describe('incremental trees', () => {
  it('equal a fresh parse, and lint the same, after any sequence of incremental changes', () => {
    let incremental = 0;
    let partialLints = 0;
    let lints = 0;
    fc.assert(
      fc.property(session, ({ file, steps }) => {
        const { name, text } = FILES[file]!;
        const uri = `file:///work/${name}`;
        const trees = new SourceFiles();
        // The incremental lint, which analyses again only the statements an edit changed, finds
        // what a fresh lint of the whole text finds.
        const linter = new IncrementalLint();
        let document = TextDocument.create(uri, 'typescript', 1, text);
        linter.lint(trees.get(uri, name, document.getText(), document.version), SETTINGS, undefined);
        for (const [index, step] of steps.entries()) {
          let expected = document.getText();
          const changes = step.changes.map((e) => {
            const next = toChange(document, expected, e);
            expected = next.text;
            return next.change;
          });
          document = trees.applyChanges(document, changes, document.version + 1);
          assert.equal(document.getText(), expected);
          if (!step.lint && index < steps.length - 1) {
            continue;
          }
          const tree = trees.get(uri, name, document.getText(), document.version);
          assert.equal(tree.text, expected);
          assertParents(tree);
          const fresh = parse(name, expected);
          assert.equal(shape(tree), shape(fresh));
          const expectedView = lintView(fresh);
          assert.deepEqual(lintView(tree), expectedView);
          assert.deepEqual(viewOf(linter.lint(tree, SETTINGS, trees.originOf(uri))), expectedView, 'the incremental lint finds what a fresh lint finds');
          lints++;
          if (linter.lastRun.analyzed < linter.lastRun.statements) partialLints++;
        }
        incremental += trees.counts.incremental;
        // Only the first tree was parsed from the whole text.
        assert.equal(trees.counts.full, 1);
      }),
      { numRuns: Number(process.env.FC_RUNS ?? 150), ...(process.env.FC_SEED ? { seed: Number(process.env.FC_SEED), path: process.env.FC_PATH, endOnFailure: true } : {}) },
    );
    assert.ok(incremental > 150, `only ${incremental} incremental updates`);
    assert.ok(partialLints > 30, `only ${partialLints} of ${lints} lints analysed part of the file`);
  });

  it('reuses the tree when nothing changed, and keeps only the current tree of each document', () => {
    const trees = new SourceFiles();
    const uri = 'file:///work/app.ts';
    let document = TextDocument.create(uri, 'typescript', 1, EXPRESS_APP);
    const first = trees.get(uri, 'app.ts', document.getText(), 1);
    assert.equal(trees.get(uri, 'app.ts', document.getText(), 1), first);
    assert.equal(trees.current(uri, 1), first);
    const at = document.getText().indexOf("'unauthorized'");
    document = trees.applyChanges(document, [{ range: { start: document.positionAt(at), end: document.positionAt(at + 1) }, text: '`' }], 2);
    // The old tree stays valid until the update, which moves its nodes into the new tree.
    assert.equal(trees.current(uri, 1), first);
    const second = trees.get(uri, 'app.ts', document.getText(), 2);
    assert.notEqual(second, first);
    assert.equal(trees.current(uri, 1), undefined);
    assert.equal(trees.current(uri, 2), second);
    assert.deepEqual(trees.counts, { full: 1, incremental: 1 });
    trees.delete(uri);
    assert.equal(trees.size, 0);
    assert.equal(trees.current(uri, 2), undefined);
  });

  it('parses the whole text after a full-text change, a missed version, or a new file name', () => {
    const trees = new SourceFiles();
    const uri = 'file:///work/app.ts';
    let document = TextDocument.create(uri, 'typescript', 1, EXPRESS_APP);
    trees.get(uri, 'app.ts', document.getText(), 1);

    // A full-text change has no range to reuse nodes around.
    document = trees.applyChanges(document, [{ text: `${EXPRESS_APP}\n// more\n` }], 2);
    assertSameAsFresh(trees.get(uri, 'app.ts', document.getText(), 2), 'app.ts');
    assert.deepEqual(trees.counts, { full: 2, incremental: 0 });

    // A change applied behind the cache's back (a version it never saw).
    TextDocument.update(document, [{ range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } }, text: '// a\n' }], 3);
    document = trees.applyChanges(document, [{ range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } }, text: '// b\n' }], 4);
    assertSameAsFresh(trees.get(uri, 'app.ts', document.getText(), 4), 'app.ts');
    assert.deepEqual(trees.counts, { full: 3, incremental: 0 });

    // The same document under another name (its language changed): another script kind.
    assertSameAsFresh(trees.get(uri, 'app.js', document.getText(), 4), 'app.js');
    assert.deepEqual(trees.counts, { full: 4, incremental: 0 });

    // And back to incremental updates from there.
    document = trees.applyChanges(document, [{ range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } }, text: '// c\n' }], 5);
    assertSameAsFresh(trees.get(uri, 'app.js', document.getText(), 5), 'app.js');
    assert.deepEqual(trees.counts, { full: 4, incremental: 1 });
  });

  it('collapses the changes of several notifications into one update', () => {
    const trees = new SourceFiles();
    const uri = 'file:///work/app.ts';
    let document = TextDocument.create(uri, 'typescript', 1, EXPRESS_APP);
    trees.get(uri, 'app.ts', document.getText(), 1);
    // Typing "Forbidden" over 'unauthorized' one keystroke per notification, then one lint.
    const start = document.getText().indexOf('unauthorized');
    document = trees.applyChanges(document, [{ range: { start: document.positionAt(start), end: document.positionAt(start + 12) }, text: '' }], 2);
    for (const [i, char] of [...'Forbidden'].entries()) {
      const at = document.positionAt(start + i);
      document = trees.applyChanges(document, [{ range: { start: at, end: at }, text: char }], document.version + 1);
    }
    const tree = trees.get(uri, 'app.ts', document.getText(), document.version);
    assert.match(tree.text, /'Forbidden'/);
    assertSameAsFresh(tree, 'app.ts');
    assert.deepEqual(trees.counts, { full: 1, incremental: 1 });
  });
});

function assertSameAsFresh(tree: ts.SourceFile, name: string): void {
  assertParents(tree);
  const fresh = parse(name, tree.text);
  assert.equal(shape(tree), shape(fresh));
  assert.deepEqual(lintView(tree), lintView(fresh));
}
