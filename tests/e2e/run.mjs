#!/usr/bin/env node
// End-to-end test of the release build in dist/ (scripts/test.sh runs it after
// scripts/build-release.sh): serves dist/, drives headless Chromium and checks
//   - every step through the step navigation, with its heading and the focus on it;
//   - options set through their labelled controls, the "Download zip" download, and that the zip
//     is byte for byte what `symfony-lambda generate --link <the page's URL>` writes;
//   - a keyboard-only flow (Tab, arrow keys, Alt+→, Enter);
//   - axe-core (WCAG 2.0 A/AA, 2.1 AA, best practices) on every step, light and dark, at
//     1280x800 and 360x800, plus the error and notice states; no horizontal scrolling at 360 px;
//   - share links (three options survive a fresh browser), corrupted and unknown-version links
//     (a visible panel lists what was dropped), and the restore from localStorage;
//   - no console error, page error, failed request or request leaving the page's own server.
// Prints one line per check and ends with `e2e: N passed, M failed`; exit 1 on any failure.
//
// Environment: E2E_DIST (default dist/), E2E_CLI (a built `symfony-lambda`; default: build it
// with cargo), CHROME_PATH (default /usr/bin/chromium), E2E_ONLY (run the checks whose name
// contains this text).
import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { AxeBuilder } from '@axe-core/playwright';

import { launch, watch } from './lib/browser.mjs';
import { serve } from './lib/serve.mjs';
import { readZip } from './lib/zip.mjs';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
const DIST = resolve(process.env.E2E_DIST || join(ROOT, 'dist'));
const ONLY = process.env.E2E_ONLY || '';

/** The wizard's steps in order, as the step navigation names them. */
const STEPS = [
  'Project',
  'Versions',
  'Environment',
  'Functions',
  'Caching',
  'Logging',
  'Secrets',
  'Assets & domain',
  'Sessions',
  'Mailer',
  'Database',
  'Review',
];
const AXE_TAGS = ['wcag2a', 'wcag2aa', 'wcag21aa', 'best-practice'];
const VIEWPORTS = [
  { width: 1280, height: 800 },
  { width: 360, height: 800 },
];
const STORAGE_KEY = 'symfony-lambda:answers';

// ---------------------------------------------------------------------------------------------
// Small test harness

const results = [];
const problems = [];
let running = '';

async function check(name, fn) {
  if (ONLY && !name.includes(ONLY)) return;
  running = name;
  const started = Date.now();
  try {
    await fn();
    results.push({ name, ok: true });
    console.log(`ok     ${name} (${((Date.now() - started) / 1000).toFixed(1)}s)`);
  } catch (e) {
    results.push({ name, ok: false });
    console.log(`FAILED ${name} (${((Date.now() - started) / 1000).toFixed(1)}s)`);
    for (const line of String(e?.message ?? e).split('\n')) console.log(`         ${line}`);
  }
}

/** Runs `[name, fn]` checks `limit` at a time; prints their results in order when all are done. */
async function checkParallel(list, limit) {
  const todo = list.filter(([name]) => !ONLY || name.includes(ONLY));
  const outcome = new Array(todo.length);
  let next = 0;
  const worker = async () => {
    while (next < todo.length) {
      const i = next++;
      const [name, fn] = todo[i];
      const started = Date.now();
      try {
        await fn();
        outcome[i] = { name, ok: true, started };
      } catch (e) {
        outcome[i] = { name, ok: false, started, message: String(e?.message ?? e) };
      }
      outcome[i].seconds = ((Date.now() - started) / 1000).toFixed(1);
    }
  };
  await Promise.all(Array.from({ length: limit }, worker));
  for (const o of outcome) {
    results.push({ name: o.name, ok: o.ok });
    console.log(`${o.ok ? 'ok    ' : 'FAILED'} ${o.name} (${o.seconds}s)`);
    if (!o.ok) for (const line of o.message.split('\n')) console.log(`         ${line}`);
  }
}

function assert(cond, message) {
  if (!cond) throw new Error(message);
}

function assertEq(actual, expected, what) {
  if (actual !== expected) {
    throw new Error(`${what}: expected ${JSON.stringify(expected)}, got ${JSON.stringify(actual)}`);
  }
}

/** Polls `fn` until it returns a truthy value; throws `message` (with the last value) after `ms`. */
async function until(fn, message, ms = 5000) {
  const end = Date.now() + ms;
  let last;
  for (;;) {
    last = await fn();
    if (last) return last;
    if (Date.now() > end) throw new Error(`${message} (after ${ms} ms; last: ${JSON.stringify(last)})`);
    await new Promise((r) => setTimeout(r, 50));
  }
}

const escapeRe = (s) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

// ---------------------------------------------------------------------------------------------
// The command line tool, built while the browser checks run

function run(cmd, args, opts = {}) {
  return new Promise((ok) => {
    const child = spawn(cmd, args, { cwd: ROOT, ...opts });
    let out = '';
    let err = '';
    child.stdout.on('data', (d) => (out += d));
    child.stderr.on('data', (d) => (err += d));
    child.on('error', (e) => ok({ code: -1, out, err: `${err}${e.message}` }));
    child.on('close', (code) => ok({ code, out, err }));
  });
}

const cliReady = (async () => {
  if (process.env.E2E_CLI) return resolve(process.env.E2E_CLI);
  const built = await run('cargo', ['build', '--quiet', '-p', 'symfony-lambda-cli']);
  if (built.code !== 0) throw new Error(`cargo build -p symfony-lambda-cli failed:\n${built.err}`);
  return join(ROOT, 'target', 'debug', 'symfony-lambda');
})();
cliReady.catch(() => {});

// ---------------------------------------------------------------------------------------------
// Page helpers

let browser;
let server;

/** A page in a fresh context; its problems are filed under `label`, or the check running then. */
async function newPage(options = {}, label = null) {
  const context = await browser.newContext({ viewport: VIEWPORTS[0], acceptDownloads: true, ...options });
  context.setDefaultTimeout(10000);
  const page = await context.newPage();
  watch(page, server.url.replace(/\/$/, ''), problems, () => label ?? running);
  return page;
}

/** Opens the app (optionally with a `#fragment`) and waits until the first step is shown. */
async function open(page, fragment = '') {
  await page.goto(server.url + fragment);
  await page.getByRole('heading', { level: 1, name: 'symfony-lambda' }).waitFor();
  await page.locator('#step-title').waitFor();
}

function stepButton(page, title) {
  return page
    .getByRole('navigation', { name: 'Wizard steps' })
    .getByRole('button', { name: new RegExp(`^${escapeRe(title)}(\\s*,.*)?$`) });
}

async function stepHeading(page) {
  return (await page.locator('#step-title').textContent())?.trim();
}

/** Clicks `title` in the step navigation and waits for its heading. */
async function goStep(page, title) {
  await stepButton(page, title).click();
  await until(async () => (await stepHeading(page)) === title, `the heading of step "${title}"`);
}

/** The text of the file shown in the preview. */
async function previewText(page) {
  return (await page.locator('.preview pre.code').textContent()) ?? '';
}

/** The answers encoded in the URL once the app has synced them (it waits ~300 ms after an edit). */
async function syncedFragment(page) {
  return until(
    () =>
      page.evaluate((key) => {
        const hash = location.hash.replace(/^#/, '');
        return hash !== '' && localStorage.getItem(key) === hash ? hash : null;
      }, STORAGE_KEY),
    'the URL fragment and localStorage hold the answers',
  );
}

async function axeScan(page, where) {
  const result = await new AxeBuilder({ page }).withTags(AXE_TAGS).analyze();
  return result.violations.map((v) => {
    const nodes = v.nodes
      .slice(0, 3)
      .map((n) => `${n.target.join(' ')}${n.failureSummary ? ` — ${n.failureSummary.replace(/\s+/g, ' ')}` : ''}`);
    return `${where}: ${v.id} (${v.impact}) ${v.help} [${v.nodes.length} node(s)]\n    ${nodes.join('\n    ')}`;
  });
}

async function downloadZip(page, trigger) {
  const [download] = await Promise.all([page.waitForEvent('download'), trigger()]);
  const path = await download.path();
  return { name: download.suggestedFilename(), bytes: await readFile(path) };
}

function zipText(entries, suffix) {
  const entry = entries.find((e) => e.name.endsWith(`/${suffix}`) || e.name === suffix);
  assert(entry, `the zip has no ${suffix} (it has ${entries.map((e) => e.name).join(', ')})`);
  return entry.data.toString('utf8');
}

/** Options that add fields, without errors: Lift assets with a certificate, SES mail, Aurora MySQL. */
async function chooseFeatures(page) {
  await goStep(page, 'Project');
  await page.getByRole('combobox', { name: 'AWS region', exact: true }).selectOption('eu-central-1');
  await goStep(page, 'Assets & domain');
  await page.getByRole('radio', { name: /^Lift server-side-website construct/ }).check();
  await page
    .getByRole('textbox', { name: 'ACM certificate ARN', exact: true })
    .fill('arn:aws:acm:us-east-1:123456789012:certificate/0f1e2d3c-4b5a-6978-8a9b-0c1d2e3f4a5b');
  await goStep(page, 'Mailer');
  await page.getByRole('radio', { name: /^Amazon SES/ }).check();
  await page.getByRole('textbox', { name: 'Sender identity', exact: true }).fill('example.com');
  await goStep(page, 'Database');
  await page.getByRole('combobox', { name: 'Database', exact: true }).selectOption('aurora-mysql');
}

// ---------------------------------------------------------------------------------------------
// The checks

async function main() {
  assert(existsSync(join(DIST, 'index.html')), `${DIST}/index.html is missing: run scripts/build-release.sh first`);
  server = await serve(DIST);
  browser = await launch();
  const work = await mkdtemp(join(tmpdir(), 'symfony-lambda-e2e-'));
  try {
    await checks(work);
  } finally {
    await browser.close();
    await server.close();
    await rm(work, { recursive: true, force: true });
  }
}

async function checks(work) {
  await check('serves dist/ compressed, with the right types', async () => {
    const res = await fetch(server.url, { headers: { 'Accept-Encoding': 'gzip' } });
    assertEq(res.status, 200, 'status of /');
    const html = await res.text();
    const wasm = html.match(/["']([^"']+_bg\.wasm)["']/);
    assert(wasm, 'index.html names no .wasm file');
    const w = await fetch(new URL(wasm[1], server.url));
    assertEq(w.headers.get('content-type'), 'application/wasm', 'Content-Type of the wasm');
  });

  const page = await newPage();

  await check('the app starts on the Project step', async () => {
    await open(page);
    assertEq(await stepHeading(page), 'Project', 'first step heading');
    const title = await page.title();
    assert(/symfony-lambda/.test(title), `page title "${title}"`);
  });

  await check('every step through the step navigation', async () => {
    const names = await page
      .getByRole('navigation', { name: 'Wizard steps' })
      .getByRole('button')
      .allTextContents();
    assertEq(names.length, STEPS.length, `number of steps (${names.join(' | ')})`);
    for (const title of STEPS) {
      await goStep(page, title);
      const current = await stepButton(page, title).getAttribute('aria-current');
      assertEq(current, 'step', `aria-current of "${title}"`);
      const heading = page.getByRole('heading', { level: 2, name: title, exact: true });
      assert(await heading.isVisible(), `no visible level-2 heading "${title}"`);
      await until(
        () => page.evaluate(() => document.activeElement?.id === 'step-title'),
        `focus on the heading after choosing "${title}"`,
      );
    }
  });

  await check('Next and Previous buttons move one step', async () => {
    await goStep(page, 'Project');
    await page.getByRole('button', { name: /^Next: Versions/ }).click();
    await until(async () => (await stepHeading(page)) === 'Versions', 'Next leads to Versions');
    await page.getByRole('button', { name: /^← Previous: Project|^Previous: Project/ }).click();
    await until(async () => (await stepHeading(page)) === 'Project', 'Previous leads back to Project');
  });

  await check('the preview follows an edit of the service name', async () => {
    await goStep(page, 'Project');
    const field = page.getByRole('textbox', { name: 'Service name', exact: true });
    await field.fill('e2e-shop');
    await until(async () => (await previewText(page)).includes('e2e-shop'), 'the preview shows `e2e-shop`');
    await field.fill('symfony-project');
    await until(async () => !(await previewText(page)).includes('e2e-shop'), 'the preview drops `e2e-shop`');
  });

  await check('an invalid value shows its error at the field and blocks the download', async () => {
    await goStep(page, 'Project');
    const field = page.getByRole('textbox', { name: 'Service name', exact: true });
    await field.fill('1-not-valid');
    await until(() => field.getAttribute('aria-invalid').then((v) => v === 'true'), 'aria-invalid on the field');
    const msg = page.locator('#field-project-service-msg');
    assert(/Error/.test(await msg.textContent()), 'an error message under the field');
    await goStep(page, 'Review');
    const button = page.getByRole('button', { name: 'Download zip', exact: true });
    assert(await button.isDisabled(), 'Download zip is disabled while an error remains');
    await goStep(page, 'Project');
    await field.fill('symfony-project');
    await until(() => field.getAttribute('aria-invalid').then((v) => v !== 'true'), 'the error goes away');
  });

  let download = null;
  await check('options through labelled controls: region, SES mailer and sender, Aurora MySQL', async () => {
    await chooseFeatures(page);
    assertEq(await page.getByRole('combobox', { name: 'Database', exact: true }).inputValue(), 'aurora-mysql', 'database engine');
    await goStep(page, 'Mailer');
    assert(await page.getByRole('radio', { name: /^Amazon SES/ }).isChecked(), 'SES radio checked');
    await goStep(page, 'Review');
    const summary = (await page.locator('.review .summary').textContent()) ?? '';
    assert(!/error/.test(summary.replace(/No errors/, '')), `the configuration has errors: ${summary}\n${await page.locator('.issue-list').textContent().catch(() => '')}`);
  });

  await check('"Download zip" downloads the zip of the chosen answers', async () => {
    await goStep(page, 'Review');
    const button = page.getByRole('button', { name: 'Download zip', exact: true });
    download = await downloadZip(page, () => button.click());
    assert(/\.zip$/.test(download.name), `file name ${download.name}`);
    const entries = readZip(download.bytes);
    const answers = zipText(entries, 'symfony-lambda.yaml');
    for (const want of ['eu-central-1', 'aurora-mysql', 'example.com']) {
      assert(answers.includes(want), `symfony-lambda.yaml in the zip lacks \`${want}\``);
    }
    const serverless = zipText(entries, 'serverless.yml');
    assert(serverless.includes('ses:SendRawEmail'), 'serverless.yml grants ses:SendRawEmail');
    const link = await page.getByRole('textbox', { name: 'Share link', exact: true }).inputValue();
    assertEq(zipText(entries, 'SHARE-LINK.txt').includes(link), true, 'SHARE-LINK.txt holds the share link');
  });

  await check('the zip is byte for byte what the CLI generates from the page URL', async () => {
    assert(download, 'no download to compare (the download check failed)');
    const fragment = await syncedFragment(page);
    const url = await page.evaluate(() => location.href);
    const shown = await page.getByRole('textbox', { name: 'Share link', exact: true }).inputValue();
    assertEq(url, shown, 'the address bar and the Share link field');
    assert(url.endsWith(`#${fragment}`), 'the URL ends with the synced fragment');
    const cli = await cliReady;
    const out = join(work, 'cli.zip');
    const res = await run(cli, ['generate', '--link', url, '--out', out]);
    assertEq(res.code, 0, `exit code of symfony-lambda generate (stderr: ${res.err.trim()})`);
    const mine = readZip(download.bytes);
    const theirs = readZip(await readFile(out));
    const names = (z) => z.map((e) => e.name).join('\n');
    assertEq(names(mine), names(theirs), 'the file lists (web, CLI)');
    for (let i = 0; i < mine.length; i++) {
      assert(mine[i].data.equals(theirs[i].data), `${mine[i].name} differs between the web app and the CLI`);
    }
    assert(download.bytes.equals(await readFile(out)), 'the zip files differ although every entry is equal');
  });
  await page.context().close();

  await check('keyboard only: Tab to fields, change them, next step, download', async () => {
    const kb = await newPage();
    await open(kb);
    const focused = () => kb.evaluate(() => document.activeElement?.id ?? '');
    const tabTo = async (want, what) => {
      for (let i = 0; i < 80; i++) {
        if (want.test(await focused())) return;
        await kb.keyboard.press('Tab');
      }
      throw new Error(`Tab never reached ${what}`);
    };
    await tabTo(/^field-project-service$/, 'the service name');
    await kb.keyboard.press('Control+A');
    await kb.keyboard.type('keyboard-app');
    assertEq(await kb.getByRole('textbox', { name: 'Service name', exact: true }).inputValue(), 'keyboard-app', 'typed value');
    await tabTo(/^field-project-architecture--/, 'the architecture radios');
    await kb.keyboard.press('ArrowDown');
    await until(() => kb.getByRole('radio', { name: /arm64/ }).isChecked(), 'arm64 chosen with the arrow key');
    await kb.keyboard.press('Alt+ArrowRight');
    await until(async () => (await stepHeading(kb)) === 'Versions', 'Alt+→ opens Versions');
    for (let i = 2; i < STEPS.length; i++) await kb.keyboard.press('Alt+ArrowRight');
    await until(async () => (await stepHeading(kb)) === 'Review', 'Alt+→ reaches Review');
    await until(() => kb.evaluate(() => document.activeElement?.id === 'step-title'), 'focus on the Review heading');
    let reached = false;
    for (let i = 0; i < 40 && !reached; i++) {
      await kb.keyboard.press('Tab');
      reached = await kb.evaluate(() => document.activeElement?.textContent?.trim().startsWith('Download zip'));
    }
    assert(reached, 'Tab never reached "Download zip"');
    const got = await downloadZip(kb, () => kb.keyboard.press('Enter'));
    const answers = zipText(readZip(got.bytes), 'symfony-lambda.yaml');
    assert(answers.includes('keyboard-app') && answers.includes('arm64'), 'the zip has the keyboard answers');
    const again = await downloadZip(kb, () => kb.keyboard.press('Control+Enter'));
    assert(again.bytes.equals(got.bytes), 'Ctrl+Enter downloads the same zip');
    await kb.context().close();
  });

  await check('share link: three options survive a fresh browser; reload restores from localStorage', async () => {
    const a = await newPage();
    await open(a);
    await a.getByRole('textbox', { name: 'Service name', exact: true }).fill('shared-app');
    await a.getByRole('radio', { name: /arm64/ }).check();
    await goStep(a, 'Logging');
    await a.getByRole('combobox', { name: 'Log level', exact: true }).selectOption('warning');
    const fragment = await syncedFragment(a);

    const expectOptions = async (p, where) => {
      await goStep(p, 'Project');
      assertEq(await p.getByRole('textbox', { name: 'Service name', exact: true }).inputValue(), 'shared-app', `${where}: service name`);
      assert(await p.getByRole('radio', { name: /arm64/ }).isChecked(), `${where}: arm64 checked`);
      await goStep(p, 'Logging');
      assertEq(await p.getByRole('combobox', { name: 'Log level', exact: true }).inputValue(), 'warning', `${where}: log level`);
    };

    const b = await newPage();
    await open(b, `#${fragment}`);
    await expectOptions(b, 'opened link');
    assertEq(await b.locator('.notices').count(), 0, 'notices panel after a good link');
    await b.context().close();

    await open(a);
    assertEq(await a.evaluate(() => location.hash), '', 'the reopened URL has no fragment');
    await expectOptions(a, 'after reload');
    await a.reload();
    await a.locator('#step-title').waitFor();
    await expectOptions(a, 'after a second reload');
    await a.context().close();
  });

  for (const [fragment, expect] of [
    ['#1.zz=garbage', /zz/],
    ['#1.rg=mars-north-1', /mars-north-1/],
    ['#9.xyz', /9|version/i],
  ]) {
    await check(`a damaged link (${fragment}) opens the defaults with a visible explanation`, async () => {
      const p = await newPage();
      await open(p, fragment);
      const panel = p.getByRole('region', { name: 'Not everything could be opened' });
      await panel.waitFor({ state: 'visible', timeout: 5000 });
      const items = await panel.getByRole('listitem').allTextContents();
      assert(items.length > 0, 'the panel lists nothing');
      assert(expect.test(items.join(' ')), `the panel does not name what was dropped: ${items.join(' | ')}`);
      assertEq(await p.getByRole('textbox', { name: 'Service name', exact: true }).inputValue(), 'symfony-project', 'service name');
      const violations = await axeScan(p, `notices ${fragment}`);
      assert(violations.length === 0, violations.join('\n'));
      await panel.getByRole('button', { name: 'Dismiss' }).click();
      await until(async () => (await p.locator('.notices').count()) === 0, 'Dismiss hides the panel');
      await p.context().close();
    });
  }

  await check('the theme button switches between dark and light', async () => {
    const p = await newPage({ colorScheme: 'light' });
    await open(p);
    const bg = () => p.evaluate(() => getComputedStyle(document.body).backgroundColor);
    const light = await bg();
    const toggle = p.getByRole('button', { name: /^Theme:/ });
    for (let i = 0; i < 3; i++) {
      if ((await p.evaluate(() => document.documentElement.dataset.theme)) === 'dark') break;
      await toggle.click();
    }
    assertEq(await p.evaluate(() => document.documentElement.dataset.theme), 'dark', 'data-theme after toggling');
    assert((await bg()) !== light, `the background stays ${light} in the dark theme`);
    await p.reload();
    await p.locator('#step-title').waitFor();
    assertEq(await p.evaluate(() => document.documentElement.dataset.theme), 'dark', 'the theme survives a reload');
    await p.context().close();
  });

  // Four browsers at a time would starve two cores: two at a time.
  const scans = [];
  for (const viewport of VIEWPORTS) {
    for (const scheme of ['light', 'dark']) {
      const name = `axe: every step, ${viewport.width}x${viewport.height} ${scheme}`;
      scans.push([
        name,
        async () => {
          const p = await newPage({ viewport, colorScheme: scheme }, name);
          await open(p);
          const found = [];
          const overflow = [];
          // With the options on that add fields (the defaults show a subset of them).
          await chooseFeatures(p);
          for (const title of STEPS) {
            await goStep(p, title);
            found.push(...(await axeScan(p, title)));
            const wide = await p.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
            if (wide > 0) overflow.push(`${title}: the page is ${wide}px wider than the window (horizontal scrolling)`);
          }
          // An error at a field, and the Review step listing it.
          await goStep(p, 'Project');
          await p.getByRole('textbox', { name: 'Service name', exact: true }).fill('1-not-valid');
          found.push(...(await axeScan(p, 'error at a field, Project')));
          await goStep(p, 'Review');
          found.push(...(await axeScan(p, 'errors listed, Review')));
          await p.context().close();
          assert(found.length === 0 && overflow.length === 0, [...found, ...overflow].join('\n'));
        },
      ]);
    }
  }
  await checkParallel(scans, 2);

  await check('axe: dark theme from the theme button on a light system, 1280x800', async () => {
    const p = await newPage({ colorScheme: 'light' });
    await open(p);
    const toggle = p.getByRole('button', { name: /^Theme:/ });
    for (let i = 0; i < 3; i++) {
      if ((await p.evaluate(() => document.documentElement.dataset.theme)) === 'dark') break;
      await toggle.click();
    }
    const found = [];
    for (const title of ['Project', 'Review']) {
      await goStep(p, title);
      found.push(...(await axeScan(p, `toggled dark, ${title}`)));
    }
    await p.context().close();
    assert(found.length === 0, found.join('\n'));
  });

  await check('no console errors, page errors, failed or outside requests', async () => {
    assert(problems.length === 0, problems.join('\n'));
  });
  await check('every request was served (no 404) and wasm/JS/CSS came compressed', async () => {
    const bad = server.requests.filter((r) => r.status >= 400).map((r) => `${r.status} ${r.path}`);
    assert(bad.length === 0, bad.join('\n'));
    const hasGz = existsSync(join(DIST, 'index.html.gz'));
    if (hasGz) {
      const plain = server.requests
        .filter((r) => /\.(wasm|js|css)$/.test(r.path) && !r.encoding)
        .map((r) => r.path);
      assert(plain.length === 0, `served without compression: ${[...new Set(plain)].join(', ')}`);
    }
  });
}

const started = Date.now();
main()
  .catch((e) => {
    results.push({ name: 'e2e setup', ok: false });
    console.log(`FAILED e2e setup: ${e?.stack ?? e}`);
  })
  .finally(() => {
    const passed = results.filter((r) => r.ok).length;
    const failed = results.length - passed;
    console.log(`\n(${((Date.now() - started) / 1000).toFixed(1)}s)`);
    // For scripts/test.sh, which adds up cargo-style result lines.
    console.log(`test result: ${failed === 0 ? 'ok' : 'FAILED'}. ${passed} passed; ${failed} failed`);
    console.log(`e2e: ${passed} passed, ${failed} failed`);
    process.exit(failed === 0 && passed > 0 ? 0 : 1);
  });
