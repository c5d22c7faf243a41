// ccxt (REST and its WebSocket "pro" methods) against the Coinbase emulator, pointed at it by its URLs only.
// ccxt's defaults reach for the Coinbase App v2 API (/v2/time, /v2/accounts, /v2/currencies), which is not the
// Advanced Trade API: ccxt's own options select the Advanced Trade endpoints instead. ccxt speaks to one
// WebSocket host; the venue documents the user channel on a host of its own, so a second instance names it.
import ccxt from 'ccxt';
import { check, expect, setting, done } from './checks.mjs';
import { tradeLikeABot } from './ccxt-bot.mjs';

const config = (ws) => ({
  apiKey: setting('COINBASE_KEY_NAME'),
  secret: setting('COINBASE_PRIVATE_KEY'),
  urls: { api: { rest: setting('COINBASE_REST_URL').replace(/\/$/, ''), ws } },
  has: { fetchCurrencies: false },
  options: { fetchBalance: 'v3PrivateGetBrokerageAccounts', fetchTime: 'v3PublicGetBrokerageTime' },
  timeout: 10000,
});
const exchange = new ccxt.pro.coinbase(config(setting('COINBASE_WS_URL')));
const users = new ccxt.pro.coinbase(config(setting('COINBASE_USER_WS_URL')));
// The emulators serve plain ws:// (no TLS); ccxt's own call readies its agent for such URLs.
await exchange.loadHttpProxyAgent();
await users.loadHttpProxyAgent();

// ccxt does not check sequence_num: the frames it receives are observed here, one counter per connection.
const sequences = [];
const handle = exchange.handleMessage.bind(exchange);
exchange.handleMessage = (client, message) => {
  if (message && message.sequence_num !== undefined) {
    sequences.push(Number(message.sequence_num));
  }
  return handle(client, message);
};

const symbol = (process.env.COINBASE_PRODUCT || 'BTC-USD').replace('-', '/');
await tradeLikeABot(exchange, { symbol, quote: 'USD', label: process.env.COINBASE_KEY_LABEL || 'key', users });
await check('sequence numbers without gaps', async () => {
  expect(sequences.length > 3, `only ${sequences.length} frames with sequence_num`);
  for (let i = 1; i < sequences.length; i++) {
    expect(sequences[i] === sequences[i - 1] + 1, `sequence_num ${sequences[i - 1]} then ${sequences[i]}`);
  }
});
// The venue answers a user subscribe on the market-data host with an error frame; ccxt rejects the watch with it.
// Only with an ECDSA key: ccxt signs WebSocket JWTs with ES256 alone.
const marketHost = new ccxt.pro.coinbase(config(setting('COINBASE_WS_URL')));
if (process.env.COINBASE_KEY_LABEL === 'ecdsa') {
  await marketHost.loadHttpProxyAgent();
  await check('user channel on the market-data host is refused', async () => {
    const error = await marketHost.watchOrders(symbol).then(() => undefined, (e) => e);
    expect(error && /user-data/.test(error.message), `answered ${error ? error.message : 'orders'}`);
  });
}
await Promise.allSettled([exchange.close(), users.close(), marketHost.close()]);
done();
