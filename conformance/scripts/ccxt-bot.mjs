// What a trading bot does through ccxt's unified API, the same calls on every venue: markets, ticker, book,
// trades, candles, balance, create/get/list/cancel orders, a market round trip, fills, and the streams for
// ticker, trades, book and the bot's own orders. The venue scripts configure the exchange and call this.
import { check, expect } from './checks.mjs';

/**
 * Runs the bot's checks on exchange for symbol; quote is the currency the balance is read in, label the key kind,
 * users the instance whose watchOrders reaches the venue's user stream (exchange itself where it is one host).
 */
export async function tradeLikeABot(exchange, { symbol, quote, label, users = exchange }) {
  await check('server time', async () => {
    const time = await exchange.fetchTime();
    expect(Math.abs(time - Date.now()) < 30000, `time ${time} is not now`);
  });
  await check('markets', async () => {
    const markets = await exchange.loadMarkets();
    const market = markets[symbol];
    expect(market && market.active === true && market.spot, `${symbol}: ${JSON.stringify(market).slice(0, 160)}`);
    expect(market.precision.price > 0 && market.precision.amount > 0, `precision ${JSON.stringify(market.precision)}`);
  });
  const ticker = await check('ticker', async () => {
    const t = await exchange.fetchTicker(symbol);
    expect(t.bid > 0 && t.ask > 0 && t.bid < t.ask, `bid ${t.bid} ask ${t.ask}`);
    return t;
  });
  await check('order book', async () => {
    const book = await exchange.fetchOrderBook(symbol, 10);
    expect(book.bids.length > 0 && book.asks.length > 0, 'an empty book');
    expect(book.bids[0][0] < book.asks[0][0], 'a crossed book');
  });
  await check('trades', async () => {
    const trades = await exchange.fetchTrades(symbol, undefined, 10);
    expect(trades.length > 0 && trades.every((t) => t.price > 0 && t.amount > 0), 'no trades, or one without price or amount');
  });
  await check('candles', async () => {
    const candles = await exchange.fetchOHLCV(symbol, '1m', Date.now() - 3600000, 10);
    expect(Array.isArray(candles) && candles.every((c) => c.length === 6), 'no candles');
  });
  const before = await check(`balance (${label})`, async () => {
    const balance = await exchange.fetchBalance();
    expect(balance[quote] && balance[quote].free > 0, `${quote} ${JSON.stringify(balance[quote])}`);
    return balance[quote].free;
  });

  const far = ticker ? exchange.priceToPrecision(symbol, ticker.bid * 0.5) : undefined;
  const resting = await check(`create limit order (${label})`, async () => {
    expect(far !== undefined, 'no ticker to price the order from');
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
  const bought = await check(`market buy by cost (${label})`, async () => {
    const order = await exchange.createMarketBuyOrderWithCost(symbol, 100);
    const after = await exchange.fetchOrder(order.id, symbol);
    expect(after.status === 'closed' && after.filled > 0, `status ${after.status} filled ${after.filled}`);
    return after;
  });
  await check(`market sell by amount (${label})`, async () => {
    expect(bought, 'nothing bought to sell');
    const order = await exchange.createOrder(symbol, 'market', 'sell', exchange.amountToPrecision(symbol, bought.filled / 2));
    const after = await exchange.fetchOrder(order.id, symbol);
    expect(after.status === 'closed', `status ${after.status}`);
  });
  await check(`my trades (${label})`, async () => {
    const trades = await exchange.fetchMyTrades(symbol);
    expect(bought && trades.some((t) => t.order === bought.id), 'the market buy has no fill');
    expect(trades.every((t) => t.fee && t.fee.cost >= 0), 'a fill without its fee');
  });
  await check(`closed orders (${label})`, async () => {
    const closed = await exchange.fetchClosedOrders(symbol);
    expect(bought && closed.some((o) => o.id === bought.id), 'the filled order is not listed');
  });
  await check(`balance moved (${label})`, async () => {
    const balance = await exchange.fetchBalance();
    expect(before !== undefined && balance[quote].free < before, `${quote} free ${balance[quote].free}, was ${before}`);
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
  }, 20000);
  await check(`watch orders (${label})`, async () => {
    expect(far !== undefined, 'no ticker to price the order from');
    const watching = users.watchOrders(symbol);
    watching.catch(() => undefined); // awaited below; this only keeps an early rejection from ending the script
    await new Promise((resolve) => setTimeout(resolve, 500));
    const order = await exchange.createOrder(symbol, 'limit', 'buy', 0.001, far);
    let seen = await watching;
    for (let i = 0; i < 5 && !seen.some((o) => o.id === order.id); i++) {
      seen = await users.watchOrders(symbol);
    }
    expect(seen.some((o) => o.id === order.id), `order ${order.id} not seen; saw ${seen.map((o) => o.id)}`);
    await exchange.cancelOrder(order.id, symbol);
  });
}
