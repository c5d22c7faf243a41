package dev.peregrine.core.strategy.builtin;

/**
 * What a {@link BarCloseStrategy} trades, whatever its signal: one instrument's time bars of one interval,
 * towards a position of one size, with market orders or limit orders joining the touch, long only or also
 * short. Read from the strategy's parameters by its definition; checked by the strategy it builds.
 *
 * @param barNanos   the time-bar interval.
 * @param quantity   size of the position (scaled, > 0), or 0 for the engine's order quantity at the current
 *                   price, asked at each decision.
 * @param joinTouch  true for limit orders at the touch, false for market orders.
 * @param allowShort true to also hold shorts.
 */
public record BarCloseTerms(int instrumentId, long barNanos, long quantity, boolean joinTouch, boolean allowShort)
{
}
