// ccxt (REST and its WebSocket "pro" methods) against the Coinbase emulator, pointed at it by its URLs only.
// ccxt's defaults reach for the Coinbase App v2 API (/v2/time, /v2/accounts, /v2/currencies), which is not the
// Advanced Trade API: ccxt's own options select the Advanced Trade endpoints instead. ccxt speaks to one
// WebSocket host; the venue documents the user channel on a host of its own, so a second instance names it.
import ccxt from 'ccxt';
import { check, expect, setting, done } from './checks.mjs';

const rest = setting('COINBASE_REST_URL').replace(/\/$/, '');
const ws = setting('COINBASE_WS_URL');
const userWs = setting('COINBASE_USER_WS_URL');
const label = process.env.COINBASE_KEY_LABEL || 'key';
const symbol = (process.env.COINBASE_PRODUCT || 'BTC-USD').replace('-', '/');
const config = (wsUrl) => ({
  apiKey: setting('COINBASE_KEY_NAME'),
  secret: setting('COINBASE_PRIVATE_KEY'),
  urls: { api: { rest, ws: wsUrl } },
  has: { fetchCurrencies: false },
  options: { fetchBalance: 'v3PrivateGetBrokerageAccounts', fetchTime: 'v3PublicGetBrokerageTime' },
  timeout: 10000,
});
const exchange = new ccxt.pro.coinbase(config(ws));
const user = new ccxt.pro.coinbase(config(userWs));

// Observes the frames ccxt receives (it does not check sequence_num itself): one counter per connection.
const sequences = [];
const handle = exchange.handleMessage.bind(exchange);
exchange.handleMessage = (client, message) => {
  if (message && message.sequence_num !== undefined) {
    sequences.push(Number(message.sequence_num));
  }
  return handle(client, message);
};

// The emulators serve plain ws:// (no TLS); ccxt's own call readies its agent for such URLs.
await exchange.loadHttpProxyAgent();
await user.loadHttpProxyAgent();

await check('server time', async () => {
  const time = await exchange.fetchTime();
  expect(Math.abs(time - Date.now()) < 30000, `time ${time} is not now`);
});
await check('markets', async () => {
  const markets = await exchange.loadMarkets();
  const market = markets[symbol];
  expect(market, `${symbol} not among ${Object.keys(markets).slice(0, 10)}`);
  expect(market.active === true, `${symbol} not active`);
  expect(market.precision.price > 0 && market.precision.amount > 0, `precision ${JSON.stringify(market.precision)}`);
});
await check('ticker', async () => {
  const ticker = await exchange.fetchTicker(symbol);
  expect(ticker.bid > 0 && ticker.ask > 0 && ticker.bid < ticker.ask, `bid ${ticker.bid} ask ${ticker.ask}`);
});
await check('order book', async () => {
  const book = await exchange.fetchOrderBook(symbol, 10);
  expect(book.bids.length > 0 && book.asks.length > 0, 'an empty book');
  expect(book.bids[0][0] < book.asks[0][0], 'a crossed book');
});
await check('trades', async () => {
  const trades = await exchange.fetchTrades(symbol, undefined, 10);
  expect(Array.isArray(trades) && trades.every((t) => t.price > 0 && t.amount > 0), 'a trade without price or amount');
});
await check('candles', async () => {
  const candles = await exchange.fetchOHLCV(symbol, '1m', Date.now() - 3600000, 10);
  expect(Array.isArray(candles), 'no candles');
});
const before = await check(`balance (${label})`, async () => {
  const balance = await exchange.fetchBalance();
  expect(balance.USD && balance.USD.free > 0, `USD ${JSON.stringify(balance.USD)}`);
  return balance.USD.free;
});

const ticker = await exchange.fetchTicker(symbol).catch(() => undefined);
const far = ticker ? exchange.priceToPrecision(symbol, ticker.bid * 0.5) : 1000;
const resting = await check(`create limit order (${label})`, async () => {
  const order = await exchange.createOrder(symbol, 'limit', 'buy', 0.001, far);
  expect(order.id, `no order id: ${JSON.stringify(order).slice(0, 200)}`);
  return order.id;
});
await check(`fetch order (${label})`, async () => {
  const order = await exchange.fetchOrder(resting, symbol);
  expect(order.id === resting && order.status === 'open', `order ${order.id} ${order.status}`);
  expect(order.type === 'limit' && order.price === Number(far), `type ${order.type} price ${order.price}`);
});
await check(`open orders (${label})`, async () => {
  const open = await exchange.fetchOpenOrders(symbol);
  expect(open.some((o) => o.id === resting), 'the resting order is not listed');
});
await check(`cancel order (${label})`, async () => {
  await exchange.cancelOrder(resting, symbol);
  const order = await exchange.fetchOrder(resting, symbol);
  expect(order.status === 'canceled', `status after cancel ${order.status}`);
});
const filled = await check(`market buy by cost (${label})`, async () => {
  const order = await exchange.createMarketBuyOrderWithCost(symbol, 100);
  const after = await exchange.fetchOrder(order.id, symbol);
  expect(after.status === 'closed' && after.filled > 0, `status ${after.status} filled ${after.filled}`);
  return after;
});
await check(`market sell by amount (${label})`, async () => {
  expect(filled, 'nothing bought to sell');
  const order = await exchange.createOrder(symbol, 'market', 'sell', exchange.amountToPrecision(symbol, filled.filled / 2));
  const after = await exchange.fetchOrder(order.id, symbol);
  expect(after.status === 'closed', `status ${after.status}`);
});
await check(`my trades (${label})`, async () => {
  const trades = await exchange.fetchMyTrades(symbol);
  expect(filled && trades.some((t) => t.order === filled.id), 'the market buy has no fill');
  expect(trades.every((t) => t.fee && t.fee.cost >= 0), 'a fill without its fee');
});
await check(`closed orders (${label})`, async () => {
  const closed = await exchange.fetchClosedOrders(symbol);
  expect(filled && closed.some((o) => o.id === filled.id), 'the filled order is not listed');
});
await check(`balance moved (${label})`, async () => {
  const balance = await exchange.fetchBalance();
  expect(before !== undefined && balance.USD.free < before, `USD free ${balance.USD.free}, was ${before}`);
});

await check('watch ticker', async () => {
  const t = await exchange.watchTicker(symbol);
  expect(t.symbol === symbol && t.last > 0, `ticker ${JSON.stringify(t).slice(0, 200)}`);
});
await check('watch trades', async () => {
  const trades = await exchange.watchTrades(symbol);
  expect(trades.length > 0 && trades.every((t) => t.price > 0), 'no trades');
});
await check('watch order book', async () => {
  const first = await exchange.watchOrderBook(symbol);
  expect(first.bids.length > 0 && first.asks.length > 0, 'an empty book');
  const next = await exchange.watchOrderBook(symbol);
  expect(next.bids[0][0] < next.asks[0][0], `a crossed book ${next.bids[0][0]} / ${next.asks[0][0]}`);
});
await check('sequence numbers without gaps', async () => {
  expect(sequences.length > 3, `only ${sequences.length} frames with sequence_num`);
  for (let i = 1; i < sequences.length; i++) {
    expect(sequences[i] === sequences[i - 1] + 1, `sequence_num ${sequences[i - 1]} then ${sequences[i]}`);
  }
});
await check(`watch orders on the user channel (${label})`, async () => {
  const watching = user.watchOrders(symbol);
  watching.catch(() => undefined); // awaited below; this only keeps an early rejection from ending the script
  await new Promise((resolve) => setTimeout(resolve, 300));
  const order = await exchange.createOrder(symbol, 'limit', 'buy', 0.001, far);
  let seen = await watching;
  for (let i = 0; i < 5 && !seen.some((o) => o.id === order.id); i++) {
    seen = await user.watchOrders(symbol);
  }
  expect(seen.some((o) => o.id === order.id), `order ${order.id} not seen; saw ${seen.map((o) => o.id)}`);
  await exchange.cancelOrder(order.id, symbol);
});
await Promise.allSettled([exchange.close(), user.close()]);
done();
