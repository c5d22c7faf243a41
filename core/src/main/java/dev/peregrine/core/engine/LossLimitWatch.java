package dev.peregrine.core.engine;

import dev.peregrine.core.execution.ExecutionEngine;
import dev.peregrine.core.metrics.CoreMetrics;
import dev.peregrine.core.risk.RiskContext;
import dev.peregrine.core.risk.RiskLimits;

import java.util.Locale;

/**
 * The daily loss limit and the trailing drawdown limit, checked after every event: a breach cancels every
 * working order and moves the trading state by itself, saying why, on the event that breached; a new day
 * lifts the hold (the state then waits for an operator's resume). Owned by the core thread.
 */
final class LossLimitWatch
{
    private final ExecutionEngine execution;
    private final TradingStateMachine tradingState;
    private final CoreMetrics metrics;
    /** Replaced only by a settings change, between events. */
    private RiskLimits limits;
    private long breachDay = Long.MIN_VALUE;
    /** Which loss limit holds: {@link CoreMetrics#LOSS_LIMIT_DAILY}, {@link CoreMetrics#LOSS_LIMIT_DRAWDOWN}, or 0. */
    private int breachedLimit;

    LossLimitWatch(final ExecutionEngine execution, final TradingStateMachine tradingState, final CoreMetrics metrics,
        final RiskLimits limits)
    {
        this.execution = execution;
        this.tradingState = tradingState;
        this.metrics = metrics;
        this.limits = limits;
    }

    void replaceLimits(final RiskLimits next)
    {
        limits = next;
    }

    /** The day (of the risk clock) of the last breach, {@link Long#MIN_VALUE} before any: in the state hash. */
    long breachDay()
    {
        return breachDay;
    }

    /** The limit that holds now, for the gauge; 0 when none does. */
    int holdingLimit()
    {
        return tradingState.lossLimitHolds() ? breachedLimit : 0;
    }

    /** Called after every event with the core's clock. */
    void check(final long clockNanos)
    {
        if (limits.dailyLossLimit <= 0 && limits.trailingDrawdownLimit <= 0)
        {
            return; // the day's equity curve serves only these two limits: without them it is not kept
        }
        final RiskContext risk = execution.riskContext();
        risk.onEvent(clockNanos);
        final double dayPnl = risk.dailyPnl.dayPnl();
        final double drawdown = risk.dailyPnl.drawdown();
        final boolean lossBreached = limits.dailyLossLimit > 0 && dayPnl <= -limits.dailyLossLimit;
        final boolean drawdownBreached = limits.trailingDrawdownLimit > 0 && drawdown <= -limits.trailingDrawdownLimit;
        if (tradingState.lossLimitHolds() && risk.dailyPnl.day() != breachDay)
        {
            tradingState.onLossLimitCleared(); // a new day reset the baselines; the state waits for a resume
        }
        if (lossBreached && !tradingState.lossLimitHolds())
        {
            breach(risk, CoreMetrics.LOSS_LIMIT_DAILY, String.format(Locale.ROOT,
                "daily loss limit: day PnL %.2f reached -%.2f", dayPnl, limits.dailyLossLimit), 100, clockNanos);
        }
        else if (drawdownBreached && !tradingState.lossLimitHolds())
        {
            breach(risk, CoreMetrics.LOSS_LIMIT_DRAWDOWN, String.format(Locale.ROOT,
                "trailing drawdown: %.2f below the day's peak, limit %.2f", -drawdown, limits.trailingDrawdownLimit),
                101, clockNanos);
        }
    }

    private void breach(final RiskContext risk, final int limit, final String reason, final int reasonCode,
        final long clockNanos)
    {
        breachDay = risk.dailyPnl.day();
        breachedLimit = limit;
        metrics.lossLimitBreaches.increment();
        execution.onLossLimitBreached();
        tradingState.onLossLimitBreached(reason, reasonCode, clockNanos);
    }
}
