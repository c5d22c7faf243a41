package dev.peregrine.core.execution;

import dev.peregrine.core.event.Side;
import dev.peregrine.core.number.FixedPoint;
import dev.peregrine.core.order.Order;
import dev.peregrine.core.order.OrderStore;
import dev.peregrine.core.order.OrderType;
import dev.peregrine.core.perpetual.MarginAccount;
import dev.peregrine.core.perpetual.MarkPrices;

/**
 * The paper venue's liquidation engine for perpetuals, as Binance USD-M describes its own: when a MARK_PRICE puts
 * the mark at or through the liquidation price of the account's one-way cross position in the instrument
 * ({@link MarginAccount#liquidationPrice}: at or below it for a long, at or above it for a short), the venue cancels
 * the account's open orders in the instrument and closes the whole position with orders of its own
 * ({@link OrderType#LIQUIDATION}, the venue's {@code autoclose-} orders), filled at the mark. The fill is reported
 * like any other after the fill latency, and charged the liquidation clearance fee
 * ({@link PaperVenueSettings#liquidationFeeRate}) instead of the taker fee.
 *
 * <p>The position is closed per holder, so every strategy's own book follows the venue: one order per strategy
 * holding a position in the instrument, for its position, and one for what the engine's own orders hold (exits, an
 * operator's flatten). Only one liquidation per instrument is in flight at a time. The orders, their fills and the
 * fees are outputs like any other, so the digest carries them and paper, backtest and replay liquidate alike.
 * Core thread only; no allocation.
 */
public final class PaperLiquidations
{
    /** Who holds the positions: the strategies, by index. Implemented by the strategy set. */
    public interface Holders
    {
        /** How many strategies there are. */
        int count();

        /** The id of the strategy at {@code index} (1, 2, ...). */
        int strategyId(int index);

        /** The signed position (scaled) of the strategy at {@code index} in the instrument. */
        long position(int index, int instrumentId);
    }

    private final MarginAccount account;
    private final MarkPrices marks;
    private final PositionBook positions;
    private final OrderStore orders;
    private final ExecutionEngine engine;
    private long liquidations;

    PaperLiquidations(final MarginAccount account, final MarkPrices marks, final PositionBook positions,
        final OrderStore orders, final ExecutionEngine engine)
    {
        this.account = account;
        this.marks = marks;
        this.positions = positions;
        this.orders = orders;
        this.engine = engine;
    }

    /**
     * A new mark of {@code instrumentId}: liquidates the position when the mark crossed its liquidation price.
     *
     * @param venue where the liquidation fills are reported from
     */
    void onMark(final int instrumentId, final long nowNanos, final Holders holders, final PaperVenue venue)
    {
        final long held = account.contracts(instrumentId);
        final long mark = marks.mark(instrumentId);
        if (held == 0 || mark <= 0 || liquidating(instrumentId))
        {
            return;
        }
        final double liquidationPrice = account.liquidationPrice(instrumentId);
        final double markValue = FixedPoint.toDouble(mark);
        final boolean crossed = liquidationPrice > 0 &&
            (held > 0 ? markValue <= liquidationPrice : markValue >= liquidationPrice);
        if (!crossed)
        {
            return;
        }
        liquidations++;
        cancelOpenOrders(instrumentId);
        long left = positions.quantity(instrumentId);
        for (int i = 0; i < holders.count(); i++)
        {
            final long position = holders.position(i, instrumentId);
            if (position != 0)
            {
                close(holders.strategyId(i), instrumentId, position, mark, nowNanos, venue);
                left -= position;
            }
        }
        if (left != 0)
        {
            close(0, instrumentId, left, mark, nowNanos, venue); // what the engine's own orders hold
        }
    }

    /** Liquidations started so far (one per instrument and crossing). */
    long count()
    {
        return liquidations;
    }

    private void close(final int strategyId, final int instrumentId, final long position, final long mark,
        final long nowNanos, final PaperVenue venue)
    {
        final int side = position > 0 ? Side.SELL : Side.BUY;
        final long quantity = Math.abs(position);
        final Order order = engine.venueLiquidation(strategyId, instrumentId, side, quantity);
        if (order != null)
        {
            venue.reportLiquidationFill(order.orderId(), quantity, mark, nowNanos);
        }
    }

    private void cancelOpenOrders(final int instrumentId)
    {
        for (int i = orders.openCount() - 1; i >= 0; i--)
        {
            final Order order = orders.open(i);
            if (order.instrumentId() == instrumentId && order.type() != OrderType.LIQUIDATION)
            {
                engine.emergencyCancel(order.orderId());
            }
        }
    }

    private boolean liquidating(final int instrumentId)
    {
        for (int i = 0; i < orders.openCount(); i++)
        {
            final Order order = orders.open(i);
            if (order.instrumentId() == instrumentId && order.type() == OrderType.LIQUIDATION)
            {
                return true;
            }
        }
        return false;
    }
}
