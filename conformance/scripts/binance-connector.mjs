// Binance's own Node connector (@binance/connector) against the simulated Binance, pointed at it by its
// baseURL and wsURL only: the market endpoints, the signed spot trading API (HMAC-SHA256 or Ed25519), the
// market streams (raw and combined, live SUBSCRIBE) and the listen-key user data stream.
import { generateKeyPairSync } from 'node:crypto';
import { Spot, WebsocketStream, PrivateKeyAlgo } from '@binance/connector';
import { check, expect, setting, done } from './checks.mjs';
import { Messages, checkDepthSequence } from './binance-streams.mjs';

const baseURL = setting('BINANCE_REST_URL').replace(/\/$/, '');
const wsURL = setting('BINANCE_WS_URL').replace(/\/$/, '');
const apiKey = setting('BINANCE_API_KEY');
const secret = setting('BINANCE_API_SECRET');
const label = setting('BINANCE_KEY_KIND');
const symbol = process.env.BINANCE_SYMBOL || 'BTCUSDT';
const stream = symbol.toLowerCase();
const quiet = { debug() {}, info() {}, log() {}, warn() {}, error() {} };
const signing = label === 'ed25519' ? { privateKey: secret, privateKeyAlgo: PrivateKeyAlgo.ED25519 } : {};
const client = new Spot(apiKey, label === 'ed25519' ? '' : secret, { baseURL, timeout: 10000, logger: quiet, ...signing });
const anonymous = new Spot('', '', { baseURL, timeout: 10000, logger: quiet });

const code = (error) => error && error.response && error.response.data ? error.response.data.code : undefined;
const orderId = () => `conf-${label}-${Date.now()}-${Math.floor(Math.random() * 1000)}`;

await check('ping', async () => {
  const answer = await anonymous.ping();
  expect(JSON.stringify(answer.data) === '{}', `ping ${JSON.stringify(answer.data)}`);
});
await check('time', async () => {
  const answer = await anonymous.time();
  expect(Math.abs(answer.data.serverTime - Date.now()) < 30000, `serverTime ${answer.data.serverTime}`);
});
const info = await check('exchangeInfo', async () => {
  const answer = await anonymous.exchangeInfo({ symbol });
  const s = answer.data.symbols.find((x) => x.symbol === symbol);
  expect(s && s.status === 'TRADING', `${symbol} ${JSON.stringify(s).slice(0, 120)}`);
  const filter = (type) => s.filters.find((f) => f.filterType === type);
  expect(filter('PRICE_FILTER') && filter('LOT_SIZE') && (filter('NOTIONAL') || filter('MIN_NOTIONAL')), 'a filter is missing');
  expect(s.orderTypes.includes('LIMIT') && s.orderTypes.includes('MARKET') && s.orderTypes.includes('LIMIT_MAKER'), `orderTypes ${s.orderTypes}`);
  return { tick: filter('PRICE_FILTER').tickSize, step: filter('LOT_SIZE').stepSize };
});
await check('used-weight header', async () => {
  const answer = await anonymous.depth(symbol, { limit: 5 });
  expect(Number(answer.headers['x-mbx-used-weight-1m']) > 0, `headers ${JSON.stringify(answer.headers).slice(0, 200)}`);
});
const book = await check('depth', async () => {
  const answer = await anonymous.depth(symbol, { limit: 10 });
  const d = answer.data;
  expect(d.lastUpdateId > 0 && d.bids.length > 0 && d.asks.length > 0, 'an empty book');
  expect(Number(d.bids[0][0]) < Number(d.asks[0][0]), 'a crossed book');
  return { bid: Number(d.bids[0][0]), ask: Number(d.asks[0][0]) };
});
await check('trades', async () => {
  const answer = await anonymous.trades(symbol, { limit: 10 });
  expect(answer.data.length > 0 && answer.data.every((t) => t.id !== undefined && Number(t.price) > 0), 'no trades');
});
await check('klines', async () => {
  const answer = await anonymous.klines(symbol, '1m', { limit: 5 });
  expect(Array.isArray(answer.data) && answer.data.every((k) => k.length >= 11), `klines ${JSON.stringify(answer.data).slice(0, 120)}`);
});
await check('ticker/24hr', async () => {
  const answer = await anonymous.ticker24hr(symbol);
  expect(answer.data.symbol === symbol && Number(answer.data.lastPrice) > 0, `ticker ${JSON.stringify(answer.data).slice(0, 120)}`);
});
await check('ticker/bookTicker', async () => {
  const answer = await anonymous.bookTicker(symbol);
  expect(Number(answer.data.bidPrice) > 0 && Number(answer.data.bidPrice) < Number(answer.data.askPrice), `bookTicker ${JSON.stringify(answer.data)}`);
});

const usdt = (account) => Number((account.balances.find((b) => b.asset === 'USDT') || { free: 0 }).free);
const before = await check(`account (${label})`, async () => {
  const answer = await client.account();
  expect(Array.isArray(answer.data.balances) && usdt(answer.data) > 0, `balances ${JSON.stringify(answer.data.balances).slice(0, 200)}`);
  expect(answer.data.commissionRates !== undefined, 'no commissionRates');
  return usdt(answer.data);
});
await check(`bad signature is -1022 (${label})`, async () => {
  const otherKey = generateKeyPairSync('ed25519').privateKey.export({ type: 'pkcs8', format: 'pem' });
  const wrong = label === 'ed25519' ?
    new Spot(apiKey, '', { baseURL, logger: quiet, privateKey: otherKey, privateKeyAlgo: PrivateKeyAlgo.ED25519 }) :
    new Spot(apiKey, secret + 'x', { baseURL, logger: quiet });
  const error = await wrong.account().then(() => undefined, (e) => e);
  expect(code(error) === -1022, `answered ${error ? JSON.stringify(error.response && error.response.data) : 'success'}`);
});
await check(`unknown API key is -2014 or -2015 (${label})`, async () => {
  const stranger = new Spot('no-such-key', 'no-such-secret', { baseURL, logger: quiet });
  const error = await stranger.account().then(() => undefined, (e) => e);
  expect([-2014, -2015].includes(code(error)), `answered ${error ? JSON.stringify(error.response && error.response.data) : 'success'}`);
});

const far = book ? (Math.floor(book.bid * 0.5)).toFixed(2) : '30000.00';
await check(`order/test (${label})`, async () => {
  const answer = await client.newOrderTest(symbol, 'BUY', 'LIMIT', { price: far, quantity: '0.001', timeInForce: 'GTC' });
  expect(JSON.stringify(answer.data) === '{}', `order/test ${JSON.stringify(answer.data)}`);
});
const restingClientId = orderId();
const resting = await check(`new LIMIT GTC (${label})`, async () => {
  const answer = await client.newOrder(symbol, 'BUY', 'LIMIT',
    { price: far, quantity: '0.001', timeInForce: 'GTC', newClientOrderId: restingClientId });
  expect(answer.data.orderId !== undefined && answer.data.status === 'NEW', `order ${JSON.stringify(answer.data).slice(0, 200)}`);
  return answer.data.orderId;
});
await check(`query order by id and client id (${label})`, async () => {
  const byId = (await client.getOrder(symbol, { orderId: resting })).data;
  const byClientId = (await client.getOrder(symbol, { origClientOrderId: restingClientId })).data;
  expect(byId.orderId === resting && byClientId.orderId === resting && byId.status === 'NEW', `orders ${byId.orderId} ${byClientId.orderId}`);
});
await check(`duplicate newClientOrderId is -2010 (${label})`, async () => {
  const error = await client.newOrder(symbol, 'BUY', 'LIMIT',
    { price: far, quantity: '0.001', timeInForce: 'GTC', newClientOrderId: restingClientId }).then(() => undefined, (e) => e);
  expect(code(error) === -2010, `answered ${error ? JSON.stringify(error.response && error.response.data) : 'success'}`);
});
await check(`price off the tick is -1013 (${label})`, async () => {
  const error = await client.newOrder(symbol, 'BUY', 'LIMIT', { price: `${far}1`, quantity: '0.001', timeInForce: 'GTC' })
    .then(() => undefined, (e) => e);
  expect(code(error) === -1013, `answered ${error ? JSON.stringify(error.response && error.response.data) : 'success'}`);
});
await check(`openOrders (${label})`, async () => {
  const answer = await client.openOrders({ symbol });
  expect(answer.data.some((o) => o.orderId === resting), 'the resting order is not listed');
});
await check(`cancel order (${label})`, async () => {
  const answer = await client.cancelOrder(symbol, { orderId: resting });
  expect(answer.data.status === 'CANCELED', `cancel ${JSON.stringify(answer.data).slice(0, 200)}`);
});
await check(`unknown order is -2013 (${label})`, async () => {
  const error = await client.getOrder(symbol, { orderId: 987654321 }).then(() => undefined, (e) => e);
  expect(code(error) === -2013, `answered ${error ? JSON.stringify(error.response && error.response.data) : 'success'}`);
});

// The user data stream is opened before the market order so that its events are seen.
const userEvents = new Messages();
const listenKey = await check(`userDataStream listen key (${label})`, async () => {
  const answer = await client.createListenKey();
  expect(typeof answer.data.listenKey === 'string' && answer.data.listenKey.length > 0, `answer ${JSON.stringify(answer.data)}`);
  await client.renewListenKey(answer.data.listenKey);
  return answer.data.listenKey;
});
const userStream = new WebsocketStream({ wsURL, logger: quiet, callbacks: { message: (m) => userEvents.push(m) } });
if (listenKey) {
  userStream.userData(listenKey);
  await new Promise((resolve) => setTimeout(resolve, 500));
}
const bought = await check(`MARKET by quoteOrderQty, FULL (${label})`, async () => {
  const answer = await client.newOrder(symbol, 'BUY', 'MARKET', { quoteOrderQty: '100', newOrderRespType: 'FULL' });
  const o = answer.data;
  expect(o.status === 'FILLED' && Number(o.executedQty) > 0, `order ${JSON.stringify(o).slice(0, 200)}`);
  expect(o.fills.length > 0 && o.fills.every((f) => Number(f.price) > 0 && f.commission !== undefined), 'fills without price or commission');
  return o;
});
await check(`executionReport on the user stream (${label})`, async () => {
  expect(bought, 'no order to see');
  const report = await userEvents.next((m) => m.e === 'executionReport' && m.i === bought.orderId && m.X === 'FILLED');
  for (const field of ['s', 'c', 'S', 'o', 'f', 'q', 'p', 'x', 'X', 'i', 'l', 'z', 'L', 'n', 'N', 'T', 't', 'E', 'O', 'Z']) {
    expect(field in report, `executionReport without ${field}`);
  }
});
await check(`outboundAccountPosition on the user stream (${label})`, async () => {
  const position = await userEvents.next((m) => m.e === 'outboundAccountPosition');
  expect(Array.isArray(position.B) && position.B.some((b) => b.a === 'USDT'), `position ${JSON.stringify(position).slice(0, 200)}`);
});
await check(`MARKET SELL by quantity (${label})`, async () => {
  expect(bought, 'nothing bought to sell');
  const answer = await client.newOrder(symbol, 'SELL', 'MARKET', { quantity: bought.executedQty, newOrderRespType: 'RESULT' });
  expect(answer.data.status === 'FILLED', `order ${JSON.stringify(answer.data).slice(0, 200)}`);
});
await check(`myTrades (${label})`, async () => {
  const answer = await client.myTrades(symbol);
  expect(bought && answer.data.some((t) => t.orderId === bought.orderId && t.isBuyer === true), 'the market buy has no trade');
});
await check(`allOrders (${label})`, async () => {
  const answer = await client.allOrders(symbol);
  const ids = answer.data.map((o) => o.orderId);
  expect(ids.includes(resting) && bought && ids.includes(bought.orderId), `orders ${ids}`);
});
await check(`balance moved (${label})`, async () => {
  const after = usdt((await client.account()).data);
  expect(before !== undefined && after < before, `USDT free ${after}, was ${before}`);
});
if (listenKey) {
  userStream.disconnect();
  await check(`close listen key (${label})`, async () => {
    await client.closeListenKey(listenKey);
  });
}

// Market streams: raw, combined, live SUBSCRIBE, and the depth diffs against a snapshot.
const market = new Messages();
const raw = new WebsocketStream({ wsURL, logger: quiet, callbacks: { message: (m) => market.push(m) } });
raw.trade(symbol);
await check('stream trade', async () => {
  const t = await market.next((m) => m.e === 'trade');
  expect(t.s === symbol && Number(t.p) > 0 && t.t !== undefined && typeof t.m === 'boolean', `trade ${JSON.stringify(t)}`);
});
await check('live SUBSCRIBE answers result null', async () => {
  raw.subscribe([`${stream}@bookTicker`, `${stream}@aggTrade`]);
  const answer = await market.next((m) => m.id !== undefined && 'result' in m);
  expect(answer.result === null, `answer ${JSON.stringify(answer)}`);
});
await check('stream bookTicker', async () => {
  const b = await market.next((m) => m.u !== undefined && m.b !== undefined && m.A !== undefined);
  expect(b.s === symbol && Number(b.b) < Number(b.a), `bookTicker ${JSON.stringify(b)}`);
});
await check('stream aggTrade', async () => {
  const a = await market.next((m) => m.e === 'aggTrade');
  expect(a.s === symbol && a.a !== undefined && Number(a.p) > 0, `aggTrade ${JSON.stringify(a)}`);
});
raw.disconnect();

const combined = new Messages();
const multi = new WebsocketStream({ wsURL, combinedStreams: true, logger: quiet, callbacks: { message: (m) => combined.push(m) } });
multi.subscribe([`${stream}@depth@100ms`, `${stream}@kline_1m`, `${stream}@miniTicker`, `${stream}@ticker`]);
await check('combined stream envelope', async () => {
  const m = await combined.next((x) => x.stream !== undefined && x.data !== undefined);
  expect(m.stream.startsWith(stream), `stream ${m.stream}`);
});
await check('stream kline_1m', async () => {
  const m = await combined.next((x) => x.data && x.data.e === 'kline');
  expect(m.data.k && m.data.k.i === '1m' && m.data.k.s === symbol, `kline ${JSON.stringify(m.data).slice(0, 200)}`);
});
await check('stream miniTicker and ticker', async () => {
  await combined.next((x) => x.data && x.data.e === '24hrMiniTicker');
  await combined.next((x) => x.data && x.data.e === '24hrTicker');
});
await check('depth@100ms diffs continue the REST snapshot', async () => {
  await combined.next((x) => x.data && x.data.e === 'depthUpdate');
  const snapshot = (await anonymous.depth(symbol, { limit: 1000 })).data;
  await new Promise((resolve) => setTimeout(resolve, 1500));
  const diffs = combined.seen.filter((x) => x.data && x.data.e === 'depthUpdate').map((x) => x.data);
  checkDepthSequence(snapshot, diffs);
});
multi.disconnect();
done();
