package dev.peregrine.core.execution;

import dev.peregrine.core.order.Order;
import dev.peregrine.core.order.OrderStore;
import dev.peregrine.core.risk.RejectReason;

/**
 * What the {@link PaperVenue} has said and the engine has not heard yet: every report (accept, fill, cancel,
 * reject) waits out the fill latency in one queue and is then delivered to the engine's {@link VenueReports}
 * in time order. A report is five primitives in pre-allocated arrays: nothing is allocated per report.
 */
final class PaperReports
{
    static final int ACCEPTED = 1;
    static final int FILL_MAKER = 2;
    static final int FILL_TAKER = 3;
    static final int CANCELLED = 4;
    static final int REJECTED_NO_MARKET = 5;
    static final int REJECTED_CAPACITY = 6;

    private final VenueActionQueue queue = new VenueActionQueue(16384);
    private final VenueReports reports;
    private final OrderStore orders;
    private long latencyNanos;

    PaperReports(final VenueReports reports, final OrderStore orders, final long latencyNanos)
    {
        this.reports = reports;
        this.orders = orders;
        this.latencyNanos = latencyNanos;
    }

    /** The fill latency of a new model (a settings change): reports already queued keep their times. */
    void latency(final long latencyNanos)
    {
        this.latencyNanos = latencyNanos;
    }

    /** The venue made a report at {@code venueTimeNanos}; the engine hears it one fill latency later. */
    void report(final long venueTimeNanos, final long orderId, final long quantity, final long price, final int code)
    {
        if (!queue.offer(venueTimeNanos + latencyNanos, orderId, quantity, price, code))
        {
            // Sixteen thousand undelivered reports means the engine stopped consuming: a bug, not a market.
            throw new IllegalStateException("paper venue report queue is full");
        }
    }

    boolean isEmpty()
    {
        return queue.isEmpty();
    }

    long headDue()
    {
        return queue.headDue();
    }

    /** Delivers the report at the head of the queue to the engine (nothing if its order is gone). */
    void deliver()
    {
        final long at = queue.headDue();
        final long id = queue.headOrderId();
        final long quantity = queue.headQuantity();
        final long price = queue.headPrice();
        final int code = queue.headCode();
        queue.poll();
        final Order order = orders.get(id);
        if (order == null)
        {
            return;
        }
        switch (code)
        {
            case ACCEPTED:
                reports.onVenueAccepted(order, at);
                break;
            case FILL_MAKER:
                reports.onVenueFill(order, quantity, price, Liquidity.MAKER, at);
                break;
            case FILL_TAKER:
                reports.onVenueFill(order, quantity, price, Liquidity.TAKER, at);
                break;
            case CANCELLED:
                reports.onVenueCancelled(order, at);
                break;
            case REJECTED_NO_MARKET:
                reports.onVenueRejected(order, RejectReason.NO_MARKET, at);
                break;
            default:
                reports.onVenueRejected(order, RejectReason.TOO_MANY_ORDERS, at);
                break;
        }
    }

    long hash(final long seed)
    {
        return queue.hash(seed);
    }
}
