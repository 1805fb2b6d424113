// Renders the extension's icon (images/icon.svg) to the 128x128 PNG the Marketplace and Open VSX
// show (images/icon.png), with the headless Chromium the real-VS-Code tests use (playwright-core
// and Debian's chromium, HTTP_AUTH_LINT_CHROMIUM to use another). `node scripts/icon.mjs`.
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { chromium } from 'playwright-core';

const images = join(import.meta.dirname, '..', 'images');
const svg = readFileSync(join(images, 'icon.svg'), 'utf8');
const browser = await chromium.launch({ executablePath: process.env.HTTP_AUTH_LINT_CHROMIUM ?? '/usr/bin/chromium' });
try {
  const page = await browser.newPage({ viewport: { width: 128, height: 128 }, deviceScaleFactor: 1 });
  await page.setContent(`<html><body style="margin:0;background:transparent">${svg}</body></html>`);
  const png = await page.locator('svg').screenshot({ omitBackground: true });
  writeFileSync(join(images, 'icon.png'), png);
  console.log(`wrote images/icon.png (${png.length} bytes)`);
} finally {
  await browser.close();
}
