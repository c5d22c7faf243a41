package dev.peregrine.core.metrics;

import dev.peregrine.core.risk.RejectReason;
import org.HdrHistogram.SingleWriterRecorder;

/**
 * What the core thread (and the outbound stage) measure, in single-writer form so the metrics sidecar
 * can read it without stopping them. Each field has exactly one writing thread, named beside it.
 */
public final class CoreMetrics
{
    /** Highest latency the histograms track before clamping: 10 s in nanoseconds. */
    public static final long MAX_TRACKABLE_NANOS = 10_000_000_000L;

    // core thread
    public final SingleWriterCounter events = new SingleWriterCounter("events");
    /** Live trades: the ones the venue sent as they happened (snapshot history is counted apart). */
    public final SingleWriterCounter trades = new SingleWriterCounter("trades");
    /** Trades the venue sent as history on subscribe ({@code TradeFlags.SNAPSHOT}). */
    public final SingleWriterCounter snapshotTrades = new SingleWriterCounter("snapshot_trades");
    public final SingleWriterCounter quotes = new SingleWriterCounter("quotes");
    public final SingleWriterCounter clocks = new SingleWriterCounter("clocks");
    public final SingleWriterCounter orders = new SingleWriterCounter("orders");
    public final SingleWriterCounter fills = new SingleWriterCounter("fills");
    /** Orders that reached FILLED: with {@link #orders}, the fill ratio. */
    public final SingleWriterCounter ordersFilled = new SingleWriterCounter("orders_filled");
    /** Quote-currency notional of placed orders at their reference price (the touch, or the limit). */
    public final SingleWriterGauge orderedNotional = new SingleWriterGauge();
    /** Quote-currency notional of fills. */
    public final SingleWriterGauge filledNotional = new SingleWriterGauge();
    /**
     * Slippage of fills against the mid in their order's decision record, quote currency, positive when
     * the fill was worse than the mid (it includes the half spread a taker pays); fills of orders placed
     * without a two-sided market add nothing.
     */
    public final SingleWriterGauge slippageCost = new SingleWriterGauge();
    public final SingleWriterCounter cancels = new SingleWriterCounter("cancels");
    public final SingleWriterCounter bookLevels = new SingleWriterCounter("book_levels");
    public final SingleWriterCounter candles = new SingleWriterCounter("candles");
    public final SingleWriterCounter instrumentInfos = new SingleWriterCounter("instrument_infos");
    public final SingleWriterCounter feedStale = new SingleWriterCounter("feed_stale");
    public final SingleWriterCounter feedGaps = new SingleWriterCounter("feed_gaps");
    public final SingleWriterCounter feedRecovered = new SingleWriterCounter("feed_recovered");
    public final SingleWriterCounter commands = new SingleWriterCounter("commands");
    public final SingleWriterCounter venueReports = new SingleWriterCounter("venue_reports");
    public final SingleWriterCounter lossLimitBreaches = new SingleWriterCounter("loss_limit_breaches");
    public final SingleWriterCounter unknownEvents = new SingleWriterCounter("unknown_events");
    public final SingleWriterCounter[] rejects;
    /** Market-data events dropped as impossible, by {@code ImplausibleReason} ordinal. */
    public final SingleWriterCounter[] marketDataDropped;
    /**
     * Per instrument, 1 while its feed may not be traded on (stale, gapped, crossed book, implausible
     * prices: {@code FeedHealth.isHealthy} is false), else 0; republished by the core on every change.
     */
    public final SingleWriterCounter[] feedUnhealthy;
    /** Positions closed by exit rules, by {@code ExitReason} ordinal. */
    public final SingleWriterCounter[] exits;
    public final SingleWriterCounter venueTimeouts = new SingleWriterCounter("venue_timeouts");
    public final SingleWriterCounter venueUnknown = new SingleWriterCounter("venue_unknown");
    /** Fills for orders already expired or cancelled in the engine: applied to positions all the same. */
    public final SingleWriterCounter lateFills = new SingleWriterCounter("late_fills");
    /** Events whose processing threw: contained in the core, which then halts trading. */
    public final SingleWriterCounter coreErrors = new SingleWriterCounter("core_errors");
    /** Strategy callbacks that threw: each disables its strategy and cancels its working orders. */
    public final SingleWriterCounter strategyFailures = new SingleWriterCounter("strategy_failures");
    /** Decisions the journal writer could not keep up with: still in the outputs and replay, not in the decision journal. */
    public final SingleWriterCounter decisionsUnjournaled = new SingleWriterCounter("decisions_unjournaled");
    public final SingleWriterCounter venueFillsDuplicated = new SingleWriterCounter("venue_fills_duplicated");
    public final SingleWriterCounter venueReportsUnmatched = new SingleWriterCounter("venue_reports_unmatched");
    public final SingleWriterGauge realizedPnl = new SingleWriterGauge();
    /** The core's {@code TradingState} ordinal (the external {@code TradingSwitch} is read directly). */
    public final SingleWriterCounter tradingState = new SingleWriterCounter("trading_state");
    /** What moved the trading state last ({@code TradingStateMachine#reasonCode}): an operator command, a loss limit, an error. */
    public final SingleWriterCounter tradingStateReason = new SingleWriterCounter("trading_state_reason");
    /** Event time (epoch nanos) of the last trading-state change; 0 at the start of a journal. */
    public final SingleWriterCounter tradingStateSince = new SingleWriterCounter("trading_state_since");
    /** {@link #lossLimitHolds}: the daily loss limit holds (a resume leaves the engine REDUCING until the next day). */
    public static final int LOSS_LIMIT_DAILY = 1;
    /** {@link #lossLimitHolds}: the trailing drawdown limit holds. */
    public static final int LOSS_LIMIT_DRAWDOWN = 2;
    /** Which loss limit holds the core in REDUCING: 0 none, else a {@code LOSS_LIMIT_*} code (why a resume cannot resume). */
    public final SingleWriterCounter lossLimitHolds = new SingleWriterCounter("loss_limit_holds");
    public final SingleWriterCounter openOrders = new SingleWriterCounter("open_orders");
    /**
     * Open orders whose next word must come from the venue: a new or cancel request not yet answered, or a
     * market or immediate-or-cancel order not yet done (a resting limit order may rest for ever and is not
     * counted). A graceful stop waits for this to reach 0 before it closes the venue.
     */
    public final SingleWriterCounter awaitingVenue = new SingleWriterCounter("awaiting_venue");
    public final SingleWriterGauge unrealizedPnl = new SingleWriterGauge();
    /** The day's equity change (realized after fees plus unrealized) from {@code DailyPnl}; kept only with a loss limit. */
    public final SingleWriterGauge dayPnl = new SingleWriterGauge();
    /** Equity below the day's peak, 0 or positive, from {@code DailyPnl}; kept only with a loss limit. */
    public final SingleWriterGauge drawdown = new SingleWriterGauge();
    /** Sum of |position| x mark plus open orders' notional, from {@code RiskContext.grossExposure}. */
    public final SingleWriterGauge grossExposure = new SingleWriterGauge();
    /** Net position per instrument id, in instrument units (double view of the scaled long). */
    /** Mark price per instrument as the core last published it; 0 until the core has a price (a synced book). */
    public final SingleWriterGauge[] markPrices;
    public final SingleWriterGauge[] positions;
    /** Receive (frame arrival) to the end of the core's decision for that input, nanoseconds. */
    public final SingleWriterRecorder tickToDecisionNanos = new SingleWriterRecorder(MAX_TRACKABLE_NANOS, 3);
    /** The core's time per live input, by stage of the flow. */
    public final StageLatencies stages = new StageLatencies();

    // outbound thread
    public final SingleWriterCounter ordersReleased = new SingleWriterCounter("orders_released");
    public final SingleWriterCounter ordersWithheld = new SingleWriterCounter("orders_withheld");
    /** Receive to the moment the order is released after its cause was journaled, nanoseconds. */
    public final SingleWriterRecorder tickToOrderNanos = new SingleWriterRecorder(MAX_TRACKABLE_NANOS, 3);

    /** The lag of perpetuals' marks; every instrument spot (nothing recorded) until the core is assembled. */
    private volatile MarkLagRecorders markLags;

    public CoreMetrics(final int instrumentCount)
    {
        markLags = new MarkLagRecorders(new boolean[instrumentCount]);
        final RejectReason[] reasons = RejectReason.values();
        rejects = new SingleWriterCounter[reasons.length];
        for (final RejectReason reason : reasons)
        {
            rejects[reason.ordinal()] = new SingleWriterCounter(reason.label());
        }
        final dev.peregrine.core.execution.ExitReason[] exitReasons = dev.peregrine.core.execution.ExitReason.values();
        exits = new SingleWriterCounter[exitReasons.length];
        for (final dev.peregrine.core.execution.ExitReason reason : exitReasons)
        {
            exits[reason.ordinal()] = new SingleWriterCounter(reason.label());
        }
        final dev.peregrine.core.market.ImplausibleReason[] implausible = dev.peregrine.core.market.ImplausibleReason.values();
        marketDataDropped = new SingleWriterCounter[implausible.length];
        for (final dev.peregrine.core.market.ImplausibleReason reason : implausible)
        {
            marketDataDropped[reason.ordinal()] = new SingleWriterCounter(reason.label());
        }
        feedUnhealthy = new SingleWriterCounter[instrumentCount];
        for (int i = 0; i < instrumentCount; i++)
        {
            feedUnhealthy[i] = new SingleWriterCounter("feed_unhealthy");
        }
        positions = new SingleWriterGauge[instrumentCount];
        markPrices = new SingleWriterGauge[instrumentCount];
        for (int i = 0; i < instrumentCount; i++)
        {
            markPrices[i] = new SingleWriterGauge();
            positions[i] = new SingleWriterGauge();
        }
    }

    /** Mark lag recorders for {@code instruments}' perpetuals; the core's assembly calls it once, before the core runs. */
    public void trackPerpetuals(final dev.peregrine.core.instrument.InstrumentRegistry instruments)
    {
        final boolean[] flags = new boolean[instruments.size()];
        for (int i = 0; i < flags.length; i++)
        {
            flags[i] = instruments.perpetual(i) != null;
        }
        markLags = new MarkLagRecorders(flags);
    }

    /** The lag of perpetuals' marks (the sidecar swaps its recorders). */
    public MarkLagRecorders markLags()
    {
        return markLags;
    }

    public long totalRejects()
    {
        long total = 0;
        for (final SingleWriterCounter counter : rejects)
        {
            total += counter.get();
        }
        return total;
    }
}
