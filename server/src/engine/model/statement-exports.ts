// What a top-level statement offers the rest of its file's analysis, as text: when an edit leaves
// this the same, the other statements' findings stay the same too. It lists everything another
// statement's analysis reads from this one: the names it binds at the top level and the values of
// those that are not functions (aliases, requires), its consts (statuses and header values resolve
// through them), its named functions with the header writes they make on their parameters and the
// helper calls they make (helpers.ts), exception filter classes (Nest), and proxy evidence. Its
// handlers' bodies are not in it: typing inside a handler changes that handler only.
import ts from 'typescript';
import { calleeName } from './syntax/syntax';
import { enclosingFunction, runsWithBodyOf } from './syntax/paths';
import type { StatementFacts } from './statement-walk';

/** A value's text with the bodies of the functions in it left out: what another statement reads
 * of a value (a literal, an object, a call like `defineEventHandler(...)`, a `require`) never
 * depends on what a function in it does; the header writes of named functions are listed apart. */
function valueText(node: ts.Node | undefined): string {
  if (!node) return '';
  const source = node.getSourceFile().text;
  let text = '';
  let from = node.getStart();
  const visit = (child: ts.Node): void => {
    const body = ts.isFunctionLike(child) ? (child as { body?: ts.Node }).body : undefined;
    if (body) {
      text += `${source.slice(from, body.getStart())}{}`;
      from = body.end;
      return;
    }
    ts.forEachChild(child, visit);
  };
  visit(node);
  return text + source.slice(from, node.end);
}

/** Statements another statement can read only as a whole (imports, exports of names, namespaces):
 * any edit to them is an edit to the whole file. */
function isReadAsAWhole(statement: ts.Statement): boolean {
  switch (statement.kind) {
    case ts.SyntaxKind.FunctionDeclaration:
    case ts.SyntaxKind.VariableStatement:
    case ts.SyntaxKind.ExpressionStatement:
    case ts.SyntaxKind.ExportAssignment:
    case ts.SyntaxKind.InterfaceDeclaration:
    case ts.SyntaxKind.TypeAliasDeclaration:
    case ts.SyntaxKind.EmptyStatement:
      return false;
    case ts.SyntaxKind.ClassDeclaration:
      // A Nest exception filter (`@Catch(...)`) adds its headers to the exceptions of other classes.
      return ts.canHaveDecorators(statement) && (ts.getDecorators(statement) ?? []).some((decorator) => decorator.getText().includes('Catch'));
    default:
      return true;
  }
}

export function exportsOf(facts: StatementFacts): string {
  const { statement } = facts;
  if (isReadAsAWhole(statement)) return `whole ${statement.getText()}`;
  const lines: string[] = [`kind ${statement.kind}`, `top-level ${facts.topLevel}`, `proxy ${facts.proxyEvidence ?? ''}`];
  if (ts.isVariableStatement(statement)) {
    for (const declaration of statement.declarationList.declarations) {
      lines.push(`binds ${statement.declarationList.flags & ts.NodeFlags.BlockScoped} ${declaration.name.getText()} = ${valueText(declaration.initializer)}`);
    }
  }
  if (ts.isClassDeclaration(statement)) lines.push(`class ${statement.name?.text ?? ''}`);
  for (const declaration of facts.consts) {
    lines.push(`const ${declaration.name.getText()} = ${valueText(declaration.initializer)}`);
  }
  for (const [name, fn] of facts.functions) {
    lines.push(`function ${name}(${fn.parameters.map((parameter) => parameter.name.getText()).join(', ')})`);
    for (const { scope, receiverKey, write } of facts.writes) {
      if (scope === fn) lines.push(`  writes ${receiverKey} ${write.name ?? '?'}: ${write.value ?? '?'} ${runsWithBodyOf(write.node, fn)}`);
    }
    for (const call of facts.calls) {
      if (enclosingFunction(call) !== fn) continue;
      const names = call.arguments.map((argument) => (ts.isIdentifier(argument) ? argument.text : '_'));
      lines.push(`  calls ${ts.isIdentifier(call.expression) ? '' : '.'}${calleeName(call) ?? '?'}(${names.join(', ')}) ${runsWithBodyOf(call, fn)}`);
    }
  }
  return lines.join('\n');
}
