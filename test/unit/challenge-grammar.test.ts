import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { challengeProblems, parseChallenges, type ChallengeProblem } from '../../server/src/engine/challenge/grammar';

// The RFC 9110 §11.6.1 example: two challenges in one value, a quoted-pair in the title.
const NEWAUTH = 'Newauth realm="apps", type=1, title="Login to \\"apps\\"", Basic realm="simple"';
// The RFC 7616 §3.9.1 example, shortened: a comma inside a quoted string does not split the list.
const DIGEST =
  'Digest realm="http-auth@example.org", qop="auth, auth-int", algorithm=SHA-256, nonce="7ypf/xlj9XXwfDPEoM4URrv/xwf94BcCAzFZH4GiTo0v", opaque="FQhe/qaU925kfnzjCev0ciny7QMkPqMAFRtzCUYo5tdS"';

const valid = [
  'Bearer realm="api"',
  'Bearer realm="example", error="invalid_token", error_description="The access token expired"',
  'Basic realm="WallyWorld"',
  'Basic realm="foo", charset="UTF-8"',
  NEWAUTH,
  DIGEST,
  'Negotiate',
  'NTLM',
  'Negotiate abc123==',
  'Bearer error="insufficient_scope", scope="write"',
  'bearer realm="x"',
  'BASIC realm="x"',
  'Basic realm = "x"',
  // BWS and OWS may be tabs (§5.6.3); so may the whitespace around the whole value (§5.5)
  'Basic realm\t=\t"x"',
  'Basic realm="x",\tcharset="utf-8"',
  '\tBasic realm="x" ',
  // Empty list elements are ignored (§5.6.1), also right after `scheme 1*SP`
  'Basic realm="x",',
  ', Basic realm="x"',
  'Basic realm="x" , , charset="UTF-8"',
  'Basic , realm="x"',
  'Basic realm="x",charset="UTF-8"',
  // Several challenges; the later ones bare schemes or token68
  'Basic realm="a", Negotiate',
  'NTLM, Negotiate, Basic realm="x"',
  'Basic realm="a", Negotiate abc==, Bearer realm="b"',
  'Digest realm="x", nonce="a", Bearer realm="y", Negotiate',
  // token68 with "/" and "+" and one "=" of padding; a token68 of a bare token
  'Negotiate a/b+c=',
  'Negotiate YIIBhwYGKwYBBQUCoIIBezCCAXeg',
  // Quoted strings: commas, escaped quotes and backslashes, empty, obs-text
  'Bearer realm="a, b", error_description="say \\"hi\\" \\\\ bye"',
  'Basic realm=""',
  'Basic realm="Zürich"',
  // charset in token form; parameters of unknown schemes in token form
  'Basic realm="x", charset=UTF-8',
  'Custom a=b, c=d',
  'Newauth',
  'Bearer realm="api", scope="openid profile"',
];

interface Expected {
  /** The underlined substring, found in the value from `from` on. */
  text: string;
  from?: string;
  message: string;
}
const invalid: { value: string; problems: Expected[] }[] = [
  // Nothing there
  { value: '', problems: [{ text: '', message: 'carries no challenge' }] },
  { value: '   ', problems: [{ text: '   ', message: 'carries no challenge' }] },
  { value: ', ,', problems: [{ text: ', ,', message: 'carries no challenge' }] },
  // No scheme
  { value: 'realm="x"', problems: [{ text: 'realm="x"', message: 'starts with a parameter' }] },
  { value: 'realm="x", charset="UTF-8"', problems: [{ text: 'realm="x"', message: 'starts with a parameter' }] },
  { value: 'realm="x", Basic realm="y"', problems: [{ text: 'realm="x"', message: 'starts with a parameter' }] },
  { value: '"Basic"', problems: [{ text: '"Basic"', message: 'starts with a quoted string' }] },
  // A parameter cut off from its scheme
  { value: 'Basic, realm="x"', problems: [{ text: 'realm="x"', message: 'cut off from its scheme' }] },
  { value: 'Negotiate abc==, realm="x"', problems: [{ text: 'realm="x"', message: 'token68 or parameters' }] },
  // Characters that are not allowed where they are
  { value: 'Bas@ic realm="x"', problems: [{ text: '@', message: 'not allowed after the auth scheme' }] },
  { value: 'Basic"x"', problems: [{ text: '"x"', message: 'not allowed after the auth scheme' }] },
  { value: 'Basic realm="a", @', problems: [{ text: '@', message: 'cannot start a challenge or parameter' }] },
  { value: 'Basic realm="a", "b"', problems: [{ text: '"b"', message: 'cannot stand alone' }] },
  { value: 'Basic "x"', problems: [{ text: '"x"', message: 'cannot start a parameter' }] },
  { value: 'Basic realm "x"', problems: [{ text: '"x"', message: 'Expected "=" after realm' }] },
  { value: 'Basic realm=@x', problems: [{ text: '@', message: 'cannot start a parameter value' }] },
  { value: 'Basic realm="x", charset=', problems: [{ text: 'charset=', message: 'charset has no value' }] },
  { value: 'Basic realm="x", charset=, Bearer realm="y"', problems: [{ text: 'charset=', message: 'has no value' }] },
  { value: 'Bearer realm=api/v1', problems: [{ text: 'api/v1', message: 'put the value in double quotes' }] },
  { value: 'Basic realm="x" foo', problems: [{ text: 'foo', message: 'Expected a comma before foo' }] },
  { value: 'Basic realm="x"extra', problems: [{ text: 'extra', message: 'Expected a comma' }] },
  { value: 'Bearer realm="a" error="b"', problems: [{ text: 'error', message: 'Expected a comma' }] },
  { value: 'Basic realm="a" "b"', problems: [{ text: '"b"', message: 'Expected a comma' }] },
  { value: 'Basic realm="x"; charset="UTF-8"', problems: [{ text: ';', message: 'not semicolons' }] },
  { value: 'Basic realm=x;charset=UTF-8', problems: [{ text: ';', message: 'not semicolons' }] },
  { value: 'Basic realm="a\u0001b"', problems: [{ text: '\u0001', message: 'not allowed in a quoted string' }] },
  { value: 'Basic realm="東京"', problems: [{ text: '東', message: 'not allowed in a quoted string' }] },
  { value: 'Basic realm="😀"', problems: [{ text: '😀', message: 'not allowed in a quoted string' }] },
  { value: 'Basic\trealm="x"', problems: [{ text: '\t', message: 'use a space' }] },
  // Unterminated quoted strings, also when the closing quote is escaped
  { value: 'Basic realm="x', problems: [{ text: '"x', message: 'never closed' }] },
  { value: 'Basic realm="x\\"', problems: [{ text: '"x\\"', message: 'never closed' }] },
  { value: 'Basic realm="a" "b', problems: [{ text: '"b', message: 'never closed' }] },
  { value: 'Basic realm="a", title="x, Bearer realm="y"', problems: [{ text: 'y', message: 'Expected a comma' }] },
  // §11.5: realm in quoted-string form only
  { value: 'Basic realm=WallyWorld', problems: [{ text: 'WallyWorld', message: 'realm="WallyWorld"' }] },
  { value: 'Bearer REALM=api', problems: [{ text: 'api', message: 'must be a quoted string' }] },
  // §11.2: a parameter name once per challenge, case-insensitively; another challenge may reuse it
  { value: 'Bearer realm="a", error="invalid_token", REALM="b"', problems: [{ text: 'REALM="b"', message: 'REALM is repeated' }] },
  { value: 'Basic realm="a", realm="a"', problems: [{ text: 'realm="a"', from: ',', message: 'repeated' }] },
  {
    value: 'Basic realm=x, realm=y',
    problems: [
      { text: 'x', message: 'must be a quoted string' },
      { text: 'realm=y', message: 'repeated' },
      { text: 'y', message: 'must be a quoted string' },
    ],
  },
  // RFC 7617: Basic needs a realm; its charset may only be UTF-8
  { value: 'Basic', problems: [{ text: 'Basic', message: 'must have a realm' }] },
  { value: 'basic charset="UTF-8"', problems: [{ text: 'basic', message: 'must have a realm' }] },
  { value: 'Basic abc==', problems: [{ text: 'Basic', message: 'must have a realm' }] },
  { value: 'Bearer realm="a", Basic', problems: [{ text: 'Basic', message: 'must have a realm' }] },
  { value: 'Basic realm="x", charset="ISO-8859-1"', problems: [{ text: '"ISO-8859-1"', message: 'only charset="UTF-8"' }] },
  { value: 'Basic realm="x", charset=latin1', problems: [{ text: 'latin1', message: 'only charset="UTF-8"' }] },
  // RFC 6750 §3: Bearer needs auth-params
  { value: 'Bearer', problems: [{ text: 'Bearer', message: 'at least one parameter' }] },
  { value: 'Bearer ,', problems: [{ text: 'Bearer', message: 'at least one parameter' }] },
  { value: 'Basic realm="a", Bearer', problems: [{ text: 'Bearer', message: 'at least one parameter' }] },
  { value: 'Bearer mF_9.B5f-4.1JqM', problems: [{ text: 'mF_9.B5f-4.1JqM', message: 'not a token68' }] },
  {
    value: 'Bearer, Basic',
    problems: [
      { text: 'Bearer', message: 'at least one parameter' },
      { text: 'Basic', message: 'must have a realm' },
    ],
  },
  // A syntax problem is reported alone: the scheme checks would only echo it
  { value: 'Basic realm=a@b', problems: [{ text: 'a@b', message: 'put the value in double quotes' }] },
  { value: 'Basic,realm="x", charset="UTF-8"', problems: [{ text: 'realm="x"', message: 'cut off' }] },
];

const rangeOf = (value: string, { text, from }: Expected) => {
  const start = value.indexOf(text, from === undefined ? 0 : value.indexOf(from));
  assert.ok(start >= 0, `${JSON.stringify(text)} is in ${JSON.stringify(value)}`);
  return { start, end: start + text.length };
};

describe('challengeProblems', () => {
  for (const value of valid) {
    it(`accepts ${JSON.stringify(value)}`, () => {
      assert.deepEqual(challengeProblems(value), []);
    });
  }

  for (const { value, problems } of invalid) {
    it(`flags ${JSON.stringify(value)}`, () => {
      const actual = challengeProblems(value);
      assert.deepEqual(
        actual.map((problem) => ({ text: value.slice(problem.start, problem.end), start: problem.start, end: problem.end })),
        problems.map((expected) => ({ text: expected.text, ...rangeOf(value, expected) })),
      );
      problems.forEach((expected, i) => assert.ok(actual[i].message.includes(expected.message), `${actual[i].message} / ${expected.message}`));
    });
  }

  it('has no duplicate cases', () => {
    assert.equal(new Set(valid).size, valid.length);
    assert.equal(new Set(invalid.map((c) => c.value)).size, invalid.length);
  });

  it('says what is wrong and what to do, in one sentence', () => {
    for (const { value } of invalid) {
      for (const { message } of challengeProblems(value)) assert.match(message, /^[^.]*: [^]*\.$/, message);
    }
  });
});

describe('parseChallenges', () => {
  const slice = (value: string, range: { start: number; end: number }) => value.slice(range.start, range.end);

  it('splits the RFC 9110 example into two challenges with their params and offsets', () => {
    const { challenges, problems } = parseChallenges(NEWAUTH);
    assert.deepEqual(problems, []);
    assert.deepEqual(
      challenges.map((c) => c.scheme),
      ['Newauth', 'Basic'],
    );
    const [newauth, basic] = challenges;
    assert.equal(slice(NEWAUTH, newauth), 'Newauth realm="apps", type=1, title="Login to \\"apps\\""');
    assert.equal(slice(NEWAUTH, basic), 'Basic realm="simple"');
    assert.deepEqual(
      newauth.params.map(({ name, value, quoted }) => ({ name, value, quoted })),
      [
        { name: 'realm', value: 'apps', quoted: true },
        { name: 'type', value: '1', quoted: false },
        { name: 'title', value: 'Login to "apps"', quoted: true },
      ],
    );
    assert.deepEqual(
      newauth.params.map((param) => slice(NEWAUTH, param)),
      ['realm="apps"', 'type=1', 'title="Login to \\"apps\\""'],
    );
    assert.equal(newauth.token68, undefined);
    assert.deepEqual(basic.params.map((param) => slice(NEWAUTH, param)), ['realm="simple"']);
  });

  it('keeps a comma inside a quoted string in its param', () => {
    const { challenges, problems } = parseChallenges(DIGEST);
    assert.deepEqual(problems, []);
    assert.equal(challenges.length, 1);
    assert.deepEqual(
      challenges[0].params.map((p) => p.name),
      ['realm', 'qop', 'algorithm', 'nonce', 'opaque'],
    );
    assert.equal(challenges[0].params[1].value, 'auth, auth-int');
    assert.equal(challenges[0].end, DIGEST.length);
  });

  it('reads a token68 and ends the challenge at it', () => {
    const value = 'Negotiate abc123==, Basic realm="x"';
    const { challenges } = parseChallenges(value);
    assert.deepEqual(
      challenges.map((c) => ({ scheme: c.scheme, token68: c.token68, params: c.params.length, text: slice(value, c) })),
      [
        { scheme: 'Negotiate', token68: 'abc123==', params: 0, text: 'Negotiate abc123==' },
        { scheme: 'Basic', token68: undefined, params: 1, text: 'Basic realm="x"' },
      ],
    );
  });

  it('tells a bare scheme from the next param, across tabs and empty elements', () => {
    const value = ' Basic realm\t=\t"a" ,, charset=UTF-8,\tNegotiate ,Bearer realm="b",';
    const { challenges, problems } = parseChallenges(value);
    assert.deepEqual(problems, []);
    assert.deepEqual(
      challenges.map((c) => [slice(value, c), c.params.map((p) => `${p.name}=${p.value}`)]),
      [
        ['Basic realm\t=\t"a" ,, charset=UTF-8', ['realm=a', 'charset=UTF-8']],
        ['Negotiate', []],
        ['Bearer realm="b"', ['realm=b']],
      ],
    );
  });

  it('reports syntax only; the scheme rules are added by challengeProblems', () => {
    for (const value of ['Bearer', 'Basic', 'Basic realm=x', 'Bearer realm="a", realm="b"']) {
      assert.deepEqual(parseChallenges(value).problems, [], value);
      assert.equal(challengeProblems(value).length, 1, value);
    }
  });

  it('keeps the challenges it could read around a syntax problem', () => {
    const value = 'Basic realm="a"; x, Bearer realm="b"';
    const { challenges, problems } = parseChallenges(value);
    assert.deepEqual(
      challenges.map((c) => c.scheme),
      ['Basic', 'Bearer'],
    );
    assert.deepEqual(
      problems.map((p) => slice(value, p)),
      [';'],
    );
  });

  it('gives a non-empty range inside the value for every prefix of every case', () => {
    const check = (value: string, problem: ChallengeProblem) =>
      value === '' ? problem.start === 0 && problem.end === 0 : problem.start >= 0 && problem.start < problem.end && problem.end <= value.length;
    for (const whole of [...valid, ...invalid.map((c) => c.value)]) {
      for (let n = 0; n <= whole.length; n++) {
        const value = whole.slice(0, n);
        for (const problem of challengeProblems(value)) assert.ok(check(value, problem), `${JSON.stringify(value)}: ${JSON.stringify(problem)}`);
      }
    }
  });
});
