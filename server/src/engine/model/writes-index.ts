// A file's header writes by the function they are made in, then by the response they are made on:
// a site looks up its own instead of scanning the file's (a 20,000-line file has thousands of
// each). A function is inside one top-level statement, and so are the writes made in it: each
// statement's writes are indexed once and kept with its facts, which a keystroke keeps for every
// statement it does not change. Writes at the top level of the file, and writes made through
// calls of the file's helpers (helpers.ts), are indexed per run.
import ts from 'typescript';
import type { ScopedWrite } from './helpers';
import type { StatementFacts } from './statement-walk';
import type { HeaderWrite } from './types';

type ByResponse = Map<string, HeaderWrite[]>;
type ByScope = Map<ts.Node, ByResponse>;

const byStatement = new WeakMap<StatementFacts, ByScope>();

function indexOf(writes: Iterable<ScopedWrite>, into: ByScope = new Map()): ByScope {
  for (const { scope, receiverKey, write } of writes) {
    let byKey = into.get(scope);
    if (!byKey) into.set(scope, (byKey = new Map()));
    const list = byKey.get(receiverKey);
    if (list) list.push(write);
    else byKey.set(receiverKey, [write]);
  }
  return into;
}

function indexOfStatement(facts: StatementFacts): ByScope {
  let index = byStatement.get(facts);
  if (!index) byStatement.set(facts, (index = indexOf(facts.writes)));
  return index;
}

export class WritesByResponse {
  private topLevel: ByResponse | undefined;
  private readonly derived: ByScope;
  private readonly merged = new Map<ts.Node, ByResponse | undefined>();

  /** `statements` in the file's order; `derived`, the writes made through calls of its helpers. */
  constructor(
    private readonly sourceFile: ts.SourceFile,
    private readonly statements: readonly StatementFacts[],
    derived: readonly ScopedWrite[],
  ) {
    this.derived = indexOf(derived);
  }

  /** The writes made in `scope` (a function, or the file's top level), by response. */
  get(scope: ts.Node): ReadonlyMap<string, HeaderWrite[]> | undefined {
    if (this.merged.has(scope)) return this.merged.get(scope);
    const direct = this.directOf(scope);
    const derived = this.derived.get(scope);
    let result = direct;
    if (derived) {
      // The writes made directly come first, as the file has them, then those made through calls.
      result = new Map(direct);
      for (const [key, writes] of derived) result.set(key, [...(result.get(key) ?? []), ...writes]);
    }
    this.merged.set(scope, result);
    return result;
  }

  private directOf(scope: ts.Node): ByResponse | undefined {
    if (scope === this.sourceFile) {
      this.topLevel ??= this.topLevelWrites();
      return this.topLevel;
    }
    const facts = this.factsAround(scope);
    return facts && indexOfStatement(facts).get(scope);
  }

  /** The writes at the top level of the file, by response: each statement's, in the file's order. */
  private topLevelWrites(): ByResponse {
    const merged: ByResponse = new Map();
    for (const facts of this.statements) {
      for (const [key, writes] of indexOfStatement(facts).get(this.sourceFile) ?? []) merged.set(key, [...(merged.get(key) ?? []), ...writes]);
    }
    return merged;
  }

  /** The facts of the top-level statement `node` is in (the statements are in the file's order). */
  private factsAround(node: ts.Node): StatementFacts | undefined {
    const position = node.pos;
    let low = 0;
    let high = this.statements.length - 1;
    while (low <= high) {
      const middle = (low + high) >> 1;
      const statement = this.statements[middle].statement;
      if (position < statement.pos) high = middle - 1;
      else if (position >= statement.end) low = middle + 1;
      else return this.statements[middle];
    }
    return undefined;
  }
}
