package dev.peregrine.ops.orderlog;

import dev.peregrine.core.decision.DecisionRecord;
import dev.peregrine.core.metrics.SingleWriterCounter;
import dev.peregrine.core.order.OrderType;
import dev.peregrine.core.output.OutputListener;
import dev.peregrine.core.risk.RejectReason;

/**
 * The core's side of the order log: an {@link OutputListener} that copies each order event's primitives into
 * the {@link OrderEventRing} and returns. It never blocks, locks or allocates; when the log thread has fallen
 * a whole ring behind, the event is dropped and counted ({@link #dropped()}, exported as
 * {@code peregrine_order_log_dropped_total}): trading never waits for logging.
 *
 * <p>The strategy id and signal come from {@link #onDecision}, which the core calls just before the
 * {@code onOrder} or {@code onReject} of the same order id. While {@link #enabled} is false (crash recovery
 * replaying the journal through the core) nothing is captured: those events were logged by the run that
 * lived them, and the open-order view is seeded from the recovered core instead.
 *
 * <p>One producer: the thread that runs the core (the starting thread during recovery, then the core thread;
 * the ring's start orders the hand-over).
 */
public final class OrderEventCapture implements OutputListener
{
    private final OrderEventRing ring;
    private final SingleWriterCounter dropped = new SingleWriterCounter("order_log_dropped");
    private boolean enabled;

    private long decisionOrderId = -1;
    private int decisionStrategyId = -1;
    private String decisionSignal;

    public OrderEventCapture(final OrderEventRing ring)
    {
        this.ring = ring;
    }

    /** Starts or stops capturing; set by the producing thread, or before the core thread starts. */
    public void enabled(final boolean enabled)
    {
        this.enabled = enabled;
    }

    public boolean enabled()
    {
        return enabled;
    }

    /** Events lost because the ring was full (any thread may read). */
    public long dropped()
    {
        return dropped.get();
    }

    public OrderEventRing ring()
    {
        return ring;
    }

    @Override
    public void onDecision(final DecisionRecord decision)
    {
        decisionOrderId = decision.orderId();
        decisionStrategyId = decision.strategyId();
        decisionSignal = decision.signal();
    }

    @Override
    public void onOrder(final long orderId, final int instrumentId, final int side, final OrderType type,
        final long quantity, final long limitPrice, final long timeNanos)
    {
        final OrderEventSlot slot = claim(OrderEventKind.SUBMITTED, orderId, instrumentId, timeNanos);
        if (slot != null)
        {
            decided(slot, orderId);
            slot.side = side;
            slot.type = type;
            slot.quantity = quantity;
            slot.price = limitPrice;
            ring.publish();
        }
    }

    @Override
    public void onAccepted(final long orderId, final int instrumentId, final long timeNanos)
    {
        if (claim(OrderEventKind.ACCEPTED, orderId, instrumentId, timeNanos) != null)
        {
            ring.publish();
        }
    }

    @Override
    public void onCancelRequested(final long orderId, final int instrumentId, final long timeNanos)
    {
        if (claim(OrderEventKind.CANCEL_REQUESTED, orderId, instrumentId, timeNanos) != null)
        {
            ring.publish();
        }
    }

    @Override
    public void onCancelRefused(final long orderId, final int instrumentId, final boolean acknowledged, final long timeNanos)
    {
        final OrderEventSlot slot = claim(OrderEventKind.CANCEL_REFUSED, orderId, instrumentId, timeNanos);
        if (slot != null)
        {
            slot.acknowledged = acknowledged;
            ring.publish();
        }
    }

    @Override
    public void onReject(final long orderId, final int instrumentId, final int side, final long quantity,
        final RejectReason reason, final long timeNanos)
    {
        final OrderEventSlot slot = claim(OrderEventKind.REJECTED, orderId, instrumentId, timeNanos);
        if (slot != null)
        {
            decided(slot, orderId);
            slot.side = side;
            slot.quantity = quantity;
            slot.reason = reason;
            ring.publish();
        }
    }

    @Override
    public void onFill(final long orderId, final int instrumentId, final int side, final long quantity,
        final long price, final double fee, final long timeNanos)
    {
        final OrderEventSlot slot = claim(OrderEventKind.FILLED, orderId, instrumentId, timeNanos);
        if (slot != null)
        {
            slot.side = side;
            slot.quantity = quantity;
            slot.price = price;
            slot.fee = fee;
            ring.publish();
        }
    }

    @Override
    public void onExpired(final long orderId, final int instrumentId, final long leavesQuantity, final long timeNanos)
    {
        final OrderEventSlot slot = claim(OrderEventKind.EXPIRED, orderId, instrumentId, timeNanos);
        if (slot != null)
        {
            slot.quantity = leavesQuantity;
            ring.publish();
        }
    }

    @Override
    public void onCancel(final long orderId, final int instrumentId, final long quantity, final long timeNanos)
    {
        final OrderEventSlot slot = claim(OrderEventKind.CANCELLED, orderId, instrumentId, timeNanos);
        if (slot != null)
        {
            slot.quantity = quantity;
            ring.publish();
        }
    }

    /** A cleared slot with the common fields set, or null (counted) when disabled or the ring is full. */
    private OrderEventSlot claim(final int kind, final long orderId, final int instrumentId, final long timeNanos)
    {
        if (!enabled)
        {
            return null;
        }
        final OrderEventSlot slot = ring.claim();
        if (slot == null)
        {
            dropped.increment();
            return null;
        }
        slot.kind = kind;
        slot.orderId = orderId;
        slot.instrumentId = instrumentId;
        slot.timeNanos = timeNanos;
        return slot;
    }

    private void decided(final OrderEventSlot slot, final long orderId)
    {
        if (orderId == decisionOrderId)
        {
            slot.strategyId = decisionStrategyId;
            slot.signal = decisionSignal;
        }
    }
}
