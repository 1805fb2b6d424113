// Authentication middleware that sends the 401 itself (DOMAIN.md, "Libraries that set the
// challenge themselves"): the place that configures it is the status site.
// - passport: when every strategy fails, passport sends 401 with WWW-Authenticate built from the
//   strategies' string challenges (Basic, Digest, Bearer give one; passport-jwt gives none, so its
//   401 is bare). A custom callback, failureRedirect or failWithError hand the failure to the app.
// - express-basic-auth: adds `WWW-Authenticate: Basic realm=...` only with `challenge: true`.
import ts from 'typescript';
import type { StatusSetter } from '../../adapter';
import { moduleBindings } from '../../imports/module-bindings';
import { appendToLiteral, stringLiteral } from '../../syntax/source-style';
import { propertyAssignment } from '../../syntax/syntax';
import type { FixOutcome, StatusValue } from '../../types';

/** Strategies whose failure gives passport no challenge string. */
const SILENT_STRATEGIES = new Set(['jwt']);
/** Strategies that give one: their 401 carries a challenge. */
const CHALLENGING_STRATEGIES = new Set(['basic', 'digest', 'bearer']);

const sentByLibrary = (node: ts.Node, library: string): StatusValue => ({
  code: 401,
  node,
  rewrite: () => ({ unavailable: `${library} decides this status` }),
});

function strategyNames(argument: ts.Expression | undefined): string[] | undefined {
  if (argument && ts.isStringLiteralLike(argument)) return [argument.text];
  if (argument && ts.isArrayLiteralExpression(argument) && argument.elements.every(ts.isStringLiteralLike)) {
    return argument.elements.map((e) => (e as ts.StringLiteralLike).text);
  }
  return undefined;
}

/** `passport.authenticate('jwt', { session: false })` used as middleware. */
function passportSite(call: ts.CallExpression): StatusSetter | undefined {
  const callee = call.expression;
  if (!ts.isPropertyAccessExpression(callee) || callee.name.text !== 'authenticate' || !ts.isIdentifier(callee.expression)) return undefined;
  if (!moduleBindings(call.getSourceFile(), /^passport$/).whole.has(callee.expression.text)) return undefined;
  const [strategies, options, callback] = call.arguments;
  const names = strategyNames(strategies);
  if (!names || names.some((name) => CHALLENGING_STRATEGIES.has(name) || !SILENT_STRATEGIES.has(name))) return undefined;
  if (call.arguments.some((argument) => ts.isFunctionLike(argument)) || callback) return undefined;
  if (options && (!ts.isObjectLiteralExpression(options) || propertyAssignment(options, 'failureRedirect') || propertyAssignment(options, 'failWithError'))) return undefined;
  return {
    node: call,
    status: sentByLibrary(call, 'passport'),
    receiverKey: `passport@${call.pos}`,
    range: { start: call.getStart(), end: call.end },
    bodyCalls: () => [],
    fixer: () => ({
      addHeader: (): FixOutcome => ({
        unavailable: 'passport-jwt gives passport no challenge: use a custom callback (or failWithError and an error handler) that sends 401 with WWW-Authenticate',
      }),
    }),
  };
}

/** `basicAuth({ users })` of express-basic-auth, without `challenge: true`. */
function basicAuthSite(call: ts.CallExpression): StatusSetter | undefined {
  if (!ts.isIdentifier(call.expression) || !moduleBindings(call.getSourceFile(), /^express-basic-auth$/).whole.has(call.expression.text)) return undefined;
  const [options] = call.arguments;
  if (!options || !ts.isObjectLiteralExpression(options)) return undefined;
  const challenge = propertyAssignment(options, 'challenge');
  if (challenge && challenge.initializer.kind !== ts.SyntaxKind.FalseKeyword) return undefined;
  return {
    node: call,
    status: sentByLibrary(call, 'express-basic-auth'),
    receiverKey: `express-basic-auth@${call.pos}`,
    range: { start: call.getStart(), end: call.end },
    bodyCalls: () => [],
    fixer: (style) => ({
      addHeader: (_name, valueCode) => {
        // express-basic-auth writes `Basic realm="<realm>"` itself: give it the realm of the challenge.
        const realm = /realm=\\?"([^"\\]*)\\?"/.exec(valueCode)?.[1] ?? 'api';
        const missing = [...(challenge ? [] : ['challenge: true']), ...(propertyAssignment(options, 'realm') ? [] : [`realm: ${stringLiteral(realm, style)}`])];
        const edits = missing.length > 0 ? [appendToLiteral(options, missing.join(', '), style)] : [];
        if (challenge) edits.push({ start: challenge.initializer.getStart(), end: challenge.initializer.end, newText: 'true' });
        return { edits };
      },
    }),
  };
}

export function libraryStatusSetter(node: ts.Node): StatusSetter | undefined {
  if (!ts.isCallExpression(node)) return undefined;
  return passportSite(node) ?? basicAuthSite(node);
}
