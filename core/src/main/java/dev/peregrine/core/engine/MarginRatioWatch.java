package dev.peregrine.core.engine;

import dev.peregrine.core.perpetual.MarginAccount;
import dev.peregrine.core.risk.RiskLimits;

import java.util.Locale;

/**
 * The margin ratio limit, checked after every event of an engine with a perpetual instrument: once the account's
 * margin ratio (maintenance margin over margin balance) rises above {@code risk.maxMarginRatio}, the trading state
 * moves to REDUCING by itself, saying why, on the event that crossed; once it is back at or under the limit the hold
 * lifts and the state waits for an operator's resume, as after a loss limit. Off (never reads the account) in a spot
 * engine or with the limit at 0. Owned by the core thread; the reason text is built only on the crossing event.
 */
final class MarginRatioWatch
{
    private final TradingStateMachine tradingState;
    private final MarginAccount account;
    private final boolean active;
    /** Replaced only by a settings change, between events. */
    private RiskLimits limits;

    /** @param active whether any instrument is a perpetual: the watch does nothing otherwise. */
    MarginRatioWatch(final TradingStateMachine tradingState, final MarginAccount account, final boolean active,
        final RiskLimits limits)
    {
        this.tradingState = tradingState;
        this.account = account;
        this.active = active;
        this.limits = limits;
    }

    void replaceLimits(final RiskLimits next)
    {
        limits = next;
    }

    /** Called after every event with the core's clock. */
    void check(final long clockNanos)
    {
        if (!active)
        {
            return;
        }
        final double limit = limits.perpetual.maxMarginRatio();
        final boolean holds = tradingState.marginRatioHolds();
        if (limit <= 0)
        {
            if (holds)
            {
                tradingState.onMarginRatioCleared(); // the limit was lifted by a settings change
            }
            return;
        }
        final double ratio = account.marginRatio();
        if (ratio > limit && !holds)
        {
            tradingState.onMarginRatioBreached(String.format(Locale.ROOT,
                "margin ratio %.4f above its limit %.4f (maintenance margin %.2f, margin balance %.2f)", ratio, limit,
                account.maintenanceMargin(), account.marginBalance()), clockNanos);
        }
        else if (ratio <= limit && holds)
        {
            tradingState.onMarginRatioCleared();
        }
    }
}
