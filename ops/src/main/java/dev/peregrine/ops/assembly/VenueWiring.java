package dev.peregrine.ops.assembly;

import dev.peregrine.gateway.coinbase.sim.SimCredentials;
import dev.peregrine.gateway.coinbase.sim.SimVenue;
import dev.peregrine.gateway.sim.SimulatedExchange;
import dev.peregrine.gateway.sim.SimulatedExchangeConfig;
import dev.peregrine.gateway.venue.DemoExchange;
import dev.peregrine.gateway.venue.LiveVenue;
import dev.peregrine.gateway.venue.MarketDataFeed;
import dev.peregrine.gateway.venue.ReplayCapture;
import dev.peregrine.gateway.venue.VenueRegistry;

import java.util.List;

/**
 * Where the assembly reaches the venues: feeds, the live venue and the demo's simulated exchanges come from the
 * {@link VenueRegistry} by the configured venue's name, so ops names no venue's classes for them. The exception is
 * {@code peregrine sim}, the simulated Coinbase exchange with its order emulator, built here from the Coinbase
 * simulator's classes.
 */
final class VenueWiring
{
    private VenueWiring()
    {
    }

    private static final VenueRegistry VENUES = VenueRegistry.standard();

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
        return VENUES.venue(options.venue()).generated(options.settings().products(), options.seed(), options.tradesPerSecond());
    }

    /** Market data from the real venue at {@link EngineOptions#marketDataUrl()}. */
    static MarketDataFeed feed(final EngineOptions options)
    {
        return VENUES.venue(options.venue()).marketData(options.marketDataUrl(), options.restUrl(), options.settings().products());
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
    static LiveVenue liveVenue(final EngineOptions options)
    {
        if (!options.settings().liveVenue())
        {
            return null;
        }
        return VENUES.venue(options.venue()).liveVenue(options.restUrl(), options.userChannelUrl(), options.apiKeyName(),
            options.apiSecret(), "configuration");
    }
}
