// ccxt (REST and its WebSocket "pro" methods) against the simulated Binance, pointed at it by its URLs only.
// ccxt's defaults also load the futures markets (fapi, dapi), the wallet's currencies and the margin pairs
// (sapi), which are not the spot API: its own options keep it to spot. ccxt checks each depth diff's U against
// the last u itself, so a gap in the book stream fails watchOrderBook.
import ccxt from 'ccxt';
import { setting, done } from './checks.mjs';
import { tradeLikeABot } from './ccxt-bot.mjs';

const rest = setting('BINANCE_REST_URL').replace(/\/$/, '');
const ws = setting('BINANCE_WS_URL').replace(/\/$/, '');
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

await tradeLikeABot(exchange, { symbol: 'BTC/USDT', quote: 'USDT', label: setting('BINANCE_KEY_KIND') });
await exchange.close().catch(() => undefined);
done();
