package dev.peregrine.core.execution;

import dev.peregrine.core.event.Side;
import dev.peregrine.core.number.FixedPoint;
import dev.peregrine.core.order.Order;

/**
 * A live venue closed the account's own position (a LIQUIDATION input flagged
 * {@link dev.peregrine.core.event.LiquidationFlags#OWN_POSITION}: price, quantity, the side of the venue's closing order,
 * the fee it charged). The engine learns it as the paper venue's liquidation books it ({@link PaperLiquidations}): one
 * {@link dev.peregrine.core.order.OrderType#LIQUIDATION} order of the venue's per holder
 * ({@link ExecutionEngine#venueLiquidation}), filled at the venue's price, so positions, PnL, margin and the digest
 * follow the venue, and a replay of the journaled input closes it alike.
 *
 * <p>A liquidation of the whole net position (the usual case) closes every holder's position, as the paper venue does:
 * each strategy's, then what the engine's own orders hold. A partial one (the venue closed less than the net
 * position, or one of several fills of its order) closes holders on the side it reduces, in strategy order, then the
 * engine's own, up to the quantity. The venue's fee is split over the closing fills by quantity, the last taking what
 * rounding leaves so the parts add up to the venue's figure. Open orders are not touched here: the venue cancels them
 * itself and says so on its own channel. Core thread only; no allocation.
 */
final class VenueLiquidations
{
    private final PositionBook positions;
    private final ExecutionEngine engine;
    private final VenueReportHandler reports;
    private long liquidations;

    VenueLiquidations(final PositionBook positions, final ExecutionEngine engine, final VenueReportHandler reports)
    {
        this.positions = positions;
        this.engine = engine;
        this.reports = reports;
    }

    /**
     * @param side    the side of the venue's closing order ({@link Side#SELL} closes a long).
     * @param venueFee what the venue charged (scaled, positive = paid).
     */
    void apply(final int instrumentId, final int side, final long quantity, final long price, final long venueFee,
        final PaperLiquidations.Holders holders, final long nowNanos)
    {
        final long net = positions.quantity(instrumentId);
        if (quantity <= 0 || net == 0 || (side == Side.SELL) != (net > 0))
        {
            return; // nothing of ours on the side the venue closed: the engine's book already agrees
        }
        liquidations++;
        final boolean whole = quantity >= Math.abs(net);
        long strategies = 0;
        long gross = 0;
        for (int i = 0; i < holders.count(); i++)
        {
            final long position = holders.position(i, instrumentId);
            strategies += position;
            gross += whole ? Math.abs(position) : 0;
        }
        final long engineOwn = net - strategies;
        gross = whole ? gross + Math.abs(engineOwn) : quantity;
        final double fee = FixedPoint.toDouble(venueFee);
        double charged = 0.0;
        long left = whole ? gross : quantity;
        for (int i = 0; i <= holders.count() && left > 0; i++)
        {
            final boolean own = i == holders.count();
            final long position = own ? engineOwn : holders.position(i, instrumentId);
            final long close = whole ? Math.abs(position) : closable(position, side, left);
            if (close == 0)
            {
                continue;
            }
            left -= close;
            final double share = left == 0 ? fee - charged : fee * ((double)close / (double)gross);
            charged += share;
            final int closing = whole ? (position > 0 ? Side.SELL : Side.BUY) : side;
            final Order order = engine.venueLiquidation(own ? 0 : holders.strategyId(i), instrumentId, closing, close);
            if (order != null)
            {
                reports.onVenueLiquidationFill(order, close, price, share, nowNanos);
            }
        }
    }

    /** What of {@code position} an order on {@code side} reduces, at most {@code left}. */
    private static long closable(final long position, final int side, final long left)
    {
        final boolean reduces = side == Side.SELL ? position > 0 : position < 0;
        return reduces ? Math.min(Math.abs(position), left) : 0;
    }

    /** Liquidations of our own position the venue reported. */
    long count()
    {
        return liquidations;
    }
}
