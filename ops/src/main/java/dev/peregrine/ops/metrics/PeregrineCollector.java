package dev.peregrine.ops.metrics;

import dev.peregrine.core.metrics.CoreMetrics;
import dev.peregrine.core.ring.HaltingExceptionHandler;
import dev.peregrine.core.risk.RejectReason;
import dev.peregrine.core.strategy.StrategyRunner;
import dev.peregrine.ops.engine.LiveEngine;
import io.prometheus.metrics.model.registry.MultiCollector;
import io.prometheus.metrics.model.snapshots.ClassicHistogramBuckets;
import io.prometheus.metrics.model.snapshots.CounterSnapshot;
import io.prometheus.metrics.model.snapshots.CounterSnapshot.CounterDataPointSnapshot;
import io.prometheus.metrics.model.snapshots.GaugeSnapshot;
import io.prometheus.metrics.model.snapshots.GaugeSnapshot.GaugeDataPointSnapshot;
import io.prometheus.metrics.model.snapshots.HistogramSnapshot;
import io.prometheus.metrics.model.snapshots.HistogramSnapshot.HistogramDataPointSnapshot;
import io.prometheus.metrics.model.snapshots.Labels;
import io.prometheus.metrics.model.snapshots.MetricSnapshots;
import io.prometheus.metrics.model.snapshots.Unit;

import java.util.List;

/**
 * Turns the engine's single-writer counters and the sidecar's histograms into Prometheus snapshots at
 * scrape time, on the HTTP thread. Nothing here touches the core thread: it only reads counters with
 * acquire loads and the sidecar's histograms under the sidecar's lock.
 *
 * <p>Names follow Prometheus conventions: base units in the name ({@code _seconds}), counters end in
 * {@code _total} (added by the text writer).
 */
public final class PeregrineCollector implements MultiCollector
{
    /** Histogram upper bounds in nanoseconds: 1 us to 1 s, roughly 1-2.5-5 per decade. */
    static final long[] LATENCY_BOUNDS_NANOS = {
        1_000, 2_500, 5_000, 10_000, 25_000, 50_000, 100_000, 250_000, 500_000,
        1_000_000, 2_500_000, 5_000_000, 10_000_000, 25_000_000, 50_000_000, 100_000_000, 250_000_000, 1_000_000_000
    };

    private final LiveEngine engine;
    private final LatencySidecar sidecar;

    public PeregrineCollector(final LiveEngine engine, final LatencySidecar sidecar)
    {
        this.engine = engine;
        this.sidecar = sidecar;
    }

    @Override
    public MetricSnapshots collect()
    {
        final CoreMetrics m = engine.coreMetrics();
        final MetricSnapshots.Builder out = MetricSnapshots.builder();

        out.metricSnapshot(CounterSnapshot.builder()
            .name("peregrine_events")
            .help("Inbound events processed by the core, by type")
            .dataPoint(counter(m.trades.get(), "type", "trade"))
            .dataPoint(counter(m.quotes.get(), "type", "quote"))
            .dataPoint(counter(m.clocks.get(), "type", "clock"))
            .dataPoint(counter(m.bookLevels.get(), "type", "book_level"))
            .dataPoint(counter(m.candles.get(), "type", "candle"))
            .dataPoint(counter(m.instrumentInfos.get(), "type", "instrument_info"))
            .dataPoint(counter(m.feedStale.get(), "type", "feed_stale"))
            .dataPoint(counter(m.feedGaps.get(), "type", "feed_gap"))
            .dataPoint(counter(m.feedRecovered.get(), "type", "feed_recovered"))
            .dataPoint(counter(m.unknownEvents.get(), "type", "unknown"))
            .build());
        out.metricSnapshot(counter("peregrine_orders", "Orders that passed risk and went to the venue", m.orders.get()));
        out.metricSnapshot(counter("peregrine_fills", "Fills received from the venue", m.fills.get()));
        out.metricSnapshot(counter("peregrine_orders_filled", "Orders completely filled (with peregrine_orders_total, the fill ratio)",
            m.ordersFilled.get()));
        out.metricSnapshot(counterOf("peregrine_order_notional",
            "Quote-currency notional of placed orders at their reference price (the touch, or the limit)",
            m.orderedNotional.get()));
        out.metricSnapshot(counterOf("peregrine_filled_notional", "Quote-currency notional of fills", m.filledNotional.get()));
        // A gauge, not a counter: price improvement makes the running sum go down, which a counter may not.
        out.metricSnapshot(gauge("peregrine_slippage_cost",
            "Running sum since start of fills' slippage against the mid in their order's decision record, quote " +
                "currency, positive = worse than the mid (includes the half spread a taker pays); " +
                "delta() over increase(peregrine_filled_notional_total) is the slippage rate",
            m.slippageCost.get()));
        out.metricSnapshot(counter("peregrine_cancels", "Unfilled order remainders cancelled", m.cancels.get()));
        out.metricSnapshot(counter("peregrine_orders_released",
            "Orders released by the outbound stage after their cause was journaled", m.ordersReleased.get()));
        out.metricSnapshot(counter("peregrine_orders_withheld",
            "Orders withheld by the outbound stage because trading was halted", m.ordersWithheld.get()));
        out.metricSnapshot(counter("peregrine_core_errors",
            "Events whose processing threw in the core; each halts trading (see /health for the reason)", m.coreErrors.get()));
        out.metricSnapshot(counter("peregrine_strategy_failures",
            "Strategy callbacks that threw; each disables its strategy and cancels its working orders", m.strategyFailures.get()));
        out.metricSnapshot(counter("peregrine_operator_commands",
            "Operator commands (pause, resume, reduce, flatten, kill) the core acted on", m.commands.get()));
        out.metricSnapshot(counter("peregrine_loss_limit_breaches",
            "Daily-loss or trailing-drawdown breaches, each moving trading to REDUCING", m.lossLimitBreaches.get()));
        out.metricSnapshot(CounterSnapshot.builder()
            .name("peregrine_venue_reports")
            .help("Answers from a live venue as journaled VENUE_* events, and the odd ones among them")
            .dataPoint(counter(m.venueReports.get(), "kind", "all"))
            .dataPoint(counter(m.venueUnknown.get(), "kind", "unknown_outcome"))
            .dataPoint(counter(m.venueFillsDuplicated.get(), "kind", "duplicate_fill"))
            .dataPoint(counter(m.venueReportsUnmatched.get(), "kind", "unmatched"))
            .dataPoint(counter(m.lateFills.get(), "kind", "late_fill"))
            .build());

        final CounterSnapshot.Builder rejects = CounterSnapshot.builder()
            .name("peregrine_order_rejects")
            .help("Orders rejected by risk checks or the venue, by reason");
        for (final RejectReason reason : RejectReason.values())
        {
            if (reason != RejectReason.NONE)
            {
                rejects.dataPoint(counter(m.rejects[reason.ordinal()].get(), "reason", reason.label()));
            }
        }
        out.metricSnapshot(rejects.build());

        final CounterSnapshot.Builder implausible = CounterSnapshot.builder()
            .name("peregrine_market_data_dropped")
            .help("Market data dropped by the core as impossible (outside the sanity bounds, a crossed quote), by reason");
        for (final dev.peregrine.core.market.ImplausibleReason reason : dev.peregrine.core.market.ImplausibleReason.values())
        {
            implausible.dataPoint(counter(m.marketDataDropped[reason.ordinal()].get(), "reason", reason.label()));
        }
        out.metricSnapshot(implausible.build());

        final CounterSnapshot.Builder exits = CounterSnapshot.builder()
            .name("peregrine_position_exits")
            .help("Positions closed by their exit rules, by reason");
        for (final dev.peregrine.core.execution.ExitReason reason : dev.peregrine.core.execution.ExitReason.values())
        {
            exits.dataPoint(counter(m.exits[reason.ordinal()].get(), "reason", reason.label()));
        }
        out.metricSnapshot(exits.build());
        out.metricSnapshot(counter("peregrine_venue_timeouts", "Orders the venue never answered, expired", m.venueTimeouts.get()));
        out.metricSnapshot(gauge("peregrine_open_orders", "Orders open at the venue", m.openOrders.get()));
        out.metricSnapshot(gauge("peregrine_orders_awaiting_venue",
            "Open orders waiting for the venue's answer (an unanswered new or cancel, an unfinished market or IOC order)",
            m.awaitingVenue.get()));
        out.metricSnapshot(counter("peregrine_order_log_dropped",
            "Order events the order log lost because its ring was full (trading never waits for logging)",
            engine.orderLog().dropped()));
        out.metricSnapshot(gauge("peregrine_trading_state", "Core trading state: 0 active, 1 reducing, 2 halted",
            engine.tradingSwitch().isHalted() ? 2 : m.tradingState.get()));

        final CounterSnapshot.Builder errors = CounterSnapshot.builder()
            .name("peregrine_stage_errors")
            .help("Exceptions caught in a ring stage (each one halts trading)");
        final List<HaltingExceptionHandler> handlers = engine.stageErrors();
        for (final HaltingExceptionHandler handler : handlers)
        {
            errors.dataPoint(counter(handler.errorCount(), "stage", handler.stage()));
        }
        if (!handlers.isEmpty())
        {
            out.metricSnapshot(errors.build());
        }

        out.metricSnapshot(gauge("peregrine_trading_halted", "1 when trading is halted, 0 when active",
            engine.tradingSwitch().isHalted() ? 1 : 0));
        out.metricSnapshot(gauge("peregrine_ring_remaining_capacity", "Free slots in the inbound ring",
            engine.ringRemainingCapacity()));
        out.metricSnapshot(gauge("peregrine_ring_size", "Slots in the inbound ring", engine.ringSize()));
        out.metricSnapshot(counter("peregrine_journal_events", "Events appended to the journal", engine.journalEvents()));
        addJournalDisk(out);
        out.metricSnapshot(gauge("peregrine_realized_pnl", "Realized PnL in quote currency", m.realizedPnl.get()));
        out.metricSnapshot(gauge("peregrine_unrealized_pnl", "Unrealized PnL in quote currency, marked at mid",
            m.unrealizedPnl.get()));
        out.metricSnapshot(gauge("peregrine_day_pnl",
            "Equity change since the start of the trading day, in quote currency (kept only with a loss limit set)",
            m.dayPnl.get()));
        out.metricSnapshot(gauge("peregrine_drawdown",
            "Equity below the day's peak, in quote currency, 0 or positive (kept only with a loss limit set)",
            m.drawdown.get()));
        out.metricSnapshot(gauge("peregrine_gross_exposure",
            "Sum of |position| x mark plus the notional of open orders, in quote currency", m.grossExposure.get()));
        final dev.peregrine.core.risk.RiskLimits limits = engine.settings().risk();
        out.metricSnapshot(gauge("peregrine_risk_max_gross_exposure",
            "Gross exposure limit in quote currency; 0 means none", limits.maxGrossExposure));
        out.metricSnapshot(gauge("peregrine_risk_trailing_drawdown_limit",
            "Trailing-drawdown limit in quote currency; 0 means none", limits.trailingDrawdownLimit));
        out.metricSnapshot(gauge("peregrine_risk_daily_loss_limit",
            "Daily loss limit in quote currency; 0 means none", limits.dailyLossLimit));

        final GaugeSnapshot.Builder positions = GaugeSnapshot.builder()
            .name("peregrine_position")
            .help("Net position per product in base units (negative is short)");
        final List<String> products = engine.settings().products();
        for (int i = 0; i < products.size(); i++)
        {
            positions.dataPoint(GaugeDataPointSnapshot.builder()
                .value(m.positions[i].get())
                .labels(Labels.of("product", products.get(i)))
                .build());
        }
        out.metricSnapshot(positions.build());

        final GaugeSnapshot.Builder unhealthy = GaugeSnapshot.builder()
            .name("peregrine_feed_unhealthy")
            .help("1 while a product's market data may not be traded on (stale, gapped, crossed book, impossible prices)");
        for (int i = 0; i < products.size(); i++)
        {
            unhealthy.dataPoint(GaugeDataPointSnapshot.builder()
                .value(m.feedUnhealthy[i].get())
                .labels(Labels.of("product", products.get(i)))
                .build());
        }
        out.metricSnapshot(unhealthy.build());

        // Enabled is read through the failure, a volatile written once on the core thread when it disables.
        final GaugeSnapshot.Builder strategies = GaugeSnapshot.builder()
            .name("peregrine_strategy_enabled")
            .help("1 while a strategy runs, 0 once a callback threw and disabled it (its orders were cancelled)");
        for (int i = 0; i < engine.core().strategies().count(); i++)
        {
            final StrategyRunner runner = engine.core().strategies().get(i);
            strategies.dataPoint(GaugeDataPointSnapshot.builder()
                .value(runner.failure() == null ? 1 : 0)
                .labels(Labels.of("strategy", runner.name()))
                .build());
        }
        out.metricSnapshot(strategies.build());
        StrategyPnlExport.export(out, engine.pnlTable());
        out.metricSnapshot(counter("peregrine_decisions_journaled", "Decision records written to the decision journal",
            engine.decisionsJournaled()));
        out.metricSnapshot(counter("peregrine_decisions_unjournaled",
            "Decision records not journaled because the journal writer fell a whole queue behind (replay still has them)",
            m.decisionsUnjournaled.get()));

        out.metricSnapshot(ErrorsByType.snapshot(engine, sidecar));
        addHistograms(out);
        FeedMetricsSnapshots.export(engine.feed(), out);
        if (engine.liveVenue() != null)
        {
            OrderAdapterMetricsExport.addTo(out, engine.liveVenue().metrics());
        }
        return out.build();
    }

    /**
     * Journal disk figures from {@link dev.peregrine.journal.JournalDiskUsage}: a folder walk at most once a
     * second on this (HTTP) thread. A failed measurement leaves the disk gauges out of this scrape (an
     * alert on their absence catches it) rather than failing every other metric.
     */
    private void addJournalDisk(final MetricSnapshots.Builder out)
    {
        final dev.peregrine.ops.engine.JournalHousekeeper housekeeper = engine.housekeeper();
        if (housekeeper != null)
        {
            out.metricSnapshot(counter("peregrine_journal_retention_files_deleted",
                "Journal files deleted by the retention policy", housekeeper.filesDeleted()));
            out.metricSnapshot(counter("peregrine_journal_retention_bytes_deleted",
                "Bytes of journal files deleted by the retention policy", housekeeper.bytesDeleted()));
            out.metricSnapshot(counter("peregrine_journal_retention_failures",
                "Retention passes that failed (a file that could not be deleted); the next pass tries again",
                housekeeper.failures()));
        }
        out.metricSnapshot(gauge("peregrine_journal_disk_free_alert_threshold_ratio",
            "Free-space fraction of the journal's volume below which the disk alert should fire",
            engine.journalDiskFreeAlertRatio()));
        final dev.peregrine.journal.JournalDiskUsage.Snapshot disk;
        try
        {
            disk = engine.journalDisk().snapshot();
        }
        catch (final dev.peregrine.journal.JournalException ex)
        {
            return;
        }
        out.metricSnapshot(gauge("peregrine_journal_disk_bytes",
            "Bytes of the journal folder's files (Chronicle pre-allocates sparsely: an upper bound)", disk.bytes()));
        out.metricSnapshot(gauge("peregrine_journal_disk_free_bytes",
            "Bytes free for the engine on the journal's volume", disk.freeBytes()));
        out.metricSnapshot(gauge("peregrine_journal_disk_free_ratio",
            "Free fraction of the journal's volume, 0 to 1", disk.freeRatio()));
    }

    /** One histogram family per series name; the stages share one, a data point per {@code stage} label. */
    private void addHistograms(final MetricSnapshots.Builder out)
    {
        final java.util.Map<String, HistogramSnapshot.Builder> families = new java.util.LinkedHashMap<>();
        for (final LatencySidecar.Series series : sidecar.series())
        {
            families.computeIfAbsent(series.name(), name -> HistogramSnapshot.builder()
                .name("peregrine_" + name + "_seconds")
                .help(helpFor(name))
                .unit(Unit.SECONDS))
                .dataPoint(histogram(series));
        }
        for (final HistogramSnapshot.Builder family : families.values())
        {
            out.metricSnapshot(family.build());
        }
    }

    private HistogramDataPointSnapshot histogram(final LatencySidecar.Series series)
    {
        final double[] cumulative = sidecar.cumulativeBuckets(series, LATENCY_BOUNDS_NANOS);
        final int n = LATENCY_BOUNDS_NANOS.length;
        final double[] upperBounds = new double[n + 1];
        final long[] counts = new long[n + 1];
        long previous = 0;
        for (int i = 0; i < n; i++)
        {
            upperBounds[i] = LATENCY_BOUNDS_NANOS[i] / 1e9;
            final long atOrBelow = (long)cumulative[i];
            counts[i] = atOrBelow - previous;
            previous = atOrBelow;
        }
        upperBounds[n] = Double.POSITIVE_INFINITY;
        counts[n] = (long)cumulative[n] - previous;
        final HistogramDataPointSnapshot.Builder point = HistogramDataPointSnapshot.builder()
            .classicHistogramBuckets(ClassicHistogramBuckets.of(upperBounds, counts))
            .sum(cumulative[n + 1] / 1e9);
        if (series.stage() != null)
        {
            point.labels(Labels.of("stage", series.stage()));
        }
        return point.build();
    }

    private static String helpFor(final String series)
    {
        switch (series)
        {
            case "tick_to_decision": return "Frame arrival to the end of the core's decision for that input";
            case "tick_to_order": return "Frame arrival to the order's release after its cause was journaled";
            case LatencySidecar.STAGE_LATENCY:
                return "Time per live input in each stage of the flow: ring_wait (publish to core), strategy " +
                    "(callbacks, less their orders' risk and execution), risk (gate and risk chain), execution " +
                    "(order to venue hand-off and venue answers), journal_append (Chronicle append)";
            default: return series.replace('_', ' ');
        }
    }

    public static CounterSnapshot counter(final String name, final String help, final long value)
    {
        return CounterSnapshot.builder().name(name).help(help)
            .dataPoint(CounterDataPointSnapshot.builder().value(value).build())
            .build();
    }

    /** A counter of a quote-currency sum (it only grows; a double, unlike the event counts). */
    public static CounterSnapshot counterOf(final String name, final String help, final double value)
    {
        return CounterSnapshot.builder().name(name).help(help)
            .dataPoint(CounterDataPointSnapshot.builder().value(value).build())
            .build();
    }

    /** A counter data point with labels given as name, value pairs (scrape time only: varargs are fine here). */
    public static CounterDataPointSnapshot counter(final long value, final String... labelPairs)
    {
        return CounterDataPointSnapshot.builder().value(value).labels(Labels.of(labelPairs)).build();
    }

    public static GaugeSnapshot gauge(final String name, final String help, final double value)
    {
        return GaugeSnapshot.builder().name(name).help(help)
            .dataPoint(GaugeDataPointSnapshot.builder().value(value).build())
            .build();
    }
}
