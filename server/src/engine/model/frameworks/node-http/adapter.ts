// node:http: `res.statusCode = n` and `res.writeHead(n[, message][, headers])`, headers with
// `res.setHeader`/`appendHeader`/`setHeaders` or in `writeHead` (an object or node's flat array).
// Express responses inherit all of these, so this adapter reads Express files too.
import ts from 'typescript';
import type { FrameworkAdapter, StatusSetter } from '../../adapter';
import type { ConstBindings } from '../../values/status';
import { callsChainedAfter, laterCallsOn } from '../../syntax/chain';
import { headersOfWriteHead, headerWritesOfArguments, writeHeadHeadersArgument } from '../../values/headers';
import { isInStatementList, statementOf } from '../../syntax/paths';
import { chainRoot, isHttpResponseReceiver, receiverKey } from '../../syntax/receivers';
import { isPlainNodeFile } from '../../imports/frameworks';
import { appendToLiteral, insertStatementAfter, insertStatementBefore, stringLiteral, type SourceStyle } from '../../syntax/source-style';
import type { FixOutcome, ResponseFixer } from '../../types';

const BODY_METHODS = new Set(['end', 'write', 'send', 'json']);
const HEADER_METHODS = new Set(['setHeader', 'appendHeader', 'setHeaders']);

function setHeaderCall(receiver: ts.Expression, name: string, valueCode: string, style: SourceStyle): string {
  return `${receiver.getText()}.setHeader(${stringLiteral(name, style)}, ${valueCode})`;
}

const NO_ROOM: FixOutcome = { unavailable: 'no statement can be added here (an unbraced if body): add braces first' };

/** `writeHead`: the header goes into its headers argument, in the form that argument already has. */
function writeHeadFixer(call: ts.CallExpression, receiver: ts.Expression, style: SourceStyle): ResponseFixer {
  return {
    addHeader(name, valueCode) {
      const headers = writeHeadHeadersArgument(call);
      const nameText = stringLiteral(name, style);
      if (!headers) {
        const last = call.arguments[call.arguments.length - 1];
        return { edits: [{ start: last.end, end: last.end, newText: `, { ${nameText}: ${valueCode} }` }] };
      }
      if (ts.isObjectLiteralExpression(headers)) return { edits: [appendToLiteral(headers, `${nameText}: ${valueCode}`, style)] };
      if (ts.isArrayLiteralExpression(headers)) return { edits: [appendToLiteral(headers, `${nameText}, ${valueCode}`, style)] };
      // A headers variable: node merges setHeader() headers with writeHead's (http.ServerResponse docs).
      const statement = statementOf(call);
      if (!statement || !isInStatementList(statement)) return NO_ROOM;
      return { edits: [insertStatementBefore(statement, setHeaderCall(receiver, name, valueCode, style), style)] };
    },
  };
}

/** `res.statusCode = 401;`: a `res.setHeader(...)` statement after it. */
function statusCodeFixer(assignment: ts.BinaryExpression, receiver: ts.Expression, style: SourceStyle): ResponseFixer {
  return {
    addHeader(name, valueCode) {
      const statement = assignment.parent;
      if (!ts.isExpressionStatement(statement) || !isInStatementList(statement)) return NO_ROOM;
      return { edits: [insertStatementAfter(statement, setHeaderCall(receiver, name, valueCode, style), style)] };
    },
  };
}

function writeHeadSetter(call: ts.CallExpression, receiver: ts.Expression, consts: ConstBindings): StatusSetter {
  const key = receiverKey(receiver);
  return {
    node: call,
    status: call.arguments[0],
    receiverKey: key,
    range: { start: call.getStart(), end: call.arguments[0].end },
    ownHeaders() {
      return headersOfWriteHead(call, consts);
    },
    bodyCalls() {
      return [call, ...callsChainedAfter(call), ...laterCallsOn(call, key, BODY_METHODS)];
    },
    fixer: (style) => writeHeadFixer(call, receiver, style),
  };
}

function statusCodeSetter(assignment: ts.BinaryExpression, receiver: ts.Expression): StatusSetter {
  const key = receiverKey(receiver);
  return {
    node: assignment,
    status: assignment.right,
    receiverKey: key,
    range: { start: assignment.getStart(), end: assignment.end },
    bodyCalls() {
      return laterCallsOn(assignment, key, BODY_METHODS);
    },
    fixer: (style) => statusCodeFixer(assignment, receiver, style),
  };
}

export const nodeHttpAdapter: FrameworkAdapter = {
  framework: 'node-http',
  kinds: [ts.SyntaxKind.CallExpression, ts.SyntaxKind.BinaryExpression],
  appliesTo: isPlainNodeFile,
  statusSetterAt(node, consts) {
    if (ts.isCallExpression(node) && ts.isPropertyAccessExpression(node.expression) && node.expression.name.text === 'writeHead' && node.arguments.length > 0) {
      const receiver = chainRoot(node.expression.expression);
      return isHttpResponseReceiver(receiver) ? writeHeadSetter(node, receiver, consts) : undefined;
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
  // Writes on any object, as in express.ts: only a matching status site reads them.
  headerWritesAt(node, consts) {
    if (!ts.isCallExpression(node) || !ts.isPropertyAccessExpression(node.expression)) return undefined;
    if (!HEADER_METHODS.has(node.expression.name.text)) return undefined;
    return { receiverKey: receiverKey(chainRoot(node.expression.expression)), writes: headerWritesOfArguments(node, consts) };
  },
};
