// Beyond Express: a Koa challenge that ctx.throw drops (challenge-lost, one of the rules that came
// with the framework adapters) and a Fastify 401, each fixed in its framework's own idiom.
import * as assert from 'node:assert/strict';
import { applyAction, codeActionsAt, codeOf, findAction, openFixture, ours, rangeOf, waitForDiagnostics } from './helpers';

describe('challenge-lost on a Koa middleware', () => {
  const set = `ctx.set('WWW-Authenticate', 'Bearer realm="api"');`;
  const thrown = `ctx.throw(401, 'missing token', { headers: { 'WWW-Authenticate': 'Bearer realm="api"' } });`;

  it('underlines the set that ctx.throw drops, and the fix moves it into the throw', async () => {
    const editor = await openFixture('koa-app.js');
    const doc = editor.document;
    await waitForDiagnostics(doc.uri, (ds) => ds.some((d) => codeOf(d) === 'challenge-lost'), 'challenge-lost');
    const [finding, ...more] = ours(doc.uri, 'challenge-lost');
    assert.equal(more.length, 0);
    assert.ok(finding.range.isEqual(rangeOf(doc, set.slice(0, -1))), 'the squiggle is on the ctx.set call');
    assert.match(finding.message, /koajs\/koa#537/);
    assert.equal(ours(doc.uri, 'missing-www-authenticate').length, 0, 'one finding for one mistake');
    const related = finding.relatedInformation ?? [];
    assert.ok(related.some((r) => doc.getText(r.location.range).startsWith('ctx.throw(401')), 'related information points at the throw');

    await applyAction(findAction(await codeActionsAt(doc.uri, finding.range), 'Move WWW-Authenticate into the thrown error'));
    assert.ok(!doc.getText().includes(set), 'the lost set is gone');
    assert.ok(doc.getText().includes(thrown), doc.getText());
    await waitForDiagnostics(doc.uri, (ds) => ds.length === 0, 'no finding left');
    await doc.save();
  });
});

describe('missing-www-authenticate on a Fastify route', () => {
  it('fixes reply.code(401) with reply.header in the chain', async () => {
    const editor = await openFixture('fastify-app.ts');
    const doc = editor.document;
    await waitForDiagnostics(doc.uri, (ds) => ds.some((d) => codeOf(d) === 'missing-www-authenticate'), 'missing-www-authenticate');
    const [finding] = ours(doc.uri, 'missing-www-authenticate');
    assert.ok(finding.range.isEqual(rangeOf(doc, 'reply.code(401)')));
    await applyAction(findAction(await codeActionsAt(doc.uri, finding.range), 'Add WWW-Authenticate challenge'));
    assert.ok(doc.getText().includes(`return reply.code(401).header('WWW-Authenticate', 'Bearer realm="api"').send({ error: 'missing token' });`), doc.getText());
    await waitForDiagnostics(doc.uri, (ds) => !ds.some((d) => codeOf(d) === 'missing-www-authenticate'), 'the finding to go away');
    await doc.save();
  });
});
