// hapi: a handler answers with the response toolkit, `h.response(body).code(n).header(k, v)`, whose
// response methods all return the response so they chain in any order (hapi's ResponseObject
// API), or with a Boom error (boom.ts). The toolkit is the handler parameter named `h` (hapi's
// own name for it) or typed `ResponseToolkit`.
import type { FileImports } from '../../adapter';
import ts from 'typescript';
import type { FrameworkAdapter, HeaderWrites, StatusSetter } from '../../adapter';
import { boomHeaderWrites, boomStatusSetter } from './boom';
import { headerWrite } from '../../values/headers';
import { spansLines } from '../../syntax/ranges';
import { receiverKey } from '../../syntax/receivers';
import { stringLiteral } from '../../syntax/source-style';
import type { ConstBindings } from '../../values/status';


/** ResponseObject methods that return the response itself. */
const RESPONSE_METHODS = new Set([
  'code', 'header', 'type', 'takeover', 'message', 'created', 'location', 'redirect', 'state', 'unstate', 'charset',
  'encoding', 'etag', 'vary', 'ttl', 'bytes', 'compressed', 'passThrough', 'permanent', 'rewritable', 'temporary',
  'spaces', 'suffix', 'replacer', 'contentType',
]);
const TOOLKIT_NAMES = /^_*(h|toolkit|responseToolkit)$/;

/** The response a chained call is made on: `h.response(x)` for `h.response(x).code(401).header(...)`. */
function chainRoot(expression: ts.Expression): ts.Expression {
  let current = expression;
  while (ts.isCallExpression(current) && ts.isPropertyAccessExpression(current.expression) && RESPONSE_METHODS.has(current.expression.name.text)) {
    current = current.expression.expression;
  }
  return current;
}

/** Whether `identifier` is a parameter that holds hapi's response toolkit. */
function isToolkit(identifier: ts.Identifier): boolean {
  for (let node: ts.Node | undefined = identifier.parent; node; node = node.parent) {
    if (!ts.isFunctionLike(node)) continue;
    const parameter = node.parameters.find((p) => ts.isIdentifier(p.name) && p.name.text === identifier.text);
    if (!parameter) continue;
    return TOOLKIT_NAMES.test(identifier.text) || (parameter.type !== undefined && /\bResponseToolkit\b/.test(parameter.type.getText()));
  }
  return false;
}

const isToolkitResponseCall = (expression: ts.Expression): expression is ts.CallExpression =>
  ts.isCallExpression(expression) &&
  ts.isPropertyAccessExpression(expression.expression) &&
  expression.expression.name.text === 'response' &&
  ts.isIdentifier(expression.expression.expression) &&
  isToolkit(expression.expression.expression);

/** The `h.response(...)` call behind a response expression: the root of its chain, or the
 * initializer of the `const response = h.response(...)` it names. */
function toolkitResponse(root: ts.Expression): ts.CallExpression | undefined {
  if (isToolkitResponseCall(root)) return root;
  if (!ts.isIdentifier(root)) return undefined;
  for (let scope: ts.Node | undefined = root.parent; scope; scope = scope.parent) {
    if (ts.isFunctionLike(scope) && scope.parameters.some((p) => ts.isIdentifier(p.name) && p.name.text === root.text)) return undefined;
    if (!ts.isBlock(scope) && !ts.isSourceFile(scope)) continue;
    for (const statement of scope.statements) {
      if (!ts.isVariableStatement(statement)) continue;
      const declaration = statement.declarationList.declarations.find((d) => ts.isIdentifier(d.name) && d.name.text === root.text);
      if (declaration) {
        const initializer = declaration.initializer && chainRoot(declaration.initializer);
        return initializer && isToolkitResponseCall(initializer) ? initializer : undefined;
      }
    }
  }
  return undefined;
}

/** The key of the response a chain is made on: the variable the whole chain is bound to
 * (`const response = h.response(x).code(401)`), the variable it is made on, or the
 * `h.response(x)` call's text. */
function responseKey(root: ts.Expression): string {
  if (!ts.isCallExpression(root)) return receiverKey(root);
  let top: ts.Expression = root;
  while (ts.isPropertyAccessExpression(top.parent) && RESPONSE_METHODS.has(top.parent.name.text) && ts.isCallExpression(top.parent.parent)) {
    top = top.parent.parent;
  }
  const parent = top.parent;
  return ts.isVariableDeclaration(parent) && parent.initializer === top && ts.isIdentifier(parent.name) ? parent.name.text : receiverKey(root);
}

/** `code(401)` alone where the chain spans lines; the whole `h.response(x).code(401)` where it fits on one. */
function codeRange(call: ts.CallExpression, name: ts.MemberName): { start: number; end: number } {
  const sourceFile = call.getSourceFile();
  const start = call.getStart(sourceFile);
  return { start: spansLines(sourceFile.text, start, call.end) ? name.getStart(sourceFile) : start, end: call.end };
}

function codeSetter(node: ts.Node): StatusSetter | undefined {
  if (!ts.isCallExpression(node) || node.arguments.length !== 1 || !ts.isPropertyAccessExpression(node.expression)) return undefined;
  if (node.expression.name.text !== 'code') return undefined;
  const root = chainRoot(node.expression.expression);
  const response = toolkitResponse(root);
  if (!response) return undefined;
  return {
    node,
    status: node.arguments[0],
    receiverKey: responseKey(root),
    range: codeRange(node, node.expression.name),
    bodyCalls: () => [response],
    // `.code(401)` returns the response: the header chains right after it.
    fixer: (style) => ({
      addHeader: (name, valueCode) => ({ edits: [{ start: node.end, end: node.end, newText: `.header(${stringLiteral(name, style)}, ${valueCode})` }] }),
    }),
  };
}

/** `.header(name, value[, options])` on a toolkit response. */
function responseHeaderWrites(node: ts.Node, consts: ConstBindings): HeaderWrites | undefined {
  if (!ts.isCallExpression(node) || !ts.isPropertyAccessExpression(node.expression) || node.expression.name.text !== 'header') return undefined;
  const root = chainRoot(node.expression.expression);
  if (!toolkitResponse(root)) return undefined;
  return { receiverKey: responseKey(root), writes: [headerWrite(node.arguments[0], node.arguments[1], node, consts)] };
}

/** Files that import hapi or Boom. A route module that imports neither is left alone: the Express
 * adapter reads such files and records any `.header(...)` call, so reading it here too would
 * count each header twice (and its keys do not follow hapi's chains). */
/** Hapi's server, or Boom anywhere (an Express app's `next(Boom.unauthorized())` too). */
const appliesTo = (facts: FileImports): boolean => facts.frameworks.has('hapi') || [...facts.modules].some((module) => /^(@hapi\/)?boom$/.test(module));

export const hapiAdapter: FrameworkAdapter = {
  framework: 'hapi',
  kinds: [ts.SyntaxKind.CallExpression, ts.SyntaxKind.NewExpression, ts.SyntaxKind.BinaryExpression],
  appliesTo,
  statusSetterAt: (node, consts) => codeSetter(node) ?? boomStatusSetter(node, consts),
  headerWritesAt: (node, consts) => responseHeaderWrites(node, consts) ?? boomHeaderWrites(node, consts),
};
