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
 *
 * <p>After a restart (the journaled {@code RECOVERED} command, published by start-up before the live venue's
 * first report), the orders recovered pending at the venue are not timed out until the venue has reported on
 * each (the restart reconciliation's answer): their last update is from before the restart, so the time the
 * engine was down, and the reconciliation's own requests, would otherwise expire them before the venue was even
 * asked, and the fill it then reports would land on an EXPIRED order. From that report on, the time-out runs
 * from the report. Both the command and the reports are journaled inputs: a replay decides the same.
 */
final class VenueTimeouts
{
    private final OrderStore orders;
    private final VenueReportHandler reports;
    /** 0 turns time-outs off; replaced by a settings change. */
    private long venueTimeoutNanos;
    private long nextTimeoutCheckNanos = Long.MIN_VALUE;
    /** Orders recovered pending at the last restart, and when the venue first reported on each (MIN: not yet). */
    private long[] recoveredIds = new long[0];
    private long[] reportedNanos = new long[0];
    private int recoveredCount;

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

    /**
     * The engine restarted: the orders pending at the venue now wait for its report before their time-out runs.
     * Once per start, between events: the arrays are sized here, never per event.
     */
    void onRecovered()
    {
        recoveredCount = 0;
        recoveredIds = new long[orders.openCount()];
        reportedNanos = new long[orders.openCount()];
        for (int i = 0; i < orders.openCount(); i++)
        {
            final Order order = orders.open(i);
            if (waitsForVenue(order.state()))
            {
                recoveredIds[recoveredCount] = order.orderId();
                reportedNanos[recoveredCount++] = Long.MIN_VALUE;
            }
        }
    }

    /** A venue report on {@code orderId} arrived at {@code now}: a recovered order's time-out runs from the first. */
    void onVenueReport(final long orderId, final long now)
    {
        final int i = recoveredIndex(orderId);
        if (i >= 0 && reportedNanos[i] == Long.MIN_VALUE)
        {
            reportedNanos[i] = now;
        }
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
            final long since = silentSince(order);
            if (waitsForVenue(order.state()) && since != Long.MAX_VALUE && now - since >= venueTimeoutNanos)
            {
                reports.onSilence(order, now);
            }
        }
    }

    /** Since when the venue has said nothing about {@code order}; MAX for a recovered order it has not reported on. */
    private long silentSince(final Order order)
    {
        final int i = recoveredIndex(order.orderId());
        if (i < 0)
        {
            return order.updatedNanos();
        }
        return reportedNanos[i] == Long.MIN_VALUE ? Long.MAX_VALUE : Math.max(order.updatedNanos(), reportedNanos[i]);
    }

    private int recoveredIndex(final long orderId)
    {
        for (int i = 0; i < recoveredCount; i++)
        {
            if (recoveredIds[i] == orderId)
            {
                return i;
            }
        }
        return -1;
    }

    private static boolean waitsForVenue(final OrderState state)
    {
        return state == OrderState.PENDING_NEW || state == OrderState.PENDING_CANCEL;
    }

    long hash(final long seed)
    {
        final long h = Hash64.mix(seed, nextTimeoutCheckNanos);
        // Mixed only after a restart with orders pending at the venue, so journals without one hash as before.
        if (recoveredCount == 0)
        {
            return h;
        }
        long r = Hash64.mix(h, recoveredCount);
        for (int i = 0; i < recoveredCount; i++)
        {
            r = Hash64.mix(Hash64.mix(r, recoveredIds[i]), reportedNanos[i]);
        }
        return r;
    }
}
