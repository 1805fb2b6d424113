// The walk over one top-level statement: every node passes once, and what the adapters recognize
// there (status setters, header writes) is kept with what the rest of the file needs from it
// (consts, helper functions and calls, signs of proxy code). A file's analysis is the list of its
// statements' facts: an editor keystroke changes one statement, and the others keep theirs.
import ts from 'typescript';
import type { FrameworkAdapter, StatusSetter } from './adapter';
import { mayPassResponse, namedFunction, type FunctionNode, type ScopedWrite } from './helpers';
import { enclosingFunction } from './syntax/paths';
import { ProxyEvidence } from './proxy';
import type { ConstBindings } from './values/status';
import type { HeaderWrite } from './types';

export interface AdapterSetter {
  adapter: FrameworkAdapter;
  setter: StatusSetter;
}

/** What one top-level statement holds for the analysis. */
export interface StatementFacts {
  statement: ts.Statement;
  /** The modules it imports (modules.ts). */
  modules: readonly string[];
  setters: AdapterSetter[];
  writes: ScopedWrite[];
  /** Its `const` declarations, in walk order: replayed into the file's bindings when the statement
   * is not walked again, so that later statements resolve the same names. */
  consts: ts.VariableDeclaration[];
  /** Functions it declares by name, and calls that may pass a response to one (helpers.ts). */
  functions: [string, FunctionNode][];
  calls: ts.CallExpression[];
  /** Every call and `new` in it, in walk order: what the project reading looks up (project/sites.ts)
   * without walking the statement again. */
  invocations: (ts.CallExpression | ts.NewExpression)[];
  /** The first sign of proxy code in it. */
  proxyEvidence: string | undefined;
  /** It sets a status outside any function: the headers written at the top level of any statement
   * reach that site, so it is checked again on every run. */
  topLevel: boolean;
  /** What it found refers to nodes of other statements (a header value from a const declared
   * elsewhere): its facts hold only as long as those statements do. */
  entangled: boolean;
}

/** What the walk does at a node, by its kind: read once into a table, so that the walk's only
 * work at most nodes is one array read. */
const enum Role {
  Other,
  /** Types, interfaces and imports: no response is sent from them (imports are read before the walk). */
  Skipped,
  Variable,
  Function,
  Call,
  New,
  String,
}

let roles: Uint8Array | undefined;

/** The table, made at the first walk rather than at load: the CLI loads TypeScript's compiler only
 * when it parses a file (scripts/esbuild-lazy-typescript.mjs). */
function rolesByKind(): Uint8Array {
  if (roles) return roles;
  roles = new Uint8Array(ts.SyntaxKind.Count);
  for (let kind = 0; kind < ts.SyntaxKind.Count; kind++) if (ts.isTypeNode({ kind } as ts.Node)) roles[kind] = Role.Skipped;
  roles[ts.SyntaxKind.InterfaceDeclaration] = Role.Skipped;
  roles[ts.SyntaxKind.TypeAliasDeclaration] = Role.Skipped;
  roles[ts.SyntaxKind.ImportDeclaration] = Role.Skipped;
  roles[ts.SyntaxKind.VariableDeclaration] = Role.Variable;
  roles[ts.SyntaxKind.FunctionDeclaration] = Role.Function;
  // `class A extends mixin(Base)`: an expression that runs, though typed as a type node.
  roles[ts.SyntaxKind.ExpressionWithTypeArguments] = Role.Other;
  roles[ts.SyntaxKind.CallExpression] = Role.Call;
  roles[ts.SyntaxKind.NewExpression] = Role.New;
  roles[ts.SyntaxKind.StringLiteral] = Role.String;
  roles[ts.SyntaxKind.NoSubstitutionTemplateLiteral] = Role.String;
  return roles;
}

/** Walks statements of one file with its active adapters, recording consts into `consts` as it goes
 * (an adapter resolves a name only through the consts declared before it, as a reader would). */
export class StatementWalker {
  private readonly byKind: (FrameworkAdapter[] | undefined)[] = new Array(ts.SyntaxKind.Count);
  private readonly roles = rolesByKind();

  constructor(
    adapters: readonly FrameworkAdapter[],
    private readonly consts: ConstBindings,
  ) {
    for (const adapter of adapters) for (const kind of adapter.kinds) (this.byKind[kind] ??= []).push(adapter);
  }

  walk(statement: ts.Statement, modules: readonly string[]): StatementFacts {
    const facts: StatementFacts = { statement, modules, setters: [], writes: [], consts: [], functions: [], calls: [], invocations: [], proxyEvidence: undefined, topLevel: false, entangled: false };
    const { byKind, consts, roles } = this;
    const proxy = new ProxyEvidence();
    // Every node of the statement passes here: one table lookup and one switch on its role, no allocation.
    const visit = (node: ts.Node): void => {
      switch (roles[node.kind]) {
        case Role.Skipped:
          return;
        case Role.Variable: {
          const declaration = node as ts.VariableDeclaration;
          if (consts.record(declaration)) facts.consts.push(declaration);
          const named = namedFunction(declaration);
          if (named) facts.functions.push(named);
          break;
        }
        case Role.Function: {
          const named = namedFunction(node as ts.FunctionDeclaration);
          if (named) facts.functions.push(named);
          break;
        }
        case Role.Call:
          if (mayPassResponse(node as ts.CallExpression)) facts.calls.push(node as ts.CallExpression);
          facts.invocations.push(node as ts.CallExpression);
          proxy.visitCall(node as ts.CallExpression);
          break;
        case Role.New:
          facts.invocations.push(node as ts.NewExpression);
          break;
        case Role.String:
          proxy.visitString(node as ts.StringLiteralLike);
          break;
      }
      const interested = byKind[node.kind];
      if (interested !== undefined) {
        for (const adapter of interested) {
          const setter = adapter.statusSetterAt(node, consts);
          if (setter) facts.setters.push({ adapter, setter });
          const written = adapter.headerWritesAt(node, consts);
          if (written) {
            const scope = enclosingFunction(node);
            for (const write of written.writes) facts.writes.push({ adapter, scope, receiverKey: written.receiverKey, write });
          }
        }
      }
      ts.forEachChild(node, visit);
    };
    visit(statement);
    facts.proxyEvidence = proxy.found;
    facts.topLevel = facts.setters.some(({ setter }) => ts.isSourceFile(enclosingFunction(setter.node)));
    facts.entangled = refersOutside(facts);
    return facts;
  }
}

function refersOutside({ statement, setters, writes }: StatementFacts): boolean {
  const outside = (node: ts.Node | undefined) => node !== undefined && (node.pos < statement.pos || node.end > statement.end);
  const writeOutside = (write: HeaderWrite) => outside(write.node) || outside(write.nameNode) || outside(write.valueNode) || outside(write.valueLiteral);
  return (
    writes.some(({ write }) => writeOutside(write)) ||
    setters.some(({ setter }) => outside(setter.node) || outside('rewrite' in setter.status ? setter.status.node : setter.status) || (setter.ownHeaders?.() ?? []).some(writeOutside))
  );
}
