// Statuses that a file reads from other files, for its framework sites (`res.status(...)`): an
// imported constant or table member (`res.status(codes.UNAUTHORIZED)`), and the status property
// of what a project function returns (`const result = await getProject(id); res.status(result.status)`).
// The response model asks through ConstBindings.external (model/values/status.ts).
import ts from 'typescript';
import { AUTH_STATUSES, replacedStatus } from '../model/values/status';
import type { StatusValue } from '../model/types';
import { Evaluator, type CodeAt } from './evaluate';
import type { Project } from './project';
import { valueOf } from './summary/values';

const MEMBER_NAMES: Record<number, string> = { 401: 'UNAUTHORIZED', 403: 'FORBIDDEN', 407: 'PROXY_AUTHENTICATION_REQUIRED' };

export function externalStatuses(project: Project, file: string): (expression: ts.Expression) => StatusValue[] {
  const evaluator = new Evaluator(project);
  const where = (code: CodeAt) => project.where(code.file, code.spot.line);
  return (expression) => {
    const value = valueOf(expression);
    if (value.kind !== 'ref' && value.kind !== 'member') return [];
    // One status per code and place written: branches that give the same code from the same place are one.
    const seen = new Set<string>();
    const codes = evaluator.codes({ value, file }).filter((code) => AUTH_STATUSES.has(code.code) && !seen.has(`${code.code}@${code.file}:${code.spot.start}`) && (seen.add(`${code.code}@${code.file}:${code.spot.start}`), true));
    return codes.map((code): StatusValue => {
      if (value.kind === 'ref') return constantStatus(expression, code.code, file, evaluator);
      const label = value.object.kind === 'call' ? `${[value.object.callee.name, ...(value.object.callee.members ?? [])].join('.')}()` : 'the called function';
      return {
        code: code.code,
        node: expression,
        rewrite: () => ({ unavailable: `the status is chosen where ${label} returns it (${where(code)})` }),
        writtenAt: { file: code.file, start: code.spot.start, end: code.spot.end, line: code.spot.line, where: where(code), label },
      };
    });
  };
}

/** A constant's use, rewritten as the same table's member for the other code (`codes.FORBIDDEN`)
 * when the table has one, else as the number. */
function constantStatus(expression: ts.Expression, code: number, file: string, evaluator: Evaluator): StatusValue {
  return replacedStatus(expression, code, (target) => {
    const member = MEMBER_NAMES[target];
    const value = valueOf(expression);
    if (member && ts.isPropertyAccessExpression(expression) && value.kind === 'ref') {
      const members = [...(value.ref.members ?? []).slice(0, -1), member];
      const sibling = evaluator.codes({ value: { kind: 'ref', ref: { name: value.ref.name, members }, spot: value.spot }, file });
      if (sibling.some((c) => c.code === target)) return `${expression.expression.getText()}.${member}`;
    }
    return String(target);
  });
}
