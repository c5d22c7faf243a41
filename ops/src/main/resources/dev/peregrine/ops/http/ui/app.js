// The status page: renders /admin/overview, kept fresh by /ui/events (one connection held open, an overview a
// second; after a dropped connection the browser reconnects after the server's `retry`), and sends the operator's commands to the admin API with the session's
// CSRF token. No framework, no network beyond this origin (the page's Content-Security-Policy forbids it).
'use strict';

const csrf = document.querySelector('meta[name="csrf-token"]').content;
const $ = (id) => document.getElementById(id);

function cell(text, className) {
  const td = document.createElement('td');
  td.textContent = text === undefined || text === null ? '' : String(text);
  if (className) td.className = className;
  return td;
}

// A number as written (no exponent: 1e-8 reads as 0.00000001), right-aligned, not coloured.
function num(value) {
  if (value === undefined || value === null || value === '') return cell('', 'num');
  const n = Number(value);
  return cell(Number.isFinite(n) ? n.toLocaleString('en-US', { maximumFractionDigits: 8, useGrouping: false }) : value, 'num');
}

// Money in the quote currency, to the cent, green when it gained and red when it lost. Fees are a cost: plain.
function pnl(value) {
  const td = num(value);
  const n = Number(value);
  if (Number.isFinite(n)) td.textContent = n.toFixed(2);
  td.className = 'num' + (n < 0 ? ' neg' : n > 0 ? ' pos' : '');
  return td;
}

function money(value) {
  const td = num(value);
  const n = Number(value);
  if (Number.isFinite(n)) td.textContent = n.toFixed(2);
  return td;
}

function fill(tableId, rows, toCells) {
  const body = $(tableId).querySelector('tbody');
  body.replaceChildren(...rows.map((row) => {
    const tr = document.createElement('tr');
    tr.append(...toCells(row));
    return tr;
  }));
}

function render(o) {
  const state = $('trading-state');
  state.textContent = o.tradingState;
  state.className = 'state ' + o.tradingState;
  $('state-reason').textContent = o.tradingStateReason || '';
  $('how-to-lift').textContent = o.howToLift ? 'To lift: ' + o.howToLift : '';
  $('connection').textContent = o.gatewayConnected ? 'feed connected' : 'feed DISCONNECTED';
  const enabled = new Map(o.strategies.map((s) => [s.name, s]));
  fill('strategies', o.pnlByStrategy, (r) => [cell(r.strategy), cell(enabled.has(r.strategy) ?
      (enabled.get(r.strategy).enabled ? 'yes' : 'no: ' + enabled.get(r.strategy).failure) : ''),
    pnl(r.realizedPnlBeforeFees), money(r.fees), pnl(r.unrealizedPnl), pnl(r.netPnl),
    num(r.orders), num(r.fills), num(r.rejects)]);
  fill('pnl-products', o.pnlByStrategyAndProduct, (r) => [cell(r.strategy), cell(r.product), num(r.position),
    pnl(r.realizedPnlBeforeFees), money(r.fees), pnl(r.unrealizedPnl), pnl(r.netPnl), num(r.orders)]);
  fill('positions', o.positions.positions, (p) => [cell(p.product), num(p.quantity), num(p.markPrice)]);
  const margin = o.positions.marginAccount;
  $('margin-section').hidden = !margin;
  fill('margin', margin ? Object.entries(margin) : [], ([name, value]) => [cell(name), num(value)]);
  fill('feeds', o.feeds, (f) => [cell(f.product), cell(f.healthy ? 'yes' : 'NO'), cell(f.why), num(f.markPrice),
    num(f.marketDataDropped)]);
  const latency = [['tick to order', o.latency.tickToOrder], ['tick to decision', o.latency.tickToDecision]]
    .filter(([, p]) => p);
  fill('latency', latency, ([name, p]) => [cell(name), num(p.p50), num(p.p90), num(p.p99), num(p.p99_9)]);
  fill('open-orders', o.openOrders.open || [], (r) => [cell(r.order_id), cell(r.strategy_name), cell(r.product),
    cell(r.side), num(r.limit_price), num(r.leaves)]);
  const decisions = (o.decisions.decisions || []).slice().reverse();
  fill('decisions', decisions, (d) => [cell(d.time), cell(d.strategy), cell(d.product), cell(d.side),
    cell(d.risk && d.risk.accepted ? 'yes' : 'no'),
    cell([d.signal, d.cause, d.risk && d.risk.rejectReason].filter(Boolean).join('; '))]);
  const alerts = $('alerts');
  alerts.replaceChildren(...(o.alerts.length ? o.alerts : [{ alert: 'none', severity: 'ok', summary: 'nothing firing' }])
    .map((a) => {
      const li = document.createElement('li');
      li.className = a.severity;
      li.textContent = a.alert + ': ' + a.summary;
      return li;
    }));
  $('updated').textContent = 'updated ' + o.generatedAt;
  document.documentElement.dataset.tradingState = o.tradingState;
  document.documentElement.dataset.rendered = 'ok';
}

async function refresh() {
  const response = await fetch('/admin/overview', { credentials: 'same-origin' });
  if (response.ok) render(await response.json());
}

async function command(name) {
  if (!window.confirm('Send "' + name + '" to the engine?')) return;
  const response = await fetch('/admin/' + name, {
    method: 'POST', credentials: 'same-origin', headers: { 'X-CSRF-Token': csrf },
  });
  const body = await response.json().catch(() => ({}));
  $('command-result').textContent = response.ok ? name + ': accepted' : response.status === 401 ?
    name + ': not sent, the session has ended: log in again' :
    name + ': refused (' + response.status + ') ' + (body.reason || body.error || '');
  await refresh();
}

document.querySelectorAll('button[data-command]').forEach((b) =>
  b.addEventListener('click', () => command(b.dataset.command)));
$('logout').addEventListener('click', async () => {
  await fetch('/ui/logout', { method: 'POST', credentials: 'same-origin', headers: { 'X-CSRF-Token': csrf } });
  window.location.assign('/ui/');
});

const events = new EventSource('/ui/events');
events.addEventListener('overview', (e) => render(JSON.parse(e.data)));
// An answer other than the stream (the session ended, the engine stopped) closes the EventSource for good:
// say so, and offer the login form again rather than a page that silently stopped updating.
events.addEventListener('error', () => {
  if (events.readyState === EventSource.CLOSED) {
    $('updated').textContent = 'not updating: the session ended or the engine stopped; reload to log in again';
  }
});
refresh();
