package dev.peregrine.gateway.ws;

import io.netty.channel.Channel;

/**
 * What a venue client does with one WebSocket connection, called by its {@link WebSocketFrameHandler} on
 * the connection's event loop. {@link #onText} is the hot path: implementations decode straight from the
 * bytes into the ring and allocate nothing.
 */
public interface TextFrameListener
{
    /** The handshake completed: subscribe, reset backoff, count the connect. */
    void onOpen(Channel channel);

    /**
     * One aggregated text message. The bytes are valid only during the call (a reused buffer).
     *
     * @param receiveEpochNanos the wall-clock receive time, from the connection's epoch clock.
     * @param receiveNanoTime   {@code System.nanoTime()} at receipt, for latency.
     */
    void onText(byte[] buffer, int offset, int length, long receiveEpochNanos, long receiveNanoTime);

    /** A binary message (no venue here sends one): counted and dropped. */
    void onBinaryFrame();

    /** A message above the frame limit, dropped by Netty (the connection may stay up or be closing). */
    void onOversizedFrame();

    /** A connection whose handshake had completed went inactive. */
    void onClosed();
}
