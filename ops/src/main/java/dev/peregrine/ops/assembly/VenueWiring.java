package dev.peregrine.ops.assembly;

import dev.peregrine.gateway.coinbase.CoinbaseClientConfig;
import dev.peregrine.gateway.coinbase.orders.CoinbaseCredentials;
import dev.peregrine.gateway.sim.SimulatedExchange;
import dev.peregrine.gateway.sim.SimulatedExchangeConfig;
import dev.peregrine.ops.demo.BinanceDemoExchange;
import dev.peregrine.ops.demo.CoinbaseDemoExchange;
import dev.peregrine.ops.demo.DemoExchange;
import dev.peregrine.ops.demo.ReplayCapture;
import dev.peregrine.ops.engine.BinanceFeed;
import dev.peregrine.ops.engine.CoinbaseFeed;
import dev.peregrine.ops.engine.CoinbaseLiveVenue;
import dev.peregrine.ops.engine.MarketDataFeed;
import dev.peregrine.ops.sim.SimCredentials;
import dev.peregrine.ops.sim.SimVenue;

import java.util.List;

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

    /** The simulated Coinbase exchange with its order emulator ({@code sim}): a replayed capture or a generated market. */
    static SimVenue simulator(final ReplayCapture capture, final List<String> products, final String bind,
        final int marketDataPort, final long seed, final int tradesPerSecond, final SimCredentials credentials,
        final String advertisedHost)
    {
        final SimulatedExchange market = capture != null ?
            SimulatedExchange.replaying(capture.file(), capture.speed(), bind, marketDataPort) :
            new SimulatedExchange(SimulatedExchangeConfig.forProducts(products).withHost(bind).withPort(marketDataPort)
                .withSeed(seed).withTradesPerSecond(tradesPerSecond));
        return new SimVenue(market, credentials, products, bind, advertisedHost);
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
