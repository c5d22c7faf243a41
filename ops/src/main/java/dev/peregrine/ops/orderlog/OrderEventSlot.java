package dev.peregrine.ops.orderlog;

import dev.peregrine.core.order.OrderType;
import dev.peregrine.core.risk.RejectReason;

/**
 * One pre-allocated entry of the {@link OrderEventRing}: the primitive arguments of one order event as the
 * core reported them. Written by the core thread between claim and publish, read by the log thread between
 * poll and release; the ring's release/acquire on its indices orders the two. The references it holds
 * (order type, reject reason, signal) are constants, so copying them allocates nothing.
 */
public final class OrderEventSlot
{
    public int kind;
    public long orderId;
    public int instrumentId;
    /** Strategy id from the decision that preceded a submission or a risk reject; -1 when not known here. */
    public int strategyId;
    public int side;
    public OrderType type;
    /** Order quantity (submitted, rejected), fill quantity (filled) or the unfilled rest (expired, cancelled). */
    public long quantity;
    /** Limit price (submitted, 0 for market) or fill price (filled). */
    public long price;
    public double fee;
    public RejectReason reason;
    /** The strategy's signal for a submission or a risk reject, else null. */
    public String signal;
    /** CANCEL_REFUSED: the venue had accepted the order (it works on as accepted, else as sent). */
    public boolean acknowledged;
    /** Event time of the core, epoch nanoseconds. */
    public long timeNanos;

    void clear()
    {
        strategyId = -1;
        side = 0;
        type = null;
        quantity = 0;
        price = 0;
        fee = 0;
        reason = null;
        signal = null;
        acknowledged = false;
    }
}
