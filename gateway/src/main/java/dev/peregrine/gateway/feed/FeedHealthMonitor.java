package dev.peregrine.gateway.feed;

import com.lmax.disruptor.RingBuffer;
import dev.peregrine.core.event.EventType;
import dev.peregrine.core.event.InboundEvent;
import dev.peregrine.core.ring.InboundRing;
import dev.peregrine.core.time.EpochClock;
import dev.peregrine.gateway.GatewayMetrics;
import dev.peregrine.gateway.MarketDataSlot;

/**
 * Turns what the decoder and the connection see into feed-health events on the inbound ring, per
 * instrument: {@code FEED_STALE} once when no data message came for longer than the threshold,
 * {@code FEED_GAP} when messages were lost (a sequence gap, or the connection itself), and
 * {@code FEED_RECOVERED} when the instrument can be trusted again: for an instrument with a book, once
 * a fresh snapshot has been published; for one without, once its data flows again.
 *
 * <p>Because these are ring events, they are journaled, and a replay sees the feed fail and recover at
 * the same place in the stream as the live run did; the core never reads a clock to decide staleness.
 *
 * <p>Staleness is measured from data messages only (ticker, trades, level2, candles), never heartbeats:
 * a venue that keeps the socket alive but stops sending a product's data is exactly the case to catch.
 *
 * <p>Thread: the connection's event loop only (decoder callbacks, the periodic {@link #checkStaleness}
 * task, connection events); it is a ring producer there. Other threads read the gauges in
 * {@link GatewayMetrics}.
 */
public final class FeedHealthMonitor implements FeedListener
{
    /** Data flows and nothing was lost. */
    public static final int HEALTHY = 0;
    /** No data for longer than the threshold; FEED_STALE was published. */
    public static final int STALE = 1;
    /** Messages were lost; waiting for a fresh book snapshot. */
    public static final int AWAITING_SNAPSHOT = 2;
    /** Messages were lost; waiting for data to flow again (an instrument without a book). */
    public static final int AWAITING_DATA = 3;

    private final RingBuffer<InboundEvent> ring;
    private final GatewayMetrics metrics;
    private final EpochClock clock = new EpochClock();
    private final int[] instrumentIds;
    private final boolean[] hasBook;
    private final long staleThresholdNanos;
    /** Indexed by instrument id; -1 marks instruments this feed does not carry. */
    private final int[] slotOf;
    private final int[] state;
    private final long[] lastDataNanoTime;

    /**
     * @param instrumentIds       the engine ids of the instruments this connection carries.
     * @param hasBook             per entry of {@code instrumentIds}: true if it gets level2 snapshots.
     * @param staleThresholdNanos age of the last data message above which an instrument is stale.
     * @param startNanoTime       {@link System#nanoTime()} at start: staleness counts from here until data comes.
     */
    public FeedHealthMonitor(
        final RingBuffer<InboundEvent> ring,
        final GatewayMetrics metrics,
        final int[] instrumentIds,
        final boolean[] hasBook,
        final long staleThresholdNanos,
        final long startNanoTime)
    {
        if (instrumentIds.length != hasBook.length)
        {
            throw new IllegalArgumentException("hasBook needs one entry per instrument id: " +
                hasBook.length + " != " + instrumentIds.length);
        }
        if (staleThresholdNanos <= 0)
        {
            throw new IllegalArgumentException("staleThresholdNanos must be > 0, was " + staleThresholdNanos);
        }
        this.ring = ring;
        this.metrics = metrics;
        this.instrumentIds = instrumentIds.clone();
        this.hasBook = hasBook.clone();
        this.staleThresholdNanos = staleThresholdNanos;
        int maxId = -1;
        for (final int id : instrumentIds)
        {
            if (id < 0)
            {
                throw new IllegalArgumentException("instrument ids must be >= 0, was " + id);
            }
            maxId = Math.max(maxId, id);
        }
        this.slotOf = new int[maxId + 1];
        java.util.Arrays.fill(slotOf, -1);
        for (int i = 0; i < instrumentIds.length; i++)
        {
            slotOf[instrumentIds[i]] = i;
        }
        this.state = new int[instrumentIds.length];
        this.lastDataNanoTime = new long[instrumentIds.length];
        java.util.Arrays.fill(lastDataNanoTime, startNanoTime);
    }

    @Override
    public void onData(final int instrumentId, final long receiveNanoTime)
    {
        final int slot = slot(instrumentId);
        if (slot < 0)
        {
            return;
        }
        lastDataNanoTime[slot] = receiveNanoTime;
        final int s = state[slot];
        if (s == STALE || s == AWAITING_DATA)
        {
            recover(slot);
        }
    }

    @Override
    public void onSnapshotApplied(final int instrumentId)
    {
        final int slot = slot(instrumentId);
        if (slot >= 0 && state[slot] != HEALTHY)
        {
            recover(slot);
        }
    }

    @Override
    public void onSequenceGap(final long received, final long expected)
    {
        gapAll(received, expected);
    }

    /** The connection was lost (not closed by us): every instrument's book and data may be incomplete. */
    public void onConnectionLost()
    {
        gapAll(0, 0);
    }

    /**
     * Publishes FEED_STALE for each healthy instrument whose last data message is older than the
     * threshold. Instruments already waiting for recovery are skipped: they are unhealthy already.
     */
    public void checkStaleness(final long nowNanoTime)
    {
        for (int slot = 0; slot < state.length; slot++)
        {
            final long age = nowNanoTime - lastDataNanoTime[slot];
            if (state[slot] == HEALTHY && age > staleThresholdNanos)
            {
                state[slot] = STALE;
                metrics.onStaleEpisode();
                publish(EventType.FEED_STALE, instrumentIds[slot], 0, 0, age);
            }
        }
        updateGauges();
    }

    /** Event loop only: the state of an instrument this feed carries, or -1 for one it does not. */
    public int state(final int instrumentId)
    {
        final int slot = slot(instrumentId);
        return slot < 0 ? -1 : state[slot];
    }

    /** Event loop only: true if any instrument waits for a fresh book snapshot. */
    public boolean awaitingSnapshot()
    {
        for (final int s : state)
        {
            if (s == AWAITING_SNAPSHOT)
            {
                return true;
            }
        }
        return false;
    }

    private void gapAll(final long received, final long expected)
    {
        for (int slot = 0; slot < state.length; slot++)
        {
            state[slot] = hasBook[slot] ? AWAITING_SNAPSHOT : AWAITING_DATA;
            metrics.onFeedGapPublished();
            publish(EventType.FEED_GAP, instrumentIds[slot], received, expected, 0);
        }
        updateGauges();
    }

    private void recover(final int slot)
    {
        state[slot] = HEALTHY;
        metrics.onFeedRecovered();
        publish(EventType.FEED_RECOVERED, instrumentIds[slot], 0, 0, 0);
        updateGauges();
    }

    private void updateGauges()
    {
        int stale = 0;
        int recovering = 0;
        for (final int s : state)
        {
            if (s == STALE)
            {
                stale++;
            }
            else if (s != HEALTHY)
            {
                recovering++;
            }
        }
        metrics.setInstrumentHealth(stale, recovering);
    }

    private int slot(final int instrumentId)
    {
        return instrumentId >= 0 && instrumentId < slotOf.length ? slotOf[instrumentId] : -1;
    }

    private void publish(final int type, final int instrumentId, final long received, final long expected, final long staleNanos)
    {
        final long sequence = ring.next();
        try
        {
            final InboundEvent event = ring.get(sequence);
            // A health event has no exchange time and no receive time of its own (0, as cleared).
            MarketDataSlot.head(event, type, instrumentId, received, 0, clock.epochNanos(), 0);
            event.expectedSequence = expected;
            event.staleNanos = staleNanos;
        }
        finally
        {
            InboundRing.publish(ring, sequence);
        }
    }
}
