import ts from 'typescript';
import type { SyntaxProblem } from './types';

const SCRIPT_KINDS: Record<string, ts.ScriptKind> = {
  '.ts': ts.ScriptKind.TS,
  '.mts': ts.ScriptKind.TS,
  '.cts': ts.ScriptKind.TS,
  '.tsx': ts.ScriptKind.TSX,
  '.js': ts.ScriptKind.JS,
  '.mjs': ts.ScriptKind.JS,
  '.cjs': ts.ScriptKind.JS,
  '.jsx': ts.ScriptKind.JSX,
};

function extensionOf(fileName: string): string {
  const match = /\.[cm]?[jt]sx?$/i.exec(fileName);
  return match ? match[0].toLowerCase() : '';
}

/** Whether the engine reads this file: TypeScript and JavaScript sources, not declaration files. */
export function isLintableFile(fileName: string): boolean {
  return extensionOf(fileName) in SCRIPT_KINDS && !/\.d\.[cm]?ts$/i.test(fileName);
}

/** The script kind from the extension; an unknown extension (an untitled buffer) reads as TSX,
 * the most permissive grammar that still parses plain JavaScript. */
export function scriptKindFor(fileName: string): ts.ScriptKind {
  return SCRIPT_KINDS[extensionOf(fileName)] ?? ts.ScriptKind.TSX;
}

/** Loads TypeScript's compiler now, if it is loaded on first use (the CLI's bundle): for a thread
 * that has nothing else to do until its first parse (disk/parallel-index.ts). */
export function loadCompiler(): void {
  void ts.createSourceFile;
}

/** Why TypeScript's parser failed on a file (it can, on some malformed input: `@await await`). */
const parseFailures = new WeakMap<ts.SourceFile, string>();

let parentOfNext: ts.Node;
function bindToParent(node: ts.Node): void {
  (node as { parent: ts.Node }).parent = parentOfNext;
  const saved = parentOfNext;
  parentOfNext = node;
  ts.forEachChild(node, bindToParent);
  parentOfNext = saved;
}

/** Sets `parent` on every node (the rules walk upwards, from a status to its guards and its
 * response). TypeScript's own `setParentNodes` pass does the same through a generic work queue
 * that also visits JSDoc, and costs about three times this walk: a third of a bare parse. */
function setParents(sourceFile: ts.SourceFile): ts.SourceFile {
  parentOfNext = sourceFile;
  ts.forEachChild(sourceFile, bindToParent);
  return sourceFile;
}

/** No rule reads JSDoc: its comments are left unparsed, as TypeScript's own language service does
 * for files it only needs the syntax of (ts.updateSourceFile keeps the mode for the next parses). */
const PARSE_OPTIONS: ts.CreateSourceFileOptions = { languageVersion: ts.ScriptTarget.Latest, jsDocParsingMode: ts.JSDocParsingMode.ParseNone };

/** Parses a file, with parent pointers; never throws. When TypeScript's parser itself fails, the
 * result is an empty file whose syntax errors say why (syntaxErrorsOf), so no shell crashes on odd input. */
export function parse(fileName: string, text: string): ts.SourceFile {
  try {
    return setParents(ts.createSourceFile(fileName, text, PARSE_OPTIONS, false, scriptKindFor(fileName)));
  } catch (error) {
    const empty = ts.createSourceFile(fileName, '', ts.ScriptTarget.Latest, true, scriptKindFor(fileName));
    parseFailures.set(empty, `TypeScript could not parse this file: ${error instanceof Error ? error.message : String(error)}`);
    return empty;
  }
}

/** The parser's own diagnostics. They live on an internal field: only a Program exposes them
 * publicly, and building a Program per keystroke would cost far more than the parse. */
export function syntaxErrorsOf(sourceFile: ts.SourceFile): SyntaxProblem[] {
  const failure = parseFailures.get(sourceFile);
  if (failure) return [{ start: 0, end: 0, message: failure }];
  const diagnostics = (sourceFile as { parseDiagnostics?: readonly ts.DiagnosticWithLocation[] }).parseDiagnostics ?? [];
  return diagnostics.map((d) => ({
    start: d.start,
    end: d.start + d.length,
    message: ts.flattenDiagnosticMessageText(d.messageText, '\n'),
  }));
}
