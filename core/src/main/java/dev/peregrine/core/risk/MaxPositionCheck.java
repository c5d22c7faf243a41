package dev.peregrine.core.risk;

import dev.peregrine.core.event.Side;
import dev.peregrine.core.execution.PositionBook;

/**
 * Rejects an order that, filled in full, would leave the absolute position above the instrument's
 * limit. An order that brings the position closer to zero always passes, even when the position is
 * already over the limit (after a limit was lowered): reducing risk is never blocked.
 */
public final class MaxPositionCheck implements RiskCheck
{
    private final long[] maxPosition;

    /** @param maxPosition scaled limit on the absolute position per instrument id. */
    public MaxPositionCheck(final long[] maxPosition)
    {
        for (int i = 0; i < maxPosition.length; i++)
        {
            if (maxPosition[i] <= 0)
            {
                throw new IllegalArgumentException("max position of instrument " + i + " must be > 0");
            }
        }
        this.maxPosition = maxPosition.clone();
    }

    @Override
    public RejectReason check(final int instrumentId, final int side, final long quantity, final PositionBook positions)
    {
        final long position = positions.quantity(instrumentId);
        final long after = position + Side.sign(side) * quantity;
        if (Math.abs(after) <= maxPosition[instrumentId] || Math.abs(after) < Math.abs(position))
        {
            return RejectReason.NONE;
        }
        return RejectReason.MAX_POSITION;
    }
}
