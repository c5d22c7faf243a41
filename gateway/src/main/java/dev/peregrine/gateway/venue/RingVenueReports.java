package dev.peregrine.gateway.venue;

import com.lmax.disruptor.InsufficientCapacityException;
import com.lmax.disruptor.RingBuffer;
import dev.peregrine.core.event.EventType;
import dev.peregrine.core.event.InboundEvent;
import dev.peregrine.core.ring.InboundRing;
import dev.peregrine.core.time.EpochClock;
import dev.peregrine.gateway.MarketDataSlot;
import dev.peregrine.gateway.orders.VenueResponseListener;

import java.util.concurrent.atomic.AtomicLong;

/**
 * A live venue's answers as inbound ring events: each {@link VenueResponseListener} call becomes one VENUE_* event,
 * journaled and applied by the core like any input, so a replay reproduces a live session's fills without a venue.
 * Venue-neutral: an order adapter reports through it, and the live venue hands the outbound thread's own refusals
 * (a full adapter queue) to {@link #refuse}, which never waits on the ring that thread consumes.
 *
 * <p>A fill's trade id ends in its fill number, the digits after the last dash ({@code <venueOrderId>-<n>} for
 * Coinbase, Binance's trade id itself), increasing per order: the core drops a number it has seen.
 */
public final class RingVenueReports implements VenueResponseListener
{
    private final EpochClock clock = new EpochClock();
    private final AtomicLong refusalsNotDelivered = new AtomicLong();
    private volatile RingBuffer<InboundEvent> ring;

    /** From now on answers go into {@code inbound}. */
    public void attach(final RingBuffer<InboundEvent> inbound)
    {
        this.ring = inbound;
    }

    /**
     * The outbound thread could not queue a create ({@code cancel} false) or a cancel: tells the core, or counts it
     * when the ring is full (the venue time-out then settles the order).
     */
    public void refuse(final long orderId, final boolean cancel)
    {
        if (!publish(false, cancel ? EventType.VENUE_CANCEL_REJECTED : EventType.VENUE_REJECTED, orderId, 0, 0, 0, 0, 0))
        {
            refusalsNotDelivered.incrementAndGet();
        }
    }

    /** Refusals the outbound thread could not publish because the ring was full. */
    public long refusalsNotDelivered()
    {
        return refusalsNotDelivered.get();
    }

    @Override
    public void onAccepted(final long orderId, final String venueOrderId)
    {
        publish(true, EventType.VENUE_ACCEPTED, orderId, 0, 0, 0, 0, 0);
    }

    @Override
    public void onRejected(final long orderId, final int reason, final String detail)
    {
        publish(true, EventType.VENUE_REJECTED, orderId, 0, 0, 0, 0, reason);
    }

    @Override
    public void onUnknown(final long orderId, final int reason, final String detail)
    {
        publish(true, EventType.VENUE_UNKNOWN, orderId, 0, 0, 0, 0, reason);
    }

    @Override
    public void onCancelled(final long orderId, final String venueOrderId)
    {
        publish(true, EventType.VENUE_CANCELLED, orderId, 0, 0, 0, 0, 0);
    }

    @Override
    public void onCancelRejected(final long orderId, final String reason)
    {
        publish(true, EventType.VENUE_CANCEL_REJECTED, orderId, 0, 0, 0, 0, 0);
    }

    @Override
    public void onFill(final long orderId, final String tradeId, final long quantity, final long price, final long fee,
        final int liquidity)
    {
        publish(true, EventType.VENUE_FILL, orderId, fillNumber(tradeId), quantity, price, fee,
            liquidity == LIQUIDITY_MAKER ? 1 : 2);
    }

    /** The digits after the last dash of {@code tradeId} (all of it without a dash); 0 if they are not digits. */
    public static long fillNumber(final String tradeId)
    {
        final int dash = tradeId.lastIndexOf('-');
        long n = 0;
        for (int i = dash + 1; i < tradeId.length(); i++)
        {
            final char c = tradeId.charAt(i);
            if (c < '0' || c > '9')
            {
                return 0;
            }
            n = n * 10 + (c - '0');
        }
        return n;
    }

    /** False if {@code mayWait} is false and the ring is full; an answer from the adapter waits, none may be lost. */
    private boolean publish(final boolean mayWait, final int type, final long orderId, final long fillNumber,
        final long quantity, final long price, final long fee, final int flags)
    {
        final RingBuffer<InboundEvent> target = ring;
        final long sequence;
        try
        {
            sequence = mayWait ? target.next() : target.tryNext();
        }
        catch (final InsufficientCapacityException full)
        {
            return false;
        }
        try
        {
            final InboundEvent event = target.get(sequence);
            final long receiveNanoTime = System.nanoTime();
            // An order event names no instrument (-1, as cleared), venue sequence or exchange time.
            MarketDataSlot.head(event, type, -1, 0, 0, clock.epochNanosAt(receiveNanoTime), receiveNanoTime);
            event.orderId = orderId;
            event.tradeId = fillNumber;
            event.quantity = quantity;
            event.price = price;
            event.fee = fee;
            event.flags = flags;
        }
        finally
        {
            InboundRing.publish(target, sequence);
        }
        return true;
    }
}
