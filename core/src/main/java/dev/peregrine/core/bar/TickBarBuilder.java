package dev.peregrine.core.bar;

import dev.peregrine.core.output.Hash64;

/**
 * Tick-count bars: a bar closes with its {@code tradesPerBar}-th trade. The bar's start and end times
 * are its first and last trade's times (both inclusive). Activity bars measure activity, not time:
 * clock events do not close them, so in a quiet market the bar in progress simply stays open.
 */
public final class TickBarBuilder implements BarBuilder
{
    private final int instrumentId;
    private final int tradesPerBar;
    private final BarListener listener;
    private final OpenBar bar = new OpenBar();

    public TickBarBuilder(final int instrumentId, final int tradesPerBar, final BarListener listener)
    {
        if (tradesPerBar < 1)
        {
            throw new IllegalArgumentException("trades per bar must be >= 1, got " + tradesPerBar);
        }
        if (listener == null)
        {
            throw new IllegalArgumentException("a bar listener is required");
        }
        this.instrumentId = instrumentId;
        this.tradesPerBar = tradesPerBar;
        this.listener = listener;
    }

    @Override
    public void onTrade(final long price, final long quantity, final long timeNanos)
    {
        bar.add(price, quantity, timeNanos);
        if (bar.trades >= tradesPerBar)
        {
            listener.onBar(instrumentId, bar.firstTimeNanos, bar.lastTimeNanos, bar.open, bar.high, bar.low, bar.close,
                bar.volume, bar.trades);
            bar.clear();
        }
    }

    @Override
    public void onClock(final long timeNanos)
    {
        // Activity bars ignore time.
    }

    /** Trades in the bar in progress. */
    public int pendingTrades()
    {
        return bar.trades;
    }

    @Override
    public void reset()
    {
        bar.clear();
    }

    @Override
    public long hash(final long seed)
    {
        long h = Hash64.mix(seed, instrumentId);
        h = Hash64.mix(h, tradesPerBar);
        return bar.hash(h);
    }
}
