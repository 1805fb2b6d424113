// Where a guard's value comes from (engine/evidence/provenance.ts), one source kind at a time:
// each case is a handler whose `if` condition is classified by following its values back.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import ts from 'typescript';
import { parse } from '../../../server/src/engine';
import { failedCheckOfCatch, sourceOf, sourceOfCondition, type SourceKind } from '../../../server/src/engine/evidence/provenance';

/** The kind of the condition of the last `if` in `body`, inside an Express-style handler. */
function kindOf(body: string): SourceKind | undefined {
  const file = ts.createSourceFile('route.ts', `const PUBLIC_HOST = 'example.com';\napp.post('/x', async (req, res) => {\n${body}\n});\n`, ts.ScriptTarget.Latest, true);
  let condition: ts.Expression | undefined;
  const visit = (node: ts.Node): void => {
    if (ts.isIfStatement(node)) condition = node.expression;
    ts.forEachChild(node, visit);
  };
  visit(file);
  assert.ok(condition, 'no if statement');
  return sourceOfCondition(condition)?.kind;
}

const cases: [SourceKind | undefined, string, string][] = [
  ['credentials', 'the Authorization header', `if (!req.headers.authorization) return;`],
  ['credentials', 'a header read by name', `const key = req.get('x-api-key');\nif (!key) return;`],
  ['credentials', 'a cookie', `const { token } = req.cookies;\nif (!token) return;`],
  ['credentials', 'the user auth middleware put on the request', `if (!req.user) return;`],
  ['credentials', 'a Koa state user', `const user = ctx.state.user;\nif (!user) return;`],
  ['credentials', 'a session lookup, whatever the name', `const me = await getServerSession(req);\nif (!me) return;`],
  ['credentials', 'a verification result', `const payload = await verifyJwt(req.body.jwt);\nif (!payload) return;`],
  ['credentials', 'a credential against a configured secret', `if (req.query.key !== process.env.API_KEY) return;`],
  ['permission', 'a role of the caller', `if (req.user.role !== 'admin') return;`],
  ['permission', 'scopes, asked with includes', `if (!req.auth.scopes.includes('write')) return;`],
  ['permission', 'a can* check, whatever the result is called', `const ok = await canEditBoard(req.user, req.params.id);\nif (!ok) return;`],
  ['permission', 'a has*Permission check', `if (!hasProjectPermission(req.user, 'delete')) return;`],
  ['permission', 'an is*Admin check', `if (!isWorkspaceAdmin(req.user)) return;`],
  ['permission', 'ownership: the caller id against a record', `const doc = await docs.findById(req.params.id);\nif (doc.authorId !== req.user.id) return;`],
  ['permission', 'membership scoped to a group', `if (!(await isMemberOfTeam(req.user, team))) return;`],
  ['permission', 'an authentication scoped to a group is membership', `if (!(await isAuthenticatedForOrganization(req.user, org))) return;`],
  ['credentials', 'a credential checked for a group is a credentials check', `if (!(await verifyApiKeyForProject(req.get('x-api-key'), project))) return;`],
  ['neither', 'a record looked up and not found', `const account = await db.account.findUnique({ where: { id: req.params.id } });\nif (!account) return;`],
  ['neither', 'configuration', `if (!process.env.SIGNUP_ENABLED) return;`],
  ['neither', 'a settings object', `if (!config.allowSignup) return;`],
  ['neither', 'a constant of the deployment', `if (req.hostname !== PUBLIC_HOST) return;`],
  ['neither', 'a CSRF token, though it sits in the session', `if (req.body.csrf !== req.session.csrf) return;`],
  ['neither', 'a rate limit', `const { success } = await ratelimit.limit(req.ip);\nif (!success) return;`],
  ['neither', 'a local named for a token, read from a CSRF field', `const token = req.body.csrfToken;\nif (!token) return;`],
  ['neither', 'a user looked up by an id of the URL', `const owner = await db.user.findUnique({ where: { id: req.params.id } });\nif (!owner) return;`],
  ['credentials', 'the user that the session names', `const user = await db.user.findUnique({ where: { id: req.session.userId } });\nif (!user) return;`],
  ['credentials', 'whom a token names, whatever the function', `const user = await userFrom(req.headers.authorization);\nif (!user) return;`],
  ['permission', 'what a token grants, by its name', `const scopes = scopesOf(req.headers.authorization);\nif (!scopes.includes('admin')) return;`],
  ['permission', "the caller's id against a configured one", `if (req.user.id !== config.adminUserId) return;`],
  ['permission', "a record's host against the caller (hostId is no host)", `const room = await rooms.findById(id);\nif (room.hostId !== req.user.id) return;`],
  ['permission', 'an allow-list of the configuration', `if (!config.adminEmails.includes(req.user.email)) return;`],
  [undefined, 'cancelOrder is no can* check', `const r = await cancelOrder(id);\nif (!r) return;`],
  [undefined, 'decodeURIComponent is no credentials check', `const id = decodeURIComponent(req.params.id);\nif (!id) return;`],
  [undefined, 'a checkout session is no session of the caller', `const checkout = await getCheckoutSession(id);\nif (!checkout) return;`],
  [undefined, 'the item of a callback is no request', `comments.forEach((c) => {\n  if (!c.user) return;\n});`],
  [undefined, 'a value seven declarations away', `const a = req.user;\nconst b = a; const c2 = b; const d = c2; const f = d; const g = f; const h = g;\nif (!h) return;`],
  [undefined, 'a value reassigned: no one source', `let user = req.user;\nuser = await lookup(req.params.id);\nif (!user) return;`],
  [undefined, 'a value reassigned by destructuring', `let payload = await verifyJwt(req.body.jwt);\n({ payload } = await lookup(req.params.id));\nif (!payload) return;`],
  [undefined, 'a catch binding hides an outer value of its name', `const me = await getServerSession(req);\ntry { run(); } catch (me) {\n  if (!me) return;\n}`],
  [undefined, 'a parameter of a helper', `const check = (value) => { if (!value) return; };`],
];

describe('the source of a guard', () => {
  for (const [kind, name, body] of cases) {
    it(`${name}: ${kind ?? 'unknown'}`, () => assert.equal(kindOf(body), kind));
  }

  it('the catch of a try whose only known check verifies credentials', () => {
    const file = ts.createSourceFile('route.ts', `try {\n  const payload = jwt.verify(token, secret);\n  send(payload);\n} catch {\n  deny(403);\n}\n`, ts.ScriptTarget.Latest, true);
    const deny = file.statements[0] as ts.TryStatement;
    const call = (deny.catchClause!.block.statements[0] as ts.ExpressionStatement).expression;
    assert.equal(failedCheckOfCatch(call)?.kind, 'credentials');
  });

  it('no answer for a catch whose try also looks a record up', () => {
    const file = ts.createSourceFile('route.ts', `try {\n  const payload = jwt.verify(token, secret);\n  await db.project.findUnique({ where: { id: projectId } });\n} catch {\n  deny(403);\n}\n`, ts.ScriptTarget.Latest, true);
    const statement = file.statements[0] as ts.TryStatement;
    const call = (statement.catchClause!.block.statements[0] as ts.ExpressionStatement).expression;
    assert.equal(failedCheckOfCatch(call), undefined);
  });
});

describe('following values, at any size of input', () => {
  const sourceIn = (code: string, name = 'value') => {
    const file = parse('x.ts', code);
    let found: ts.Identifier | undefined;
    const visit = (node: ts.Node): void => {
      if (ts.isIdentifier(node) && node.text === name && ts.isIfStatement(node.parent.parent)) found = node;
      ts.forEachChild(node, visit);
    };
    visit(file);
    assert.ok(found, `${name} is read in an if`);
    return sourceOf(found);
  };

  it('ends on a value defined by itself', () => {
    assert.equal(sourceIn('var value = normalize(value);\nif (!value) {}\n'), undefined);
  });

  // Each value feeds the next call twice: a walk that is not bounded takes 2^40 steps and never
  // ends (the timeout fails it); bounded, the credentials 40 calls away are out of reach.
  it('ends on a long chain of calls of earlier values', { timeout: 60_000 }, () => {
    const chain = Array.from({ length: 40 }, (_, i) => `const x${i + 1} = f(x${i}, x${i});`).join('\n');
    assert.equal(sourceIn(`const x0 = req.headers.authorization;\n${chain}\nconst value = f(x40, x40);\nif (!value) {}\n`), undefined);
  });

  it('reads a let assigned again anywhere in its scope as unknown, and one never assigned by its source', () => {
    assert.equal(sourceIn("let value = req.headers.authorization;\nfunction later() { value = 'x'; }\nif (!value) {}\n")?.kind, undefined);
    assert.equal(sourceIn('let value = req.headers.authorization;\nif (!value) {}\n')?.kind, 'credentials');
  });
});
