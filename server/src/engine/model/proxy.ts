// Whether a file is proxy code, where 407 is right (RFC 9110 §15.5.8). A real forward proxy must
// never be told it is an origin server, so any one sign is enough.
import ts from 'typescript';

const PROXY_MODULES = new Set([
  'http-proxy',
  'http-proxy-middleware',
  'express-http-proxy',
  'proxy',
  'proxy-chain',
  'http-mitm-proxy',
  '@fastify/http-proxy',
  '@fastify/reply-from',
]);

/** The explicit marker, in a line or block comment anywhere in the file. */
const PROXY_DIRECTIVE = /\/[/*]\s*http-auth-lint\s+proxy\b/;

/** Why a file is proxy code: the reason given from outside it (a setting), its marker comment, a
 * proxy module it imports, or the first sign in its statements, in that order. */
export function proxyEvidenceOfFile(text: string, given: string | undefined, modules: Iterable<string>, statements: Iterable<string | undefined>): string | undefined {
  if (given) return given;
  if (text.includes('http-auth-lint') && PROXY_DIRECTIVE.test(text)) return 'the file is marked `// http-auth-lint proxy`';
  for (const name of modules) if (PROXY_MODULES.has(name)) return `it imports ${name}`;
  for (const found of statements) if (found) return found;
  return undefined;
}

/** The first sign of proxy code in one statement, read node by node during the walk. */
export class ProxyEvidence {
  found: string | undefined;

  /** A string of the file: `'proxy-authorization'` read, `'CONNECT'` compared with. */
  visitString(node: ts.StringLiteralLike): void {
    if (this.found) return;
    if (node.text.length === 19 && node.text.toLowerCase() === 'proxy-authorization') this.found = 'it reads Proxy-Authorization';
    else if (node.text === 'CONNECT' && ts.isBinaryExpression(node.parent)) this.found = 'it handles CONNECT requests';
  }

  /** A call of the file: `server.on('connect', ...)`. */
  visitCall(node: ts.CallExpression): void {
    if (!this.found && isConnectListener(node)) this.found = "it listens for 'connect' (CONNECT tunnels)";
  }
}

const LISTENER_METHODS = new Set(['on', 'once', 'addListener']);

/** `server.on('connect', (req, socket, head) => ...)`: the signature of node's CONNECT event. */
function isConnectListener(call: ts.CallExpression): boolean {
  const [event, listener] = call.arguments;
  if (!ts.isPropertyAccessExpression(call.expression) || !LISTENER_METHODS.has(call.expression.name.text)) return false;
  if (!event || !ts.isStringLiteralLike(event) || event.text !== 'connect' || !listener) return false;
  return (ts.isArrowFunction(listener) || ts.isFunctionExpression(listener)) && listener.parameters.length >= 2;
}
