package dev.peregrine.gateway.venue;

import dev.peregrine.core.number.FixedPoint;

/**
 * What the configuration asks a live perpetual venue to hold each instrument at: its leverage and whether its margin
 * is isolated (else cross), indexed by instrument id (the engine settings' product order). A live venue applies them
 * as it spells them: Binance USD-M sets them per symbol at start ({@code ISOLATED}/{@code CROSSED}), Coinbase INTX
 * sends them with each perpetual order ({@code ISOLATED}/{@code CROSS}). An instrument past the arrays trades at
 * 1x cross, the engine's default.
 */
public final class PerpetualAccountTerms
{
    /** 1x, FixedPoint: the engine's default leverage. */
    public static final long DEFAULT_LEVERAGE = FixedPoint.SCALE;
    private static final PerpetualAccountTerms DEFAULTS = new PerpetualAccountTerms(new long[0], new boolean[0]);

    private final long[] leverage;
    private final boolean[] isolated;

    /**
     * @param leverage FixedPoint leverage per instrument id, each at least 1x; copied.
     * @param isolated per instrument id, true for isolated margin; copied; may be shorter than {@code leverage}.
     */
    public PerpetualAccountTerms(final long[] leverage, final boolean[] isolated)
    {
        this.leverage = leverage.clone();
        this.isolated = isolated.clone();
        for (int i = 0; i < this.leverage.length; i++)
        {
            if (this.leverage[i] < FixedPoint.SCALE)
            {
                throw new IllegalArgumentException("leverage of instrument " + i + " is below 1x: " +
                    FixedPoint.toString(this.leverage[i]));
            }
        }
    }

    /** 1x cross on every instrument. */
    public static PerpetualAccountTerms defaults()
    {
        return DEFAULTS;
    }

    /** {@code leverage} per instrument id, every instrument cross margined. */
    public static PerpetualAccountTerms cross(final long[] leverage)
    {
        return new PerpetualAccountTerms(leverage, new boolean[0]);
    }

    /** The leverage of {@code instrumentId}, FixedPoint (1x when not given). */
    public long leverage(final int instrumentId)
    {
        return instrumentId >= 0 && instrumentId < leverage.length ? leverage[instrumentId] : DEFAULT_LEVERAGE;
    }

    /** Whether {@code instrumentId} is isolated margined (false, cross, when not given). */
    public boolean isolated(final int instrumentId)
    {
        return instrumentId >= 0 && instrumentId < isolated.length && isolated[instrumentId];
    }

    @Override
    public String toString()
    {
        final StringBuilder s = new StringBuilder("PerpetualAccountTerms[");
        for (int i = 0; i < Math.max(leverage.length, isolated.length); i++)
        {
            s.append(i == 0 ? "" : ", ").append(i).append(": ").append(FixedPoint.toString(leverage(i))).append("x ")
                .append(isolated(i) ? "isolated" : "cross");
        }
        return s.append(']').toString();
    }
}
