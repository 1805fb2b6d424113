import ts from 'typescript';
import type { StatusValue } from '../types';
import { assignedValues } from './assigned-status';
import { isParameterReference } from '../syntax/syntax';

/** The statuses the rules are about: a site with another status (200, 404, ...) is not built, and
 * project code that writes none of them is not followed. */
export const AUTH_STATUSES: ReadonlySet<number> = new Set([401, 403, 407]);

/** Members of status enums and objects: http-status-codes `StatusCodes`, Nest `HttpStatus`
 * (UPPER_SNAKE) and axios `HttpStatusCode` (PascalCase). */
const STATUS_OBJECTS = new Set(['StatusCodes', 'HttpStatus', 'HttpStatusCode', 'httpStatus']);
const MEMBER_CODES: Record<string, number> = {
  OK: 200,
  BAD_REQUEST: 400,
  UNAUTHORIZED: 401,
  FORBIDDEN: 403,
  NOT_FOUND: 404,
  PROXY_AUTHENTICATION_REQUIRED: 407,
};
const CODE_MEMBERS = new Map(Object.entries(MEMBER_CODES).map(([name, code]) => [code, name]));

function pascal(upperSnake: string): string {
  return upperSnake.toLowerCase().replace(/(^|_)([a-z])/g, (_m, _sep: string, c: string) => c.toUpperCase());
}

function memberCode(name: string): number | undefined {
  if (name in MEMBER_CODES) return MEMBER_CODES[name];
  for (const [upper, code] of Object.entries(MEMBER_CODES)) if (pascal(upper) === name) return code;
  return undefined;
}

function unwrap(expr: ts.Expression): ts.Expression {
  while (ts.isParenthesizedExpression(expr) || ts.isAsExpression(expr) || ts.isSatisfiesExpression(expr) || ts.isNonNullExpression(expr)) {
    expr = expr.expression;
  }
  return expr;
}

/** `const NAME = <initializer>` bindings of the file, by name; names bound more than once map to
 * undefined (shadowing would make a guess unsafe). Bindings are applied when a name is first looked
 * up after them, in the order they were recorded: a keystroke in a long file records the thousands
 * of consts of its kept statements again, and most runs then look up none. */
export class ConstBindings {
  private readonly byName = new Map<string, ts.Expression | undefined>();
  /** Declarations recorded and not applied yet, in their order. */
  private pending: (readonly ts.VariableDeclaration[])[] = [];
  /** What names from other files are, when the file is read as part of a project: an imported
   * constant (`codes.UNAUTHORIZED`), the status a called function returns (`result.status`). */
  external: ((expression: ts.Expression) => StatusValue[]) | undefined;

  /** Records a `const` declaration; says whether it was one. */
  record(declaration: ts.VariableDeclaration): boolean {
    if (!ts.isIdentifier(declaration.name) || !declaration.initializer) return false;
    if (!(ts.getCombinedNodeFlags(declaration) & ts.NodeFlags.Const)) return false;
    if (this.pending.length > 0) this.pending.push([declaration]);
    else this.apply(declaration);
    return true;
  }

  /** Records declarations `record` took before (a statement kept from the last run): no checks. */
  recordAgain(declarations: readonly ts.VariableDeclaration[]): void {
    if (declarations.length > 0) this.pending.push(declarations);
  }

  get(name: string): ts.Expression | undefined {
    if (this.pending.length > 0) {
      const pending = this.pending;
      this.pending = [];
      for (const declarations of pending) for (const declaration of declarations) this.apply(declaration);
    }
    return this.byName.get(name);
  }

  private apply(declaration: ts.VariableDeclaration): void {
    const name = (declaration.name as ts.Identifier).text;
    this.byName.set(name, this.byName.has(name) ? undefined : declaration.initializer);
  }
}

/** The code of a library's status member, `StatusCodes.UNAUTHORIZED` or `HttpStatus.FORBIDDEN`. */
export function libraryStatus(node: ts.Expression): number | undefined {
  if (!ts.isPropertyAccessExpression(node) || !ts.isIdentifier(node.expression) || !STATUS_OBJECTS.has(node.expression.text)) return undefined;
  return memberCode(node.name.text);
}

/** A status written by `node`, rewritten by replacing `node`'s text with `spell(code)`. */
export function replacedStatus(node: ts.Node, code: number, spell: (code: number) => string | undefined): StatusValue {
  return {
    code,
    node,
    rewrite: (target) => {
      const text = spell(target);
      return text === undefined
        ? { unavailable: `no form of ${target} fits here` }
        : { edits: [{ start: node.getStart(), end: node.end, newText: text }] };
    },
  };
}

const literal = (node: ts.Expression, code: number): StatusValue => replacedStatus(node, code, String);

/** Every status an expression can evaluate to, each with the node that writes it
 * (`cond ? 401 : 403` gives two). Unknown expressions give none. */
export function resolveStatuses(expression: ts.Expression, consts: ConstBindings, depth = 0): StatusValue[] {
  const expr = unwrap(expression);
  if (ts.isNumericLiteral(expr)) return [literal(expr, Number(expr.text))];
  if (ts.isConditionalExpression(expr)) {
    return [...resolveStatuses(expr.whenTrue, consts, depth), ...resolveStatuses(expr.whenFalse, consts, depth)];
  }
  if (ts.isPropertyAccessExpression(expr) && ts.isIdentifier(expr.expression) && STATUS_OBJECTS.has(expr.expression.text)) {
    const code = memberCode(expr.name.text);
    if (code === undefined) return [];
    const pascalCase = expr.name.text !== expr.name.text.toUpperCase();
    const object = expr.expression.text;
    return [
      replacedStatus(expr, code, (c) => {
        const member = CODE_MEMBERS.get(c);
        return member ? `${object}.${pascalCase ? pascal(member) : member}` : String(c);
      }),
    ];
  }
  if (ts.isIdentifier(expr) && depth < 3) {
    const initializer = consts.get(expr.text);
    // The file's consts are kept by name: a parameter of that name (`problem(status) { ... { status } }`)
    // is the caller's argument, read at the call (project/sites.ts), not the const.
    if (initializer && depth === 0 && isParameterReference(expr)) return [];
    // The use site is replaced by a literal: rewriting the shared const would change other uses.
    if (initializer) return resolveStatuses(initializer, consts, depth + 1).map((v) => literal(expr, v.code));
    // A variable of the function, assigned on several paths: each value where it is chosen.
    const assigned = depth === 0 ? assignedValues(expr) : undefined;
    if (assigned) return assigned.flatMap(({ value, choice }) => resolveStatuses(value, consts, depth + 1).map((status) => ({ ...status, chosenAt: choice })));
    return consts.external?.(expr) ?? [];
  }
  return ts.isPropertyAccessExpression(expr) || ts.isElementAccessExpression(expr) ? (consts.external?.(expr) ?? []) : [];
}
