// A corrected header value for invalid-challenge's fix, where the intent is clear: quote an
// unquoted realm, give Basic its realm and Bearer a parameter, make Basic's charset UTF-8, drop a
// repeated parameter, fill an empty value. Values with syntax errors are left to a person.
import { challengeProblems, parseChallenges, type AuthParam, type Challenge } from './grammar';

function quoted(value: string): string {
  return `"${value.replace(/[\\"]/g, (c) => `\\${c}`)}"`;
}

function serializeParam(param: AuthParam): string {
  return `${param.name}=${param.quoted ? quoted(param.value) : param.value}`;
}

function serialize(challenge: Challenge): string {
  if (challenge.token68) return `${challenge.scheme} ${challenge.token68}`;
  return challenge.params.length === 0 ? challenge.scheme : `${challenge.scheme} ${challenge.params.map(serializeParam).join(', ')}`;
}

const param = (name: string, value: string): AuthParam => ({ name, value, quoted: true, start: 0, end: 0 });

function repaired(challenge: Challenge, realm: string): Challenge {
  const seen = new Set<string>();
  const params = challenge.params
    .filter((p) => !seen.has(p.name.toLowerCase()) && seen.add(p.name.toLowerCase()))
    .map((p) => (p.name.toLowerCase() === 'realm' ? { ...p, quoted: true } : p));
  const scheme = challenge.scheme.toLowerCase();
  if (scheme === 'basic') {
    const fixedParams = params.map((p) => (p.name.toLowerCase() === 'charset' ? { ...p, value: 'UTF-8', quoted: true } : p));
    const withRealm = fixedParams.some((p) => p.name.toLowerCase() === 'realm') ? fixedParams : [param('realm', realm), ...fixedParams];
    return { ...challenge, token68: undefined, params: withRealm };
  }
  if (scheme === 'bearer' && params.length === 0 && !challenge.token68) return { ...challenge, params: [param('realm', realm)] };
  return { ...challenge, params };
}

/** The realm of the configured default challenge, for the parameters a repair adds. */
function realmOf(defaultChallenge: string): string {
  const realm = parseChallenges(defaultChallenge).challenges[0]?.params.find((p) => p.name.toLowerCase() === 'realm');
  return realm?.value ?? 'api';
}

/** A valid value that keeps what `value` says, or undefined when the repair is not obvious. */
export function repairChallenge(value: string, defaultChallenge: string): string | undefined {
  if (/^[\s,]*$/.test(value)) return defaultChallenge;
  const { challenges, problems } = parseChallenges(value);
  if (problems.length > 0) return undefined; // a syntax error: what was meant is a guess
  const realm = realmOf(defaultChallenge);
  const result = challenges.map((c) => serialize(repaired(c, realm))).join(', ');
  return challengeProblems(result).length === 0 && result !== value ? result : undefined;
}
