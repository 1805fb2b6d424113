// Headless Chromium (Debian's, never a Playwright download) that connects a VS Code workbench:
// without a connected workbench code-server starts no extension host at all.
import { chromium } from 'playwright-core';

const CHROMIUM = process.env.HTTP_AUTH_LINT_CHROMIUM ?? '/usr/bin/chromium';
// Flags from shared/VSCODE-E2E.md: no sandbox as root, no network chatter offline.
const ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

/** Opens Chromium with a fresh profile in the work folder; `close()` is safe to call twice. */
export async function openBrowser(work, { width = 1280, height = 800 } = {}) {
  const context = await chromium.launchPersistentContext(work.profile, {
    executablePath: CHROMIUM,
    headless: true,
    args: ARGS,
    env: work.env,
    viewport: { width, height },
  });
  const page = context.pages()[0] ?? (await context.newPage());
  let closed = false;
  return {
    context,
    page,
    async close() {
      if (closed) return;
      closed = true;
      await context.close().catch(() => {});
    },
  };
}

/** Screenshot that never throws: it runs on failure paths, where the page may be gone. */
export async function tryScreenshot(page, file) {
  try {
    await page.screenshot({ path: file });
    return file;
  } catch {
    return null;
  }
}
