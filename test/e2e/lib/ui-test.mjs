// UI test of the packaged extension, as a user meets it: the .vsix installed with
// `code-server --install-extension` into a fresh extensions dir, a NEW workspace (no
// extensionDevelopmentPath), the squiggle on screen, Quick Fix from the keyboard, and the file on
// disk repaired, the language status item, and the Problems panel listing the findings of files
// that were never opened (the helper, the routes that call it). Its screenshots hover.png,
// quick-fix.png and problems.png feed the README (docs/images/).
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { openBrowser, tryScreenshot } from './browser.mjs';
import { installExtension, startCodeServer } from './code-server.mjs';
import { makeWorkDir } from './paths.mjs';

const FIX = 'Add WWW-Authenticate challenge';
const SENT = "return res.status(401).json({ error: 'missing token' });";
const FIXED = "return res.status(401).set('WWW-Authenticate', 'Bearer realm=\"api\"').json({ error: 'missing token' });";
const APP = `const express = require('express');

const app = express();

app.get('/me', (req, res) => {
  if (!req.headers.authorization) {
    ${SENT}
  }
  res.json({ user: req.user });
});

app.listen(3000);
`;

/** The rest of the API, never opened in the editor: a response helper and two routes that call it. */
const OTHER_FILES = {
  'lib/responses.js': `// The answers every route of the API sends.
function unauthorized(res, message = 'Sign in first') {
  return res.status(401).json({ error: message });
}

function forbidden(res, message = 'Not allowed') {
  return res.status(403).json({ error: message });
}

module.exports = { unauthorized, forbidden };
`,
  'routes/admin.js': `const express = require('express');
const { unauthorized } = require('../lib/responses');

const router = express.Router();

router.delete('/users/:id', (req, res) => {
  if (!req.user.roles.includes('admin')) {
    return unauthorized(res, 'Admins only');
  }
  res.sendStatus(204);
});

module.exports = router;
`,
  'routes/session.js': `const express = require('express');
const { forbidden } = require('../lib/responses');

const router = express.Router();

router.get('/session', (req, res) => {
  if (!req.headers.authorization) {
    return forbidden(res, 'Sign in first');
  }
  res.json({ user: req.user });
});

module.exports = router;
`,
};

/**
 * Runs the steps in order; the first failure skips the rest (each needs the one before).
 * Resolves with { tests: [{ title, state, error? }], screenshots: [paths], work }; the
 * screenshots (hover.png, quick-fix.png, problems.png) are taken into the run's work folder.
 */
export async function runUiTest(cs, { vsix }) {
  const work = makeWorkDir('ui');
  // A new folder outside the repo, so nothing of this project (tsconfig, node_modules) is around
  // it. mkdtemp in the system temp dir: the run's own TMPDIR lives inside the repo's .e2e/.
  const tempDir = fs.mkdtempSync(path.join(os.tmpdir(), 'http-auth-lint-ui-'));
  const workspace = path.join(tempDir, 'my-api'); // the name the README screenshots show
  fs.mkdirSync(workspace);
  const appFile = path.join(workspace, 'app.js');
  fs.writeFileSync(appFile, APP);
  for (const [name, text] of Object.entries(OTHER_FILES)) {
    fs.mkdirSync(path.dirname(path.join(workspace, name)), { recursive: true });
    fs.writeFileSync(path.join(workspace, name), text);
  }

  const tests = [];
  const screenshots = [];
  const shoot = async (name) => {
    const file = path.join(work.dir, name);
    await page.screenshot({ path: file });
    screenshots.push(file);
  };
  let server;
  let browser;
  let page;
  const step = async (title, body) => {
    if (tests.some((t) => t.state !== 'passed')) {
      tests.push({ title, state: 'skipped' });
      return;
    }
    const started = Date.now();
    try {
      await body();
      tests.push({ title, state: 'passed' });
      console.log(`  ✔ ${title} (${Date.now() - started} ms)`);
    } catch (err) {
      tests.push({ title, state: 'failed', error: err.message.split('\n')[0] });
      console.log(`  ✖ ${title}\n    ${err.message.split('\n').slice(0, 8).join('\n    ')}`);
      const shot = page && (await tryScreenshot(page, path.join(work.dir, 'failure.png')));
      if (shot) console.log(`    screenshot: ${shot}`);
    }
  };

  try {
    await step('the .vsix installs with code-server --install-extension', async () => {
      const out = await installExtension(cs, work, vsix);
      if (!/successfully installed/i.test(out)) throw new Error(`unexpected output:\n${out}`);
    });

    await step('a 401 without a challenge gets a squiggle in a new workspace', async () => {
      server = await startCodeServer(cs, work);
      browser = await openBrowser(work);
      page = browser.page;
      page.setDefaultTimeout(30_000);
      await page.goto(`${server.url}/?folder=${encodeURIComponent(workspace)}`);
      await page.getByRole('treeitem', { name: 'app.js' }).click();
      await page.locator('.monaco-editor .view-lines', { hasText: 'express' }).waitFor();
      // The first squiggle waits for the extension to activate and its server to start.
      await page.locator('.monaco-editor .squiggly-error').first().waitFor({ timeout: 60_000 });
    });

    await step('hovering the squiggle shows the rule and its message', async () => {
      await hoverSquiggle(page);
      const hover = page.locator('.monaco-hover', { hasText: 'WWW-Authenticate' });
      await hover.waitFor();
      const text = await hover.innerText();
      if (!text.includes('missing-www-authenticate')) throw new Error(`hover lacks the rule id:\n${text}`);
      // Our hover on the status says what a 401 means. TypeScript's own hover says "(loading...)"
      // until its service has read the new project: hover again until it is done, so that the
      // picture shows what the user reads.
      await hoverUntil(page, (shown) => shown.includes('401 Unauthorized') && shown.includes('What clients do') && !shown.includes('(loading...)'));
      // The hover lists "Quick Fix..." once every provider answered (it says "Checking for quick
      // fixes..." while the TypeScript service still analyses the new project).
      await page.locator('.monaco-hover', { hasText: /Quick Fix\.\.\./ }).waitFor(); // not "quick fixes"
      await shoot('hover.png');
    });

    await step(`Quick Fix (Ctrl+.) offers "${FIX}"`, async () => {
      // The Problems panel shows the message next to the menu in the README screenshot.
      await page.locator('[id="status.problems"]').click();
      await page.locator('.markers-panel .monaco-list-row', { hasText: 'WWW-Authenticate' }).first().waitFor();
      await openQuickFix(page, page.locator('.action-widget .monaco-list-row', { hasText: FIX }));
      await shoot('quick-fix.png');
    });

    await step('choosing the fix and saving repairs the file on disk', async () => {
      await page.locator('.action-widget .monaco-list-row', { hasText: FIX }).click();
      await page.locator('.monaco-editor .view-lines', { hasText: "set('WWW-Authenticate'" }).waitFor();
      await page.keyboard.press('Control+S');
      const expected = APP.replace(SENT, FIXED);
      await waitFor(() => fs.readFileSync(appFile, 'utf8') === expected, 10_000, () =>
        `app.js on disk is not the fixed text:\n${fs.readFileSync(appFile, 'utf8')}`);
      await page.locator('.monaco-editor .squiggly-error').first().waitFor({ state: 'detached' });
    });

    await step('the language status item says the server runs and how many files it checked', async () => {
      // The "{}" entry of the status bar lists the language status items of the active editor.
      await page.locator('[id="status.languageStatus"]').hover();
      const hover = page.locator('.monaco-hover', { hasText: 'HTTP Auth Lint' });
      await hover.waitFor();
      await hover.getByText('1 file checked').waitFor();
      const text = await hover.innerText();
      for (const expected of ['HTTP Auth Lint server', 'running', 'Show Output', 'Restart']) {
        if (!text.includes(expected)) throw new Error(`the language status lacks "${expected}":\n${text}`);
      }
      await tryScreenshot(page, path.join(work.dir, 'language-status.png'));
    });

    await step('the Problems panel lists the findings of the files that were never opened', async () => {
      // The language status hover of the step before goes first: it covers the panel.
      await moveMouseAway(page);
      await page.keyboard.press('Escape');
      await page.locator('.monaco-hover', { hasText: 'HTTP Auth Lint' }).waitFor({ state: 'hidden' });
      const panel = page.locator('.markers-panel');
      if (!(await panel.isVisible())) await page.locator('[id="status.problems"]').click();
      for (const text of ['responses.js', 'admin.js', 'session.js', 'unauthorized-for-permission', 'forbidden-for-missing-credentials']) {
        await panel.locator('.monaco-list-row', { hasText: text }).first().waitFor({ timeout: 60_000 });
      }
      if (await panel.locator('.monaco-list-row', { hasText: 'app.js' }).count()) throw new Error('app.js, fixed, is still listed');
      await shoot('problems.png');
    });
  } finally {
    await browser?.close();
    await server?.stop();
    // Keep what the editor left in the file next to the run's logs, then drop the temp folder.
    fs.cpSync(workspace, path.join(work.dir, 'new-workspace'), { recursive: true });
    fs.rmSync(tempDir, { recursive: true, force: true });
  }
  return { tests, screenshots, work };
}

/**
 * Moves the mouse onto the first error squiggle. The squiggle is a decoration under the text
 * layer, so Playwright's hover() never sees it "receive events" and scrolls the editor trying;
 * moving to its box's centre is what a user's mouse does.
 */
async function hoverSquiggle(page) {
  // Visible ones only: re-rendering the decorations (e.g. when the Problems panel reveals the
  // marker) can leave a hidden squiggle element first in the DOM for a moment.
  const squiggle = page.locator('.monaco-editor .squiggly-error').filter({ visible: true }).first();
  await squiggle.waitFor();
  const box = await squiggle.boundingBox();
  if (!box) throw new Error('no squiggle on screen');
  await page.mouse.move(box.x + box.width / 2, box.y + box.height / 2);
}

/** Hovers the squiggle until the hover's text passes `accept` (moving away between tries). */
async function hoverUntil(page, accept, timeoutMs = 60_000) {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    await hoverSquiggle(page);
    await page.waitForTimeout(1_500);
    const shown = (await page.locator('.monaco-hover').allInnerTexts()).join('\n');
    if (accept(shown)) return;
    if (Date.now() > deadline) throw new Error(`the hover never showed what was expected:\n${shown}`);
    await moveMouseAway(page);
    await page.waitForTimeout(500);
  }
}

/**
 * Puts the cursor on the squiggle and presses Ctrl+. until the Quick Fix menu shows `item`.
 * The mouse must leave the underline first: Ctrl+. is lost while a hover sits on it
 * (shared/VSCODE-E2E.md). A press is also lost while the TypeScript service is still analysing the
 * new project (seen here on the first press, ~5 s after the squiggle), so a press that opens
 * nothing is repeated, with a fresh click, until the deadline.
 */
async function openQuickFix(page, item, timeoutMs = 60_000) {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    await hoverSquiggle(page);
    await page.mouse.down();
    await page.mouse.up();
    await moveMouseAway(page);
    await page.keyboard.press('Control+.');
    try {
      await item.waitFor({ timeout: 3_000 });
      return;
    } catch (err) {
      if (Date.now() > deadline) throw err;
      await page.keyboard.press('Escape');
    }
  }
}

/** Parks the mouse over the empty editor area below the text, away from any squiggle. */
async function moveMouseAway(page) {
  const box = await page.locator('.monaco-editor .overflow-guard').first().boundingBox();
  await page.mouse.move(box.x + box.width - 20, box.y + box.height - 20);
}

async function waitFor(condition, timeoutMs, describeFailure) {
  const deadline = Date.now() + timeoutMs;
  while (!condition()) {
    if (Date.now() > deadline) throw new Error(describeFailure());
    await new Promise((r) => setTimeout(r, 100));
  }
}
