package dev.peregrine.core.execution;

import dev.peregrine.core.order.Order;
import dev.peregrine.core.order.OrderState;
import dev.peregrine.core.order.OrderStore;
import dev.peregrine.core.output.Hash64;

/**
 * Expires orders the venue never answered: one waiting for an acknowledgement or a cancel confirmation
 * longer than the venue time-out becomes EXPIRED (its fate at the venue unknown; a late fill still counts,
 * see {@link VenueReportHandler}). Checked on the core's clock, ten times per time-out period. Owned by the
 * core thread.
 */
final class VenueTimeouts
{
    private final OrderStore orders;
    private final VenueReportHandler reports;
    /** 0 turns time-outs off; replaced by a settings change. */
    private long venueTimeoutNanos;
    private long nextTimeoutCheckNanos = Long.MIN_VALUE;

    VenueTimeouts(final OrderStore orders, final VenueReportHandler reports, final long venueTimeoutNanos)
    {
        this.orders = orders;
        this.reports = reports;
        this.venueTimeoutNanos = venueTimeoutNanos;
    }

    void replaceTimeout(final long nanos)
    {
        venueTimeoutNanos = nanos;
    }

    /** Called at the end of every event. */
    void afterEvent(final long now)
    {
        if (venueTimeoutNanos > 0 && now >= nextTimeoutCheckNanos)
        {
            // Ten checks per time-out period are plenty, and cost nothing between them.
            nextTimeoutCheckNanos = now + Math.max(1, venueTimeoutNanos / 10);
            expireSilentOrders(now);
        }
    }

    private void expireSilentOrders(final long now)
    {
        for (int i = orders.openCount() - 1; i >= 0; i--)
        {
            final Order order = orders.open(i);
            final OrderState state = order.state();
            if ((state == OrderState.PENDING_NEW || state == OrderState.PENDING_CANCEL) &&
                now - order.updatedNanos() >= venueTimeoutNanos)
            {
                reports.onSilence(order, now);
            }
        }
    }

    long hash(final long seed)
    {
        return Hash64.mix(seed, nextTimeoutCheckNanos);
    }
}
