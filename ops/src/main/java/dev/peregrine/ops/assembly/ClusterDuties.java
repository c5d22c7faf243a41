package dev.peregrine.ops.assembly;

import dev.peregrine.cluster.LeaderDuties;
import dev.peregrine.gateway.venue.DemoExchange;
import dev.peregrine.gateway.venue.LiveVenue;
import dev.peregrine.gateway.venue.MarketDataFeed;

import java.util.function.Supplier;

/**
 * What a cluster member runs while it leads, wired from the same options as a single node ({@link VenueWiring}): the
 * venue's market-data feed (or a feed from the simulated exchange beside the member) and, live, the venue's order
 * path. Built fresh for each leadership term, since a closed feed or order path does not start again.
 *
 * <p>A simulated market is started with the member, on every member: the one its leader reads goes on generating while
 * others lead, like a real venue; starting it here rather than on the service thread (where the supplier is called)
 * keeps a bind off the thread that applies the log.
 */
final class ClusterDuties implements Supplier<LeaderDuties>, AutoCloseable
{
    private final EngineOptions options;
    private final DemoExchange exchange;

    ClusterDuties(final EngineOptions options)
    {
        this.options = options;
        this.exchange = VenueWiring.simulatedExchange(options);
        if (exchange != null)
        {
            exchange.start();
        }
    }

    @Override
    public LeaderDuties get()
    {
        final MarketDataFeed feed = exchange != null ? exchange.feed(options.settings().products()) : VenueWiring.feed(options);
        return new Built(feed, VenueWiring.liveVenue(options));
    }

    /** The simulated exchange the leader reads, or null against a real venue. */
    DemoExchange exchange()
    {
        return exchange;
    }

    @Override
    public void close()
    {
        if (exchange != null)
        {
            exchange.close();
        }
    }

    private record Built(MarketDataFeed marketData, LiveVenue liveVenue) implements LeaderDuties
    {
    }
}
