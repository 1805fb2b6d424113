// NestJS route decorators: `@HttpCode(401)` sets the status of the method's response and
// `@Header(name, value)` on the same method adds a header to it (RouterResponseController applies
// both when the handler returns). They are read together: the headers are the site's own.
import ts from 'typescript';
import type { StatusSetter } from '../../adapter';
import { headerWrite } from '../../values/headers';
import { importFromNest } from './exceptions';
import { NEST_COMMON } from './response';
import { moduleBindings } from '../../imports/module-bindings';
import { indentationAt, stringLiteral, type SourceStyle } from '../../syntax/source-style';
import type { ConstBindings } from '../../values/status';
import type { HeaderWrite, ResponseFixer } from '../../types';

/** The call of a `@Name(...)` decorator whose name is bound to `exported` from @nestjs/common. */
function decoratorCall(decorator: ts.Decorator, exported: string): ts.CallExpression | undefined {
  const call = decorator.expression;
  if (!ts.isCallExpression(call) || !ts.isIdentifier(call.expression)) return undefined;
  return moduleBindings(decorator.getSourceFile(), NEST_COMMON).named.get(call.expression.text) === exported ? call : undefined;
}

function headerDecorators(method: ts.MethodDeclaration, consts: ConstBindings): HeaderWrite[] {
  return (ts.getDecorators(method) ?? []).flatMap((decorator) => {
    const call = decoratorCall(decorator, 'Header');
    return call ? [headerWrite(call.arguments[0], call.arguments[1], decorator, consts)] : [];
  });
}

/** A `@Header(name, value)` line above `@HttpCode(...)`, at its indentation (or before it on a shared line). */
function headerDecoratorFixer(decorator: ts.Decorator, style: SourceStyle): ResponseFixer {
  return {
    addHeader(name, valueCode) {
      const sourceFile = decorator.getSourceFile();
      const start = decorator.getStart();
      const lineStart = sourceFile.text.lastIndexOf('\n', start - 1) + 1;
      const alone = sourceFile.text.slice(lineStart, start).trim() === '';
      const text = `@Header(${stringLiteral(name, style)}, ${valueCode})`;
      const edit = { start, end: start, newText: alone ? `${text}${style.eol}${indentationAt(sourceFile.text, start)}` : `${text} ` };
      const imported = importFromNest(decorator, 'Header');
      return imported ? { edits: [edit, ...imported] } : { unavailable: 'Header is not imported from @nestjs/common and cannot be added to the import' };
    },
  };
}

export function httpCodeSetter(node: ts.Node, consts: ConstBindings): StatusSetter | undefined {
  if (!ts.isDecorator(node) || !ts.isMethodDeclaration(node.parent)) return undefined;
  const call = decoratorCall(node, 'HttpCode');
  if (!call || call.arguments.length !== 1) return undefined;
  const method = node.parent;
  return {
    node,
    status: call.arguments[0],
    receiverKey: `@HttpCode ${method.name.getText()}:${node.getStart()}`,
    range: { start: node.getStart(), end: node.end },
    ownHeaders() {
      return headerDecorators(method, consts);
    },
    bodyCalls: () => [],
    fixer: (style) => headerDecoratorFixer(node, style),
  };
}
