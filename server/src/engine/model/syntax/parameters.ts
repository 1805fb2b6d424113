// Which parameter an identifier refers to. Fastify's reply and Koa's context are recognized as
// parameters of handlers (`(request, reply) =>`, `async (ctx, next) =>`), never by a name alone:
// `const reply = await fetch(...)` is a client's response, not a reply being sent.
import ts from 'typescript';

export interface ParameterBinding {
  fn: ts.SignatureDeclaration;
  declaration: ts.ParameterDeclaration;
  index: number;
  /** The names of all of `fn`'s parameters ('' for a destructured one). */
  names: string[];
}

function declaresVariable(statements: readonly ts.Statement[], name: string): boolean {
  return statements.some(
    (statement) =>
      ts.isVariableStatement(statement) &&
      statement.declarationList.declarations.some((declaration) => ts.isIdentifier(declaration.name) && declaration.name.text === name),
  );
}

/** The parameter `identifier` refers to, or undefined when it is bound otherwise (a variable of
 * the same name declared in between shadows the parameter). */
export function parameterBinding(identifier: ts.Identifier): ParameterBinding | undefined {
  const name = identifier.text;
  for (let scope: ts.Node | undefined = identifier.parent; scope; scope = scope.parent) {
    if (ts.isFunctionLike(scope)) {
      const index = scope.parameters.findIndex((p) => ts.isIdentifier(p.name) && p.name.text === name);
      if (index >= 0) {
        const names = scope.parameters.map((p) => (ts.isIdentifier(p.name) ? p.name.text : ''));
        return { fn: scope, declaration: scope.parameters[index], index, names };
      }
    } else if ((ts.isBlock(scope) || ts.isSourceFile(scope)) && declaresVariable(scope.statements, name)) {
      return undefined;
    }
  }
  return undefined;
}

/** The text of a parameter's declared type (`FastifyReply`, `Koa.Context`), if it has one. */
export function declaredTypeOf(parameter: ts.ParameterDeclaration): string | undefined {
  return parameter.type && ts.isTypeReferenceNode(parameter.type) ? parameter.type.typeName.getText() : undefined;
}

/** The parameters of the function that holds `node` (its innermost function). */
export function enclosingParameters(node: ts.Node): ts.ParameterDeclaration[] {
  for (let current = node.parent; current; current = current.parent) {
    if (ts.isFunctionLike(current)) return [...current.parameters];
  }
  return [];
}
