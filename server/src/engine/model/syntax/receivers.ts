import ts from 'typescript';

/** Names people give the response of Express and node:http handlers. */
const RESPONSE_NAMES = /^_*(res|resp|rsp|response|serverResponse|httpResponse|outgoing)$/i;
const REQUEST_NAMES = /^_*(req|request|incoming|incomingMessage)$/i;
const ERROR_NAMES = /^_*(err|error|e)$/i;
/** The names other frameworks give their response or context: never an Express response, even in
 * a `(request, reply)` handler without imports (Fastify's reply has no `.set`). */
const OTHER_FRAMEWORK_NAMES = /^_*(reply|rep|ctx|context|c|h|event|set)$/;

function parameterNames(fn: ts.SignatureDeclaration): string[] {
  return fn.parameters.map((p) => (ts.isIdentifier(p.name) ? p.name.text : ''));
}

/** Whether `name` is bound in `fn` as the response parameter of a handler: `(req, X)`,
 * `(err, req, X, next)`. */
function isResponseParameter(fn: ts.SignatureDeclaration, name: string): boolean {
  const names = parameterNames(fn);
  const index = names.indexOf(name);
  if (index === 1) return REQUEST_NAMES.test(names[0]);
  if (index === 2) return ERROR_NAMES.test(names[0]) && REQUEST_NAMES.test(names[1]);
  return false;
}

/**
 * Whether `receiver` is (probably) an Express or node:http response: an identifier with a
 * response's usual name, or the response parameter of a `(req, res)` handler. Anything else
 * (`ctx`, `c`, `reply`, `this.x`) is left to other frameworks or to nobody: a wrong receiver
 * would be a wrong squiggle.
 */
export function isHttpResponseReceiver(expression: ts.Expression): boolean {
  const receiver = resolveAlias(expression);
  if (!ts.isIdentifier(receiver)) return false;
  const name = receiver.text;
  if (RESPONSE_NAMES.test(name)) return true;
  if (OTHER_FRAMEWORK_NAMES.test(name)) return false;
  for (let node: ts.Node | undefined = receiver.parent; node; node = node.parent) {
    if (ts.isFunctionLike(node) && parameterNames(node).includes(name)) return isResponseParameter(node, name);
  }
  return false;
}

/** Response methods that return the response itself, so that calls chain: Express's `status`,
 * `set`, `header`, `append`, `type`, `vary`, ... and node's `setHeader`, `writeHead`. */
const CHAINABLE = new Set([
  'status', 'set', 'header', 'append', 'type', 'contentType', 'vary', 'location', 'links', 'cookie', 'clearCookie',
  'attachment', 'setHeader', 'appendHeader', 'setHeaders', 'writeHead', 'removeHeader',
]);

/** The response a chained call is made on: `res` for `res.status(401).set(...)`. */
export function chainRoot(receiver: ts.Expression): ts.Expression {
  let current = receiver;
  while (ts.isCallExpression(current) && ts.isPropertyAccessExpression(current.expression) && CHAINABLE.has(current.expression.name.text)) {
    current = current.expression.expression;
  }
  return current;
}

/** The initializer of the `const`/`let` that binds `identifier` in an enclosing scope, or
 * undefined when it is a parameter or bound in any other way. */
function aliasOf(identifier: ts.Identifier): ts.Expression | undefined {
  const name = identifier.text;
  for (let scope: ts.Node | undefined = identifier.parent; scope; scope = scope.parent) {
    if (ts.isFunctionLike(scope) && scope.parameters.some((p) => ts.isIdentifier(p.name) && p.name.text === name)) return undefined;
    if (!ts.isBlock(scope) && !ts.isSourceFile(scope)) continue;
    for (const statement of scope.statements) {
      if (!ts.isVariableStatement(statement)) continue;
      for (const declaration of statement.declarationList.declarations) {
        if (ts.isIdentifier(declaration.name) && declaration.name.text === name) {
          const initializer = declaration.initializer;
          return initializer && (ts.isIdentifier(initializer) || ts.isPropertyAccessExpression(initializer)) ? initializer : undefined;
        }
      }
    }
  }
  return undefined;
}

/** What an alias stands for: `res` for `r` after `const r = res`. */
export function resolveAlias(expression: ts.Expression): ts.Expression {
  let current = expression;
  for (let depth = 0; depth < 4 && ts.isIdentifier(current); depth++) {
    const target = aliasOf(current);
    if (!target) break;
    current = target;
  }
  return current;
}

/** The key that ties a status and the header writes on the same response object: its text,
 * through aliases. */
export function receiverKey(expression: ts.Expression): string {
  return resolveAlias(expression).getText();
}
