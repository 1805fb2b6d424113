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

export class ProxyEvidence {
  private found: string | undefined;

  /** Evidence from outside the file (a setting), then from its text, read before the walk. */
  constructor(text: string, given?: string) {
    this.found = given ?? (PROXY_DIRECTIVE.test(text) ? 'the file is marked `// http-auth-lint proxy`' : undefined);
  }

  get evidence(): string | undefined {
    return this.found;
  }

  module(name: string): void {
    if (!this.found && PROXY_MODULES.has(name)) this.found = `it imports ${name}`;
  }

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
