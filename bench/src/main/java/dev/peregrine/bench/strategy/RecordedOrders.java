package dev.peregrine.bench.strategy;

import dev.peregrine.core.order.OrderType;
import dev.peregrine.core.output.OutputListener;
import dev.peregrine.core.risk.RejectReason;

/**
 * The engine's orders and fills in primitive arrays sized up front, so recording them allocates nothing
 * during a backtest (the engine's own zero-allocation rule, and the benchmark's B per bar, must not be
 * blurred by the observer). {@link #clear()} starts the next backtest in the same arrays. Anything the
 * EMA backtest should never see (rejects, cancels, expiries, resting orders) is counted, so a test can
 * say it did not happen.
 */
public final class RecordedOrders implements OutputListener
{
    private final long[] orderTimes;
    private final int[] orderSides;
    private final long[] orderQuantities;
    private final long[] fillPrices;
    private int orders;
    private int fills;
    private int unexpected;
    private long lastFillOrderId;

    /** Room for {@code capacity} orders and as many fills. */
    public RecordedOrders(final int capacity)
    {
        orderTimes = new long[capacity];
        orderSides = new int[capacity];
        orderQuantities = new long[capacity];
        fillPrices = new long[capacity];
    }

    public void clear()
    {
        orders = 0;
        fills = 0;
        unexpected = 0;
        lastFillOrderId = 0;
    }

    @Override
    public void onOrder(final long orderId, final int instrumentId, final int side, final OrderType type,
        final long quantity, final long limitPrice, final long timeNanos)
    {
        orderTimes[orders] = timeNanos;
        orderSides[orders] = side;
        orderQuantities[orders] = quantity;
        orders++;
        if (type != OrderType.MARKET)
        {
            unexpected++;
        }
    }

    @Override
    public void onFill(final long orderId, final int instrumentId, final int side, final long quantity,
        final long price, final double fee, final long timeNanos)
    {
        // One fill per order, for the order just placed, in order: anything else is worth a failing test.
        if (fills >= orders || orderId == lastFillOrderId || quantity != orderQuantities[fills] ||
            timeNanos != orderTimes[fills])
        {
            unexpected++;
            return;
        }
        fillPrices[fills++] = price;
        lastFillOrderId = orderId;
    }

    @Override
    public void onAccepted(final long orderId, final int instrumentId, final long timeNanos)
    {
        unexpected++;
    }

    @Override
    public void onCancelRequested(final long orderId, final int instrumentId, final long timeNanos)
    {
        unexpected++;
    }

    @Override
    public void onReject(final long orderId, final int instrumentId, final int side, final long quantity,
        final RejectReason reason, final long timeNanos)
    {
        unexpected++;
    }

    @Override
    public void onExpired(final long orderId, final int instrumentId, final long leavesQuantity, final long timeNanos)
    {
        unexpected++;
    }

    @Override
    public void onCancel(final long orderId, final int instrumentId, final long quantity, final long timeNanos)
    {
        unexpected++;
    }

    public int orderCount()
    {
        return orders;
    }

    public int fillCount()
    {
        return fills;
    }

    /** Rejects, cancels, expiries, acceptances of resting orders, non-market orders and stray fills. */
    public int unexpectedCount()
    {
        return unexpected;
    }

    /** Event time of the {@code i}-th order, epoch ns. */
    public long orderTime(final int i)
    {
        return orderTimes[i];
    }

    /** {@code Side.BUY} or {@code Side.SELL}. */
    public int orderSide(final int i)
    {
        return orderSides[i];
    }

    public long orderQuantity(final int i)
    {
        return orderQuantities[i];
    }

    /** Price of the {@code i}-th order's fill (scaled). */
    public long fillPrice(final int i)
    {
        return fillPrices[i];
    }
}
