// Builds the response model of a file in one walk over its AST: what every adapter recognizes
// (status setters, header writes), the file's imports, consts, style, helper functions and proxy
// evidence (statement-walk.ts, statement by statement). Then, per status site: the headers on its
// path, its guards and its messages.
import ts from 'typescript';
import { isStatusValue, type FrameworkAdapter, type StatusSetter } from './adapter';
import { ADAPTERS } from './frameworks';
import { frameworksOfFile } from './imports/file-frameworks';
import { isMockFile, isServerActionFile } from './imports/frameworks';
import { isTestFile } from './test-code';
import { knowModulesOf, modulesOfStatement } from './imports/modules';
import { HelperCalls } from './helpers';
import { guardsOf, enclosingFunction, isCaughtAndReplaced, isOnPathOf, isUnreachable } from './syntax/paths';
import { proxyEvidenceOfFile } from './proxy';
import { lazyStyle, type SourceStyle } from './syntax/source-style';
import { StatementWalker, type StatementFacts } from './statement-walk';
import { AUTH_STATUSES, ConstBindings, resolveStatuses } from './values/status';
import type { FileFacts, HeaderWrite, ResponseFixer, ResponseModel, ResponseSite } from './types';
import { oneLineRange } from './syntax/ranges';
import { WritesByResponse } from './writes-index';

/** String literals in what a site sends: the arguments of its body calls and its body
 * expressions, not inside nested functions. */
function messagesOf(setter: StatusSetter): ts.StringLiteralLike[] {
  const found: ts.StringLiteralLike[] = [];
  const visit = (node: ts.Node): void => {
    if (ts.isStringLiteralLike(node)) found.push(node);
    else if (!ts.isFunctionLike(node)) ts.forEachChild(node, visit);
  };
  for (const call of setter.bodyCalls()) call.arguments?.forEach(visit);
  setter.bodyExpressions?.forEach(visit);
  return found;
}

export interface ModelOptions {
  /** Why the file is proxy code, when something outside it says so (a setting). */
  proxyReason?: string;
  /** The folder test folders are looked for below (isTestFile): the file's project root, else the
   * settings' root. */
  root?: string;
}

/** A file read statement by statement: the facts of each, and what holds across them. */
export interface FileAnalysis {
  sourceFile: ts.SourceFile;
  facts: FileFacts;
  statements: StatementFacts[];
  consts: ConstBindings;
  /** Every header write of the file, made directly or through a helper, by function and response. */
  writesOf: WritesByResponse;
  /** False for a file whose statuses answer no HTTP request (mocks, server actions): it has no sites. */
  servesHttp: boolean;
}

/** Reads every top-level statement of a file; `kept` gives the facts of a statement that need not
 * be walked again (the same node as in an earlier analysis, with the same file around it). */
export function analyzeFile(
  sourceFile: ts.SourceFile,
  options: ModelOptions = {},
  adapters: readonly FrameworkAdapter[] = ADAPTERS,
  kept?: (statement: ts.Statement) => StatementFacts | undefined,
): FileAnalysis {
  const keptFacts = kept ? sourceFile.statements.map(kept) : [];
  const modulesByStatement = sourceFile.statements.map((statement, index) => keptFacts[index]?.modules ?? modulesOfStatement(statement));
  const fileModules = modulesByStatement.flat();
  // Adapters ask for the file's modules node by node (modulesOf): they are known already.
  knowModulesOf(sourceFile, fileModules);
  const modules = new Set(fileModules);
  // Which adapters read this file is known from its imports before the walk; each is then asked
  // about the node kinds it reads only.
  const imports = { modules, frameworks: frameworksOfFile(sourceFile) };
  const servesHttp = !isTestFile(sourceFile.fileName, options.root) && !isMockFile(imports) && !isServerActionFile(sourceFile, imports);
  const active = servesHttp ? adapters.filter((adapter) => adapter.appliesTo(imports)) : [];
  const consts = new ConstBindings();
  const walker = new StatementWalker(active, consts);
  const statements = sourceFile.statements.map((statement, index) => {
    const facts = keptFacts[index];
    if (!facts) return walker.walk(statement, modulesByStatement[index]);
    consts.recordAgain(facts.consts);
    return facts;
  });
  const helpers = new HelperCalls(
    allOf(statements, (facts) => facts.functions),
    allOf(statements, (facts) => facts.calls),
  );
  const writes = allOf(statements, (facts) => facts.writes);
  const proxyEvidence = proxyEvidenceOfFile(sourceFile.text, options.proxyReason, modules, statements.map((facts) => facts.proxyEvidence));
  return {
    sourceFile,
    facts: { ...imports, proxyEvidence, style: lazyStyle(sourceFile.text) },
    statements,
    consts,
    writesOf: new WritesByResponse(sourceFile, statements, helpers.writesThroughCalls(writes)),
    servesHttp,
  };
}

/** The items of every statement, in order. A plain loop: `flatMap` over the 2,000 statements of a
 * long file took a millisecond of every keystroke in it. */
function allOf<T>(statements: readonly StatementFacts[], items: (facts: StatementFacts) => readonly T[]): T[] {
  const all: T[] = [];
  for (const facts of statements) for (const item of items(facts)) all.push(item);
  return all;
}

/** The response model of some statements of an analyzed file: their sites, and their header writes. */
export function modelOf(analysis: FileAnalysis, statements: readonly StatementFacts[] = analysis.statements): ResponseModel {
  const setters = statements.flatMap((facts) => facts.setters);
  // Errors thrown instead of a response (Koa's ctx.throw): few, so the pairs below stay cheap.
  const throwers = setters.filter(({ setter }) => setter.dropsEarlierHeaders !== undefined);
  const sent = setters.filter(
    ({ setter }) =>
      !isUnreachable(setter.node) &&
      // An error thrown into a `catch` that answers in its place never leaves with its status.
      !(setter.thrownError && isCaughtAndReplaced(setter.node)) &&
      (throwers.length === 0 || (!isReplaced(setter, throwers) && !followsAThrow(setter, throwers))),
  );
  let headerWrites: HeaderWrite[] | undefined;
  return {
    sourceFile: analysis.sourceFile,
    facts: analysis.facts,
    sites: mergeChosen(sent.flatMap(({ adapter, setter }) => sitesOf(adapter, setter, analysis.writesOf, analysis.consts, analysis.facts.style))),
    headerWrites: () => (headerWrites ??= [...statements.flatMap((facts) => facts.writes.map((w) => w.write)), ...setters.flatMap(({ setter }) => setter.ownHeaders?.() ?? [])]),
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

/** The header writes on a setter's response: those that reach the client with it, those made
 * elsewhere in the same function, and those the framework drops for this kind of site. */
export interface SetterHeaders {
  headers: HeaderWrite[];
  headersElsewhere: HeaderWrite[];
  droppedHeaders: { write: HeaderWrite; reason: string }[];
}

export function headersOfSetter(setter: StatusSetter, writesOf: WritesByResponse): SetterHeaders {
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
  return {
    headers: [...(setter.ownHeaders?.() ?? []), ...onPath.filter((write) => !dropped.includes(write))],
    headersElsewhere: sameResponse.filter((write) => !onPath.includes(write)),
    droppedHeaders: dropped.map((write) => ({ write, reason: setter.dropsEarlierHeaders! })),
  };
}

function sitesOf(adapter: FrameworkAdapter, setter: StatusSetter, writesOf: WritesByResponse, consts: ConstBindings, style: SourceStyle): ResponseSite[] {
  const statuses = (isStatusValue(setter.status) ? [setter.status] : resolveStatuses(setter.status, consts)).filter((status) => AUTH_STATUSES.has(status.code));
  if (statuses.length === 0) return [];
  const { headers, headersElsewhere, droppedHeaders } = headersOfSetter(setter, writesOf);
  const messages = messagesOf(setter);
  const fixer = setter.fixer(style);
  // Guards start at the status itself: in `res.status(user ? 403 : 401)` each code has its own.
  return statuses.map((status) => ({
    framework: adapter.framework,
    status,
    node: setter.node,
    // A status chosen for a variable is reported where it is chosen, the one place that is its own.
    range: status.chosenAt ? oneLineRange(status.chosenAt) : setter.range,
    // The path from the choice to the send is not traced: a header the function writes anywhere
    // on this response may be the one for this status (`statusCode = 401; res.set(...)`). Silence.
    headers: status.chosenAt ? [...headers, ...headersElsewhere] : headers,
    headersElsewhere: status.chosenAt ? [] : headersElsewhere,
    droppedHeaders,
    guards: [...(setter.guards ?? []), ...guardsOf(status.node)],
    // The send's message is said for every status the variable holds: it tells nothing of this one.
    messages: status.chosenAt ? [] : messages,
    fixer: status.chosenAt ? chosenStatusFixer(status.chosenAt) : fixer,
    ...(setter.thrownError && { thrownError: setter.thrownError }),
  }));
}

/** One site per status chosen for a variable, however many sends write the variable: the first
 * send's, with the headers of all of them (a challenge on any send may be this status's). */
function mergeChosen(sites: ResponseSite[]): ResponseSite[] {
  let byChoice: Map<ts.Node, ResponseSite> | undefined;
  const merged: ResponseSite[] = [];
  for (const site of sites) {
    // By the node that writes the value: `status = admin ? 403 : 401` chooses two.
    const choice = site.status.chosenAt && site.status.node;
    const first = choice && (byChoice ??= new Map()).get(choice);
    if (!choice) merged.push(site);
    else if (!first) {
      byChoice!.set(choice, site);
      merged.push(site);
    } else {
      first.headers = [...first.headers, ...site.headers];
    }
  }
  return merged;
}

/** A header added at the send would go out with every status the variable holds: it belongs on
 * the path that chooses this one, which the fix cannot write in every framework's idiom. */
function chosenStatusFixer(choice: ts.Node): ResponseFixer {
  const variable = ts.isVariableDeclaration(choice) ? choice.name.getText() : ts.isBinaryExpression(choice) ? choice.left.getText() : 'the variable';
  return {
    addHeader: (name) => ({ unavailable: `the response sends whatever \`${variable}\` holds: set ${name} where it is set to this status, so that only this path gets it` }),
  };
}
