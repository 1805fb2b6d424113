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

/** Test files by their names: `x.test.ts`, `x.spec.js`, end-to-end suites (`x.e2e.ts`,
 * `x.e2e-spec.ts`, `x.e2e-ee.ts`). */
const TEST_NAME = /\.(test|spec|e2e(-[a-z]+)?)\.[cm]?[jt]sx?$/;
/** Test folders: whatever sits in an `e2e` folder (its setup servers answer the suite), under
 * `__tests__` or `__mocks__` (jest and vitest give `describe` and `it` as globals, so a test file
 * may import no runner). */
const TEST_FOLDER = /[\\/](__tests__|__mocks__|e2e)[\\/]/;

/** Whether a file is a test by its name, or by a test folder below `root` (its project's, or the
 * workspace's): a repository kept in a folder named `e2e` is not all tests. Its servers and
 * errors answer no real client. */
export function isTestFile(fileName: string, root?: string): boolean {
  if (TEST_NAME.test(fileName)) return true;
  const below = root !== undefined && fileName.startsWith(root) ? fileName.slice(root.length) : fileName;
  return TEST_FOLDER.test(/^[\\/]/.test(below) ? below : `/${below}`);
}

/** Whether what is built at `node` (a Response, an error) is a fake: built in a file that imports a
 * test runner, or inside a mocking call or a test body. */

export function isFake(node: ts.Node): boolean {
  const sourceFile = node.getSourceFile();
  const runner = moduleBindings(sourceFile, TEST_MODULES);
  if (runner.named.size > 0 || runner.whole.size > 0) return true;
  for (let current = node.parent; current; current = current.parent) {
    if (ts.isCallExpression(current)) {
      const name = calleeName(current);
      if (name && MOCKING_CALLS.test(name)) return true;
    }
  }
  return false;
}

