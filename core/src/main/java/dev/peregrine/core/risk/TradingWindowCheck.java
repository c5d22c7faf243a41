package dev.peregrine.core.risk;

import java.time.DayOfWeek;

/**
 * New risk only inside the trading window: allowed weekdays and [start, end) minutes of the day, in the
 * configured zone. Reducing orders pass at any time: closing is always allowed.
 */
public final class TradingWindowCheck implements RiskCheck
{
    @Override
    public RejectReason check(final OrderRequest order, final RiskContext context)
    {
        if (order.reducing)
        {
            return RejectReason.NONE;
        }
        final RiskLimits limits = context.limits;
        final int minute = context.clock.minuteOfDay(order.timeNanos);
        final DayOfWeek day = DayOfWeek.of(context.clock.isoDayOfWeek(order.timeNanos));
        final boolean inside = limits.tradingDays.contains(day) &&
            minute >= limits.windowStartMinute && minute < limits.windowEndMinute;
        return inside ? RejectReason.NONE : RejectReason.OUTSIDE_TRADING_WINDOW;
    }
}
