package dev.peregrine.core.perpetual;

import dev.peregrine.core.execution.PositionBook;
import dev.peregrine.core.instrument.InstrumentRegistry;
import dev.peregrine.core.output.Hash64;

/**
 * Everything the core keeps about perpetual futures, in one place the strategies, the risk checks and the state
 * hash reach: the latest marks and their windows, the margin account, the funding ledger and the market's
 * liquidation prints. Present in every core; a spot run never writes to it, and it shows in hashes and digests only
 * when an instrument is a perpetual ({@link #active()}), so spot runs' digests stay as they were.
 */
public final class PerpetualState
{
    private final boolean active;
    private final MarkPrices marks;
    private final MarkWindow[] windows;
    private final MarginAccount account;
    private final FundingLedger funding;
    private final long[] liquidationPrints;
    private final long[] liquidatedQuantity;
    private final PublishedMargin published;
    private long publishedFills = -1;
    private int marketEventsSincePublished;

    /**
     * @param enginePositions every fill of the engine: the margin account's positions.
     * @param collateral    the margin account's starting balance, settlement currency.
     * @param leverage      per instrument, FixedPoint, in registry order.
     * @param strategyCount the configured strategies (the funding ledger's rows).
     */
    public PerpetualState(final InstrumentRegistry instruments, final PositionBook enginePositions,
        final double collateral, final long[] leverage, final int strategyCount)
    {
        final int n = instruments.size();
        this.active = instruments.hasPerpetual();
        this.marks = new MarkPrices(n);
        this.windows = new MarkWindow[n];
        for (int i = 0; i < n; i++)
        {
            windows[i] = new MarkWindow(MarkWindow.DEFAULT_CAPACITY);
        }
        this.account = new MarginAccount(instruments, enginePositions, collateral, leverage);
        this.funding = new FundingLedger(strategyCount, n);
        this.liquidationPrints = new long[n];
        this.liquidatedQuantity = new long[n];
        this.published = new PublishedMargin(n);
    }

    /** Market events between two publications of the gauges when nothing else moved them. */
    static final int PUBLISH_EVERY_MARKET_EVENTS = 64;

    /**
     * After each event, on the core thread: republishes the gauges when an event moved the account (a mark, a
     * funding, a fill: {@code fills} changed, anything that is not market data) or every
     * {@value #PUBLISH_EVERY_MARKET_EVENTS} market events (quotes move nothing here once a venue mark is known).
     * Nothing in a spot run.
     */
    public void afterEvent(final boolean marketData, final long fills)
    {
        if (!active)
        {
            return;
        }
        if (!marketData || fills != publishedFills || ++marketEventsSincePublished >= PUBLISH_EVERY_MARKET_EVENTS)
        {
            publishedFills = fills;
            marketEventsSincePublished = 0;
            published.publish(this);
        }
    }

    /** The account and funding as gauges any thread may read. */
    public PublishedMargin published()
    {
        return published;
    }

    /** Whether any instrument is a perpetual: only then does this state show in hashes and digests. */
    public boolean active()
    {
        return active;
    }

    public MarkPrices marks()
    {
        return marks;
    }

    public MarkWindow window(final int instrumentId)
    {
        return windows[instrumentId];
    }

    public MarginAccount account()
    {
        return account;
    }

    public FundingLedger funding()
    {
        return funding;
    }

    /** Counts one liquidation printed on the market (a LIQUIDATION event) of {@code quantity} (scaled). */
    public void onLiquidationPrint(final int instrumentId, final long quantity)
    {
        liquidationPrints[instrumentId]++;
        liquidatedQuantity[instrumentId] += quantity;
    }

    /** How many liquidations the market printed in the instrument. */
    public long liquidationPrints(final int instrumentId)
    {
        return liquidationPrints[instrumentId];
    }

    /** The quantity (scaled) the market's liquidations in the instrument came to. */
    public long liquidatedQuantity(final int instrumentId)
    {
        return liquidatedQuantity[instrumentId];
    }

    /** Mixes every part into {@code seed}; {@code seed} unchanged when no instrument is a perpetual. */
    public long hash(final long seed)
    {
        if (!active)
        {
            return seed;
        }
        long h = marks.hash(seed);
        for (final MarkWindow window : windows)
        {
            h = window.hash(h);
        }
        h = account.hash(h);
        h = funding.hash(h);
        for (int i = 0; i < liquidationPrints.length; i++)
        {
            h = Hash64.mix(h, liquidationPrints[i]);
            h = Hash64.mix(h, liquidatedQuantity[i]);
        }
        return h;
    }
}
