package dev.peregrine.gateway.sim.binance;

import io.netty.channel.EventLoop;

/** Where the simulator's market comes from: a generated random walk or a recorded capture. Loop thread only. */
interface BinanceMarketSource
{
    void start(EventLoop loop);

    void onSession(BinanceSimSession session);

    void onSessionClosed(BinanceSimSession session);

    /** The REST depth snapshot body for {@code symbol} (upper case), or null if the symbol is unknown. */
    String snapshot(String symbol, int limit);

    /** Fault injection: the next depth diff is not sent, though its update ids are used up. */
    void dropNextDepthDiff();

    /** Stops what the market runs beyond the event loop (a replay's agent); from the thread closing the exchange. */
    default void close()
    {
    }
}
