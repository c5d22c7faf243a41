package dev.peregrine.gateway.sim.binance;

/** One client connection of a user data stream: where a {@link BinanceApiExtension} writes its events. */
public interface UserStreamSink
{
    /** Sends one text frame (an {@code executionReport}, an {@code outboundAccountPosition}, ...). */
    void send(String json);

    /** Closes the connection (an expired or deleted listen key). */
    void close();
}
