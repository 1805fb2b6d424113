// Errors built only to be compared in tests (`expect(fn).toThrow(new UnauthorizedException())`,
// `assert.deepEqual(err, Boom.unauthorized())`) are never sent: they are not status sites.
import ts from 'typescript';
import { calleeName } from './syntax/syntax';

const ASSERTIONS = /^(expect|assert|to[A-Z]\w*|rejects|throws|deepEqual|deepStrictEqual|equal|strictEqual|isRejected|rejectedWith)$/;

/** Whether `node` is an argument of an assertion or a test matcher. */
export function isAssertionArgument(node: ts.Node): boolean {
  const parent = node.parent;
  if (!parent || !ts.isCallExpression(parent) || !parent.arguments.includes(node as ts.Expression)) return false;
  const name = calleeName(parent);
  return name !== undefined && ASSERTIONS.test(name);
}
