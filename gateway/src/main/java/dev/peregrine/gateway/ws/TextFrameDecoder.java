package dev.peregrine.gateway.ws;

/**
 * A venue's market-data decoder as its {@link WebSocketFrameHandler} sees it, called on the connection's
 * event loop. {@link #decode} is the hot path: implementations decode straight from the bytes into the
 * ring and allocate nothing.
 */
public interface TextFrameDecoder
{
    /**
     * Decodes one aggregated text message and publishes its events. The bytes are valid only during the
     * call (a reused buffer).
     *
     * @param receiveEpochNanos the wall-clock receive time, from the connection's epoch clock.
     * @param receiveNanoTime   {@code System.nanoTime()} at receipt, for latency.
     */
    void decode(byte[] buffer, int offset, int length, long receiveEpochNanos, long receiveNanoTime);

    /** A binary message (no venue here sends one): counted and dropped. */
    void onBinaryFrame();

    /** A message above the frame limit, dropped by Netty (the connection may stay up or be closing). */
    void onOversizedFrame();
}
