// Validator of WWW-Authenticate / Proxy-Authenticate values: the grammar of RFC 9110 §11.1-11.2
// and §5.6, plus the rules of §11.2/§11.5 (one name per challenge, quoted realm), RFC 7617 (Basic)
// and RFC 6750 (Bearer). Pure: offsets index the header value, the caller maps them to the source.

export interface ChallengeProblem {
  message: string;
  start: number;
  end: number;
}
export interface AuthParam {
  name: string;
  value: string;
  quoted: boolean;
  start: number;
  end: number;
}
export interface Challenge {
  scheme: string;
  start: number;
  end: number;
  token68?: string;
  params: AuthParam[];
}

const TOKEN = /[!#$%&'*+\-.^_`|~0-9A-Za-z]+/y;
// §11.2: token68 is a whole challenge body, so it must run to the next comma or the end.
const TOKEN68 = /[A-Za-z0-9\-._~+/]+=*(?=[ \t]*(?:,|$))/y;
const OWS = /[ \t]*/y;
// §5.6.4: qdtext and quoted-pair allow HTAB, SP, VCHAR and obs-text (%x80-FF) only.
const QUOTABLE = /^[\t\x20-\x7e\x80-\xff]$/;
const EXAMPLE = 'e.g. Bearer realm="api"';

const at = (re: RegExp, text: string, pos: number): string => {
  re.lastIndex = pos;
  return re.exec(text)?.[0] ?? '';
};
const showChar = (c: string): string =>
  /^[\x21-\x7e]$/.test(c) ? `"${c}"` : `U+${c.codePointAt(0)!.toString(16).toUpperCase().padStart(4, '0')}`;
const show = (text: string): string => (text.length === 1 ? showChar(text) : text.length > 24 ? `${text.slice(0, 24)}…` : text);

interface Scan {
  challenges: Challenge[];
  problems: ChallengeProblem[];
  /** Challenges with a syntax problem: their other checks would only echo it. */
  broken: Set<Challenge>;
}

function scan(value: string): Scan {
  const challenges: Challenge[] = [];
  const problems: ChallengeProblem[] = [];
  const broken = new Set<Challenge>();
  let current: Challenge | undefined; // the challenge a following auth-param belongs to
  let takesParams = false; // §11.1: only `scheme 1*SP #auth-param` has params; not a bare scheme or a token68
  let orphanReported = false;
  let unquoted: { name: string; start: number } | undefined; // the element ended in an unquoted value

  const report = (message: string, start: number, end: number): void => {
    problems.push({ message, start, end: Math.max(end, start + 1) });
    if (current) broken.add(current);
  };
  const ows = (pos: number) => pos + at(OWS, value, pos).length;

  /** End of a quoted-string opening at `start`; reports a bad character or a missing close quote. */
  const quoted = (start: number, silent = false): { end: number; text: string } | undefined => {
    let text = '';
    let bad = false;
    for (let i = start + 1; i < value.length; i++) {
      let c = value[i];
      if (c === '"') return bad ? undefined : { end: i + 1, text };
      if (c === '\\' && i + 1 < value.length) c = value[++i];
      if (!QUOTABLE.test(c) && !bad && !silent) {
        const char = String.fromCodePoint(value.codePointAt(i)!);
        report(`${showChar(char)} is not allowed in a quoted string: remove it.`, i, i + char.length);
        bad = true;
      }
      text += c;
    }
    if (!silent) report('This quoted string is never closed: add the closing double quote.', start, value.length);
    return undefined;
  };
  /** The unexpected thing at `pos`: a token, a quoted string or one character. */
  const offending = (pos: number): number => {
    if (value[pos] === '"') return quoted(pos, true)?.end ?? value.length;
    const token = at(TOKEN, value, pos);
    return pos + (token.length || String.fromCodePoint(value.codePointAt(pos)!).length);
  };
  const toComma = (pos: number): number => {
    while (pos < value.length && value[pos] !== ',') pos = value[pos] === '"' ? offending(pos) : pos + 1;
    return pos;
  };

  /** `token BWS "=" BWS ( token / quoted-string )` at `start`; returns its end, or -1 after reporting. */
  const param = (start: number): number => {
    const name = at(TOKEN, value, start);
    if (!name) {
      const end = offending(start);
      report(`${show(value.slice(start, end))} cannot start a parameter: write name="value".`, start, end);
      return -1;
    }
    const eq = ows(start + name.length);
    if (value[eq] !== '=') {
      report(`Expected "=" after ${name}: write ${name}="value".`, eq < value.length ? eq : start, eq < value.length ? offending(eq) : eq);
      return -1;
    }
    const valueStart = ows(eq + 1);
    let param: AuthParam | undefined;
    if (value[valueStart] === '"') {
      const q = quoted(valueStart);
      if (q) param = { name, value: q.text, quoted: true, start, end: q.end };
    } else {
      const token = at(TOKEN, value, valueStart);
      if (token) param = { name, value: token, quoted: false, start, end: valueStart + token.length };
      else if (valueStart >= value.length || value[valueStart] === ',')
        report(`Parameter ${name} has no value: give a token or a quoted string after "=".`, start, eq + 1);
      else report(`${showChar(value[valueStart])} cannot start a parameter value: put the value in double quotes.`, valueStart, offending(valueStart));
    }
    if (!param) return -1;
    unquoted = param.quoted ? undefined : { name, start: valueStart };
    if (current && takesParams) {
      current.params.push(param);
      current.end = param.end;
    } else if (!orphanReported) {
      orphanReported = true;
      report(
        !current
          ? `The value starts with a parameter, not an auth scheme: put the scheme first, ${EXAMPLE}.`
          : current.token68 !== undefined
            ? 'A challenge has a token68 or parameters, not both: remove one, or start a new challenge with a scheme.'
            : 'This parameter is cut off from its scheme by a comma: write the scheme, a space, then the parameters.',
        start,
        param.end,
      );
    }
    return param.end;
  };

  /** One list element: a challenge, or the next auth-param of the current one. Returns its end or -1. */
  const element = (pos: number): number => {
    unquoted = undefined;
    if (value[pos] === '"') {
      const q = quoted(pos);
      if (q && !current) report(`The value starts with a quoted string, not an auth scheme: put the scheme first, ${EXAMPLE}.`, pos, q.end);
      else if (q) report('A quoted string cannot stand alone here: make it a parameter value, name="value".', pos, q.end);
      return -1;
    }
    const name = at(TOKEN, value, pos);
    if (!name) {
      report(`${showChar(String.fromCodePoint(value.codePointAt(pos)!))} cannot start a challenge or parameter: remove it.`, pos, offending(pos));
      return -1;
    }
    // A token followed by "=" is an auth-param (a token68 never starts with "="); else a new scheme.
    if (value[ows(pos + name.length)] === '=') return param(pos);
    current = { scheme: name, start: pos, end: pos + name.length, params: [] };
    challenges.push(current);
    orphanReported = false;
    takesParams = false;
    const gap = at(OWS, value, current.end);
    const body = current.end + gap.length;
    if (body >= value.length || value[body] === ',') {
      takesParams = gap.length > 0; // `scheme 1*SP` then an empty first list element (§5.6.1)
      return current.end;
    }
    if (!gap) {
      const end = offending(current.end);
      report(`${show(value.slice(current.end, end))} is not allowed after the auth scheme: a scheme is a token, then a space.`, current.end, end);
      return -1;
    }
    const tab = current.end + gap.indexOf('\t');
    if (tab >= current.end) report('A tab separates the auth scheme from what follows: use a space (RFC 9110 §11.1).', tab, tab + 1);
    const token68 = at(TOKEN68, value, body);
    if (token68) {
      current.token68 = token68;
      current.end = body + token68.length;
      return current.end;
    }
    takesParams = true;
    return param(body);
  };

  // §5.6.1: a comma-separated list; empty elements are allowed and ignored.
  for (let pos = ows(0); pos < value.length; pos = ows(pos)) {
    if (value[pos] === ',') {
      pos++;
      continue;
    }
    const end = element(pos);
    if (end < 0) {
      pos = toComma(pos);
      continue;
    }
    pos = ows(end);
    if (pos >= value.length || value[pos] === ',') continue;
    if (value[pos] === ';') {
      report('Parameters are separated by commas, not semicolons: use a comma.', pos, pos + 1);
    } else if (unquoted && pos === end) {
      const runEnd = pos + /^[^ \t,]*/.exec(value.slice(pos))![0].length;
      report(`The unquoted value of ${unquoted.name} contains ${showChar(value[pos])}: put the value in double quotes.`, unquoted.start, runEnd);
    } else {
      // A broken quoted string is reported as such by quoted().
      const garbageEnd = value[pos] === '"' ? quoted(pos)?.end : offending(pos);
      if (garbageEnd !== undefined)
        report(`Expected a comma before ${show(value.slice(pos, garbageEnd))}: separate parameters and challenges with commas.`, pos, garbageEnd);
    }
    pos = toComma(pos);
  }
  if (challenges.length === 0 && problems.length === 0)
    problems.push({ message: `The header value carries no challenge: give an auth scheme, ${EXAMPLE}.`, start: 0, end: value.length });
  return { challenges, problems, broken };
}

export function parseChallenges(value: string): { challenges: Challenge[]; problems: ChallengeProblem[] } {
  const { challenges, problems } = scan(value);
  return { challenges, problems };
}

/** Grammar problems, then the rules on each well-formed challenge, in the order of the value. */
export function challengeProblems(value: string): ChallengeProblem[] {
  const { challenges, problems, broken } = scan(value);
  for (const challenge of challenges) {
    if (broken.has(challenge)) continue;
    const { scheme, start, end, params, token68 } = challenge;
    const valueStart = (param: AuthParam) => {
      const eq = value.indexOf('=', param.start + param.name.length);
      return eq + 1 + at(OWS, value, eq + 1).length;
    };
    const seen = new Set<string>();
    for (const param of params) {
      const name = param.name.toLowerCase();
      if (seen.has(name)) problems.push({ message: `Parameter ${param.name} is repeated in this challenge: keep only one.`, start: param.start, end: param.end });
      seen.add(name);
      // §11.5: realm MUST use the quoted-string form.
      if (name === 'realm' && !param.quoted)
        problems.push({ message: `The realm must be a quoted string: write ${param.name}="${param.value}".`, start: valueStart(param), end: param.end });
    }
    const find = (name: string) => params.find((param) => param.name.toLowerCase() === name);
    const schemeEnd = start + scheme.length;
    if (/^basic$/i.test(scheme)) {
      // RFC 7617 §2: realm is required; §2.1: the only charset allowed is "UTF-8".
      if (!find('realm')) problems.push({ message: 'A Basic challenge must have a realm: add realm="...".', start, end: schemeEnd });
      const charset = find('charset');
      if (charset && charset.value.toLowerCase() !== 'utf-8')
        problems.push({ message: 'Basic allows only charset="UTF-8": use it or remove the parameter.', start: valueStart(charset), end: charset.end });
    } else if (/^bearer$/i.test(scheme)) {
      // RFC 6750 §3: the scheme MUST be followed by one or more auth-params (and it defines no token68).
      if (token68 !== undefined)
        problems.push({ message: 'A Bearer challenge takes parameters, not a token68: write name="value" pairs, e.g. realm="api".', start: end - token68.length, end });
      else if (params.length === 0)
        problems.push({ message: `A Bearer challenge must have at least one parameter: add one, ${EXAMPLE}.`, start, end: schemeEnd });
    }
  }
  return problems.sort((a, b) => a.start - b.start);
}
