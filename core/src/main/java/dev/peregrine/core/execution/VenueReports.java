package dev.peregrine.core.execution;

import dev.peregrine.core.order.Order;
import dev.peregrine.core.risk.RejectReason;

/**
 * What a venue tells the engine about its orders. The paper venue calls it on the core thread when a
 * report's latency has elapsed in event time; a live venue's answers arrive as journaled inbound events
 * and are turned into the same calls, so execution has one code path for both.
 */
public interface VenueReports
{
    void onVenueAccepted(Order order, long timeNanos);

    void onVenueFill(Order order, long quantity, long price, Liquidity liquidity, long timeNanos);

    /** The venue cancelled what was left of the order (a cancel request, or an IOC remainder). */
    void onVenueCancelled(Order order, long timeNanos);

    void onVenueRejected(Order order, RejectReason reason, long timeNanos);
}
