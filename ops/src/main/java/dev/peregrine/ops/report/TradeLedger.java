package dev.peregrine.ops.report;

import dev.peregrine.core.number.FixedPoint;

import java.util.function.Consumer;

/**
 * Turns fills into round trips, per product, with average-price accounting (the same rules as the
 * core's {@code PositionBook}, so the trades' PnL adds up to the engine's realized PnL):
 *
 * <ul>
 *   <li>A trade opens with the first fill from flat and closes with the fill that makes the position
 *   flat again. Adding to the position, and partial closes, belong to the same trade: a partial
 *   close realizes PnL into the open trade; it does not make a trade of its own.</li>
 *   <li>A fill that goes through zero (a flip) closes the trade with the part that reaches flat and
 *   opens a new trade, in the other direction, with the rest at the fill's price. Its fee is split
 *   between the two trades in proportion to quantity.</li>
 *   <li>A position still open at the end of the data is not a trade: {@link #openDirection} tells it
 *   apart, and the report lists it as open.</li>
 * </ul>
 */
public final class TradeLedger
{
    private final Consumer<Trade> closed;
    /** Scaled, exact: a position must come back to exactly zero for a trade to close. */
    private final long[] position;
    private final double[] averagePrice;
    private final long[] entryNanos;
    private final double[] entryQuantity;
    private final double[] entryNotional;
    private final double[] exitQuantity;
    private final double[] exitNotional;
    private final double[] grossPnl;
    private final double[] fees;
    private final int[] fills;

    /** @param closed hears each trade as it closes */
    public TradeLedger(final int instruments, final Consumer<Trade> closed)
    {
        this.closed = closed;
        position = new long[instruments];
        averagePrice = new double[instruments];
        entryNanos = new long[instruments];
        entryQuantity = new double[instruments];
        entryNotional = new double[instruments];
        exitQuantity = new double[instruments];
        exitNotional = new double[instruments];
        grossPnl = new double[instruments];
        fees = new double[instruments];
        fills = new int[instruments];
    }

    /**
     * A fill: {@code direction} +1 buy, -1 sell; {@code scaledQuantity} as the core scales it (> 0);
     * price per unit; fee in quote currency.
     */
    public void onFill(final int id, final int direction, final long scaledQuantity, final double price, final double fee,
        final long timeNanos)
    {
        final long held = position[id];
        final double quantity = FixedPoint.toDouble(scaledQuantity);
        if (held == 0)
        {
            open(id, direction, scaledQuantity, price, fee, timeNanos);
            return;
        }
        if (Long.signum(held) == direction)
        {
            final double size = Math.abs(FixedPoint.toDouble(held));
            averagePrice[id] = (averagePrice[id] * size + price * quantity) / (size + quantity);
            position[id] = held + direction * scaledQuantity;
            entryQuantity[id] += quantity;
            entryNotional[id] += quantity * price;
            fees[id] += fee;
            fills[id]++;
            return;
        }
        final long size = Math.abs(held);
        final long closing = Math.min(size, scaledQuantity);
        final double closingQuantity = FixedPoint.toDouble(closing);
        final double closingFee = scaledQuantity > size ? fee * ((double)closing / scaledQuantity) : fee;
        grossPnl[id] += (price - averagePrice[id]) * closingQuantity * Long.signum(held);
        exitQuantity[id] += closingQuantity;
        exitNotional[id] += closingQuantity * price;
        fees[id] += closingFee;
        fills[id]++;
        if (scaledQuantity < size)
        {
            position[id] = held + direction * scaledQuantity;
            return;
        }
        close(id, timeNanos);
        if (scaledQuantity > size)
        {
            open(id, direction, scaledQuantity - size, price, fee - closingFee, timeNanos);
        }
    }

    private void open(final int id, final int direction, final long scaledQuantity, final double price, final double fee,
        final long timeNanos)
    {
        final double quantity = FixedPoint.toDouble(scaledQuantity);
        position[id] = direction * scaledQuantity;
        averagePrice[id] = price;
        entryNanos[id] = timeNanos;
        entryQuantity[id] = quantity;
        entryNotional[id] = quantity * price;
        exitQuantity[id] = 0.0;
        exitNotional[id] = 0.0;
        grossPnl[id] = 0.0;
        fees[id] = fee;
        fills[id] = 1;
    }

    private void close(final int id, final long timeNanos)
    {
        final int direction = position[id] > 0 ? 1 : -1;
        closed.accept(new Trade(id, direction, entryNanos[id], timeNanos, entryQuantity[id],
            entryNotional[id] / entryQuantity[id], exitNotional[id] / exitQuantity[id], grossPnl[id], fees[id], fills[id]));
        position[id] = 0;
        averagePrice[id] = 0.0;
    }

    /** +1 long, -1 short, 0 flat. */
    public int openDirection(final int id)
    {
        return Long.signum(position[id]);
    }

    /** Signed scaled quantity of the open trade. */
    public long openPosition(final int id)
    {
        return position[id];
    }

    public double openAveragePrice(final int id)
    {
        return averagePrice[id];
    }

    public long openEntryNanos(final int id)
    {
        return entryNanos[id];
    }

    /** Realized PnL (gross) and fees already booked to the open trade. */
    public double openRealized(final int id)
    {
        return grossPnl[id] - fees[id];
    }
}
