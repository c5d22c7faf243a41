package dev.peregrine.core.execution;

import dev.peregrine.core.event.Side;
import dev.peregrine.core.number.FixedPoint;
import dev.peregrine.core.output.Hash64;

/**
 * Net position, average entry price and realized PnL per instrument, owned by the core thread.
 *
 * <p>Quantities are exact scaled longs. Average price and PnL are doubles in quote currency: price
 * times quantity overflows a scaled long, and the last fraction of a cent does not change a decision.
 * Java's double arithmetic is deterministic, so replay still reproduces them bit for bit.
 *
 * <p>Realized PnL is kept gross, fees beside it; {@link #netRealizedPnl} and
 * {@link #totalRealizedPnl} subtract the fees.
 *
 * <p>Averaging in raises the quantity and re-weights the entry price; a reducing fill realizes
 * {@code (fill - entry) * closed} (sign-adjusted for shorts); a fill past zero closes the old position
 * and opens the rest at the fill price.
 */
public final class PositionBook
{
    private final long[] quantity;
    private final double[] averagePrice;
    private final double[] realizedPnl;
    private final double[] fees;

    public PositionBook(final int instrumentCount)
    {
        quantity = new long[instrumentCount];
        averagePrice = new double[instrumentCount];
        realizedPnl = new double[instrumentCount];
        fees = new double[instrumentCount];
    }

    /** Applies a fill and books its fee (quote currency) against the instrument's PnL. */
    public void applyFill(final int instrumentId, final int side, final long fillQuantity, final long fillPrice,
        final double fee)
    {
        fees[instrumentId] += fee;
        applyFill(instrumentId, side, fillQuantity, fillPrice);
    }

    /** Fees paid on the instrument so far (quote currency). */
    public double fees(final int instrumentId)
    {
        return fees[instrumentId];
    }

    /** Realized PnL after fees. */
    public double netRealizedPnl(final int instrumentId)
    {
        return realizedPnl[instrumentId] - fees[instrumentId];
    }

    public void applyFill(final int instrumentId, final int side, final long fillQuantity, final long fillPrice)
    {
        final long position = quantity[instrumentId];
        final long signedFill = Side.sign(side) * fillQuantity;
        final double price = FixedPoint.toDouble(fillPrice);

        if (position == 0 || Long.signum(position) == Long.signum(signedFill))
        {
            final double oldQty = Math.abs(FixedPoint.toDouble(position));
            final double addQty = FixedPoint.toDouble(fillQuantity);
            averagePrice[instrumentId] = (averagePrice[instrumentId] * oldQty + price * addQty) / (oldQty + addQty);
            quantity[instrumentId] = position + signedFill;
            return;
        }

        final long closed = Math.min(Math.abs(position), fillQuantity);
        final double direction = position > 0 ? 1.0 : -1.0;
        realizedPnl[instrumentId] += (price - averagePrice[instrumentId]) * FixedPoint.toDouble(closed) * direction;
        final long newPosition = position + signedFill;
        quantity[instrumentId] = newPosition;
        if (newPosition == 0)
        {
            averagePrice[instrumentId] = 0.0;
        }
        else if (Long.signum(newPosition) != Long.signum(position))
        {
            averagePrice[instrumentId] = price; // flipped: the remainder opened at the fill price
        }
    }

    /** Signed scaled quantity: positive long, negative short. */
    public long quantity(final int instrumentId)
    {
        return quantity[instrumentId];
    }

    public double averagePrice(final int instrumentId)
    {
        return averagePrice[instrumentId];
    }

    public double realizedPnl(final int instrumentId)
    {
        return realizedPnl[instrumentId];
    }

    /** PnL of the open position marked at {@code markPrice} (scaled); 0 when flat or unmarked. */
    public double unrealizedPnl(final int instrumentId, final long markPrice)
    {
        final long position = quantity[instrumentId];
        if (position == 0 || markPrice <= 0)
        {
            return 0.0;
        }
        return (FixedPoint.toDouble(markPrice) - averagePrice[instrumentId]) * FixedPoint.toDouble(position);
    }

    /** Realized PnL after fees, all instruments. */
    public double totalRealizedPnl()
    {
        double total = 0.0;
        for (int i = 0; i < realizedPnl.length; i++)
        {
            total += realizedPnl[i] - fees[i];
        }
        return total;
    }

    public double totalFees()
    {
        double total = 0.0;
        for (final double fee : fees)
        {
            total += fee;
        }
        return total;
    }

    /** Makes this book's positions, prices, PnL and fees those of {@code other} (same instruments); no allocation. */
    public void copyFrom(final PositionBook other)
    {
        System.arraycopy(other.quantity, 0, quantity, 0, quantity.length);
        System.arraycopy(other.averagePrice, 0, averagePrice, 0, averagePrice.length);
        System.arraycopy(other.realizedPnl, 0, realizedPnl, 0, realizedPnl.length);
        System.arraycopy(other.fees, 0, fees, 0, fees.length);
    }

    public int instrumentCount()
    {
        return quantity.length;
    }

    public long hash(final long seed)
    {
        long h = seed;
        for (int i = 0; i < quantity.length; i++)
        {
            h = Hash64.mix(h, quantity[i]);
            h = Hash64.mix(h, averagePrice[i]);
            h = Hash64.mix(h, realizedPnl[i]);
            h = Hash64.mix(h, fees[i]);
        }
        return h;
    }
}
