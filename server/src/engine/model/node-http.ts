// node:http: `res.statusCode = n` and `res.writeHead(n[, message][, headers])`, headers with
// `res.setHeader`/`appendHeader`/`setHeaders` or in `writeHead` (an object or node's flat array).
// Express responses inherit all of these, so this adapter reads Express files too.
import * as ts from 'typescript';
import type { FrameworkAdapter, StatusSetter } from './adapter';
import { callsChainedAfter, laterCallsOn } from './chain';
import { headersOfWriteHead, headerWritesOfArguments, writeHeadHeadersArgument } from './headers';
import { isInStatementList, statementOf } from './paths';
import { chainRoot, isHttpResponseReceiver } from './receivers';
import { handledByAnotherFramework } from './frameworks';
import { appendToLiteral, insertStatementAfter, insertStatementBefore, stringLiteral, type SourceStyle } from './source-style';
import type { ResponseFixer } from './types';

const BODY_METHODS = new Set(['end', 'write', 'send', 'json']);
const HEADER_METHODS = new Set(['setHeader', 'appendHeader', 'setHeaders']);

function setHeaderCall(receiver: ts.Expression, name: string, value: string, style: SourceStyle): string {
  return `${receiver.getText()}.setHeader(${stringLiteral(name, style)}, ${stringLiteral(value, style)})`;
}

/** `writeHead`: the header goes into its headers argument, in the form that argument already has. */
function writeHeadFixer(call: ts.CallExpression, receiver: ts.Expression, style: SourceStyle): ResponseFixer {
  return {
    addHeader(name, value) {
      const headers = writeHeadHeadersArgument(call);
      const [nameText, valueText] = [stringLiteral(name, style), stringLiteral(value, style)];
      if (!headers) {
        const last = call.arguments[call.arguments.length - 1];
        return [{ start: last.end, end: last.end, newText: `, { ${nameText}: ${valueText} }` }];
      }
      if (ts.isObjectLiteralExpression(headers)) return [appendToLiteral(headers, `${nameText}: ${valueText}`, style)];
      if (ts.isArrayLiteralExpression(headers)) return [appendToLiteral(headers, `${nameText}, ${valueText}`, style)];
      // A headers variable: node merges setHeader() headers with writeHead's (http.ServerResponse docs).
      const statement = statementOf(call);
      return statement && isInStatementList(statement) ? [insertStatementBefore(statement, setHeaderCall(receiver, name, value, style), style)] : undefined;
    },
  };
}

/** `res.statusCode = 401;`: a `res.setHeader(...)` statement after it. */
function statusCodeFixer(assignment: ts.BinaryExpression, receiver: ts.Expression, style: SourceStyle): ResponseFixer {
  return {
    addHeader(name, value) {
      const statement = assignment.parent;
      if (!ts.isExpressionStatement(statement) || !isInStatementList(statement)) return undefined;
      return [insertStatementAfter(statement, setHeaderCall(receiver, name, value, style), style)];
    },
  };
}

function writeHeadSetter(call: ts.CallExpression, receiver: ts.Expression): StatusSetter {
  return {
    node: call,
    statusExpression: call.arguments[0],
    receiver,
    range: { start: call.getStart(), end: call.arguments[0].end },
    bodyCalls: [call, ...callsChainedAfter(call), ...laterCallsOn(call, receiver.getText(), BODY_METHODS)],
    fixer: (style) => writeHeadFixer(call, receiver, style),
  };
}

function statusCodeSetter(assignment: ts.BinaryExpression, receiver: ts.Expression): StatusSetter {
  return {
    node: assignment,
    statusExpression: assignment.right,
    receiver,
    range: { start: assignment.getStart(), end: assignment.end },
    bodyCalls: laterCallsOn(assignment, receiver.getText(), BODY_METHODS),
    fixer: (style) => statusCodeFixer(assignment, receiver, style),
  };
}

export const nodeHttpAdapter: FrameworkAdapter = {
  framework: 'node-http',
  appliesTo: (facts) => !handledByAnotherFramework(facts),
  statusSetterAt(node) {
    if (ts.isCallExpression(node) && ts.isPropertyAccessExpression(node.expression) && node.expression.name.text === 'writeHead' && node.arguments.length > 0) {
      const receiver = chainRoot(node.expression.expression);
      return isHttpResponseReceiver(receiver) ? writeHeadSetter(node, receiver) : undefined;
    }
    if (
      ts.isBinaryExpression(node) &&
      node.operatorToken.kind === ts.SyntaxKind.EqualsToken &&
      ts.isPropertyAccessExpression(node.left) &&
      node.left.name.text === 'statusCode'
    ) {
      const receiver = chainRoot(node.left.expression);
      return isHttpResponseReceiver(receiver) ? statusCodeSetter(node, receiver) : undefined;
    }
    return undefined;
  },
  headerWritesAt(node, consts) {
    if (!ts.isCallExpression(node) || !ts.isPropertyAccessExpression(node.expression)) return undefined;
    const method = node.expression.name.text;
    const receiver = chainRoot(node.expression.expression);
    if (!isHttpResponseReceiver(receiver)) return undefined;
    if (method === 'writeHead') return { receiver, writes: headersOfWriteHead(node, consts) };
    return HEADER_METHODS.has(method) ? { receiver, writes: headerWritesOfArguments(node, consts) } : undefined;
  },
};
