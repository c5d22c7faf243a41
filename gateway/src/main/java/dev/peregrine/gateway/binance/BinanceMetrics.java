package dev.peregrine.gateway.binance;

import dev.peregrine.core.metrics.SingleWriterCounter;
import dev.peregrine.gateway.DropReason;

/**
 * Counters of one Binance market-data connection: frames by stream, drops by {@link DropReason}, and
 * the book synchronisation's own story (snapshots, stale diffs, gaps, resyncs, buffer overflows).
 *
 * <p>Single writer: the connection's event loop thread (decoder, {@link BinanceBookSync}, frame
 * handler). Any thread may read through the getters. Counters are pre-allocated and indexed by enum
 * ordinal, so counting is an array load and a release store.
 */
public final class BinanceMetrics
{
    private final SingleWriterCounter[] framesReceived = counters("frames_received", BinanceStream.values());
    private final SingleWriterCounter[] framesDropped = counters("frames_dropped", DropReason.values());
    private final SingleWriterCounter eventsPublished = new SingleWriterCounter("events_published");
    private final SingleWriterCounter snapshotsRequested = new SingleWriterCounter("snapshots_requested");
    private final SingleWriterCounter snapshotsApplied = new SingleWriterCounter("snapshots_applied");
    private final SingleWriterCounter snapshotsStale = new SingleWriterCounter("snapshots_stale");
    private final SingleWriterCounter snapshotsFailed = new SingleWriterCounter("snapshots_failed");
    private final SingleWriterCounter diffsApplied = new SingleWriterCounter("diffs_applied");
    private final SingleWriterCounter diffsBuffered = new SingleWriterCounter("diffs_buffered");
    private final SingleWriterCounter diffsStale = new SingleWriterCounter("diffs_stale");
    private final SingleWriterCounter bufferOverflows = new SingleWriterCounter("buffer_overflows");
    private final SingleWriterCounter feedGaps = new SingleWriterCounter("feed_gaps");
    private final SingleWriterCounter feedRecoveries = new SingleWriterCounter("feed_recoveries");
    private final SingleWriterCounter connects = new SingleWriterCounter("connects");
    private final SingleWriterCounter disconnects = new SingleWriterCounter("disconnects");

    private static SingleWriterCounter[] counters(final String name, final Enum<?>[] keys)
    {
        final SingleWriterCounter[] counters = new SingleWriterCounter[keys.length];
        for (int i = 0; i < keys.length; i++)
        {
            counters[i] = new SingleWriterCounter(name + "." + keys[i].name().toLowerCase(java.util.Locale.ROOT));
        }
        return counters;
    }

    // ---- writer side: the event loop thread only ----

    public void onFrameReceived(final BinanceStream stream)
    {
        framesReceived[stream.ordinal()].increment();
    }

    public void onFrameDropped(final DropReason reason)
    {
        framesDropped[reason.ordinal()].increment();
    }

    public void onEventPublished()
    {
        eventsPublished.increment();
    }

    public void onSnapshotRequested()
    {
        snapshotsRequested.increment();
    }

    public void onSnapshotApplied()
    {
        snapshotsApplied.increment();
    }

    public void onSnapshotStale()
    {
        snapshotsStale.increment();
    }

    public void onSnapshotFailed()
    {
        snapshotsFailed.increment();
    }

    public void onDiffApplied()
    {
        diffsApplied.increment();
    }

    public void onDiffBuffered()
    {
        diffsBuffered.increment();
    }

    public void onDiffStale()
    {
        diffsStale.increment();
    }

    public void onBufferOverflow()
    {
        bufferOverflows.increment();
    }

    public void onFeedGap()
    {
        feedGaps.increment();
    }

    public void onFeedRecovered()
    {
        feedRecoveries.increment();
    }

    public void onConnect()
    {
        connects.increment();
    }

    public void onDisconnect()
    {
        disconnects.increment();
    }

    // ---- reader side: any thread ----

    /** Frames whose envelope parsed, by stream (dropped content included). */
    public long framesReceived(final BinanceStream stream)
    {
        return framesReceived[stream.ordinal()].get();
    }

    /** Frames dropped, by reason: nothing of a dropped frame is published. */
    public long framesDropped(final DropReason reason)
    {
        return framesDropped[reason.ordinal()].get();
    }

    public long framesDroppedTotal()
    {
        long total = 0;
        for (final SingleWriterCounter counter : framesDropped)
        {
            total += counter.get();
        }
        return total;
    }

    public long eventsPublished()
    {
        return eventsPublished.get();
    }

    public long snapshotsRequested()
    {
        return snapshotsRequested.get();
    }

    public long snapshotsApplied()
    {
        return snapshotsApplied.get();
    }

    /** Snapshots older than the oldest buffered diff: discarded and asked for again. */
    public long snapshotsStale()
    {
        return snapshotsStale.get();
    }

    /** REST snapshot requests that failed (HTTP error, bad body); retried. */
    public long snapshotsFailed()
    {
        return snapshotsFailed.get();
    }

    public long diffsApplied()
    {
        return diffsApplied.get();
    }

    public long diffsBuffered()
    {
        return diffsBuffered.get();
    }

    /** Diffs with {@code u <= lastUpdateId} of the snapshot: already in it, dropped. */
    public long diffsStale()
    {
        return diffsStale.get();
    }

    /** Times the bounded diff buffer filled up while waiting for a snapshot (it is emptied; resync). */
    public long bufferOverflows()
    {
        return bufferOverflows.get();
    }

    /** U/u chain breaks: each published a FEED_GAP and started a resync. */
    public long feedGaps()
    {
        return feedGaps.get();
    }

    /** Resyncs completed: each published a FEED_RECOVERED. */
    public long feedRecoveries()
    {
        return feedRecoveries.get();
    }

    public long connects()
    {
        return connects.get();
    }

    public long disconnects()
    {
        return disconnects.get();
    }
}
