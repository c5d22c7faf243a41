package dev.peregrine.core.risk;

import dev.peregrine.core.execution.PositionBook;

/** Rejects an order whose quantity is above the instrument's limit (equal passes). */
public final class MaxOrderQuantityCheck implements RiskCheck
{
    private final long[] maxQuantity;

    /** @param maxQuantity scaled limit per instrument id. */
    public MaxOrderQuantityCheck(final long[] maxQuantity)
    {
        for (int i = 0; i < maxQuantity.length; i++)
        {
            if (maxQuantity[i] <= 0)
            {
                throw new IllegalArgumentException("max order quantity of instrument " + i + " must be > 0");
            }
        }
        this.maxQuantity = maxQuantity.clone();
    }

    @Override
    public RejectReason check(final int instrumentId, final int side, final long quantity, final PositionBook positions)
    {
        return quantity > maxQuantity[instrumentId] ? RejectReason.MAX_ORDER_QUANTITY : RejectReason.NONE;
    }
}
