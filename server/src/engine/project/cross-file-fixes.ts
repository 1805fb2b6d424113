// Fixes that edit another file: where the challenge of a 401 belongs is not always the file of the
// finding. An error answered by the app's error handler gets its challenge in that handler, once,
// for every 401 it answers (`if (error.status === 401) ctx.set('WWW-Authenticate', ...)` before it
// sends the status); a helper that sends whatever status its caller passes gets it before its send
// (`if (status === 401) res.set(...)`). Each edit names its file; the edit is the same for every
// finding it repairs, so a bulk fix applies it once.
import ts from 'typescript';
import { parse } from '../parse';
import { detectStyle, insertStatementBefore, stringLiteral, type SourceStyle } from '../model/syntax/source-style';
import { isInStatementList, statementOf } from '../model/syntax/paths';
import { nodeSpanning } from '../model/syntax/syntax';
import type { FileSpot, FixOutcome, Framework } from '../model/types';
import type { Project } from './project';

/** The header method of each framework's response (Express also has `header`; Koa only `set`). */
const HEADER_METHOD: Partial<Record<Framework, string>> = { express: 'set', koa: 'set', fastify: 'header', hono: 'header', nestjs: 'header', 'node-http': 'setHeader', nextjs: 'setHeader' };

const STATUS_READ = /^(status|statusCode|httpStatus|httpStatusCode|status_code)$/;

/** The files the fixes edit, parsed, by project and path: one error handler answers the errors of
 * many findings, and its file is parsed once for all of them (again when its text changed). */
const parsedFiles = new WeakMap<Project, Map<string, { text: string; sourceFile: ts.SourceFile }>>();

function parsedFile(project: Project, file: string, text: string): ts.SourceFile {
  let files = parsedFiles.get(project);
  if (!files) parsedFiles.set(project, (files = new Map()));
  let parsed = files.get(file);
  if (parsed?.text !== text) files.set(file, (parsed = { text, sourceFile: parse(file, text) }));
  return parsed.sourceFile;
}

/** A string literal written for one file, in another file's quotes. */
function requoted(valueCode: string, style: SourceStyle): string {
  const literal = /^(['"])(.*)\1$/s.exec(valueCode);
  if (!literal) return valueCode;
  const value = literal[2].replace(/\\(.)/g, '$1');
  return stringLiteral(value, style);
}

/** The leftmost name of a call or property chain: `res` of `res.status(x).json(y)`. */
function rootName(expression: ts.Expression): string | undefined {
  let current = expression;
  while (ts.isCallExpression(current) || ts.isPropertyAccessExpression(current) || ts.isElementAccessExpression(current) || ts.isParenthesizedExpression(current) || ts.isAwaitExpression(current)) {
    current = ts.isCallExpression(current) ? current.expression : (current as ts.PropertyAccessExpression).expression;
  }
  return ts.isIdentifier(current) ? current.text : undefined;
}

/** The response a statement sends on: `ctx` of `ctx.status = ...`, `res` of `res.status(...)`,
 * `c` of `return c.json(...)`. */
function responseOf(statement: ts.Statement): string | undefined {
  const expression = ts.isExpressionStatement(statement) ? statement.expression : ts.isReturnStatement(statement) ? statement.expression : undefined;
  if (!expression) return undefined;
  if (ts.isBinaryExpression(expression) && expression.operatorToken.kind === ts.SyntaxKind.EqualsToken) return rootName(expression.left);
  return rootName(expression);
}

/** The status the statement reads from the error: `error.status`, `exception.getStatus()` (on the
 * right of `ctx.status = error.status`, or in the arguments of `res.status(err.status)`). */
function statusRead(statement: ts.Statement): string | undefined {
  const expression = ts.isExpressionStatement(statement) ? statement.expression : ts.isReturnStatement(statement) ? statement.expression : undefined;
  if (!expression) return undefined;
  if (ts.isBinaryExpression(expression) && expression.operatorToken.kind === ts.SyntaxKind.EqualsToken) return statusIn(expression.right);
  const calls: ts.CallExpression[] = [];
  for (let current: ts.Expression = expression; ts.isCallExpression(current) || ts.isPropertyAccessExpression(current); current = current.expression) {
    if (ts.isCallExpression(current)) calls.push(current);
  }
  for (const call of calls.reverse()) {
    for (const argument of call.arguments) {
      const found = statusIn(argument);
      if (found) return found;
    }
  }
  return undefined;
}

function statusIn(expression: ts.Node): string | undefined {
  let found: string | undefined;
  const visit = (node: ts.Node): void => {
    if (found) return;
    if (ts.isPropertyAccessExpression(node) && STATUS_READ.test(node.name.text)) found = node.getText();
    else if (ts.isCallExpression(node) && ts.isPropertyAccessExpression(node.expression) && node.expression.name.text === 'getStatus') found = node.getText();
    else ts.forEachChild(node, visit);
  };
  visit(expression);
  return found;
}

function guardedChallenge(statement: ts.Statement, file: string, status: string, framework: Framework, header: string, valueCode: string, style: SourceStyle): FixOutcome {
  const response = responseOf(statement);
  const method = HEADER_METHOD[framework];
  if (!response || !method || !isInStatementList(statement)) return { unavailable: 'the response is not written where this fix can add a statement' };
  const guard = `if (${status} === 401) ${response}.${method}(${stringLiteral(header, style)}, ${requoted(valueCode, style)})`;
  return { edits: [{ ...insertStatementBefore(statement, guard, style), file }] };
}

/** The statement around `node` in its own function: none in an arrow function whose body is an
 * expression (`(err, c) => c.json(...)`), where the statement around it is the registration's,
 * outside the function, and a statement added there could not read the error. */
function ownStatementOf(node: ts.Node): ts.Statement | undefined {
  const statement = statementOf(node);
  for (let current: ts.Node | undefined = node; current && current !== statement; current = current.parent) {
    if (ts.isFunctionLike(current)) return undefined;
  }
  return statement;
}

/** The challenge, added for 401s in the app's error handler, before it sends the error's status. */
export function challengeInHandler(project: Project, handler: FileSpot & { framework: Framework }, header: string, valueCode: string): FixOutcome {
  const text = project.host.readFile(handler.file);
  if (text === undefined) return { unavailable: `${handler.where} cannot be read` };
  const node = nodeSpanning(parsedFile(project, handler.file, text), handler);
  const statement = node && (ts.isExpressionStatement(node) || ts.isReturnStatement(node) ? node : ownStatementOf(node));
  const status = statement && ts.isStatement(statement) ? statusRead(statement) : undefined;
  if (!statement || !status) return { unavailable: `add the challenge where the app's error handler answers 401s (${handler.where})` };
  return guardedChallenge(statement, handler.file, status, handler.framework, header, valueCode, detectStyle(text));
}

/** The challenge, added for 401s in a helper that sends the status its caller passes, before its send. */
export function challengeInHelper(project: Project, send: FileSpot & { framework: Framework }, header: string, valueCode: string): FixOutcome {
  const text = project.host.readFile(send.file);
  if (text === undefined) return { unavailable: `${send.where} cannot be read` };
  const node = nodeSpanning(parsedFile(project, send.file, text), send);
  const statement = node && ownStatementOf(node);
  // The send's status is the argument of `status(...)` / `code(...)`, or the assigned value.
  const argument = node && (ts.isCallExpression(node) ? node.arguments[0] : ts.isBinaryExpression(node) ? node.right : undefined);
  if (!statement || !argument || !ts.isIdentifier(argument)) return { unavailable: `add the challenge for 401s in the helper, where it sends the status (${send.where})` };
  return guardedChallenge(statement, send.file, argument.text, send.framework, header, valueCode, detectStyle(text));
}
