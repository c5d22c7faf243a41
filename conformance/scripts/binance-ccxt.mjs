// ccxt (REST and its WebSocket "pro" methods) against the simulated Binance, pointed at it by its URLs only.
// ccxt's defaults also load the futures markets (fapi, dapi), the wallet's currencies and the margin pairs
// (sapi), which are not the spot API: its own options keep it to spot.
import ccxt from 'ccxt';
import { check, expect, setting, done } from './checks.mjs';

const rest = setting('BINANCE_REST_URL').replace(/\/$/, '');
const ws = setting('BINANCE_WS_URL').replace(/\/$/, '');
const label = setting('BINANCE_KEY_KIND');
const symbol = process.env.BINANCE_CCXT_SYMBOL || 'BTC/USDT';
const exchange = new ccxt.pro.binance({
  apiKey: setting('BINANCE_API_KEY'),
  secret: setting('BINANCE_API_SECRET'),
  urls: { api: {
    public: `${rest}/api/v3`, private: `${rest}/api/v3`, v1: `${rest}/api/v1`,
    ws: { spot: `${ws}/ws`, 'ws-api': { spot: `${ws}/ws-api/v3` } },
  } },
  has: { fetchCurrencies: false },
  options: { defaultType: 'spot', fetchMarkets: { types: ['spot'] }, fetchMargins: false },
  timeout: 10000,
});

// The emulators serve plain ws:// (no TLS); ccxt's own call readies its agent for such URLs.
await exchange.loadHttpProxyAgent();

await check('server time', async () => {
  const time = await exchange.fetchTime();
  expect(Math.abs(time - Date.now()) < 30000, `time ${time}`);
});
await check('markets', async () => {
  const markets = await exchange.loadMarkets();
  const m = markets[symbol];
  expect(m && m.active && m.spot, `${symbol} ${JSON.stringify(m).slice(0, 160)}`);
  expect(m.precision.price > 0 && m.precision.amount > 0 && m.limits.cost.min > 0, `precision ${JSON.stringify(m.precision)} limits ${JSON.stringify(m.limits.cost)}`);
});
const ticker = await check('ticker', async () => {
  const t = await exchange.fetchTicker(symbol);
  expect(t.last > 0 && t.bid > 0 && t.ask > 0, `ticker ${JSON.stringify(t).slice(0, 200)}`);
  return t;
});
await check('order book', async () => {
  const book = await exchange.fetchOrderBook(symbol, 10);
  expect(book.nonce > 0 && book.bids.length > 0 && book.bids[0][0] < book.asks[0][0], 'an empty or crossed book');
});
await check('trades', async () => {
  const trades = await exchange.fetchTrades(symbol, undefined, 10);
  expect(trades.length > 0 && trades.every((t) => t.price > 0), 'no trades');
});
await check('candles', async () => {
  const candles = await exchange.fetchOHLCV(symbol, '1m', undefined, 5);
  expect(candles.length > 0 && candles.every((c) => c.length === 6), 'no candles');
});
const before = await check(`balance (${label})`, async () => {
  const balance = await exchange.fetchBalance();
  expect(balance.USDT && balance.USDT.free > 0, `USDT ${JSON.stringify(balance.USDT)}`);
  return balance.USDT.free;
});
const far = ticker ? exchange.priceToPrecision(symbol, ticker.bid * 0.5) : 30000;
const resting = await check(`create limit order (${label})`, async () => {
  const order = await exchange.createOrder(symbol, 'limit', 'buy', 0.001, far);
  expect(order.id && order.status === 'open', `order ${JSON.stringify(order).slice(0, 200)}`);
  return order.id;
});
await check(`fetch order (${label})`, async () => {
  const order = await exchange.fetchOrder(resting, symbol);
  expect(order.id === resting && order.status === 'open' && order.price === Number(far), `order ${order.id} ${order.status} ${order.price}`);
});
await check(`open orders (${label})`, async () => {
  const open = await exchange.fetchOpenOrders(symbol);
  expect(open.some((o) => o.id === resting), 'the resting order is not listed');
});
await check(`cancel order (${label})`, async () => {
  const order = await exchange.cancelOrder(resting, symbol);
  expect(order.status === 'canceled', `status ${order.status}`);
});
const bought = await check(`market buy by cost (${label})`, async () => {
  const order = await exchange.createMarketBuyOrderWithCost(symbol, 100);
  expect(order.status === 'closed' && order.filled > 0, `status ${order.status} filled ${order.filled}`);
  return order;
});
await check(`market sell by amount (${label})`, async () => {
  expect(bought, 'nothing bought');
  const order = await exchange.createOrder(symbol, 'market', 'sell', bought.filled);
  expect(order.status === 'closed', `status ${order.status}`);
});
await check(`my trades (${label})`, async () => {
  const trades = await exchange.fetchMyTrades(symbol);
  expect(bought && trades.some((t) => t.order === bought.id && t.fee && t.fee.cost >= 0), 'the market buy has no trade with its fee');
});
await check(`closed orders (${label})`, async () => {
  const orders = await exchange.fetchOrders(symbol);
  expect(orders.some((o) => o.id === resting && o.status === 'canceled'), 'the cancelled order is not listed');
});
await check(`balance moved (${label})`, async () => {
  const balance = await exchange.fetchBalance();
  expect(before !== undefined && balance.USDT.free < before, `USDT ${balance.USDT.free}, was ${before}`);
});

await check('watch ticker', async () => {
  const t = await exchange.watchTicker(symbol);
  expect(t.symbol === symbol && t.last > 0, `ticker ${JSON.stringify(t).slice(0, 200)}`);
});
await check('watch trades', async () => {
  const trades = await exchange.watchTrades(symbol);
  expect(trades.length > 0 && trades.every((t) => t.price > 0), 'no trades');
});
await check('watch order book (ccxt syncs diffs to the snapshot)', async () => {
  const first = await exchange.watchOrderBook(symbol);
  const next = await exchange.watchOrderBook(symbol);
  expect(next.nonce >= first.nonce && next.bids[0][0] < next.asks[0][0], `nonce ${first.nonce} then ${next.nonce}`);
}, 20000);
await check(`watch orders (${label})`, async () => {
  const watching = exchange.watchOrders(symbol);
  watching.catch(() => undefined); // awaited below; this only keeps an early rejection from ending the script
  await new Promise((resolve) => setTimeout(resolve, 500));
  const order = await exchange.createOrder(symbol, 'limit', 'buy', 0.001, far);
  const seen = await watching;
  expect(seen.some((o) => o.id === order.id), `order ${order.id} not seen`);
  await exchange.cancelOrder(order.id, symbol);
});
await Promise.allSettled([exchange.close()]);
done();
