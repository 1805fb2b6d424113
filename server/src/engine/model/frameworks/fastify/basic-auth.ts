// @fastify/basic-auth answers failed credentials with 401, and sets `WWW-Authenticate` only when
// registered with `authenticate` (`true` -> `Basic`, `{ realm }` -> `Basic realm="..."`); without
// it the 401 goes out with no challenge (the plugin's test 'WWW-Authenticate (authenticate: false)'
// asserts exactly that). So a registration without `authenticate` is where its 401 is decided:
// the site is the `register` call, and the fix adds `authenticate` to the options.
import ts from 'typescript';
import type { StatusSetter } from '../../adapter';
import { moduleBindings } from '../../imports/module-bindings';
import { oneLineRange } from '../../syntax/ranges';
import { appendToLiteral, stringLiteral, type SourceStyle } from '../../syntax/source-style';
import type { ConstBindings } from '../../values/status';
import type { FixOutcome, StatusValue } from '../../types';

const BASIC_AUTH_MODULES = /^(@fastify\/basic-auth|fastify-basic-auth)$/;

/** The plugin argument of `register`: a name bound to the module, or `require(...)` / `import(...)` of it. */
function isBasicAuthPlugin(plugin: ts.Expression): boolean {
  if (ts.isIdentifier(plugin)) {
    const bindings = moduleBindings(plugin.getSourceFile(), BASIC_AUTH_MODULES);
    return bindings.whole.has(plugin.text) || bindings.named.has(plugin.text);
  }
  const call = ts.isAwaitExpression(plugin) ? plugin.expression : plugin;
  if (!ts.isCallExpression(call) || call.arguments.length !== 1 || !ts.isStringLiteralLike(call.arguments[0])) return false;
  const loads = (ts.isIdentifier(call.expression) && call.expression.text === 'require') || call.expression.kind === ts.SyntaxKind.ImportKeyword;
  return loads && BASIC_AUTH_MODULES.test(call.arguments[0].text);
}

function optionsLiteral(options: ts.Expression | undefined, consts: ConstBindings): ts.ObjectLiteralExpression | undefined {
  if (options && ts.isIdentifier(options)) options = consts.get(options.text);
  return options && ts.isObjectLiteralExpression(options) ? options : undefined;
}

function authenticateOf(options: ts.ObjectLiteralExpression): ts.ObjectLiteralElementLike | undefined {
  return options.properties.find((p) => (ts.isPropertyAssignment(p) || ts.isShorthandPropertyAssignment(p)) && ts.isIdentifier(p.name) && p.name.text === 'authenticate');
}

/** `authenticate: { realm: 'api' }` with the realm of the challenge the fix would add, else `true`. */
function authenticateValue(valueCode: string, style: SourceStyle): string {
  const realm = /realm=\\?"([^"\\]*)\\?"/.exec(valueCode)?.[1];
  return realm ? `{ realm: ${stringLiteral(realm, style)} }` : 'true';
}

function addAuthenticate(options: ts.ObjectLiteralExpression, name: string, valueCode: string, style: SourceStyle): FixOutcome {
  if (name.toLowerCase() !== 'www-authenticate') return { unavailable: '@fastify/basic-auth sends only its own WWW-Authenticate challenge' };
  const value = authenticateValue(valueCode, style);
  const existing = authenticateOf(options);
  if (existing && ts.isPropertyAssignment(existing)) return { edits: [{ start: existing.initializer.getStart(), end: existing.initializer.end, newText: value }] };
  return { edits: [appendToLiteral(options, `authenticate: ${value}`, style)] };
}

/** The plugin always answers 401: there is no other status to rewrite it to. */
function pluginStatus(node: ts.Node): StatusValue {
  return { code: 401, node, rewrite: () => ({ unavailable: '@fastify/basic-auth always answers failed credentials with 401' }) };
}

/** `fastify.register(basicAuth, { validate })`: a 401 without a challenge. With `authenticate`
 * (other than `false`), or options that are not a literal, the plugin is left alone. */
export function basicAuthStatusSetter(node: ts.Node, consts: ConstBindings): StatusSetter | undefined {
  if (!ts.isCallExpression(node) || !ts.isPropertyAccessExpression(node.expression) || node.expression.name.text !== 'register') return undefined;
  const [plugin, optionsArgument] = node.arguments;
  if (!plugin || !isBasicAuthPlugin(plugin)) return undefined;
  const options = optionsLiteral(optionsArgument, consts);
  if (!options || options.properties.some(ts.isSpreadAssignment)) return undefined;
  const authenticate = authenticateOf(options);
  const disabled = authenticate && ts.isPropertyAssignment(authenticate) && authenticate.initializer.kind === ts.SyntaxKind.FalseKeyword;
  if (authenticate && !disabled) return undefined;
  return {
    node,
    status: pluginStatus(node),
    receiverKey: `basic-auth@${node.getStart()}`,
    range: oneLineRange(node, plugin),
    bodyCalls: () => [],
    fixer: (style) => ({ addHeader: (name, valueCode) => addAuthenticate(options, name, valueCode, style) }),
  };
}
