// Coinbase's own TypeScript SDK (@coinbase-sample/advanced-trade-sdk-ts) against the Coinbase emulator,
// pointed at it by its base path only. Request fields are passed as the API documents them (snake_case):
// the SDK forwards whatever keys it is given (its TypeScript types name them in camelCase).
import sdk from '@coinbase-sample/advanced-trade-sdk-ts/dist/index.js';
import { check, expect, setting, done } from './checks.mjs';

const base = setting('COINBASE_REST_URL').replace(/\/$/, '') + '/api/v3/brokerage/';
const product = process.env.COINBASE_PRODUCT || 'BTC-USD';
const keyName = setting('COINBASE_KEY_NAME');
const privateKey = setting('COINBASE_PRIVATE_KEY');
const label = process.env.COINBASE_KEY_LABEL || 'key';

const anonymous = new sdk.CoinbaseAdvTradeClient(undefined, base);
const signed = new sdk.CoinbaseAdvTradeClient(new sdk.CoinbaseAdvTradeCredentials(keyName, privateKey), base);
const pub = new sdk.PublicService(anonymous);
const products = new sdk.ProductsService(signed);
const accounts = new sdk.AccountsService(signed);
const orders = new sdk.OrdersService(signed);
const fees = new sdk.FeesService(signed);
const portfolios = new sdk.PortfoliosService(signed);

const positive = (text) => Number(text) > 0;

await check('public time', async () => {
  const time = await pub.getServerTime({});
  expect(Math.abs(Number(time.epochSeconds) - Date.now() / 1000) < 30, `epochSeconds ${time.epochSeconds} is not now`);
  expect(typeof time.iso === 'string', 'no iso');
});
await check('public products', async () => {
  const answer = await pub.listProducts({});
  const p = (answer.products || []).find((x) => x.productId === product);
  expect(p, `${product} not among ${(answer.products || []).map((x) => x.productId)}`);
  expect(positive(p.baseIncrement) && positive(p.quoteIncrement), `increments ${p.baseIncrement}/${p.quoteIncrement}`);
  expect(p.status === 'online', `status ${p.status}`);
});
await check('public product', async () => {
  const p = await pub.getProduct({ productId: product });
  expect(p.productId === product && positive(p.price), `product ${JSON.stringify(p).slice(0, 200)}`);
});
await check('public product_book', async () => {
  const answer = await pub.getProductBook({ product_id: product, limit: 10 });
  const book = answer.pricebook;
  expect(book && book.bids.length > 0 && book.asks.length > 0, 'an empty book');
  expect(Number(book.bids[0].price) < Number(book.asks[0].price), 'a crossed book');
});
await check('public market trades', async () => {
  const answer = await pub.getProductMarketTrades({ productId: product, limit: 10 });
  expect(Array.isArray(answer.trades), 'no trades array');
  expect(answer.trades.every((t) => t.productId === product && positive(t.price)), 'a trade without product or price');
});
await check('public candles', async () => {
  const end = Math.floor(Date.now() / 1000);
  const answer = await pub.getProductCandles({ productId: product, start: String(end - 3600), end: String(end), granularity: 'ONE_MINUTE' });
  expect(Array.isArray(answer.candles), 'no candles array');
});

const usd = await check(`accounts (${label})`, async () => {
  const answer = await accounts.listAccounts({});
  const wallet = (answer.accounts || []).find((a) => a.currency === 'USD');
  expect(wallet, 'no USD account');
  for (const field of ['uuid', 'name', 'availableBalance', 'default', 'active', 'type', 'ready', 'hold']) {
    expect(field in wallet, `USD account without ${field}`);
  }
  return wallet;
});
await check(`account by uuid (${label})`, async () => {
  expect(usd, 'no account to look up');
  const answer = await accounts.getAccount({ accountUuid: usd.uuid });
  expect(answer.account && answer.account.uuid === usd.uuid, `account ${JSON.stringify(answer).slice(0, 200)}`);
});
await check(`products (${label})`, async () => {
  const answer = await products.listProducts({});
  expect((answer.products || []).some((x) => x.productId === product), `${product} not listed`);
});
const bestBidAsk = await check(`best_bid_ask (${label})`, async () => {
  const answer = await products.getBestBidAsk({ product_ids: [product] });
  const book = (answer.pricebooks || []).find((b) => b.productId === product);
  expect(book && book.bids.length > 0 && book.asks.length > 0, 'no best bid and ask');
  return { bid: Number(book.bids[0].price), ask: Number(book.asks[0].price) };
});
await check(`product_book (${label})`, async () => {
  const answer = await products.getProductBook({ product_id: product, limit: 5 });
  expect(answer.pricebook && answer.pricebook.productId === product, 'no pricebook');
});

const far = bestBidAsk ? (bestBidAsk.bid * 0.5).toFixed(2) : '1000.00';
await check(`orders/preview (${label})`, async () => {
  const answer = await orders.createOrderPreview({ product_id: product, side: 'BUY',
    order_configuration: { limit_limit_gtc: { base_size: '0.001', limit_price: far, post_only: false } } });
  expect(answer.previewId !== undefined || answer.orderTotal !== undefined, `preview ${JSON.stringify(answer).slice(0, 200)}`);
});
const resting = await check(`create limit GTC (${label})`, async () => {
  const answer = await orders.createOrder({ client_order_id: `sdk-${label}-${Date.now()}`, product_id: product, side: 'BUY',
    order_configuration: { limit_limit_gtc: { base_size: '0.001', limit_price: far, post_only: false } } });
  expect(answer.success === true && answer.successResponse, `create ${JSON.stringify(answer).slice(0, 300)}`);
  return answer.successResponse.orderId;
});
await check(`get order (${label})`, async () => {
  const answer = await orders.getOrder({ orderId: resting });
  expect(answer.order && answer.order.orderId === resting, `order ${JSON.stringify(answer).slice(0, 200)}`);
  expect(answer.order.status === 'OPEN', `status ${answer.order.status}`);
  expect(answer.order.orderConfiguration && answer.order.orderConfiguration.limitLimitGtc, 'no limit_limit_gtc configuration');
});
await check(`list open orders (${label})`, async () => {
  const answer = await orders.listOrders({ order_status: ['OPEN'], product_ids: [product] });
  expect((answer.orders || []).some((o) => o.orderId === resting), 'the resting order is not listed');
  expect((answer.orders || []).every((o) => o.status === 'OPEN'), 'a listed order is not OPEN');
});
await check(`edit order (${label})`, async () => {
  const answer = await orders.editOrder({ order_id: resting, price: (Number(far) - 1).toFixed(2), size: '0.001' });
  expect(answer.success === true, `edit ${JSON.stringify(answer).slice(0, 200)}`);
});
await check(`cancel order (${label})`, async () => {
  const answer = await orders.cancelOrders({ order_ids: [resting] });
  expect(answer.results && answer.results[0].success === true, `cancel ${JSON.stringify(answer).slice(0, 200)}`);
  const after = await orders.getOrder({ orderId: resting });
  expect(after.order.status === 'CANCELLED', `status after cancel ${after.order.status}`);
});
const filled = await check(`market buy by quote_size (${label})`, async () => {
  const answer = await orders.createOrder({ client_order_id: `sdk-mkt-${label}-${Date.now()}`, product_id: product, side: 'BUY',
    order_configuration: { market_market_ioc: { quote_size: '100' } } });
  expect(answer.success === true, `create ${JSON.stringify(answer).slice(0, 300)}`);
  const id = answer.successResponse.orderId;
  const order = (await orders.getOrder({ orderId: id })).order;
  expect(order.status === 'FILLED', `status ${order.status}`);
  return id;
});
await check(`fills (${label})`, async () => {
  const answer = await orders.listFills({ order_ids: [filled] });
  const fills = answer.fills || [];
  expect(fills.length > 0 && fills.every((f) => f.orderId === filled), `fills ${JSON.stringify(answer).slice(0, 200)}`);
  expect(fills.every((f) => positive(f.price) && positive(f.size) && f.commission !== undefined), 'a fill without price, size or commission');
});
await check(`balance moved by the fill and fee (${label})`, async () => {
  expect(usd && filled, 'no starting balance or no fill');
  const after = (await accounts.getAccount({ accountUuid: usd.uuid })).account;
  const spent = Number(usd.availableBalance.value) - Number(after.availableBalance.value);
  expect(spent > 99 && spent < 102, `USD available moved by ${spent}, not 100 plus the fee`);
});
await check(`transaction_summary (${label})`, async () => {
  const answer = await fees.getTransactionSummary({});
  expect(answer.feeTier !== undefined, `summary ${JSON.stringify(answer).slice(0, 200)}`);
});
await check(`portfolios (${label})`, async () => {
  const answer = await portfolios.listPortfolios({});
  expect((answer.portfolios || []).length > 0, 'no portfolio');
});
done();
