package dev.peregrine.gateway.sim.binance;

import io.netty.channel.EventLoop;

import java.util.List;

/** Where the simulator's market comes from: a generated random walk or a recorded capture. Loop thread only. */
public interface BinanceMarketSource
{
    /** Starts the market on {@code loop}; what it prints and quotes goes to {@code listener}. */
    void start(EventLoop loop, BinanceMarketListener listener);

    void onSession(BinanceSimSession session);

    void onSessionClosed(BinanceSimSession session);

    /** The REST depth snapshot body for {@code symbol} (upper case), or null if the symbol is unknown. */
    String snapshot(String symbol, int limit);

    /** The symbols this market serves, upper case, in a stable order. */
    List<String> symbols();

    /** Fault injection: the next depth diff is not sent, though its update ids are used up. */
    void dropNextDepthDiff();

    /** Stops what the market runs beyond the event loop (a replay's agent); from the thread closing the exchange. */
    default void close()
    {
    }
}
