package dev.peregrine.core.execution;

import dev.peregrine.core.event.Side;
import dev.peregrine.core.metrics.CoreMetrics;
import dev.peregrine.core.number.FixedPoint;
import dev.peregrine.core.order.Order;
import dev.peregrine.core.order.OrderState;

/**
 * Execution-quality sums for the metrics: the notional ordered and filled, and the slippage cost of each
 * fill against the mid the order arrived at. Measurement only: nothing here feeds a decision, and none of
 * it is in the state hash. Owned by the core thread.
 */
public final class ExecutionQuality
{
    private final CoreMetrics metrics;
    private double orderedNotional;
    private double filledNotional;
    private double slippageCost;

    public ExecutionQuality(final CoreMetrics metrics)
    {
        this.metrics = metrics;
    }

    /**
     * A new order: remembers the mid it arrived at (0 without a two-sided touch) and adds its notional.
     *
     * @param referencePrice the price the order is expected to trade at (the touch or its limit), 0 if none
     */
    public void onOrder(final Order order, final long quantity, final long referencePrice, final long bid, final long ask)
    {
        order.arrivalMid(bid > 0 && ask > 0 ? bid + (ask - bid) / 2 : 0);
        if (referencePrice > 0)
        {
            orderedNotional += FixedPoint.toDouble(referencePrice) * FixedPoint.toDouble(quantity);
            metrics.orderedNotional.set(orderedNotional);
        }
    }

    /** A fill the positions took: its notional, its slippage against the arrival mid, a completed order. */
    public void onFill(final Order order, final long quantity, final long price)
    {
        final double qty = FixedPoint.toDouble(quantity);
        filledNotional += FixedPoint.toDouble(price) * qty;
        metrics.filledNotional.set(filledNotional);
        final long mid = order.arrivalMid();
        if (mid > 0)
        {
            final double worse = order.side() == Side.BUY ? price - mid : mid - price;
            slippageCost += worse / FixedPoint.SCALE * qty;
            metrics.slippageCost.set(slippageCost);
        }
        if (order.state() == OrderState.FILLED)
        {
            metrics.ordersFilled.increment();
        }
    }
}
