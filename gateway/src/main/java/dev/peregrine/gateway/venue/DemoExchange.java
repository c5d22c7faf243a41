package dev.peregrine.gateway.venue;

import dev.peregrine.gateway.venue.MarketDataFeed;

import java.util.List;

/**
 * A simulated venue the demo runs against, generated or replaying a capture, together with the feed
 * that connects the engine to it. The one place the demo knows which venue it is simulating.
 */
public interface DemoExchange extends AutoCloseable
{
    /** Binds its port and starts its market. */
    void start();

    /** Where it listens, for people. */
    String endpoint();

    /** A market-data feed for the engine, connected to this exchange once started. */
    MarketDataFeed feed(List<String> products);

    /** True once a replayed capture has been sent in full (never for a generated market). */
    boolean finished();

    /** Null unless the replay failed; then why. */
    String failure();

    /** Recorded frames sent so far (0 for a generated market). */
    long framesReplayed();

    @Override
    void close();
}
