package dev.peregrine.gateway.coinbase.emulator;

/**
 * Latency-bench hook of the {@link CoinbaseVenueEmulator}: told of every REST request as it arrives, before the
 * emulator parses, verifies or answers it, on the emulator's event loop (so it must be quick and must not block).
 */
@FunctionalInterface
public interface RequestArrivals
{
    /**
     * @param nanoTime {@link System#nanoTime()} read as the whole request had been read off the socket.
     * @param body     the request body as sent (JSON for an order), empty for none.
     */
    void arrived(long nanoTime, String method, String uri, String body);
}
