// Headless Chromium through playwright-core (the Debian package, never a downloaded browser),
// and a watcher that collects everything a page does wrong: console errors, uncaught errors,
// failed or refused requests, and requests that leave the local server.
import { chromium } from 'playwright-core';

export const CHROMIUM = process.env.CHROME_PATH || '/usr/bin/chromium';

export const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
];

export function launch(extraArgs = []) {
  return chromium.launch({ executablePath: CHROMIUM, args: [...CHROMIUM_ARGS, ...extraArgs] });
}

/**
 * Records the problems of `page` into `problems` (an array of strings), each prefixed with
 * `label()` (the name of the check that was running). `origin` is the only origin requests may go to.
 */
export function watch(page, origin, problems, label) {
  const add = (what) => problems.push(`[${label()}] ${what}`);
  page.on('console', (msg) => {
    if (msg.type() === 'error') add(`console error: ${msg.text()}`);
  });
  page.on('pageerror', (err) => add(`page error: ${err.message}`));
  page.on('requestfailed', (req) => {
    const failure = req.failure()?.errorText || 'failed';
    // A download started from a blob: URL is handed to the download manager, which aborts the
    // navigation-like request: that is how every download looks, not a failure.
    if (req.url().startsWith('blob:') && failure === 'net::ERR_ABORTED') return;
    add(`request failed: ${req.method()} ${req.url()} (${failure})`);
  });
  page.on('response', (res) => {
    if (res.status() >= 400) add(`HTTP ${res.status()}: ${res.url()}`);
  });
  page.on('request', (req) => {
    const url = req.url();
    if (url.startsWith('blob:') || url.startsWith('data:')) return;
    if (!url.startsWith(origin)) add(`request outside the app: ${req.method()} ${url}`);
  });
}
