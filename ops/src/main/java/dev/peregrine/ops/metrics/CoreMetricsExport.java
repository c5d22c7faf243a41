package dev.peregrine.ops.metrics;

import dev.peregrine.core.execution.ExitReason;
import dev.peregrine.core.market.ImplausibleReason;
import dev.peregrine.core.metrics.CoreMetrics;
import dev.peregrine.core.metrics.SingleWriterCounter;
import dev.peregrine.core.ring.HaltingExceptionHandler;
import dev.peregrine.core.risk.RejectReason;
import dev.peregrine.core.strategy.StrategyRunner;
import dev.peregrine.ops.engine.JournalHousekeeper;
import dev.peregrine.ops.engine.LiveEngine;

import java.util.List;
import java.util.function.Function;
import java.util.function.IntToDoubleFunction;
import java.util.function.ToLongFunction;

/**
 * The core's counters and gauges ({@link CoreMetrics}, written on the core thread) and the engine's ring,
 * journal and risk-limit figures, registered as callback metrics: each scrape copies the current values.
 * Names, help texts and labels are the documented interface of the dashboards and alert rules.
 */
final class CoreMetricsExport
{
    private CoreMetricsExport()
    {
    }

    static void register(final CallbackMetrics metrics, final LiveEngine engine)
    {
        final CoreMetrics m = engine.coreMetrics();
        metrics.counter("peregrine_events", "Inbound events processed by the core, by type", points ->
        {
            points.call(m.trades.get(), "trade");
            points.call(m.quotes.get(), "quote");
            points.call(m.clocks.get(), "clock");
            points.call(m.bookLevels.get(), "book_level");
            points.call(m.candles.get(), "candle");
            points.call(m.instrumentInfos.get(), "instrument_info");
            points.call(m.feedStale.get(), "feed_stale");
            points.call(m.feedGaps.get(), "feed_gap");
            points.call(m.feedRecovered.get(), "feed_recovered");
            points.call(m.unknownEvents.get(), "unknown");
        }, "type");
        metrics.counter("peregrine_orders", "Orders that passed risk and went to the venue", m.orders::get);
        metrics.counter("peregrine_fills", "Fills received from the venue", m.fills::get);
        metrics.counter("peregrine_orders_filled", "Orders completely filled (with peregrine_orders_total, the fill ratio)",
            m.ordersFilled::get);
        metrics.counter("peregrine_order_notional",
            "Quote-currency notional of placed orders at their reference price (the touch, or the limit)",
            m.orderedNotional::get);
        metrics.counter("peregrine_filled_notional", "Quote-currency notional of fills", m.filledNotional::get);
        // A gauge, not a counter: price improvement makes the running sum go down, which a counter may not.
        metrics.gauge("peregrine_slippage_cost",
            "Running sum since start of fills' slippage against the mid in their order's decision record, quote " +
                "currency, positive = worse than the mid (includes the half spread a taker pays); " +
                "delta() over increase(peregrine_filled_notional_total) is the slippage rate",
            m.slippageCost::get);
        metrics.counter("peregrine_cancels", "Unfilled order remainders cancelled", m.cancels::get);
        metrics.counter("peregrine_orders_released",
            "Orders released by the outbound stage after their cause was journaled", m.ordersReleased::get);
        metrics.counter("peregrine_orders_withheld",
            "Orders withheld by the outbound stage because trading was halted", m.ordersWithheld::get);
        metrics.counter("peregrine_core_errors",
            "Events whose processing threw in the core; each halts trading (see /health for the reason)", m.coreErrors::get);
        metrics.counter("peregrine_strategy_failures",
            "Strategy callbacks that threw; each disables its strategy and cancels its working orders", m.strategyFailures::get);
        metrics.counter("peregrine_operator_commands",
            "Operator commands (pause, resume, reduce, flatten, kill) the core acted on", m.commands::get);
        metrics.counter("peregrine_loss_limit_breaches",
            "Daily-loss or trailing-drawdown breaches, each moving trading to REDUCING", m.lossLimitBreaches::get);
        metrics.counter("peregrine_venue_reports", "Answers from a live venue as journaled VENUE_* events, and the odd ones among them",
            points ->
            {
                points.call(m.venueReports.get(), "all");
                points.call(m.venueUnknown.get(), "unknown_outcome");
                points.call(m.venueFillsDuplicated.get(), "duplicate_fill");
                points.call(m.venueReportsUnmatched.get(), "unmatched");
                points.call(m.lateFills.get(), "late_fill");
            }, "kind");
        byReason(metrics, "peregrine_order_rejects", "Orders rejected by risk checks or the venue, by reason",
            RejectReason.values(), RejectReason.NONE, m.rejects, RejectReason::label);
        byReason(metrics, "peregrine_market_data_dropped",
            "Market data dropped by the core as impossible (outside the sanity bounds, a crossed quote), by reason",
            ImplausibleReason.values(), null, m.marketDataDropped, ImplausibleReason::label);
        byReason(metrics, "peregrine_position_exits", "Positions closed by their exit rules, by reason",
            ExitReason.values(), null, m.exits, ExitReason::label);
        metrics.counter("peregrine_venue_timeouts", "Orders the venue never answered, expired", m.venueTimeouts::get);
        metrics.gauge("peregrine_open_orders", "Orders open at the venue", m.openOrders::get);
        metrics.gauge("peregrine_orders_awaiting_venue",
            "Open orders waiting for the venue's answer (an unanswered new or cancel, an unfinished market or IOC order)",
            m.awaitingVenue::get);
        metrics.counter("peregrine_order_log_dropped",
            "Order events the order log lost because its ring was full (trading never waits for logging)",
            () -> engine.orderLog().dropped());
        metrics.gauge("peregrine_trading_state", "Core trading state: 0 active, 1 reducing, 2 halted",
            () -> engine.tradingSwitch().isHalted() ? 2 : m.tradingState.get());
        // No handlers, no family (as before the callbacks): a stage label only exists once the ring does.
        metrics.counter("peregrine_stage_errors", "Exceptions caught in a ring stage (each one halts trading)", points ->
        {
            for (final HaltingExceptionHandler handler : engine.stageErrors())
            {
                points.call(handler.errorCount(), handler.stage());
            }
        }, "stage");
        metrics.gauge("peregrine_trading_halted", "1 when trading is halted, 0 when active",
            () -> engine.tradingSwitch().isHalted() ? 1 : 0);
        metrics.gauge("peregrine_ring_remaining_capacity", "Free slots in the inbound ring", engine::ringRemainingCapacity);
        metrics.gauge("peregrine_ring_size", "Slots in the inbound ring", engine::ringSize);
        metrics.counter("peregrine_journal_events", "Events appended to the journal", engine.journal()::eventsWritten);
        registerRetention(metrics, engine);
        registerPnlAndRisk(metrics, engine, m);
        registerPerProduct(metrics, engine, "peregrine_feed_unhealthy",
            "1 while a product's market data may not be traded on (stale, gapped, crossed book, impossible prices)",
            i -> m.feedUnhealthy[i].get());
        // Enabled is read through the failure, a volatile written once on the core thread when it disables.
        metrics.gauge("peregrine_strategy_enabled",
            "1 while a strategy runs, 0 once a callback threw and disabled it (its orders were cancelled)", points ->
            {
                for (int i = 0; i < engine.core().strategies().count(); i++)
                {
                    final StrategyRunner runner = engine.core().strategies().get(i);
                    points.call(runner.failure() == null ? 1 : 0, runner.name());
                }
            }, "strategy");
        metrics.counter("peregrine_decisions_journaled", "Decision records written to the decision journal",
            engine.journal()::decisionsJournaled);
        metrics.counter("peregrine_decisions_unjournaled",
            "Decision records not journaled because the journal writer fell a whole queue behind (replay still has them)",
            m.decisionsUnjournaled::get);
    }

    private static void registerPnlAndRisk(final CallbackMetrics metrics, final LiveEngine engine, final CoreMetrics m)
    {
        metrics.gauge("peregrine_realized_pnl", "Realized PnL in quote currency", m.realizedPnl::get);
        metrics.gauge("peregrine_unrealized_pnl", "Unrealized PnL in quote currency, marked at mid", m.unrealizedPnl::get);
        metrics.gauge("peregrine_day_pnl",
            "Equity change since the start of the trading day, in quote currency (kept only with a loss limit set)",
            m.dayPnl::get);
        metrics.gauge("peregrine_drawdown",
            "Equity below the day's peak, in quote currency, 0 or positive (kept only with a loss limit set)",
            m.drawdown::get);
        metrics.gauge("peregrine_gross_exposure",
            "Sum of |position| x mark plus the notional of open orders, in quote currency", m.grossExposure::get);
        metrics.gauge("peregrine_risk_max_gross_exposure", "Gross exposure limit in quote currency; 0 means none",
            () -> engine.settings().risk().maxGrossExposure);
        metrics.gauge("peregrine_risk_trailing_drawdown_limit", "Trailing-drawdown limit in quote currency; 0 means none",
            () -> engine.settings().risk().trailingDrawdownLimit);
        metrics.gauge("peregrine_risk_daily_loss_limit", "Daily loss limit in quote currency; 0 means none",
            () -> engine.settings().risk().dailyLossLimit);
        registerPerProduct(metrics, engine, "peregrine_position", "Net position per product in base units (negative is short)",
            i -> m.positions[i].get());
    }

    /** A counter labelled {@code reason}, one point per reason but {@code skipped}, counted by the reason's ordinal. */
    private static <R extends Enum<R>> void byReason(final CallbackMetrics metrics, final String name, final String help,
        final R[] reasons, final R skipped, final SingleWriterCounter[] counts, final Function<R, String> label)
    {
        metrics.counter(name, help, points ->
        {
            for (final R reason : reasons)
            {
                if (reason != skipped)
                {
                    points.call(counts[reason.ordinal()].get(), label.apply(reason));
                }
            }
        }, "reason");
    }

    /** The retention policy's figures, present once the engine runs its housekeeper. */
    private static void registerRetention(final CallbackMetrics metrics, final LiveEngine engine)
    {
        registerHousekeeper(metrics, engine, "peregrine_journal_retention_files_deleted",
            "Journal files deleted by the retention policy", JournalHousekeeper::filesDeleted);
        registerHousekeeper(metrics, engine, "peregrine_journal_retention_bytes_deleted",
            "Bytes of journal files deleted by the retention policy", JournalHousekeeper::bytesDeleted);
        registerHousekeeper(metrics, engine, "peregrine_journal_retention_failures",
            "Retention passes that failed (a file that could not be deleted); the next pass tries again",
            JournalHousekeeper::failures);
        metrics.gauge("peregrine_journal_disk_free_alert_threshold_ratio",
            "Free-space fraction of the journal's volume below which the disk alert should fire",
            engine.journal()::diskFreeAlertRatio);
    }

    private static void registerHousekeeper(final CallbackMetrics metrics, final LiveEngine engine, final String name,
        final String help, final ToLongFunction<JournalHousekeeper> value)
    {
        metrics.counter(name, help, points ->
        {
            final JournalHousekeeper housekeeper = engine.journal().housekeeper();
            if (housekeeper != null)
            {
                points.call(value.applyAsLong(housekeeper));
            }
        });
    }

    /** A gauge labelled {@code product}, one point per configured product, by its index. */
    private static void registerPerProduct(final CallbackMetrics metrics, final LiveEngine engine, final String name,
        final String help, final IntToDoubleFunction byProduct)
    {
        metrics.gauge(name, help, points ->
        {
            final List<String> products = engine.settings().products();
            for (int i = 0; i < products.size(); i++)
            {
                points.call(byProduct.applyAsDouble(i), products.get(i));
            }
        }, "product");
    }
}
