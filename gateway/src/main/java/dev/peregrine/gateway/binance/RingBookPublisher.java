package dev.peregrine.gateway.binance;

import com.lmax.disruptor.RingBuffer;
import dev.peregrine.core.event.EventType;
import dev.peregrine.core.event.InboundEvent;
import dev.peregrine.core.ring.InboundRing;
import dev.peregrine.gateway.MarketDataSlot;

/**
 * Publishes what the {@link BinanceBookSync}s emit as ring events: BOOK_LEVEL, FEED_GAP,
 * FEED_RECOVERED. The sync has validated everything already, so each event is a claim, a few stores
 * and a publish. The receive times are those of the frame (or snapshot) being processed: levels of
 * buffered diffs replayed after a snapshot carry the snapshot's receive time, which is when the core
 * can first see them, and keep their own exchange time.
 */
public final class RingBookPublisher implements BookSyncListener
{
    private final RingBuffer<InboundEvent> ring;
    private final BinanceMetrics metrics;
    private final BinanceMarketDataDecoder.SnapshotRequests snapshotRequests;
    public long receiveEpochNanos;
    public long receiveNanoTime;

    public RingBookPublisher(
        final RingBuffer<InboundEvent> ring,
        final BinanceMetrics metrics,
        final BinanceMarketDataDecoder.SnapshotRequests snapshotRequests)
    {
        this.ring = ring;
        this.metrics = metrics;
        this.snapshotRequests = snapshotRequests;
    }

    @Override
    public void onBookLevel(
        final int instrumentId,
        final int side,
        final long price,
        final long quantity,
        final int flags,
        final long updateId,
        final long exchangeTimeNanos)
    {
        final long slot = ring.next();
        try
        {
            final InboundEvent event = start(slot, EventType.BOOK_LEVEL, instrumentId, updateId, exchangeTimeNanos);
            event.side = side;
            event.price = price;
            event.quantity = quantity;
            event.flags = flags;
        }
        finally
        {
            InboundRing.publish(ring, slot); // a claimed slot must always be published, or every consumer stalls
        }
        metrics.onEventPublished();
    }

    @Override
    public void onFeedGap(final int instrumentId, final long receivedFirstUpdateId, final long expectedFirstUpdateId)
    {
        final long slot = ring.next();
        try
        {
            start(slot, EventType.FEED_GAP, instrumentId, receivedFirstUpdateId, 0).expectedSequence = expectedFirstUpdateId;
        }
        finally
        {
            InboundRing.publish(ring, slot);
        }
        metrics.onEventPublished();
    }

    @Override
    public void onFeedRecovered(final int instrumentId, final long lastUpdateId)
    {
        final long slot = ring.next();
        try
        {
            start(slot, EventType.FEED_RECOVERED, instrumentId, lastUpdateId, 0);
        }
        finally
        {
            InboundRing.publish(ring, slot);
        }
        metrics.onEventPublished();
    }

    @Override
    public void onSnapshotNeeded(final int instrumentId)
    {
        snapshotRequests.requestSnapshot(instrumentId);
    }

    private InboundEvent start(
        final long slot, final int type, final int instrumentId, final long sequence, final long exchangeTimeNanos)
    {
        final InboundEvent event = ring.get(slot);
        MarketDataSlot.head(event, type, instrumentId, sequence, exchangeTimeNanos, receiveEpochNanos, receiveNanoTime);
        return event;
    }
}
