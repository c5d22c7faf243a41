package dev.peregrine.core.bar;

/**
 * Receives closed bars, with primitive arguments only. Prices and volume are scaled longs as the trades
 * carried them ({@link dev.peregrine.core.number.FixedPoint}); times are epoch nanoseconds.
 * Called on the thread that feeds the builder, before the call that closed the bar returns.
 */
@FunctionalInterface
public interface BarListener
{
    /**
     * @param startNanos time bars: the interval start (inclusive); activity bars: the first trade's time.
     * @param endNanos   time bars: the interval end (exclusive); activity bars: the last trade's time.
     * @param tradeCount 0 for a time bar of an interval without trades (flat at the previous close).
     */
    void onBar(int instrumentId, long startNanos, long endNanos, long open, long high, long low, long close,
        long volume, int tradeCount);
}
