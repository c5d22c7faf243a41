package dev.peregrine.ops.http.ui;

import com.fasterxml.jackson.databind.node.ArrayNode;
import dev.peregrine.core.engine.TradingState;
import dev.peregrine.core.metrics.CoreMetrics;
import dev.peregrine.core.strategy.StrategyRunner;
import dev.peregrine.core.strategy.StrategySet;
import dev.peregrine.journal.JournalDiskUsage;
import dev.peregrine.journal.JournalException;
import dev.peregrine.ops.engine.LiveEngine;

import java.util.List;
import java.util.Locale;

/**
 * The alerts of {@code ops/prometheus/alerts.yml} that the engine can judge by itself, from the same gauges and
 * counters /health and /metrics publish, named as the rules name them so the page, Alertmanager and the runbook
 * speak of one thing. Rules that need a rate over time or the process's memory (stalls, CPU, heap) stay
 * Prometheus's (the disk rules wait 5 minutes there; here they show at once): this list is what is true now, not a replacement for Alertmanager.
 */
final class AlertsFiring
{
    /** Below this share of free ring slots the ring is near full (the rule's threshold). */
    private static final double RING_FREE_MIN = 0.1;

    private AlertsFiring()
    {
    }

    static void put(final ArrayNode alerts, final LiveEngine engine)
    {
        final CoreMetrics m = engine.coreMetrics();
        final boolean halted = engine.tradingSwitch().isHalted() || m.tradingState.get() == TradingState.HALTED.ordinal();
        if (halted)
        {
            add(alerts, "PeregrineTradingHalted", "critical", "trading is halted" +
                (engine.tradingSwitch().isHalted() ? ": " + engine.tradingSwitch().reason() : ""));
        }
        else if (m.tradingState.get() == TradingState.REDUCING.ordinal())
        {
            add(alerts, "PeregrineTradingReducing", "warning", "trading is REDUCING: only orders that reduce a position");
        }
        if (!engine.feed().isConnected())
        {
            add(alerts, "PeregrineFeedDisconnected", "critical", "the market-data connection is down");
        }
        final List<String> products = engine.settings().products();
        for (int i = 0; i < products.size(); i++)
        {
            if (m.feedUnhealthy[i].get() != 0)
            {
                add(alerts, "PeregrineFeedUnhealthy", "warning", products.get(i) + ": its feed is unhealthy, not traded on");
            }
        }
        if (m.lossLimitHolds.get() == CoreMetrics.LOSS_LIMIT_DAILY)
        {
            add(alerts, "PeregrineDailyLossNearLimit", "warning", "the daily loss limit holds");
        }
        else if (m.lossLimitHolds.get() == CoreMetrics.LOSS_LIMIT_DRAWDOWN)
        {
            add(alerts, "PeregrineDrawdownNearLimit", "warning", "the trailing drawdown limit holds");
        }
        if (engine.core().lastError() != null)
        {
            add(alerts, "PeregrineCoreErrors", "critical", "core error: " + engine.core().lastError());
        }
        final StrategySet strategies = engine.core().strategies();
        for (int i = 0; i < strategies.count(); i++)
        {
            final StrategyRunner runner = strategies.get(i);
            if (runner.failure() != null)
            {
                add(alerts, "PeregrineStrategyDisabled", "warning", runner.name() + " is disabled: " + runner.failure());
            }
        }
        journalDisk(alerts, engine);
        if (engine.ringSize() > 0 && (double)engine.ringRemainingCapacity() / engine.ringSize() < RING_FREE_MIN)
        {
            add(alerts, "PeregrineRingNearFull", "critical", "the input ring is more than 90 % full");
        }
    }

    /** The disk figures /metrics exports (measured at most once a second, shared with the scrape). */
    private static void journalDisk(final ArrayNode alerts, final LiveEngine engine)
    {
        final JournalDiskUsage.Snapshot disk;
        try
        {
            disk = engine.journal().disk().snapshot();
        }
        catch (final JournalException ex)
        {
            add(alerts, "PeregrineJournalDiskUnmeasured", "warning", "the journal's disk cannot be measured: " + ex.getMessage());
            return;
        }
        if (disk.freeRatio() < engine.journal().diskFreeAlertRatio())
        {
            add(alerts, "PeregrineJournalDiskLow", "critical", String.format(Locale.ROOT,
                "only %.1f %% of the journal's volume is free (alert below %.1f %%); a full disk stops trading",
                disk.freeRatio() * 100, engine.journal().diskFreeAlertRatio() * 100));
        }
    }

    private static void add(final ArrayNode alerts, final String name, final String severity, final String summary)
    {
        alerts.addObject().put("alert", name).put("severity", severity).put("summary", summary);
    }
}
