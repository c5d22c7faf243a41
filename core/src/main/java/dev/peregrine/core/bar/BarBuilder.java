package dev.peregrine.core.bar;

/**
 * Aggregates one instrument's trades into bars and hands each closed bar to a {@link BarListener}.
 * Single-threaded, allocation-free, and driven only by event times, so replay builds the same bars.
 */
public interface BarBuilder
{
    /** A trade: scaled price and quantity, event time in epoch nanoseconds. */
    void onTrade(long price, long quantity, long timeNanos);

    /** A clock event: lets time bars close when no trade arrives. */
    void onClock(long timeNanos);

    /**
     * A closed candle of the instrument that is its interval's whole market data ({@code CandleFlags.BAR}).
     * Builders of trades ignore it (the default): only a {@link CandleBarBuilder} turns it into a bar.
     */
    default void onCandle(long startNanos, long open, long high, long low, long close, long volume)
    {
    }

    /** Drops the bar in progress and all history, emitting nothing. */
    void reset();

    long hash(long seed);
}
