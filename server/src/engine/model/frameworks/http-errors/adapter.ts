// http-errors: `createError(401, message, { headers })` and the constructors `createError.Unauthorized`,
// `createError[401]` (with or without `new`). The error carries the status; the server that catches
// it sends it and copies `err.headers` (Express's finalhandler, Koa's onerror, Fastify's error
// handler), so an error is a site where it is thrown or passed to `next`. The module is called
// under any name (`createError`, `httpErrors`, ...): calls are recognized by the import binding.
// Express files import it too: this adapter reads only these calls, the Express adapter the rest.
// Where and on which response an error is sent: sending.ts.
import ts from 'typescript';
import { propertyAssignment } from '../../syntax/syntax';
import type { FrameworkAdapter, HeaderWrites, StatusSetter } from '../../adapter';
import { isAssertionArgument } from '../../assertions';
import { replyParameterAt } from '../fastify/reply';
import { frameworksImportedAt } from '../../imports/file-frameworks';
import { isPlainNodeFile } from '../../imports/frameworks';
import { headersOfObject, headerWrite, unknownWrite } from '../../values/headers';
import { boundDeclaration, isSentByName, isSentDirectly, responseOfError } from './sending';
import { importNamed, moduleBindings, type ModuleBindings } from '../../imports/module-bindings';
import { enclosingFunction, isInStatementList } from '../../syntax/paths';
import { oneLineRange } from '../../syntax/ranges';
import { receiverKey } from '../../syntax/receivers';
import { appendToLiteral, insertStatementAfter, stringLiteral, type SourceStyle } from '../../syntax/source-style';
import type { ConstBindings } from '../../values/status';
import type { FixOutcome, HeaderWrite, ResponseFixer, StatusValue } from '../../types';

const MODULES = /^http-errors$/;
const bindingsOf = (node: ts.Node) => moduleBindings(node.getSourceFile(), MODULES);

/** The constructor names of the statuses the rules read (statuses' messages, as toIdentifier makes them). */
const CONSTRUCTOR_CODES = new Map([
  ['Unauthorized', 401],
  ['Forbidden', 403],
  ['ProxyAuthenticationRequired', 407],
]);
const CONSTRUCTOR_BY_CODE = new Map([...CONSTRUCTOR_CODES].map(([name, code]) => [code, name]));

type ErrorCall = ts.CallExpression | ts.NewExpression;
type HttpError =
  | { kind: 'factory'; call: ErrorCall; factory: string }
  | { kind: 'constructor'; call: ErrorCall; nameNode: ts.Identifier | ts.NumericLiteral; code: number; named: boolean };

function httpErrorAt(node: ts.Node): HttpError | undefined {
  if (!ts.isCallExpression(node) && !ts.isNewExpression(node)) return undefined;
  const callee = node.expression;
  if (ts.isIdentifier(callee)) {
    const bindings = bindingsOf(node);
    if (bindings.whole.has(callee.text)) return { kind: 'factory', call: node, factory: callee.text };
    const code = CONSTRUCTOR_CODES.get(bindings.named.get(callee.text) ?? '');
    return code ? { kind: 'constructor', call: node, nameNode: callee, code, named: true } : undefined;
  }
  // createError.Unauthorized / createError[401]
  const object = ts.isPropertyAccessExpression(callee) || ts.isElementAccessExpression(callee) ? callee.expression : undefined;
  if (!object || !ts.isIdentifier(object)) return undefined;
  const nameNode = ts.isPropertyAccessExpression(callee) ? callee.name : (callee as ts.ElementAccessExpression).argumentExpression;
  const code = ts.isIdentifier(nameNode) ? CONSTRUCTOR_CODES.get(nameNode.text) : ts.isNumericLiteral(nameNode) ? Number(nameNode.text) : undefined;
  if (code === undefined || !CONSTRUCTOR_BY_CODE.has(code) || !bindingsOf(node).whole.has(object.text)) return undefined;
  return { kind: 'constructor', call: node, nameNode: nameNode as ts.Identifier | ts.NumericLiteral, code, named: false };
}

// Arguments of createError after the status: strings are the message, an object the properties,
// an Error the error to extend (http-errors README: "createError([status], [error], [properties])").
const MESSAGE_NAMES = /message|msg|reason|text|description|detail|^_*(err|error|e|ex|cause)$/i;

function isMessageLike(argument: ts.Expression): boolean {
  if (ts.isStringLiteralLike(argument) || ts.isTemplateExpression(argument) || ts.isNewExpression(argument)) return true;
  if (ts.isBinaryExpression(argument) && argument.operatorToken.kind === ts.SyntaxKind.PlusToken) return true;
  const name = ts.isIdentifier(argument) ? argument.text : ts.isPropertyAccessExpression(argument) ? argument.name.text : undefined;
  return name !== undefined && MESSAGE_NAMES.test(name);
}

const propertiesArgument = (call: ErrorCall): ts.ObjectLiteralExpression | undefined =>
  call.arguments?.slice(1).find(ts.isObjectLiteralExpression);

function headersProperty(properties: ts.ObjectLiteralExpression): ts.PropertyAssignment | undefined {
  return propertyAssignment(properties, 'headers');
}

/** The headers the factory's properties argument carries; an argument that may be properties
 * (a variable, a spread) may carry any. */
function factoryHeaders(call: ErrorCall, consts: ConstBindings): HeaderWrite[] {
  const writes: HeaderWrite[] = [];
  for (const argument of call.arguments?.slice(1) ?? []) {
    if (ts.isObjectLiteralExpression(argument)) {
      const headers = headersProperty(argument);
      if (headers) writes.push(...headersOfObject(headers.initializer, consts));
      if (argument.properties.some((p) => ts.isSpreadAssignment(p) || (p.name !== undefined && ts.isComputedPropertyName(p.name)))) writes.push(unknownWrite(argument));
    } else if (!isMessageLike(argument)) writes.push(unknownWrite(argument));
  }
  return writes;
}

/** `createError.Unauthorized` -> `createError.Forbidden`, `createError[401]` -> `createError[403]`,
 * `Unauthorized` -> `Forbidden` (added to its import). */
function constructorStatus(error: Extract<HttpError, { kind: 'constructor' }>): StatusValue {
  const { nameNode, code, named } = error;
  return {
    code,
    node: nameNode,
    rewrite(target): FixOutcome {
      const name = CONSTRUCTOR_BY_CODE.get(target);
      if (!name) return { unavailable: `no http-errors constructor for ${target} is read here` };
      if (ts.isNumericLiteral(nameNode)) return { edits: [{ start: nameNode.getStart(), end: nameNode.end, newText: String(target) }] };
      const edits = [{ start: nameNode.getStart(), end: nameNode.end, newText: name }];
      if (!named) return { edits };
      const imported = importNamed(bindingsOf(nameNode), nameNode.text, name);
      return imported ? { edits: [...edits, ...imported] } : { unavailable: `${name} is not imported from http-errors and cannot be added to the import` };
    },
  };
}

/** The header entry, its name lower-cased as the http-errors README asks of `headers` keys. */
const headerEntry = (name: string, valueCode: string, style: SourceStyle) => `${stringLiteral(name.toLowerCase(), style)}: ${valueCode}`;

function factoryFixer(call: ErrorCall, style: SourceStyle): ResponseFixer {
  return {
    addHeader(name, valueCode) {
      const entry = headerEntry(name, valueCode, style);
      const properties = propertiesArgument(call);
      if (properties) {
        const headers = headersProperty(properties);
        if (!headers) return { edits: [appendToLiteral(properties, `headers: { ${entry} }`, style)] };
        if (ts.isObjectLiteralExpression(headers.initializer)) return { edits: [appendToLiteral(headers.initializer, entry, style)] };
        return { unavailable: 'the error takes its headers from an expression: add the header where it is built' };
      }
      const last = call.arguments![call.arguments!.length - 1];
      return { edits: [{ start: last.end, end: last.end, newText: `, { headers: { ${entry} } }` }] };
    },
  };
}

function constructorFixer(error: Extract<HttpError, { kind: 'constructor' }>, bindings: ModuleBindings, style: SourceStyle): ResponseFixer {
  return {
    addHeader(name, valueCode) {
      const entry = headerEntry(name, valueCode, style);
      // `const err = new createError.Unauthorized()`: the headers property is set after it.
      const declaration = boundDeclaration(error.call);
      const statement = declaration?.parent.parent;
      if (declaration && statement && ts.isVariableStatement(statement) && isInStatementList(statement)) {
        return { edits: [insertStatementAfter(statement, `${declaration.name.getText()}.headers = { ${entry} }`, style)] };
      }
      // The constructor takes only a message; the factory builds the same error with properties.
      // (Only for a 401: a 403 or 407 gets a challenge together with the rewrite of its name.)
      const [factory] = bindings.whole;
      const args = error.call.arguments ?? [];
      if (factory !== undefined && error.code === 401 && args.length <= 1) {
        const message = args.length === 1 ? `${args[0].getText()}, ` : '';
        return { edits: [{ start: error.call.getStart(), end: error.call.end, newText: `${factory}(401, ${message}{ headers: { ${entry} } })` }] };
      }
      return { unavailable: `http-errors constructors take only a message: write createError(${error.code}, message, { headers: { ${entry} } })` };
    },
  };
}

function statusSetterAt(node: ts.Node, consts: ConstBindings): StatusSetter | undefined {
  const error = httpErrorAt(node);
  if (!error || isAssertionArgument(error.call)) return undefined;
  const declaration = boundDeclaration(error.call);
  if (!(isSentDirectly(error.call) || (declaration && isSentByName(declaration, declaration.name.getText())))) return undefined;
  const status = error.kind === 'factory' ? error.call.arguments?.[0] : constructorStatus(error);
  if (!status) return undefined;
  return {
    node: error.call,
    status,
    ...responseOfError(error.call, declaration ? declaration.name.getText() : error.call.getText()),
    range: oneLineRange(error.call, error.call.expression),
    ownHeaders() {
      return error.kind === 'factory' ? factoryHeaders(error.call, consts) : [];
    },
    bodyCalls: () => [error.call],
    fixer: (style) => (error.kind === 'factory' ? factoryFixer(error.call, style) : constructorFixer(error, bindingsOf(node), style)),
    thrownError: { classes: [...(error.kind === 'constructor' ? [{ name: CONSTRUCTOR_BY_CODE.get(error.code)!, library: 'http-errors' }] : []), { name: 'HttpError', library: 'http-errors' }], answeredBy: ['express', 'koa', 'fastify'] },
  };
}

/** The declaration of the http-errors error `identifier` names, in the same function. */
function errorDeclaration(identifier: ts.Identifier): ts.VariableDeclaration | undefined {
  const scope = enclosingFunction(identifier);
  let found: ts.VariableDeclaration | undefined;
  const visit = (child: ts.Node): void => {
    if (found) return;
    if (ts.isVariableDeclaration(child) && ts.isIdentifier(child.name) && child.name.text === identifier.text && child.initializer) {
      if (httpErrorAt(outermostInitializer(child.initializer))) found = child;
    } else if (!ts.isFunctionLike(child) || child === scope) ts.forEachChild(child, visit);
  };
  visit(scope);
  return found;
}

function outermostInitializer(expression: ts.Expression): ts.Expression {
  let current = expression;
  while (ts.isParenthesizedExpression(current) || ts.isAsExpression(current)) current = current.expression;
  return current;
}

/** `err.headers = { ... }`, `err.headers['www-authenticate'] = v`, `err.headers.x = v` on an
 * http-errors error. Writes another adapter reads already are left to it, so that one write is
 * one write: in Fastify code all of them (fastify/errors.ts), in Express files an
 * `err.headers = { ... }` passed to next() (express/next-errors.ts). */
function headerWritesAt(node: ts.Node, consts: ConstBindings): HeaderWrites | undefined {
  if (!ts.isBinaryExpression(node) || node.operatorToken.kind !== ts.SyntaxKind.EqualsToken) return undefined;
  const target = node.left;
  const isHeaders = (e: ts.Expression): e is ts.PropertyAccessExpression & { expression: ts.Identifier } =>
    ts.isPropertyAccessExpression(e) && e.name.text === 'headers' && ts.isIdentifier(e.expression);
  const headers = isHeaders(target) ? target : (ts.isElementAccessExpression(target) || ts.isPropertyAccessExpression(target)) && isHeaders(target.expression) ? target.expression : undefined;
  if (!headers) return undefined;
  const error = headers.expression;
  const declaration = errorDeclaration(error);
  if (!declaration || frameworksImportedAt(node).has('fastify') || replyParameterAt(node) !== undefined) return undefined;
  const key = responseOfError(node, receiverKey(error)).receiverKey;
  if (headers === target) {
    const readByExpress = isPlainNodeFile({ frameworks: frameworksImportedAt(node) }) && isSentByName(declaration, error.text, true);
    return readByExpress ? undefined : { receiverKey: key, writes: headersOfObject(node.right, consts) };
  }
  if (ts.isElementAccessExpression(target)) return { receiverKey: key, writes: [headerWrite(target.argumentExpression, node.right, node, consts)] };
  const name = (target as ts.PropertyAccessExpression).name.text.toLowerCase();
  return { receiverKey: key, writes: [{ ...headerWrite(undefined, node.right, node, consts), name }] };
}

export const httpErrorsAdapter: FrameworkAdapter = {
  framework: 'http-errors',
  kinds: [ts.SyntaxKind.CallExpression, ts.SyntaxKind.NewExpression, ts.SyntaxKind.BinaryExpression],
  appliesTo: (facts) => facts.frameworks.has('http-errors'),
  statusSetterAt,
  headerWritesAt,
};
