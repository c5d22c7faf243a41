// The status page in a real headless Chromium, driven by playwright-core (run by StatusPageTest).
// Environment: BASE (http://127.0.0.1:PORT of the engine's health port), TOKEN (the admin token), CHROMIUM (the
// binary), NODE_MODULES (a node_modules folder holding playwright-core), OUT (a folder for the screenshot).
// Prints one line `SUMMARY {json}` with what it saw; the Java test asserts on it. Throws (exit 1) on a time-out.
import { createRequire } from 'node:module';
import path from 'node:path';

const require = createRequire(path.join(process.env.NODE_MODULES, 'playwright-core', 'package.json'));
const { chromium } = require('playwright-core');

const base = process.env.BASE;
const token = process.env.TOKEN;
const origin = new URL(base).origin;
const summary = { requests: 0, eventStreams: 0, offOrigin: [], consoleErrors: [], states: {} };

async function overviewState() {
  const response = await fetch(base + '/admin/overview', { headers: { Authorization: 'Bearer ' + token } });
  return (await response.json()).tradingState;
}

// The overview is recomputed at most once a second: poll it (10 s at most) until it shows `state`.
async function awaitOverviewState(state) {
  const deadline = Date.now() + 10_000;
  let seen = await overviewState();
  while (seen !== state && Date.now() < deadline) {
    await new Promise((r) => setTimeout(r, 200));
    seen = await overviewState();
  }
  return seen;
}

async function pressAndAwait(page, command, state) {
  await page.click(`button[data-command="${command}"]`);
  await page.waitForSelector(`html[data-trading-state="${state}"]`, { timeout: 15_000 });
  summary.states[command] = { page: state, overview: await awaitOverviewState(state),
    result: await page.textContent('#command-result') };
}

const browser = await chromium.launch({ executablePath: process.env.CHROMIUM, args: ['--no-sandbox'] });
try {
  const context = await browser.newContext();
  context.on('request', (request) => {
    summary.requests++;
    if (new URL(request.url()).pathname === '/ui/events') summary.eventStreams++;
    if (new URL(request.url()).origin !== origin) summary.offOrigin.push(request.url());
  });
  const page = await context.newPage();
  page.on('console', (m) => { if (m.type() === 'error') summary.consoleErrors.push(m.text()); });
  page.on('pageerror', (e) => summary.consoleErrors.push(String(e)));
  page.on('dialog', (d) => { summary.confirmation = d.message(); d.accept(); });

  // Without a session: the login form, nothing else.
  await page.goto(base + '/ui/');
  summary.loginFormShown = await page.isVisible('#login-form');
  await page.fill('#token', token);
  await Promise.all([page.waitForURL(base + '/ui/'), page.click('#login-button')]);
  await page.waitForSelector('html[data-rendered="ok"]', { timeout: 15_000 });
  // Both strategies with their PnL (the demo fills within seconds; the page refreshes every second).
  await page.waitForFunction(() => document.querySelectorAll('#strategies tbody tr').length >= 2, null, { timeout: 15_000 });
  summary.strategies = await page.$$eval('#strategies tbody tr', (rows) => rows.map((r) => {
    const cells = [...r.querySelectorAll('td')].map((c) => c.textContent);
    return { name: cells[0], realized: cells[2], fees: cells[3], unrealized: cells[4], net: cells[5] };
  }));
  await page.waitForFunction(() => document.querySelectorAll('#decisions tbody tr').length >= 1, null, { timeout: 15_000 });
  summary.decisions = await page.$$eval('#decisions tbody tr', (rows) => rows.map((r) => r.textContent));
  summary.stateAtStart = await page.getAttribute('html', 'data-trading-state');
  // A cookie without the CSRF header moves nothing.
  // (Sent through the context's request API, which carries its cookies, so the page's console stays for the page.)
  summary.postWithoutCsrf = (await context.request.post(base + '/admin/pause')).status();
  await pressAndAwait(page, 'pause', 'HALTED'); // a pause halts, with the reason 'operator: pause'
  summary.states.pause.reason = await page.textContent('#state-reason');
  await pressAndAwait(page, 'resume', 'ACTIVE');
  await page.screenshot({ path: path.join(process.env.OUT, 'status-page.png'), fullPage: true });

  // ?token= is taken once: a 303 to the address without it, and the session cookie's flags.
  const fresh = await browser.newContext();
  const redirect = await fresh.request.get(base + '/ui/?token=' + encodeURIComponent(token), { maxRedirects: 0 });
  summary.tokenRedirect = { status: redirect.status(), location: redirect.headers()['location'],
    setCookie: redirect.headers()['set-cookie'] };
  const second = await fresh.newPage();
  await second.goto(base + '/ui/?token=' + encodeURIComponent(token));
  await second.waitForSelector('html[data-rendered="ok"]', { timeout: 15_000 });
  summary.urlAfterTokenLogin = second.url();
  summary.cookies = (await fresh.cookies()).map((c) => ({ name: c.name, httpOnly: c.httpOnly, sameSite: c.sameSite, path: c.path }));
  await fresh.close();
  await context.close();
} finally {
  await browser.close();
}
console.log('SUMMARY ' + JSON.stringify(summary));
