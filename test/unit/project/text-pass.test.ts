// The first look at every file (engine/project/text-pass.ts): which files may send or decide a
// 401, 403 or 407, by their text alone. A file it passes over is never parsed, so each "no" here
// must be safe, and each "yes" costs a parse.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { parse } from '../../../server/src/engine';
import { fileMayHandleErrors } from '../../../server/src/engine/project/summary/handler-signs';
import { handlerSigns, mayHandleErrors, mayMatter, signsHandleErrors } from '../../../server/src/engine/project/text-pass';

describe('the text pass', () => {
  const matters: [string, string][] = [
    ['a status written as a number', 'res.status(401).end();'],
    ['a status in a list', 'const retry = [400, 401, 403, 500];'],
    ['a status as a string', "if (code === '403') deny();"],
    ['a status name', 'throw new UnauthorizedException();'],
    ['a challenge header', "res.set('WWW-Authenticate', 'Basic');"],
    ['a suppression comment', '// http-auth-lint-disable-next-line missing-www-authenticate'],
  ];
  for (const [name, text] of matters) it(`reads ${name}`, () => assert.equal(mayMatter(text), true));

  const passes: [string, string][] = [
    ['a status mentioned only in a comment', '/** @response 401 when the token is missing */\nexport const x = 1;'],
    ['the fraction of a number in an SVG path', '<path d="M12 24L170.403 111.451C169.795 113.105 169.1" />'],
    ['a decimal that starts with the digits of a status', 'const width = 401.5;'],
    ['a longer number', 'const port = 4010; const id = 14030;'],
  ];
  for (const [name, text] of passes) it(`passes over ${name}`, () => assert.equal(mayMatter(text), false));

  it('finds the shapes of an app-level error handler', () => {
    assert.equal(mayHandleErrors('app.use((err, req, res, next) => res.status(500).end());'), true);
    assert.equal(mayHandleErrors('app.onError((error, c) => c.text("no", 500));'), true);
    assert.equal(mayHandleErrors('export const sum = (a, b) => a + b;'), false);
  });

  it('reads the same signs of a handler in a text as a whole and in parts', () => {
    const texts = [
      'app.setErrorHandler(fn)',
      'app.onError (fn)',
      '@Catch(HttpException)',
      'app.useGlobalFilters(new F())',
      '{ provide: APP_FILTER, useClass: F }',
      'export default defineNitroErrorHandler(fn)',
      'createApp({ debug: true, onError })',
      '(err, req, res, next) => res.end()',
      'await next()',
      'try { run() } catch (e) {}',
      'try { await next() } catch (e) {}',
      'const nextPage = 2; const caught = true;',
    ];
    for (const text of texts) assert.equal(signsHandleErrors(handlerSigns(text)), mayHandleErrors(text), text);
    // Koa's `await next()` and its `catch (` in two statements: together, the signs of a handler.
    const koa = 'export async function run(next: () => Promise<void>) {\n  await next();\n}\nexport function guard() {\n  try { run(async () => {}); } catch (error) {}\n}\n';
    assert.equal(fileMayHandleErrors(parse('/app/koa.ts', koa)), true);
    assert.equal(fileMayHandleErrors(parse('/app/sum.ts', 'export const sum = (a: number, b: number) => a + b;\n')), false);
  });
});
