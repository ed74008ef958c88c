#!/usr/bin/env node
// Screenshots of every wizard step of the release build in dist/, at 1280x800 and 360x800, in
// the light and the dark theme, into screenshots/ (gitignored): `<width>-<theme>-<NN>-<step>.png`,
// whole pages. Also a few states: every option that adds fields turned on, a field error, and
// the panel a damaged link opens. Run through scripts/screenshots.sh, which builds dist/ first.
//
//   node scripts/screenshots.mjs [--viewport-only] [--dist DIR]
import { mkdir, rm } from 'node:fs/promises';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

import { launch } from '../tests/e2e/lib/browser.mjs';
import { serve } from '../tests/e2e/lib/serve.mjs';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const OUT = join(ROOT, 'screenshots');
const argv = process.argv.slice(2);
const fullPage = !argv.includes('--viewport-only');
const distAt = argv.indexOf('--dist');
const DIST = resolve(distAt >= 0 && argv[distAt + 1] ? argv[distAt + 1] : join(ROOT, 'dist'));

const slug = (s) => s.toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-|-$/g, '');

const server = await serve(DIST);
const browser = await launch();
await rm(OUT, { recursive: true, force: true });
await mkdir(OUT, { recursive: true });
let count = 0;
const errors = [];

async function shoot(page, name) {
  await page.evaluate(() => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r))));
  await page.screenshot({ path: join(OUT, `${name}.png`), fullPage });
  count++;
}

try {
  for (const viewport of [
    { width: 1280, height: 800 },
    { width: 360, height: 800 },
  ]) {
    for (const scheme of ['light', 'dark']) {
      const context = await browser.newContext({ viewport, colorScheme: scheme });
      const page = await context.newPage();
      page.on('pageerror', (e) => errors.push(`${viewport.width} ${scheme}: ${e.message}`));
      page.on('console', (m) => m.type() === 'error' && errors.push(`${viewport.width} ${scheme}: ${m.text()}`));
      const prefix = `${viewport.width}-${scheme}`;
      await page.goto(server.url);
      await page.locator('#step-title').waitFor();
      const nav = page.getByRole('navigation', { name: 'Wizard steps' }).getByRole('button');
      const titles = (await nav.allTextContents()).map((t) => t.replace(/^\s*(\d+|✓)\s*/, '').trim());
      for (let i = 0; i < titles.length; i++) {
        await nav.nth(i).click();
        await page.waitForFunction((t) => document.getElementById('step-title')?.textContent?.trim() === t, titles[i]);
        await shoot(page, `${prefix}-${String(i + 1).padStart(2, '0')}-${slug(titles[i])}`);
      }

      // Options that add fields: S3 + CloudFront, SES, Aurora in a VPC (empty IDs: errors shown).
      const go = async (title) => {
        await page.getByRole('navigation', { name: 'Wizard steps' }).getByRole('button', { name: new RegExp(`^${title}`) }).click();
        await page.waitForFunction((t) => document.getElementById('step-title')?.textContent?.trim() === t, title);
      };
      await go('Assets & domain');
      await page.getByRole('radio', { name: /^S3 \+ CloudFront/ }).check();
      await shoot(page, `${prefix}-state-assets-cloudfront`);
      await go('Mailer');
      await page.getByRole('radio', { name: /^Amazon SES/ }).check();
      await shoot(page, `${prefix}-state-mailer-ses`);
      await go('Database');
      await page.getByRole('combobox', { name: 'Database', exact: true }).selectOption('aurora-mysql');
      await page.getByRole('radio', { name: /^Inside your VPC/ }).check();
      await shoot(page, `${prefix}-state-database-vpc`);
      await go('Review');
      await shoot(page, `${prefix}-state-review-errors`);
      await context.close();

      const damaged = await browser.newContext({ viewport, colorScheme: scheme });
      const p2 = await damaged.newPage();
      await p2.goto(`${server.url}#1.zz=garbage&rg=mars-north-1`);
      await p2.locator('#step-title').waitFor();
      await shoot(p2, `${prefix}-state-damaged-link`);
      await damaged.close();
    }
  }
} finally {
  await browser.close();
  await server.close();
}
console.log(`${count} screenshots in ${OUT.replace(`${ROOT}/`, '')}/`);
if (errors.length) {
  console.log(`errors in the page:\n  ${errors.join('\n  ')}`);
}
