// Boom (@hapi/boom): `Boom.unauthorized(message, scheme, attributes)`, `Boom.forbidden(message, data)`,
// `Boom.proxyAuthRequired(message, data)`, `new Boom.Boom(message, { statusCode })` and
// `Boom.boomify(err, { statusCode })`. hapi sends a Boom error that a handler throws or returns,
// and a Boom error exists to be sent, so every such call is a status site. Boom.unauthorized writes
// `WWW-Authenticate` only when given a scheme (boom-challenge.ts); other headers live in
// `err.output.headers`.
import ts from 'typescript';
import { propertyAssignment } from '../../syntax/syntax';
import type { HeaderWrites, StatusSetter } from '../../adapter';
import { isAssertionArgument } from '../../assertions';
import { challengeArguments, ownChallenge } from './boom-challenge';
import { headersOfObject, headerWrite } from '../../values/headers';
import { importNamed, moduleBindings, type ModuleBindings } from '../../imports/module-bindings';
import { isInStatementList } from '../../syntax/paths';
import { oneLineRange } from '../../syntax/ranges';
import { receiverKey } from '../../syntax/receivers';
import { insertStatementAfter, stringLiteral, type SourceStyle } from '../../syntax/source-style';
import type { ConstBindings } from '../../values/status';
import type { FixOutcome, ResponseFixer, StatusValue } from '../../types';

export const BOOM_MODULES = /^(@hapi\/boom|boom)$/;

const HELPER_CODES = new Map([
  ['unauthorized', 401],
  ['forbidden', 403],
  ['proxyAuthRequired', 407],
]);
const HELPER_BY_CODE = new Map([...HELPER_CODES].map(([name, code]) => [code, name]));

/** A Boom call: a status helper (`Boom.unauthorized`), or a form that takes `{ statusCode }`. */
type BoomCall =
  | { kind: 'helper'; call: ts.CallExpression; method: string; nameNode: ts.Identifier; named: boolean }
  | { kind: 'options'; call: ts.CallExpression | ts.NewExpression; options: ts.Expression | undefined };

const isBoomObject = (expression: ts.Expression, bindings: ModuleBindings): boolean =>
  ts.isIdentifier(expression) && (bindings.whole.has(expression.text) || bindings.named.get(expression.text) === 'Boom');

function boomCallAt(node: ts.Node): BoomCall | undefined {
  if (ts.isCallExpression(node)) {
    const callee = node.expression;
    const method = ts.isPropertyAccessExpression(callee) ? callee.name.text : ts.isIdentifier(callee) ? callee.text : undefined;
    // Cheap check first: the builder calls this on every node.
    if (method === undefined || !(HELPER_CODES.has(method) || method === 'boomify' || ts.isIdentifier(callee))) return undefined;
    const bindings = moduleBindings(node.getSourceFile(), BOOM_MODULES);
    if (ts.isPropertyAccessExpression(callee)) {
      if (!isBoomObject(callee.expression, bindings)) return undefined;
      if (method === 'boomify') return { kind: 'options', call: node, options: node.arguments[1] };
      return ts.isIdentifier(callee.name) ? { kind: 'helper', call: node, method, nameNode: callee.name, named: false } : undefined;
    }
    const exported = bindings.named.get(method);
    if (exported === 'boomify') return { kind: 'options', call: node, options: node.arguments[1] };
    if (exported !== undefined && HELPER_CODES.has(exported)) return { kind: 'helper', call: node, method: exported, nameNode: callee as ts.Identifier, named: true };
    return undefined;
  }
  if (ts.isNewExpression(node)) {
    const callee = node.expression;
    const isBoomClass = ts.isPropertyAccessExpression(callee) ? callee.name.text === 'Boom' : ts.isIdentifier(callee);
    if (!isBoomClass) return undefined;
    const bindings = moduleBindings(node.getSourceFile(), BOOM_MODULES);
    const ok = ts.isPropertyAccessExpression(callee) ? isBoomObject(callee.expression, bindings) : isBoomObject(callee, bindings);
    return ok ? { kind: 'options', call: node, options: node.arguments?.[1] } : undefined;
  }
  return undefined;
}

function statusCodeOf(options: ts.Expression | undefined): ts.Expression | undefined {
  if (!options || !ts.isObjectLiteralExpression(options)) return undefined;
  return propertyAssignment(options, 'statusCode')?.initializer;
}

/** `Boom.forbidden(message)` -> `Boom.unauthorized(message)`: the helper renamed, arguments the
 * target does not take dropped (unauthorized's scheme and attributes mean nothing to forbidden),
 * and a data argument kept only where the target takes one. */
function helperStatus(boom: Extract<BoomCall, { kind: 'helper' }>): StatusValue {
  const { call, method, nameNode } = boom;
  return {
    code: HELPER_CODES.get(method)!,
    node: nameNode,
    rewrite(code): FixOutcome {
      const target = HELPER_BY_CODE.get(code);
      if (!target) return { unavailable: `no Boom helper answers ${code} with these arguments` };
      if (target === method) return { edits: [] };
      const args = call.arguments;
      if (target === 'unauthorized' && args.length > 1) {
        return { unavailable: `Boom.unauthorized takes no data argument: pass the data another way, then use Boom.unauthorized(message)` };
      }
      const edits = [{ start: nameNode.getStart(), end: nameNode.end, newText: target }];
      if (method === 'unauthorized' && args.length > 1) edits.push({ start: args[0].end, end: args[args.length - 1].end, newText: '' });
      if (boom.named) {
        const imported = importNamed(moduleBindings(call.getSourceFile(), BOOM_MODULES), nameNode.text, target);
        if (!imported) return { unavailable: `${target} is not imported from Boom and cannot be added to the import` };
        edits.push(...imported);
      }
      return { edits };
    },
  };
}

/** The variable a Boom error is bound to: `const err = Boom.unauthorized()`. */
function boundName(call: ts.Node): ts.VariableDeclaration | undefined {
  const parent = call.parent;
  return ts.isVariableDeclaration(parent) && parent.initializer === call && ts.isIdentifier(parent.name) ? parent : undefined;
}

function boomFixer(boom: BoomCall, style: SourceStyle): ResponseFixer {
  return {
    addHeader(name, valueCode) {
      if (boom.kind === 'helper' && name.toLowerCase() === 'www-authenticate') {
        const args = boom.call.arguments;
        if (args.length > 1) {
          return boom.method === 'unauthorized'
            ? { unavailable: 'this Boom.unauthorized already passes a scheme: change it there' }
            : { unavailable: 'Boom.unauthorized takes no data argument: use Boom.unauthorized(message, scheme) without the data' };
        }
        // A challenge goes with a 401: on forbidden/proxyAuthRequired these arguments are added
        // together with the rewrite to unauthorized (its arguments are message, scheme, attributes).
        const schemeArguments = challengeArguments(valueCode, style);
        if (args.length === 0) return { edits: [{ start: args.pos, end: args.pos, newText: `null, ${schemeArguments}` }] };
        return { edits: [{ start: args[0].end, end: args[0].end, newText: `, ${schemeArguments}` }] };
      }
      const declaration = boundName(boom.call);
      const statement = declaration?.parent.parent;
      if (declaration && statement && ts.isVariableStatement(statement) && isInStatementList(statement)) {
        const write = `${declaration.name.getText()}.output.headers[${stringLiteral(name, style)}] = ${valueCode}`;
        return { edits: [insertStatementAfter(statement, write, style)] };
      }
      return { unavailable: `this Boom error takes no ${name} argument: bind it to a variable and set error.output.headers['${name}'] before sending it` };
    },
  };
}

export function boomStatusSetter(node: ts.Node, consts: ConstBindings): StatusSetter | undefined {
  const boom = boomCallAt(node);
  if (!boom || isAssertionArgument(boom.call)) return undefined;
  const status = boom.kind === 'helper' ? helperStatus(boom) : statusCodeOf(boom.options);
  if (!status) return undefined;
  const declaration = boundName(boom.call);
  return {
    node: boom.call,
    status,
    receiverKey: declaration ? declaration.name.getText() : boom.call.getText(),
    range: oneLineRange(boom.call, boom.call.expression),
    ownHeaders() {
      return boom.kind === 'helper' && boom.method === 'unauthorized' ? ownChallenge(boom.call, consts) : [];
    },
    bodyCalls: () => [boom.call],
    fixer: (style) => boomFixer(boom, style),
  };
}

/** `err.output.headers['WWW-Authenticate'] = v`, `err.output.headers.x = v`, `err.output.headers = { ... }`. */
export function boomHeaderWrites(node: ts.Node, consts: ConstBindings): HeaderWrites | undefined {
  if (!ts.isBinaryExpression(node) || node.operatorToken.kind !== ts.SyntaxKind.EqualsToken) return undefined;
  const target = node.left;
  const isOutputHeaders = (e: ts.Expression): e is ts.PropertyAccessExpression =>
    ts.isPropertyAccessExpression(e) && e.name.text === 'headers' && ts.isPropertyAccessExpression(e.expression) && e.expression.name.text === 'output';
  if (isOutputHeaders(target)) {
    return { receiverKey: receiverKey((target.expression as ts.PropertyAccessExpression).expression), writes: headersOfObject(node.right, consts) };
  }
  if (ts.isElementAccessExpression(target) && isOutputHeaders(target.expression)) {
    const error = (target.expression.expression as ts.PropertyAccessExpression).expression;
    return { receiverKey: receiverKey(error), writes: [headerWrite(target.argumentExpression, node.right, node, consts)] };
  }
  if (ts.isPropertyAccessExpression(target) && isOutputHeaders(target.expression)) {
    const error = (target.expression.expression as ts.PropertyAccessExpression).expression;
    return { receiverKey: receiverKey(error), writes: [{ ...headerWrite(undefined, node.right, node, consts), name: target.name.text.toLowerCase() }] };
  }
  return undefined;
}
