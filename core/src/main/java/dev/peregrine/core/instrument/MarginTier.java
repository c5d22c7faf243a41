package dev.peregrine.core.instrument;

/**
 * One bracket of a perpetual's margin table (Binance USD-M {@code leverageBracket}): positions whose notional lies in
 * {@code [notionalFloor, notionalCap)} may use at most {@code maxLeverage} and must keep
 * {@code notional x maintenanceRate - maintenanceAmount} as maintenance margin. Every figure is FixedPoint
 * (settlement currency, or a plain ratio for the rate and the leverage). A venue that gives one rate has one tier
 * from 0 to {@link Long#MAX_VALUE}.
 *
 * @param notionalFloor     the bracket's lowest notional (inclusive).
 * @param notionalCap       the bracket's highest notional (exclusive); {@link Long#MAX_VALUE} for the last bracket.
 * @param maxLeverage       the most leverage a position in this bracket may use (FixedPoint, 20x = 20.0).
 * @param maintenanceRate   the maintenance margin rate (FixedPoint, 0.4% = 0.004).
 * @param maintenanceAmount Binance's "maintenance amount" ({@code cum}): what the tiered rate over-counts below the
 *                          bracket's floor, subtracted so maintenance margin is continuous across brackets.
 */
public record MarginTier(long notionalFloor, long notionalCap, long maxLeverage, long maintenanceRate,
                         long maintenanceAmount)
{
    public MarginTier
    {
        if (notionalFloor < 0 || notionalCap <= notionalFloor)
        {
            throw new IllegalArgumentException("a margin tier needs 0 <= floor < cap, was " + notionalFloor + ".." + notionalCap);
        }
        if (maxLeverage <= 0 || maintenanceRate < 0 || maintenanceAmount < 0)
        {
            throw new IllegalArgumentException("a margin tier needs leverage > 0 and a rate and an amount >= 0");
        }
    }

    /** The single tier of a venue that gives one maintenance rate: every notional, no maintenance amount. */
    public static MarginTier single(final long maxLeverage, final long maintenanceRate)
    {
        return new MarginTier(0, Long.MAX_VALUE, maxLeverage, maintenanceRate, 0);
    }

    /** Whether {@code notional} (FixedPoint, >= 0) falls in this bracket. */
    public boolean holds(final long notional)
    {
        return notional >= notionalFloor && notional < notionalCap;
    }
}
