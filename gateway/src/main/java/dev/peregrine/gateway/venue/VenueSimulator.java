package dev.peregrine.gateway.venue;

import java.net.URI;

/**
 * A venue's simulated exchange as a process of its own ({@code peregrine sim}): its market-data WebSocket and,
 * on a second port, an emulator of its order API and user channel that checks the engine's signed requests the
 * way the venue does, so {@code peregrine run} or a third-party client connects to it as to the real venue.
 * Built, not started, by {@link Venue#simulator}; both parts run on their own threads, this only starts, reads
 * and stops them.
 */
public interface VenueSimulator extends AutoCloseable
{
    /**
     * Binds both ports; on failure nothing is left listening.
     *
     * @throws VenueUsageException naming the option whose port cannot be bound.
     */
    void start(int restPort);

    URI marketDataUrl();

    URI restUrl();

    URI userChannelUrl();

    /** Keeps the order emulator's fill prices at the simulated market; called every 100 ms while serving. */
    void syncFillPrices();

    /** The key whose signatures the order emulator accepts. */
    SimulatorKey key();

    /** Signed requests refused so far. */
    int authFailures();

    /** Why the last signed request was refused; null if none was. */
    String lastAuthFailure();

    /** True once a replayed capture has been sent in full (never for a generated market). */
    boolean replayFinished();

    /** Recorded frames sent so far (0 for a generated market). */
    long framesReplayed();

    /**
     * Client order ids the order emulator received in more than one create request: orders sent twice (the
     * cluster demo's proof that a failover sends none twice).
     *
     * @throws UnsupportedOperationException for a simulator that does not count them
     */
    default java.util.List<String> duplicatedClientOrderIds()
    {
        throw new UnsupportedOperationException("this venue's simulator does not count client order ids");
    }

    /** Distinct client order ids the order emulator was asked to create (as {@link #duplicatedClientOrderIds}). */
    default int distinctClientOrderIds()
    {
        throw new UnsupportedOperationException("this venue's simulator does not count client order ids");
    }

    /** Stops serving market data (the order API stays up): the engine's inputs go quiet. */
    default void stopMarketData()
    {
        throw new UnsupportedOperationException("this venue's simulator cannot stop its market data alone");
    }

    /** One line of totals for the stop message: frames, orders, fills, cancels, refusals, net filled per product. */
    String summary();

    @Override
    void close();
}
