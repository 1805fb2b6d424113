// Engine bugs the property tests found that are not fixed yet. Each is excused by its symptom, as
// narrowly as it can be told apart, so that the properties keep checking everything else in CI;
// regressions.test.ts holds its smallest input as a `todo` test. When the engine is fixed, delete
// the entry here and drop the `todo`.
import ts from 'typescript';
import { parse, type Finding } from '../../../server/src/engine';

/** 9. Koa: a site after an unconditional `ctx.throw(...)` statement (unreachable, as after `throw`
 * or `return`, which the engine knows) is reported: `ctx.throw(401, 'x', { headers }); ctx.status
 * = 401`. Found with seed 0x4a17 after the fixes of 1-7: challenge-lost's move leaves such a status
 * without the header that covered it. */
export function afterKoaThrow(fileName: string, text: string, added: readonly Finding[]): boolean {
  const sourceFile = parse(fileName, text);
  const throwsAlways = (s: ts.Statement) =>
    ts.isExpressionStatement(s) && ts.isCallExpression(s.expression) && ts.isPropertyAccessExpression(s.expression.expression) && s.expression.expression.name.text === 'throw';
  const unreachable = (offset: number): boolean => {
    let found = false;
    const visit = (node: ts.Node): void => {
      if (found || offset < node.getFullStart() || offset >= node.end) return;
      if (ts.isBlock(node) || ts.isSourceFile(node)) {
        if (node.statements.some((s) => s.end <= offset && throwsAlways(s))) found = true;
      }
      ts.forEachChild(node, visit);
    };
    visit(sourceFile);
    return found;
  };
  return added.length > 0 && added.every((f) => unreachable(f.start));
}
