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
import java.util.Map;

/**
 * The alerts of {@code ops/prometheus/alerts.yml} that the engine can judge by itself, from the same gauges and
 * counters /health and /metrics publish, named as the rules name them so the page, Alertmanager and the runbook
 * speak of one thing. Rules that need a rate over time or the process's memory (stalls, CPU, heap) stay
 * Prometheus's (the disk rules wait 5 minutes there; here they show at once): this list is what is true now, not a replacement for Alertmanager.
 */
final class AlertsFiring
{
    /**
     * Below this share of free ring slots the ring is near full: the number in {@code PeregrineRingNearFull}'s
     * expression ({@code AlertsFiringMatchesTheRulesTest} holds the two equal).
     */
    static final double RING_FREE_MIN = 0.2;
    /** The share of a loss limit at which the rules' "near limit" alerts fire ({@code 0.8 * peregrine_risk_..._limit}). */
    static final double NEAR_LIMIT = 0.8;

    private AlertsFiring()
    {
    }

    static void put(final ArrayNode alerts, final LiveEngine engine)
    {
        final CoreMetrics m = engine.coreMetrics();
        final boolean halted = engine.tradingSwitch().isHalted() || m.tradingState.get() == TradingState.HALTED.ordinal();
        if (halted)
        {
            add(alerts, "PeregrineTradingHalted", "trading is halted" +
                (engine.tradingSwitch().isHalted() ? ": " + engine.tradingSwitch().reason() : ""));
        }
        else if (m.tradingState.get() == TradingState.REDUCING.ordinal())
        {
            add(alerts, "PeregrineTradingReducing", "trading is REDUCING: only orders that reduce a position");
        }
        if (!engine.feed().isConnected())
        {
            add(alerts, "PeregrineFeedDisconnected", "the market-data connection is down");
        }
        final List<String> products = engine.settings().products();
        for (int i = 0; i < products.size(); i++)
        {
            if (m.feedUnhealthy[i].get() != 0)
            {
                add(alerts, "PeregrineFeedUnhealthy", products.get(i) + ": its feed is unhealthy, not traded on");
            }
        }
        // The rules' conditions on the gauges they read (peregrine_day_pnl, peregrine_drawdown and the limits).
        final double dailyLossLimit = engine.settings().risk().dailyLossLimit;
        if (dailyLossLimit > 0 && -m.dayPnl.get() > NEAR_LIMIT * dailyLossLimit)
        {
            add(alerts, "PeregrineDailyLossNearLimit", String.format(Locale.ROOT,
                "the day's loss %.2f is past %.0f %% of the daily loss limit %.2f", -m.dayPnl.get(), NEAR_LIMIT * 100, dailyLossLimit));
        }
        final double drawdownLimit = engine.settings().risk().trailingDrawdownLimit;
        if (drawdownLimit > 0 && m.drawdown.get() > NEAR_LIMIT * drawdownLimit)
        {
            add(alerts, "PeregrineDrawdownNearLimit", String.format(Locale.ROOT,
                "the drawdown %.2f is past %.0f %% of the trailing drawdown limit %.2f", m.drawdown.get(), NEAR_LIMIT * 100, drawdownLimit));
        }
        if (engine.core().lastError() != null)
        {
            add(alerts, "PeregrineCoreErrors", "core error: " + engine.core().lastError());
        }
        final StrategySet strategies = engine.core().strategies();
        for (int i = 0; i < strategies.count(); i++)
        {
            final StrategyRunner runner = strategies.get(i);
            if (runner.failure() != null)
            {
                add(alerts, "PeregrineStrategyDisabled", runner.name() + " is disabled: " + runner.failure());
            }
        }
        journalDisk(alerts, engine);
        if (engine.ringSize() > 0 && (double)engine.ringRemainingCapacity() / engine.ringSize() < RING_FREE_MIN)
        {
            add(alerts, "PeregrineRingNearFull",
                String.format(Locale.ROOT, "the input ring is more than %.0f %% full", (1 - RING_FREE_MIN) * 100));
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
            add(alerts, "PeregrineJournalDiskUnmeasured", "the journal's disk cannot be measured: " + ex.getMessage());
            return;
        }
        if (disk.freeRatio() < engine.journal().diskFreeAlertRatio())
        {
            add(alerts, "PeregrineJournalDiskLow", String.format(Locale.ROOT,
                "only %.1f %% of the journal's volume is free (alert below %.1f %%); a full disk stops trading",
                disk.freeRatio() * 100, engine.journal().diskFreeAlertRatio() * 100));
        }
    }

    /** Every rule this class judges, with the severity it reports: the rules' own ({@code AlertsFiringMatchesTheRulesTest}). */
    static final Map<String, String> SEVERITIES = Map.ofEntries(
        Map.entry("PeregrineTradingHalted", "critical"), Map.entry("PeregrineTradingReducing", "warning"),
        Map.entry("PeregrineFeedDisconnected", "critical"), Map.entry("PeregrineFeedUnhealthy", "warning"),
        Map.entry("PeregrineDailyLossNearLimit", "warning"), Map.entry("PeregrineDrawdownNearLimit", "warning"),
        Map.entry("PeregrineCoreErrors", "critical"), Map.entry("PeregrineStrategyDisabled", "warning"),
        Map.entry("PeregrineRingNearFull", "critical"), Map.entry("PeregrineJournalDiskLow", "critical"),
        Map.entry("PeregrineJournalDiskUnmeasured", "warning"));

    private static void add(final ArrayNode alerts, final String name, final String summary)
    {
        alerts.addObject().put("alert", name).put("severity", SEVERITIES.get(name)).put("summary", summary);
    }
}
