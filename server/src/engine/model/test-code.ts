// Test code builds responses and errors that no client receives: a mock's answer, a test's
// expectation. Adapters whose shapes tests build (a Response, an error of the project) skip them.
import ts from 'typescript';
import { moduleBindings } from './imports/module-bindings';
import { calleeName } from './syntax/syntax';

/** Test runners: a Response built in a test is a fake answer of some server, not this code's. */
const TEST_MODULES = /^(vitest|jest|@jest\/globals|test|bun:test|mocha|sinon|chai|ava|tap|uvu)$|^@vitest\/|^@testing-library\/|\/std(@[^/]*)?\/(testing|assert)\b|^jsr:@std\/(testing|assert)/;

/** Calls whose arguments are fakes: `fetch.mockResolvedValue(new Response(...))`, `vi.fn(() => ...)`,
 * `sinon.stub().resolves(...)`, and test bodies (`it('...', () => ...)`). */
const MOCKING_CALLS = /^(mock[A-Z]\w*|fn|spyOn|stub|returns|resolves|rejects|callsFake|it|test|describe|before|after|beforeEach|afterEach|beforeAll|afterAll)$/;

/** Whether what is built at `node` (a Response, an error) is a fake: built in a file that imports a
 * test runner, or inside a mocking call or a test body. */
export function isFake(node: ts.Node): boolean {
  const runner = moduleBindings(node.getSourceFile(), TEST_MODULES);
  if (runner.named.size > 0 || runner.whole.size > 0) return true;
  for (let current = node.parent; current; current = current.parent) {
    if (ts.isCallExpression(current)) {
      const name = calleeName(current);
      if (name && MOCKING_CALLS.test(name)) return true;
    }
  }
  return false;
}

