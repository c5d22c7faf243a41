package dev.peregrine.core.bar;

/**
 * Tick-count bars: a bar closes with its {@code tradesPerBar}-th trade. The bar's start and end times
 * are its first and last trade's times (both inclusive). Activity bars measure activity, not time:
 * clock events do not close them, so in a quiet market the bar in progress simply stays open.
 */
public final class TickBarBuilder extends ActivityBarBuilder
{
    public TickBarBuilder(final int instrumentId, final int tradesPerBar, final BarListener listener)
    {
        super(instrumentId, tradesPerBar, "trades per bar must be >= 1", listener);
    }

    @Override
    long measure(final OpenBar openBar)
    {
        return openBar.trades;
    }

    /** Trades in the bar in progress. */
    public int pendingTrades()
    {
        return bar.trades;
    }
}
