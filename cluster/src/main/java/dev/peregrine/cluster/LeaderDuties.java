package dev.peregrine.cluster;

import dev.peregrine.gateway.venue.LiveVenue;
import dev.peregrine.gateway.venue.MarketDataFeed;

/**
 * What a member runs while it leads, built fresh each time it becomes leader (a feed or order path, once closed, is
 * not started again) and closed when it stops leading. Followers stand by with neither: market data comes from one
 * connection, the leader's, so the log has one sequence of it and nothing to de-duplicate across members; the cost
 * is a reconnect and a fresh book on failover.
 */
public interface LeaderDuties
{
    /** The venue's market-data feed; it publishes into the leader's ingress ring. */
    MarketDataFeed marketData();

    /**
     * The venue's live order path, or null in paper mode (the core's paper venue fills on every member alike). It is
     * handed each order only after the log position holding the order's cause is committed and applied.
     */
    LiveVenue liveVenue();
}
