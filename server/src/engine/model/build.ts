// Builds the response model of a file in one walk over its AST: what every adapter recognizes
// (status setters, header writes), the file's imports, consts, style, helper functions and proxy
// evidence. Then, per status site: the headers on its path, its guards and its messages.
import ts from 'typescript';
import { isStatusValue, type FrameworkAdapter, type StatusSetter } from './adapter';
import { ADAPTERS } from './adapters';
import { frameworksOfFile } from './file-imports';
import { isMockFile } from './frameworks';
import { modulesOf } from './modules';
import { HelperCalls, type ScopedWrite } from './helpers';
import { guardsOf, enclosingFunction, isOnPathOf, isUnreachable } from './paths';
import { ProxyEvidence } from './proxy';
import { lazyStyle, type SourceStyle } from './source-style';
import { ConstBindings, resolveStatuses } from './status';
import type { FileFacts, HeaderWrite, ResponseModel, ResponseSite } from './types';

/** String literals in what a site sends: the arguments of its body calls and its body
 * expressions, not inside nested functions. */
function messagesOf(setter: StatusSetter): ts.StringLiteralLike[] {
  const found: ts.StringLiteralLike[] = [];
  const visit = (node: ts.Node): void => {
    if (ts.isStringLiteralLike(node)) found.push(node);
    else if (!ts.isFunctionLike(node)) ts.forEachChild(node, visit);
  };
  for (const call of setter.bodyCalls) call.arguments?.forEach(visit);
  setter.bodyExpressions?.forEach(visit);
  return found;
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
  String,
}

const ROLES = new Uint8Array(ts.SyntaxKind.Count);
for (let kind = 0; kind < ts.SyntaxKind.Count; kind++) if (ts.isTypeNode({ kind } as ts.Node)) ROLES[kind] = Role.Skipped;
ROLES[ts.SyntaxKind.InterfaceDeclaration] = Role.Skipped;
ROLES[ts.SyntaxKind.TypeAliasDeclaration] = Role.Skipped;
ROLES[ts.SyntaxKind.ImportDeclaration] = Role.Skipped;
ROLES[ts.SyntaxKind.VariableDeclaration] = Role.Variable;
ROLES[ts.SyntaxKind.FunctionDeclaration] = Role.Function;
ROLES[ts.SyntaxKind.CallExpression] = Role.Call;
ROLES[ts.SyntaxKind.StringLiteral] = Role.String;
ROLES[ts.SyntaxKind.NoSubstitutionTemplateLiteral] = Role.String;

export interface ModelOptions {
  /** Why the file is proxy code, when something outside it says so (a setting). */
  proxyReason?: string;
}

export function buildModel(sourceFile: ts.SourceFile, options: ModelOptions = {}, adapters: readonly FrameworkAdapter[] = ADAPTERS): ResponseModel {
  const consts = new ConstBindings();
  const proxy = new ProxyEvidence(sourceFile.text, options.proxyReason);
  const helpers = new HelperCalls();
  const modules = new Set(modulesOf(sourceFile));
  for (const module of modules) proxy.module(module);
  // Which adapters read this file is known from its imports before the walk; each is then asked
  // about the node kinds it reads only.
  const imports = { modules, frameworks: frameworksOfFile(sourceFile) };
  const active = isMockFile(imports) ? [] : adapters.filter((adapter) => adapter.appliesTo(imports));
  const byKind: (FrameworkAdapter[] | undefined)[] = new Array(ts.SyntaxKind.Count);
  for (const adapter of active) for (const kind of adapter.kinds) (byKind[kind] ??= []).push(adapter);
  const setters: { adapter: FrameworkAdapter; setter: StatusSetter }[] = [];
  const writes: ScopedWrite[] = [];

  // Every node of the file passes here: one table lookup and one switch on its role, no allocation.
  const visit = (node: ts.Node): void => {
    switch (ROLES[node.kind]) {
      case Role.Skipped:
        return;
      case Role.Variable:
        consts.record(node as ts.VariableDeclaration);
        helpers.visitVariable(node as ts.VariableDeclaration);
        break;
      case Role.Function:
        helpers.visitFunction(node as ts.FunctionDeclaration);
        break;
      case Role.Call:
        helpers.visitCall(node as ts.CallExpression);
        proxy.visitCall(node as ts.CallExpression);
        break;
      case Role.String:
        proxy.visitString(node as ts.StringLiteralLike);
        break;
    }
    const interested = byKind[node.kind];
    if (interested !== undefined) {
      for (const adapter of interested) {
        const setter = adapter.statusSetterAt(node, consts);
        if (setter) setters.push({ adapter, setter });
        const written = adapter.headerWritesAt(node, consts);
        if (written) {
          const scope = enclosingFunction(node);
          for (const write of written.writes) writes.push({ adapter, scope, receiverKey: written.receiverKey, write });
        }
      }
    }
    ts.forEachChild(node, visit);
  };
  visit(sourceFile);

  const facts: FileFacts = { ...imports, proxyEvidence: proxy.evidence, style: lazyStyle(sourceFile.text) };
  const writesOf = indexByResponse([...writes, ...helpers.writesThroughCalls(writes)]);
  let headerWrites: HeaderWrite[] | undefined;
  // Errors thrown instead of a response (Koa's ctx.throw): few, so the pairs below stay cheap.
  const throwers = setters.filter(({ setter }) => setter.dropsEarlierHeaders !== undefined);
  const sent = setters.filter(({ setter }) => !isUnreachable(setter.node) && (throwers.length === 0 || (!isReplaced(setter, throwers) && !followsAThrow(setter, throwers))));
  return {
    sourceFile,
    facts,
    sites: sent.flatMap(({ adapter, setter }) => sitesOf(adapter, setter, writesOf, consts, facts.style)),
    // Read by invalid-challenge only: built on first use.
    get headerWrites() {
      headerWrites ??= [...writes.map((w) => w.write), ...setters.flatMap(({ setter }) => setter.ownHeaders ?? [])];
      return headerWrites;
    },
  };
}

/** Whether a later error on the same response always follows `setter` and sends a fresh response
 * instead (Koa's `ctx.status = 401; ctx.throw(401, ...)`): the client never sees this status. An
 * error thrown only on a condition (`ctx.assert`) replaces nothing for sure. */
function isReplaced(setter: StatusSetter, all: readonly { setter: StatusSetter }[]): boolean {
  if (setter.dropsEarlierHeaders !== undefined) return false; // itself an error that is thrown
  const scope = enclosingFunction(setter.node);
  return all.some(
    ({ setter: later }) =>
      later !== setter &&
      later.dropsEarlierHeaders !== undefined &&
      !later.guards?.length &&
      later.receiverKey === setter.receiverKey &&
      setter.node.end <= later.node.getStart() &&
      enclosingFunction(later.node) === scope &&
      isOnPathOf(later.node, setter.node, []),
  );
}

/** Whether an error that is always thrown comes first on every path to `setter` (`ctx.throw(401);
 * ctx.status = 403`): the code after it never runs. */
function followsAThrow(setter: StatusSetter, all: readonly { setter: StatusSetter }[]): boolean {
  const scope = enclosingFunction(setter.node);
  return all.some(
    ({ setter: earlier }) =>
      earlier !== setter &&
      earlier.dropsEarlierHeaders !== undefined &&
      isUnconditional(earlier) &&
      earlier.node.end <= setter.node.getStart() &&
      enclosingFunction(earlier.node) === scope &&
      isOnPathOf(earlier.node, setter.node, []),
  );
}

/** Whether an adapter's own conditions never hold it back: none, or `ctx.assert(false, ...)`. */
function isUnconditional(setter: StatusSetter): boolean {
  return (setter.guards ?? []).every((guard) => guard.negated && guard.expression.kind === ts.SyntaxKind.FalseKeyword);
}

/** The statuses the rules are about; a site with another status (200, 404, ...) is not built. */
const AUTH_STATUSES = new Set([401, 403, 407]);

/** Writes by the function they are made in, then by the response they are made on: a site looks
 * up its own instead of scanning the file's (a 20,000-line file has thousands of each). */
type WritesByResponse = Map<ts.Node, Map<string, HeaderWrite[]>>;

function indexByResponse(writes: readonly ScopedWrite[]): WritesByResponse {
  const index: WritesByResponse = new Map();
  for (const { scope, receiverKey, write } of writes) {
    let byKey = index.get(scope);
    if (!byKey) index.set(scope, (byKey = new Map()));
    const list = byKey.get(receiverKey);
    if (list) list.push(write);
    else byKey.set(receiverKey, [write]);
  }
  return index;
}

function sitesOf(adapter: FrameworkAdapter, setter: StatusSetter, writesOf: WritesByResponse, consts: ConstBindings, style: SourceStyle): ResponseSite[] {
  const statuses = (isStatusValue(setter.status) ? [setter.status] : resolveStatuses(setter.status, consts)).filter((status) => AUTH_STATUSES.has(status.code));
  if (statuses.length === 0) return [];
  const scope = enclosingFunction(setter.node);
  const sameResponse = writesOf.get(scope)?.get(setter.receiverKey) ?? [];
  const onPath = sameResponse.filter(
    (write) =>
      // Nothing written after an error that is thrown reaches its response.
      !(setter.dropsEarlierHeaders && write.node.pos >= setter.node.end) &&
      isOnPathOf(write.node, setter.node, sameResponse.filter((other) => other.name === write.name).map((other) => other.node)),
  );
  // Koa's ctx.throw (and the like) sends a fresh response: headers set before it are gone.
  const dropped = setter.dropsEarlierHeaders ? onPath.filter((write) => write.node.end <= setter.node.getStart()) : [];
  const headers: HeaderWrite[] = [...(setter.ownHeaders ?? []), ...onPath.filter((write) => !dropped.includes(write))];
  const common = {
    framework: adapter.framework,
    node: setter.node,
    range: setter.range,
    headers,
    headersElsewhere: sameResponse.filter((write) => !onPath.includes(write)),
    droppedHeaders: dropped.map((write) => ({ write, reason: setter.dropsEarlierHeaders! })),
    messages: messagesOf(setter),
    fixer: setter.fixer(style),
  };
  // Guards start at the status itself: in `res.status(user ? 403 : 401)` each code has its own.
  return statuses.map((status) => ({ ...common, status, guards: [...(setter.guards ?? []), ...guardsOf(status.node)] }));
}
