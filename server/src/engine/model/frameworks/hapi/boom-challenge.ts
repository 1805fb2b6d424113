// The challenge of Boom.unauthorized(message, scheme, attributes), both ways: the
// `WWW-Authenticate` value Boom writes from its arguments (boom/lib/index.js: the scheme, then the
// attributes as `name="value"` pairs or a string as is, then `error="<message>"`; an array of
// schemes joined as full challenges; nothing without a scheme), and the arguments that make Boom
// write a given challenge.
import ts from 'typescript';
import { parseChallenges } from '../../../challenge/grammar';
import { headerWrite, staticString } from '../../values/headers';
import { stringLiteral, type SourceStyle } from '../../syntax/source-style';
import type { ConstBindings } from '../../values/status';
import type { HeaderWrite } from '../../types';
import { isNullish } from '../../syntax/syntax';

/** Boom's Hoek.escapeHeaderAttribute. */
const escapeAttribute = (value: string) => value.replace(/\\/g, '\\\\').replace(/"/g, '\\"');

/** The `WWW-Authenticate` value Boom.unauthorized builds, when every part is known. */
function challengeValue(call: ts.CallExpression, consts: ConstBindings): string | undefined {
  const [message, scheme, attributes] = call.arguments;
  if (ts.isArrayLiteralExpression(scheme)) {
    const parts = scheme.elements.map((element) => staticString(element, consts));
    return parts.every((part) => part !== undefined) ? parts.join(', ') : undefined;
  }
  let value = staticString(scheme, consts);
  if (value === undefined) return undefined;
  const hasAttributes = attributes !== undefined && !isNullish(attributes) && !(ts.isStringLiteralLike(attributes) && attributes.text === '');
  if (hasAttributes) {
    const text = staticString(attributes, consts);
    if (text !== undefined) value += ` ${escapeAttribute(text)}`;
    else if (ts.isObjectLiteralExpression(attributes)) {
      const pairs: string[] = [];
      for (const property of attributes.properties) {
        if (!ts.isPropertyAssignment(property) || !(ts.isIdentifier(property.name) || ts.isStringLiteralLike(property.name))) return undefined;
        const attribute = ts.isNumericLiteral(property.initializer) ? property.initializer.text : staticString(property.initializer, consts);
        if (attribute === undefined) return undefined;
        pairs.push(`${property.name.text}="${escapeAttribute(attribute)}"`);
      }
      value += ` ${pairs.join(', ')}`;
    } else return undefined;
  }
  if (message !== undefined && !isNullish(message)) {
    const text = staticString(message, consts);
    if (text === undefined) return undefined;
    if (text !== '') value += `${hasAttributes ? ',' : ''} error="${escapeAttribute(text)}"`;
  }
  return value;
}

/** The header Boom.unauthorized writes itself: none without a scheme. */
export function ownChallenge(call: ts.CallExpression, consts: ConstBindings): HeaderWrite[] {
  const scheme = call.arguments[1];
  if (!scheme || isNullish(scheme) || (ts.isStringLiteralLike(scheme) && scheme.text === '')) return [];
  const value = challengeValue(call, consts);
  // The value node is given only where the header is exactly its text (`Boom.unauthorized(null, 'Bearer')`):
  // a problem found in the value maps to it. A value Boom composes is written by no literal.
  const single = ts.isArrayLiteralExpression(scheme) && scheme.elements.length === 1 ? scheme.elements[0] : scheme;
  const written = headerWrite(undefined, single, scheme, consts);
  const exact = value !== undefined && written.value === value;
  return [{ ...written, name: 'www-authenticate', value, valueNode: exact ? single : undefined, valueLiteral: exact ? written.valueLiteral : undefined }];
}

/** `{ realm: 'api' }` for `realm="api"`: the text of a string literal, parsed. */
function literalText(code: string): string | undefined {
  const statement = ts.createSourceFile('value.ts', code, ts.ScriptTarget.Latest).statements[0];
  const expression = statement && ts.isExpressionStatement(statement) ? statement.expression : undefined;
  return expression && ts.isStringLiteralLike(expression) && expression.end === code.length ? expression.text : undefined;
}

const propertyKey = (name: string, style: SourceStyle) => (/^[A-Za-z_$][\w$]*$/.test(name) ? name : stringLiteral(name, style));

/** Boom.unauthorized's scheme and attributes for a challenge: `'Bearer', { realm: 'api' }` for
 * `'Bearer realm="api"'` (Boom's documented form); a value that is not one parsable challenge goes
 * whole into Boom's array form, which it writes as is. */
export function challengeArguments(valueCode: string, style: SourceStyle): string {
  const text = literalText(valueCode);
  const parsed = text === undefined ? undefined : parseChallenges(text);
  if (parsed && parsed.problems.length === 0 && parsed.challenges.length === 1) {
    const [{ scheme, token68, params }] = parsed.challenges;
    const names = new Set(params.map((p) => p.name.toLowerCase()));
    if (token68 !== undefined) return `${stringLiteral(scheme, style)}, ${stringLiteral(token68, style)}`;
    if (params.length === 0) return stringLiteral(scheme, style);
    if (names.size === params.length) {
      const attributes = params.map((p) => `${propertyKey(p.name, style)}: ${stringLiteral(p.value, style)}`).join(', ');
      return `${stringLiteral(scheme, style)}, { ${attributes} }`;
    }
  }
  return `[${valueCode}]`;
}
