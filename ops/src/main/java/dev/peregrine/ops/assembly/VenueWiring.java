package dev.peregrine.ops.assembly;

import dev.peregrine.gateway.coinbase.CoinbaseClientConfig;
import dev.peregrine.gateway.orders.CoinbaseCredentials;
import dev.peregrine.ops.demo.BinanceDemoExchange;
import dev.peregrine.ops.demo.CoinbaseDemoExchange;
import dev.peregrine.ops.demo.DemoExchange;
import dev.peregrine.ops.engine.BinanceFeed;
import dev.peregrine.ops.engine.CoinbaseFeed;
import dev.peregrine.ops.engine.CoinbaseLiveVenue;
import dev.peregrine.ops.engine.MarketDataFeed;

/**
 * The one spot in ops that constructs a venue's classes (feeds, the live venue, the simulated exchanges):
 * every other ops class reaches a venue through here, so the venue registry replaces this class alone.
 */
final class VenueWiring
{
    private VenueWiring()
    {
    }

    /** The venue's simulated exchange (a replayed capture or a generated market), not started; null for a real venue. */
    static DemoExchange simulatedExchange(final EngineOptions options)
    {
        if (options.marketDataUrl() != null)
        {
            return null;
        }
        if (options.replay() != null)
        {
            return options.replay().serve();
        }
        if ("binance".equals(options.venue()))
        {
            return BinanceDemoExchange.generated(options.settings().products(), options.seed());
        }
        return CoinbaseDemoExchange.generated(options.settings().products(), options.seed(), options.tradesPerSecond());
    }

    /** Market data from the real venue at {@link EngineOptions#marketDataUrl()}. */
    static MarketDataFeed feed(final EngineOptions options)
    {
        if ("binance".equals(options.venue()))
        {
            return new BinanceFeed(options.marketDataUrl(), options.restUrl(), options.settings().products());
        }
        return new CoinbaseFeed(options.marketDataUrl(), options.settings().products(), CoinbaseClientConfig.defaults());
    }

    /** Where orders go when the settings say live; null for the paper venue. */
    static CoinbaseLiveVenue liveVenue(final EngineOptions options)
    {
        if (!options.settings().liveVenue())
        {
            return null;
        }
        return new CoinbaseLiveVenue(options.restUrl(), options.restUrl().getHost(), options.userChannelUrl(),
            CoinbaseCredentials.of(options.apiKeyName(), options.apiSecret(), "configuration"));
    }
}
