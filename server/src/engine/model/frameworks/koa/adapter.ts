// Koa: `ctx.status = n` (also `ctx.response.status`, and node's `ctx.res.statusCode`), headers with
// `ctx.set(k, v)`, `ctx.set({...})`, `ctx.append(k, v)` (or on `ctx.response`) and node's
// `ctx.res.setHeader(...)`; `ctx.throw` and `ctx.assert` in throw.ts. The fix for a status
// assignment is a `ctx.set(name, value)` statement after it (Koa's `set` returns nothing to chain).
import type { FileImports } from '../../adapter';
import ts from 'typescript';
import type { FrameworkAdapter, HeaderWrites, StatusSetter } from '../../adapter';
import { readsWithoutImport } from '../../imports/file-frameworks';
import { headerWritesOfArguments } from '../../values/headers';
import { koaContextOf, type ContextRef } from './context';
import { throwStatusSetter } from './throw';
import { isInStatementList } from '../../syntax/paths';
import { isPlainHeaderWrite } from '../../plain-overlap';
import { insertStatementAfter, stringLiteral } from '../../syntax/source-style';
import type { ConstBindings } from '../../values/status';


/** The status property and the header methods of each object behind the context. */
const STATUS_PROPERTY = { ctx: 'status', response: 'status', res: 'statusCode' } as const;
const HEADER_METHODS: Record<ContextRef['via'], ReadonlySet<string>> = {
  ctx: new Set(['set', 'append']),
  response: new Set(['set', 'append']),
  res: new Set(['setHeader', 'appendHeader', 'setHeaders']),
};

function statusSetter(assignment: ts.BinaryExpression, ref: ContextRef): StatusSetter {
  return {
    node: assignment,
    status: assignment.right,
    receiverKey: ref.key,
    range: { start: assignment.getStart(), end: assignment.end },
    bodyCalls: () => [],
    fixer: (style) => ({
      addHeader(name, valueCode) {
        const statement = assignment.parent;
        if (!ts.isExpressionStatement(statement) || !isInStatementList(statement)) {
          return { unavailable: 'no statement can be added here (an unbraced if body): add braces first' };
        }
        const method = ref.via === 'res' ? 'setHeader' : 'set';
        return { edits: [insertStatementAfter(statement, `${ref.target.getText()}.${method}(${stringLiteral(name, style)}, ${valueCode})`, style)] };
      },
    }),
  };
}

function statusAssignment(node: ts.Node): StatusSetter | undefined {
  if (!ts.isBinaryExpression(node) || node.operatorToken.kind !== ts.SyntaxKind.EqualsToken || !ts.isPropertyAccessExpression(node.left)) return undefined;
  const property = node.left.name.text;
  if (property !== 'status' && property !== 'statusCode') return undefined;
  const ref = koaContextOf(node.left.expression);
  return ref && STATUS_PROPERTY[ref.via] === property ? statusSetter(node, ref) : undefined;
}

function contextHeaderWrites(node: ts.Node, consts: ConstBindings): HeaderWrites | undefined {
  if (!ts.isCallExpression(node) || !ts.isPropertyAccessExpression(node.expression) || node.arguments.length === 0) return undefined;
  const method = node.expression.name.text;
  if (method !== 'set' && method !== 'append' && !HEADER_METHODS.res.has(method)) return undefined;
  const receiver = node.expression.expression;
  const ref = koaContextOf(receiver);
  // Express records `ctx.set(...)` itself in a file without an import, under the same key.
  if (!ref || !HEADER_METHODS[ref.via].has(method) || isPlainHeaderWrite(receiver, method, ref.key)) return undefined;
  return { receiverKey: ref.key, writes: headerWritesOfArguments(node, consts) };
}

/** Deno's oak has the same `ctx.response.status` and `ctx.throw` shapes with other semantics. */
const OAK_MODULE = /(^|[/:@])oak([/@]|$)/;

function appliesTo(facts: FileImports): boolean {
  if (facts.frameworks.has('koa')) return true;
  return readsWithoutImport(facts) && ![...facts.modules].some((module) => OAK_MODULE.test(module));
}

export const koaAdapter: FrameworkAdapter = {
  framework: 'koa',
  kinds: [ts.SyntaxKind.CallExpression, ts.SyntaxKind.BinaryExpression],
  appliesTo,
  statusSetterAt: (node, consts) => statusAssignment(node) ?? throwStatusSetter(node, consts),
  headerWritesAt: contextHeaderWrites,
};
