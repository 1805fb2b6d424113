// Next.js. App Router route handlers and middleware answer with NextResponse, a Response subclass:
// `NextResponse.json(body, init)` and `new NextResponse(body, init)` read like fetch.ts's Response
// (`NextResponse.next()`, `.redirect()`, `.rewrite()` give no auth status). The Pages Router API
// (`export default function handler(req: NextApiRequest, res: NextApiResponse)`) answers with
// `res.status(n).json(...)` as in Express, but NextApiResponse has no `res.set`: it is a node
// ServerResponse, so headers go through `res.setHeader` (and `res.statusCode`, `res.writeHead`
// are node's, read by the node:http adapter's functions, which this adapter reuses: the Express
// and node:http adapters themselves skip files that import 'next'). `unauthorized()` and
// `forbidden()` of next/navigation answer 401 and 403 (interrupts.ts).
import type { FileImports } from '../../adapter';
import ts from 'typescript';
import type { FrameworkAdapter, StatusSetter } from '../../adapter';
import { constructionHeaderWrites, constructionSetter } from '../fetch/adapter';
import { isFake } from '../../test-code';
import { nodeHttpAdapter } from '../node-http/adapter';
import { chainRoot, isHttpResponseReceiver, receiverKey } from '../../syntax/receivers';
import { responseConstruction } from '../fetch/response-init';
import { statementInList } from '../../site-parts';
import { insertStatementBefore, stringLiteral } from '../../syntax/source-style';
import { statusCallSetter } from '../../status-call';
import { interruptSetter } from './interrupts';


const NEXT_RESPONSE = new Set(['NextResponse']);
const BODY_METHODS = new Set(['send', 'json', 'end']);

function nextResponse(node: ts.Node) {
  const construction = responseConstruction(node, NEXT_RESPONSE);
  return construction && !isFake(node) ? construction : undefined;
}

/** `res.status(401)` of a Pages Router API route. The fix sets the header in a statement before
 * the one that sends (the form Next.js's docs use); where no statement fits, it chains
 * `res.setHeader(...)`, which returns the response (node's ServerResponse.setHeader). */
function pagesStatusSetter(call: ts.CallExpression, receiver: ts.Expression): StatusSetter {
  return statusCallSetter(call, receiverKey(receiver), BODY_METHODS, (style) => ({
    addHeader(name, valueCode) {
      const setHeader = `.setHeader(${stringLiteral(name, style)}, ${valueCode})`;
      const statement = statementInList(call);
      if (statement) return { edits: [insertStatementBefore(statement, `${receiver.getText()}${setHeader}`, style)] };
      return { edits: [{ start: receiver.end, end: receiver.end, newText: setHeader }] };
    },
  }));
}

function pagesStatus(node: ts.Node): StatusSetter | undefined {
  if (!ts.isCallExpression(node) || node.arguments.length !== 1 || !ts.isPropertyAccessExpression(node.expression)) return undefined;
  if (node.expression.name.text !== 'status') return undefined;
  const receiver = chainRoot(node.expression.expression);
  return isHttpResponseReceiver(receiver) ? pagesStatusSetter(node, receiver) : undefined;
}

export const nextjsAdapter: FrameworkAdapter = {
  framework: 'nextjs',
  kinds: [ts.SyntaxKind.CallExpression, ts.SyntaxKind.NewExpression, ts.SyntaxKind.BinaryExpression],
  appliesTo: (facts: FileImports) => facts.frameworks.has('nextjs'),
  statusSetterAt(node, consts) {
    const construction = nextResponse(node);
    if (construction) return constructionSetter(construction, consts);
    return interruptSetter(node) ?? pagesStatus(node) ?? nodeHttpAdapter.statusSetterAt(node, consts);
  },
  headerWritesAt(node, consts) {
    const construction = nextResponse(node);
    if (construction) return constructionHeaderWrites(construction, consts);
    return nodeHttpAdapter.headerWritesAt(node, consts);
  },
};
