// report.html in headless Chromium through playwright-core: the page must render (html[data-rendered=ok]),
// make no request other than the file itself, log no console error, and its charts must zoom (wheel),
// pan (drag), show a crosshair and reset (double click), equity and drawdown together.
// Usage: node report-page.mjs REPORT_HTML; env CHROMIUM (executable), NODE_MODULES (where playwright-core is).
// Prints one JSON line with what it saw; exits 1 listing every failed check, 0 when all passed.
import { createRequire } from 'node:module';
import { pathToFileURL } from 'node:url';
import path from 'node:path';

const require = createRequire(path.join(process.env.NODE_MODULES, 'resolve-from-here.js'));
const { chromium } = require('playwright-core');

const failures = [];
function check(ok, what) { if (!ok) { failures.push(what); } }

const url = pathToFileURL(process.argv[2]).href;
const browser = await chromium.launch({ executablePath: process.env.CHROMIUM, args: ['--no-sandbox'] });
const seen = {};
try {
  const page = await browser.newPage({ viewport: { width: 1400, height: 1000 } });
  const requests = [];
  const errors = [];
  page.on('request', r => { if (r.url() !== url) { requests.push(r.url()); } });
  page.on('console', m => { if (m.type() === 'error') { errors.push(m.text()); } });
  page.on('pageerror', e => errors.push(String(e)));
  await page.goto(url);
  await page.waitForSelector('html[data-rendered="ok"]', { timeout: 20000 });
  seen.renderError = await page.getAttribute('html', 'data-render-error');
  check(seen.renderError === null, 'no render error, got ' + seen.renderError);

  const view = id => page.evaluate(i => {
    const s = document.getElementById(i);
    return { t0: Number(s.getAttribute('data-view-t0')), t1: Number(s.getAttribute('data-view-t1')),
      full0: Number(s.getAttribute('data-t0')), full1: Number(s.getAttribute('data-t1')),
      ticks: Array.from(s.querySelectorAll('g.xticks text')).map(t => t.textContent).join('|'),
      transform: s.querySelector('g.plot').getAttribute('transform') };
  }, id);

  const chart = page.locator('#equity-chart');
  await chart.scrollIntoViewIfNeeded();
  const box = await chart.boundingBox();
  const before = await view('equity-chart');
  check(before.t0 === before.full0 && before.t1 === before.full1, 'the chart starts on its whole span');
  await page.mouse.move(box.x + box.width / 2, box.y + box.height / 2);
  for (let i = 0; i < 5; i++) {
    await page.mouse.wheel(0, -120);
  }
  await page.waitForTimeout(100);
  const zoomed = await view('equity-chart');
  const drawdown = await view('drawdown-chart');
  seen.before = before; seen.zoomed = zoomed;
  check(zoomed.t1 - zoomed.t0 < (before.t1 - before.t0) * 0.5, 'five wheel steps zoom in to under half the span');
  check(zoomed.transform && zoomed.transform.startsWith('matrix('), 'the plot is scaled, got ' + zoomed.transform);
  check(zoomed.ticks !== before.ticks, 'the time ticks are redrawn for the zoomed span');
  check(drawdown.t0 === zoomed.t0 && drawdown.t1 === zoomed.t1, 'the drawdown chart zooms with the equity chart');
  check(await page.getAttribute('#equity-chart g.crosshair', 'visibility') === 'visible', 'the crosshair shows under the cursor');
  const readout = await page.textContent('#equity-chart g.crosshair text');
  seen.readout = readout;
  check(/UTC/.test(readout), 'the crosshair reads the time, got ' + readout);

  await page.mouse.down();
  await page.mouse.move(box.x + box.width / 2 + 200, box.y + box.height / 2, { steps: 5 });
  await page.mouse.up();
  const panned = await view('equity-chart');
  seen.panned = panned;
  check(panned.t0 < zoomed.t0, 'dragging right shows earlier time');
  check(Math.abs((panned.t1 - panned.t0) - (zoomed.t1 - zoomed.t0)) < 1e-6 * (zoomed.t1 - zoomed.t0) + 1e-9,
    'panning keeps the span');

  await page.mouse.dblclick(box.x + box.width / 2, box.y + box.height / 2);
  const reset = await view('equity-chart');
  check(reset.t0 === reset.full0 && reset.t1 === reset.full1, 'a double click shows the whole span again');

  seen.requests = requests;
  seen.errors = errors;
  check(requests.length === 0, 'no request besides the file, got ' + requests.join(', '));
  check(errors.length === 0, 'no console error, got ' + errors.join(' / '));
} catch (e) {
  failures.push('script: ' + (e && e.stack || e));
} finally {
  await browser.close();
}
console.log(JSON.stringify({ failures, seen }));
process.exit(failures.length === 0 ? 0 : 1);
