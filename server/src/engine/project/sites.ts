// The response sites of calls of the project's own code: `return unauthorized()`, `sendError(res,
// 401)`, `throw new RequestError({ status: 401 })`, `assertThat(cond, 'code', 401)`, `super(401)` in
// an error class. What each sends is read through the summaries (evaluate.ts); a site whose status
// is written in the call's own arguments is where its missing challenge is reported, one whose
// status is fixed inside the helper is reported there, and both are read by the guard rules here.
import ts from 'typescript';
import { isAssertionArgument } from '../model/assertions';
import { isFake } from '../model/test-code';
import type { FileAnalysis } from '../model/build';
import type { StatementFacts } from '../model/statement-walk';
import { guardsOf, isCaughtAndReplaced } from '../model/syntax/paths';
import { oneLineRange } from '../model/syntax/ranges';
import { calleeName, nodeSpanning } from '../model/syntax/syntax';
import { unknownWrite } from '../model/values/headers';
import { AUTH_STATUSES, resolveStatuses, replacedStatus } from '../model/values/status';
import type { FileSpot, FixOutcome, Guard, HeaderWrite, ResponseSite, SiteOrigin, StatusValue } from '../model/types';
import { challengeInHandler, challengeInHelper } from './cross-file-fixes';
import { errorVerdict, type ErrorVerdict } from './error-handling';
import { isErrorLibrary, TRPC_CODES } from './library-errors';
import { Evaluator, STATUS_NAME, type ProducedStatus } from './evaluate';
import type { Project } from './project';
import { own } from './summary/records';
import { writesAuthStatus } from './summary/writes-status';
import type { Ref, Spot, Value } from './summary/types';
import { refOf, spotOf, valueOf } from './summary/values';

type CallNode = ts.CallExpression | ts.NewExpression;

/** `super(...)` in a constructor: a construction of the class the class around it extends. */
function isSuperCall(node: CallNode): node is ts.CallExpression {
  return node.expression.kind === ts.SyntaxKind.SuperKeyword;
}

/** The class a `super(...)` call constructs: what the class around it extends. */
function superCallee(call: ts.CallExpression): ts.Expression | undefined {
  for (let node: ts.Node | undefined = call.parent; node; node = node.parent) {
    if (ts.isClassLike(node)) return node.heritageClauses?.find((c) => c.token === ts.SyntaxKind.ExtendsKeyword)?.types[0]?.expression;
  }
  return undefined;
}

function rootName(expression: ts.Expression): string | undefined {
  let current = expression;
  while (ts.isPropertyAccessExpression(current) || ts.isElementAccessExpression(current) || ts.isParenthesizedExpression(current)) current = current.expression;
  return ts.isIdentifier(current) ? current.text : undefined;
}

const CHALLENGE: HeaderWrite = { name: 'www-authenticate', value: undefined, nameNode: undefined, valueNode: undefined, node: undefined as unknown as ts.Node };

/** Why an error built here is sent: thrown, returned (a factory), handed to `next`, rejected, or
 * given to an assertion helper as the error it throws. Undefined when it is not sent. */
function sendingOf(node: CallNode, assertionIndex: (call: ts.CallExpression, argument: number) => number | undefined): { guard?: Guard } | undefined {
  let current: ts.Node = node;
  while (ts.isParenthesizedExpression(current.parent) || ts.isAsExpression(current.parent) || ts.isAwaitExpression(current.parent)) current = current.parent;
  const parent = current.parent;
  if (ts.isThrowStatement(parent)) return isCaughtAndReplaced(parent) ? undefined : {};
  if (ts.isReturnStatement(parent)) return {};
  if (ts.isArrowFunction(parent) && parent.body === current) return {};
  if (ts.isCallExpression(parent) && parent.arguments.includes(current as ts.Expression)) {
    if (isAssertionArgument(current)) return undefined;
    const name = calleeName(parent);
    if (name === 'next' || name === 'reject') return {};
    const index = parent.arguments.indexOf(current as ts.Expression);
    const condition = assertionIndex(parent, index);
    if (condition !== undefined) {
      const tested = parent.arguments[condition];
      return tested ? { guard: { expression: tested, negated: true } } : {};
    }
    return undefined;
  }
  // `const error = new X(...); ...; throw error`.
  if (ts.isVariableDeclaration(parent) && ts.isIdentifier(parent.name)) {
    const name = parent.name.text;
    let scope: ts.Node = parent;
    while (scope.parent && !ts.isFunctionLike(scope) && !ts.isSourceFile(scope)) scope = scope.parent;
    let thrown = false;
    const visit = (child: ts.Node): void => {
      if (thrown) return;
      if (ts.isThrowStatement(child) && child.expression && ts.isIdentifier(child.expression) && child.expression.text === name) thrown = true;
      else ts.forEachChild(child, visit);
    };
    visit(scope);
    return thrown ? {} : undefined;
  }
  return undefined;
}

export interface ProjectContext {
  project: Project;
  /** The file's path as the project knows it. */
  file: string;
}

/** The sites of the file's calls of project code (and of its error classes' status fields), in
 * `statements` (the whole file by default: the incremental lint reads the changed ones only). */
export function projectSites(analysis: FileAnalysis, taken: ReadonlySet<ts.Node>, context: ProjectContext, statements: readonly StatementFacts[] = analysis.statements): ResponseSite[] {
  const { project, file } = context;
  const summary = project.summaryOf(file);
  if (!summary || !analysis.servesHttp) return [];
  // A call may lead to a status through the file's own declarations, and through what it imports
  // from project code or from an error library. A file with none of them (a route of express and
  // http-status-codes alone) is not walked at all.
  const specifiers = Object.values(summary.imports).map((ref) => ref.specifier);
  const mayCallProject = Object.keys(summary.symbols).length > 0 || specifiers.some(isErrorLibrary) || specifiers.some((specifier) => project.isProjectModule(file, specifier));
  if (!mayCallProject) return [];
  const known = (name: string) => own(summary.imports, name) !== undefined || own(summary.symbols, name) !== undefined;
  const producing = project.producingNames();
  /** Whether a call may send a status through project code: it calls a name the index found to
   * write one, a function of this file that writes one, or it passes what may be a status. Other
   * calls are not followed (most calls of a handler are of code that sends nothing). */
  const mayProduce = (node: CallNode, callee: Ref): boolean => {
    if (producing.has(callee.name) || callee.members?.some((member) => producing.has(member))) return true;
    const local = own(summary.symbols, callee.name);
    if (local && writesAuthStatus(local, { known: producing, symbols: summary.symbols })) return true;
    return isSuperCall(node) || (node.arguments ?? []).some(mayHoldStatus);
  };
  const evaluator = new Evaluator(project);
  const sites: ResponseSite[] = [];

  /** Whether a status is written in the call's own arguments (else the called code fixes it). */
  const decidedIn = (node: CallNode, produced: ProducedStatus): boolean => produced.file === file && produced.spot.start >= node.getStart() && produced.spot.end <= node.end;

  /** What the app's error handling does with the error a status is sent as; none for a response. */
  const verdictOf = (produced: ProducedStatus): ErrorVerdict | undefined => (produced.delivery.kind === 'error' ? errorVerdict(project, file, produced.delivery.error) : undefined);

  /** For a call of an assertion helper: the argument it tests, when argument `index` is the error it throws. */
  const assertionIndex = (call: ts.CallExpression, index: number): number | undefined => {
    const ref = refOf(call.expression);
    if (!ref || !known(ref.name)) return undefined;
    const target = project.resolveRef(file, ref, 0, true);
    if (target?.kind !== 'symbol' || target.symbol.kind !== 'callable') return undefined;
    for (const effect of target.symbol.effects) {
      if (effect.kind !== 'asserts') continue;
      const errors = effect.error.kind === 'either' ? effect.error.values : [effect.error];
      if (errors.some((value) => value.kind === 'parameter' && value.index === index && value.property === undefined)) return effect.condition;
    }
    return undefined;
  };

  /** A call or `new` of the file (the statement walk lists them, model/statement-walk.ts). */
  const visit = (node: CallNode): void => {
    if (taken.has(node)) return;
    const calleeExpression = isSuperCall(node) ? superCallee(node) : node.expression;
    const name = calleeExpression && rootName(calleeExpression);
    if (calleeExpression && name !== undefined && known(name)) sites.push(...sitesOfCall(node, calleeExpression));
  };

  const sitesOfCall = (node: CallNode, calleeExpression: ts.Expression): ResponseSite[] => {
    const callee = refOf(calleeExpression);
    // Errors and responses built in tests (a mock's answer) reach no client.
    if (!callee || !mayProduce(node, callee) || isFake(node)) return [];
    const isSuper = isSuperCall(node);
    const call: Value = { kind: 'call', callee, construct: isSuper || ts.isNewExpression(node), args: (node.arguments ?? []).map((argument) => valueOf(argument)), spot: { start: node.getStart(), end: node.end, line: 0 } };
    const produced = evaluator.call({ value: call, file }).filter((p) => AUTH_STATUSES.has(p.code));
    if (produced.length === 0) return [];
    // An error the call only returns (a constructor, a factory) is sent by what is done with it;
    // a helper that sends or throws does it itself.
    const returned = produced.some((p) => p.way === 'returns');
    const sending = returned && !isSuper ? sendingOf(node, assertionIndex) : {};
    if (!sending) return [];
    // An assertion helper given an error built in place: that construction is the site.
    if (ts.isCallExpression(node) && produced.every((p) => p.condition !== undefined) && node.arguments.some((a) => ts.isNewExpression(a) || ts.isCallExpression(a))) return [];
    // One site per status written here, and one per code for the statuses the called code fixes
    // (a helper with three 407s is one 407 for the guard rules at its call). Called code that may
    // send a 401 or a 403 (a dispatcher that picks by its arguments) says nothing about this call.
    const fixedInside = new Set(produced.filter((p) => !decidedIn(node, p)).map((p) => p.code));
    const ambiguous = fixedInside.size > 1;
    const seen = new Set<string>();
    return produced.flatMap((p): ResponseSite[] => {
      // An error no handler and no framework is known to answer sends no status (a client's error).
      const verdict = verdictOf(p);
      if (verdict && !verdict.answered) return [];
      const here = decidedIn(node, p);
      if (!here && ambiguous) return [];
      const key = here ? `${p.code}:${p.spot.start}` : `${p.code}`;
      if (seen.has(key)) return [];
      seen.add(key);
      return [siteOf(node, p, verdict, sending.guard)];
    });
  };

  /** A status written here: a number or a constant (resolveStatuses), or a status name (`'UNAUTHORIZED'`). */
  /** `names`: what the status's name maps to (a project function's names; tRPC's by default). */
  const writtenStatus = (statusNode: ts.Expression, code: number, names: Readonly<Record<string, number>> = TRPC_CODES): StatusValue => {
    if (ts.isStringLiteralLike(statusNode)) {
      const quote = statusNode.getText().charAt(0);
      return replacedStatus(statusNode, code, (target) => {
        const name = nameFor(names, target);
        return name === undefined ? undefined : `${quote}${name}${quote}`;
      });
    }
    // The value of this code written at the call (not one a variable is given elsewhere, values/assigned-status.ts).
    return resolveStatuses(statusNode, analysis.consts).find((value) => value.code === code && !value.chosenAt) ?? replacedStatus(statusNode, code, String);
  };

  const siteOf = (node: CallNode, produced: ProducedStatus, verdict: ErrorVerdict | undefined, assertionGuard: Guard | undefined): ResponseSite => {
    const decidedHere = decidedIn(node, produced);
    const statusNode = decidedHere ? nodeSpanning(node, produced.spot) : undefined;
    const status: StatusValue = statusNode && ts.isExpression(statusNode) ? writtenStatus(statusNode, produced.code, produced.names) : fixedStatus(node, produced);
    const origin = originOf(node, produced, decidedHere);
    const challenge = produced.delivery.kind === 'response' ? produced.delivery.challenge : errorChallenge(verdict, origin);
    const headers = challenge === 'set' ? [{ ...CHALLENGE, node }] : challenge === 'unknown' ? [unknownWrite(node)] : [];
    const guards = [...(assertionGuard ? [assertionGuard] : []), ...conditionGuard(node, produced), ...guardsOf(node)];
    return {
      framework: 'project',
      status,
      node,
      range: oneLineRange(node, node.expression),
      headers,
      headersElsewhere: [],
      droppedHeaders: [],
      guards,
      messages: messagesOf(node),
      fixer: { addHeader: (name, valueCode) => challengeFix(produced, origin, name, valueCode) },
      origin,
    };
  };

  /** Where the challenge goes: the handler that answers the error, or the helper that sends the
   * status its caller passes (another file, mostly). */
  const challengeFix = (produced: ProducedStatus, origin: SiteOrigin, name: string, valueCode: string): FixOutcome => {
    if (origin.handler) return challengeInHandler(project, origin.handler, name, valueCode);
    const delivery = produced.delivery;
    if (delivery.kind === 'response' && origin.decided === 'here') {
      return challengeInHelper(project, { ...spotIn(delivery.file, delivery.spot), framework: delivery.framework }, name, valueCode);
    }
    return { unavailable: unavailableReason(origin) };
  };

  const spotIn = (spotFile: string, spot: Spot): FileSpot => ({ file: spotFile, start: spot.start, end: spot.end, line: spot.line, where: project.where(spotFile, spot.line) });

  const originOf = (node: CallNode, produced: ProducedStatus, decidedHere: boolean): SiteOrigin => {
    const via = produced.via;
    const label = !via ? calleeLabel(node) : produced.delivery.kind === 'error' && !via.callable ? via.name : `${via.name}()`;
    const owner = !via && node.expression.kind === ts.SyntaxKind.SuperKeyword ? ts.findAncestor(node, ts.isClassLike)?.name : undefined;
    const definition = via ? spotIn(via.file, via.spot) : owner ? spotIn(file, spotOf(owner)) : spotIn(produced.file, produced.spot);
    return { label, definition, decided: decidedHere ? 'here' : 'definition' };
  };

  /** The challenge an error goes out with, by its verdict (verdictOf); notes on `origin` what decides it. */
  const errorChallenge = (verdict: ErrorVerdict | undefined, origin: SiteOrigin) => {
    if (!verdict) return 'unknown';
    if (verdict.handler) origin.handler = { ...spotIn(verdict.handler.file, verdict.handler.spot), shape: verdict.handler.shape, framework: verdict.handler.framework };
    if (verdict.byDefault) origin.byDefault = verdict.byDefault;
    return verdict.challenge;
  };

  /** An error class that fixes its status in a field (`statusCode = 401`): the finding about its
   * headers is made there, once, as for a status fixed in a helper. */
  const fieldSites = (declaration: ts.ClassDeclaration): ResponseSite[] => {
    const name = declaration.name?.text;
    const symbol = name === undefined ? undefined : own(summary.symbols, name);
    if (!name || symbol?.kind !== 'class') return [];
    const produced = evaluator.resolved({ kind: 'symbol', file, name, symbol }, [], true, 0).filter((p) => AUTH_STATUSES.has(p.code) && p.file === file);
    return produced.flatMap((p): ResponseSite[] => {
      const verdict = verdictOf(p);
      if (verdict && !verdict.answered) return [];
      const statusNode = nodeSpanning(declaration, p.spot);
      const field = statusNode?.parent;
      if (!statusNode || !ts.isExpression(statusNode) || !field || !ts.isPropertyDeclaration(field)) return [];
      const origin: SiteOrigin = { label: name, definition: spotIn(file, symbol.spot), decided: 'here' };
      const challenge = errorChallenge(verdict, origin);
      return [
        {
          framework: 'project',
          status: writtenStatus(statusNode, p.code),
          node: field,
          range: { start: field.getStart(), end: field.end },
          headers: challenge === 'set' ? [{ ...CHALLENGE, node: field }] : challenge === 'unknown' ? [unknownWrite(field)] : [],
          headersElsewhere: [],
          droppedHeaders: [],
          guards: [],
          messages: [],
          fixer: { addHeader: () => ({ unavailable: unavailableReason(origin) }) },
          origin,
        },
      ];
    });
  };

  for (const facts of statements) {
    facts.invocations.forEach(visit);
    if (ts.isClassDeclaration(facts.statement)) sites.push(...fieldSites(facts.statement));
  }
  return sites;
}

/** Whether an argument may be or hold a status: a 401, 403 or 407, or a name a status is kept under
 * (`UNAUTHORIZED`, `codes.FORBIDDEN`, `status`). Not inside nested functions or calls. */
function mayHoldStatus(argument: ts.Expression): boolean {
  let found = false;
  const visit = (node: ts.Node): void => {
    if (found || ts.isFunctionLike(node) || ts.isCallExpression(node) || ts.isNewExpression(node)) return;
    if (ts.isNumericLiteral(node)) found = node.text === '401' || node.text === '403' || node.text === '407';
    // A name (`UNAUTHORIZED`, `codes.FORBIDDEN`), or a status given by its name (`{ code: 'UNAUTHORIZED' }`).
    else if (ts.isIdentifier(node) || ts.isStringLiteralLike(node)) found = STATUS_NAME.test(node.text);
    else ts.forEachChild(node, visit);
  };
  visit(argument);
  return found;
}

/** The guard of an assertion helper called directly: `assertThat(cond, 'code', 401)` throws when `cond` is falsy. */
function conditionGuard(node: CallNode, produced: ProducedStatus): Guard[] {
  if (produced.condition === undefined || !ts.isCallExpression(node)) return [];
  const tested = node.arguments[produced.condition];
  return tested ? [{ expression: tested, negated: true }] : [];
}

function fixedStatus(node: CallNode, produced: ProducedStatus): StatusValue {
  return {
    code: produced.code,
    node,
    rewrite: () => ({ unavailable: `the status is fixed inside ${produced.via?.name ?? 'the called code'}: call one that sends ${produced.code === 401 ? 403 : 401} instead` }),
  };
}

/** The name that stands for `code`: the only one, or the only one that reads as the status
 * (`FORBIDDEN` among `CSRF_TOKEN_INVALID` and `FORBIDDEN`); none when that does not tell. */
function nameFor(names: Readonly<Record<string, number>>, code: number): string | undefined {
  const candidates = Object.keys(names).filter((name) => names[name] === code);
  if (candidates.length === 1) return candidates[0];
  const reading = code === 403 ? /forbidden/i : code === 401 ? /unauthori[sz]ed|unauthenticated/i : undefined;
  const named = reading ? candidates.filter((name) => reading.test(name)) : [];
  return named.length === 1 ? named[0] : undefined;
}

/** What a call of code outside the project is named in messages: `super(401)` by its class
 * (`ApiError`), a construction or a call by its callee (`HTTPException`, `createError()`). */
function calleeLabel(node: CallNode): string {
  if (node.expression.kind === ts.SyntaxKind.SuperKeyword) {
    const owner = ts.findAncestor(node, ts.isClassLike);
    return owner?.name ? owner.name.text : 'the base class';
  }
  const callee = node.expression.getText().replace(/\s+/g, '');
  return ts.isNewExpression(node) ? callee : `${callee}()`;
}

function unavailableReason(origin: SiteOrigin): string {
  if (origin.handler) return `add the challenge where the app's error handler answers 401s (${origin.handler.where})`;
  return `${origin.label} builds the response: add the challenge there (${origin.definition.where})`;
}

/** String literals in the call's arguments (not inside nested functions): messages it sends. */
function messagesOf(node: CallNode): ts.StringLiteralLike[] {
  const found: ts.StringLiteralLike[] = [];
  const visit = (child: ts.Node): void => {
    if (ts.isStringLiteralLike(child)) found.push(child);
    else if (!ts.isFunctionLike(child)) ts.forEachChild(child, visit);
  };
  node.arguments?.forEach(visit);
  return found;
}
