package dev.peregrine.gateway.binance;

import dev.peregrine.core.event.BookFlags;
import dev.peregrine.core.event.Side;

/**
 * Binance's documented way to keep a local book from {@code <sym>@depth} diffs and a REST snapshot,
 * for one instrument, as a pure state machine (no threads, no I/O; results go to a
 * {@link BookSyncListener}):
 * <ol>
 *   <li>Buffer the diffs. The first buffered diff asks for a snapshot ({@code onSnapshotNeeded}), so the
 *       snapshot is taken after the stream is flowing, as the venue's procedure requires.</li>
 *   <li>When the snapshot {@code {lastUpdateId, bids, asks}} arrives, drop buffered diffs with
 *       {@code u <= lastUpdateId}. If the oldest one left starts after {@code lastUpdateId + 1}, the
 *       snapshot is too old for the buffer: it is discarded and a new one asked for.</li>
 *   <li>Otherwise publish the snapshot as BOOK_LEVEL events (the first level {@code SNAPSHOT_BEGIN}, the
 *       last {@code SNAPSHOT_END | END_OF_MESSAGE}) and apply the buffered diffs, then live ones. The
 *       first diff applied must satisfy {@code U <= lastUpdateId + 1 <= u}, each later one
 *       {@code U == previous u + 1}; every diff's last level carries {@code END_OF_MESSAGE}.</li>
 *   <li>On a break: publish FEED_GAP (received {@code U}, expected previous {@code u + 1}), go back to
 *       buffering (starting with the diff that broke the chain) and ask for a new snapshot. Once it is
 *       applied and the buffered diffs bridge it, publish FEED_RECOVERED.</li>
 * </ol>
 *
 * <p>Memory: the buffer is allocated once, bounded by {@code maxBufferedDiffs} and
 * {@code maxBufferedLevels}. If it fills up before the snapshot comes, it is emptied (counted as a
 * buffer overflow) and buffering starts again with the newest diff; the snapshot in flight is then
 * probably too old for the buffer, which step 2 detects, so the worst case is one more snapshot.
 *
 * <p>An empty snapshot (no bids, no asks) is published as one placeholder level (bid, price 0,
 * quantity 0, both snapshot flags): a zero quantity removes nothing, and the core still clears and
 * re-syncs the book.
 *
 * <p>Single thread: the connection's event loop. Nothing is allocated after construction, except the
 * scratch {@link DepthLevels} growing to the largest buffered diff.
 */
public final class BinanceBookSync
{
    /** Default bounds: about 100 s of 100 ms diffs, and 2 MiB of levels; a snapshot takes ~1 s. */
    public static final int DEFAULT_MAX_BUFFERED_DIFFS = 1024;
    public static final int DEFAULT_MAX_BUFFERED_LEVELS = 128 * 1024;

    /** Waiting for a snapshot; diffs are buffered. */
    public static final int AWAITING_SNAPSHOT = 0;
    /** Snapshot applied; diffs are applied as they come. */
    public static final int SYNCED = 1;

    private final int instrumentId;
    private final BookSyncListener listener;
    private final BinanceMetrics metrics;
    private final DepthDiffBuffer buffer;
    private final DepthLevels replay = new DepthLevels(256);

    private int state = AWAITING_SNAPSHOT;
    private boolean snapshotRequested;
    /** A FEED_GAP was published and no FEED_RECOVERED yet. */
    private boolean recovering;
    /** The next diff is the first after the snapshot: the bridging rule applies, not the chain rule. */
    private boolean firstAfterSnapshot;
    /** {@code lastUpdateId} of the snapshot, then {@code u} of the last applied diff. */
    private long lastUpdateId;

    public BinanceBookSync(final int instrumentId, final BookSyncListener listener, final BinanceMetrics metrics)
    {
        this(instrumentId, listener, metrics, DEFAULT_MAX_BUFFERED_DIFFS, DEFAULT_MAX_BUFFERED_LEVELS);
    }

    public BinanceBookSync(
        final int instrumentId,
        final BookSyncListener listener,
        final BinanceMetrics metrics,
        final int maxBufferedDiffs,
        final int maxBufferedLevels)
    {
        if (listener == null || metrics == null)
        {
            throw new NullPointerException("listener and metrics are required");
        }
        this.instrumentId = instrumentId;
        this.listener = listener;
        this.metrics = metrics;
        this.buffer = new DepthDiffBuffer(maxBufferedDiffs, maxBufferedLevels);
    }

    public int state()
    {
        return state;
    }

    public boolean isSynced()
    {
        return state == SYNCED;
    }

    /** {@code lastUpdateId} of the snapshot or {@code u} of the last applied diff. */
    public long lastUpdateId()
    {
        return lastUpdateId;
    }

    public int bufferedDiffs()
    {
        return buffer.size();
    }

    public boolean snapshotRequested()
    {
        return snapshotRequested;
    }

    /** One validated depth diff {@code U..u} with its levels. */
    public void onDiff(final long firstId, final long lastId, final long exchangeTimeNanos, final DepthLevels levels)
    {
        if (state == AWAITING_SNAPSHOT)
        {
            bufferDiff(firstId, lastId, exchangeTimeNanos, levels);
            requestSnapshot();
            return;
        }
        apply(firstId, lastId, exchangeTimeNanos, levels);
    }

    /** The REST snapshot: {@code levels} holds its bids and asks (absolute quantities). */
    public void onSnapshot(final long snapshotLastUpdateId, final DepthLevels levels)
    {
        snapshotRequested = false;
        if (state == SYNCED)
        {
            return; // an answer nobody waits for any more (a duplicate request); the book is current
        }
        while (!buffer.isEmpty() && buffer.lastId(0) <= snapshotLastUpdateId)
        {
            buffer.dropFirst();
            metrics.onDiffStale();
        }
        if (!buffer.isEmpty() && buffer.firstId(0) > snapshotLastUpdateId + 1)
        {
            // Diffs between the snapshot and the oldest buffered one are missing: this snapshot cannot be used.
            metrics.onSnapshotStale();
            requestSnapshot();
            return;
        }
        publishSnapshot(snapshotLastUpdateId, levels);
        state = SYNCED;
        firstAfterSnapshot = true;
        lastUpdateId = snapshotLastUpdateId;
        metrics.onSnapshotApplied();
        if (applyBuffered() && recovering)
        {
            recovering = false;
            metrics.onFeedRecovered();
            listener.onFeedRecovered(instrumentId, lastUpdateId);
        }
    }

    /** The snapshot request failed; ask again (the caller decides how soon). */
    public void onSnapshotFailed()
    {
        metrics.onSnapshotFailed();
        snapshotRequested = false;
        if (state == AWAITING_SNAPSHOT)
        {
            requestSnapshot();
        }
    }

    /** Applies the buffered diffs in order; false if one broke the chain (then a resync is under way). */
    private boolean applyBuffered()
    {
        while (!buffer.isEmpty())
        {
            buffer.copyLevels(0, replay);
            final long firstId = buffer.firstId(0);
            final long lastId = buffer.lastId(0);
            final long time = buffer.exchangeTime(0);
            if (!chains(firstId, lastId))
            {
                // Keep this diff and everything after it buffered: they are the newest data for the resync.
                gap(firstId);
                return false;
            }
            buffer.dropFirst();
            publishDiff(lastId, time, replay);
        }
        return true;
    }

    private void apply(final long firstId, final long lastId, final long exchangeTimeNanos, final DepthLevels levels)
    {
        if (firstAfterSnapshot && lastId <= lastUpdateId)
        {
            metrics.onDiffStale(); // already contained in the snapshot
            return;
        }
        if (!chains(firstId, lastId))
        {
            gap(firstId);
            bufferDiff(firstId, lastId, exchangeTimeNanos, levels);
            return;
        }
        publishDiff(lastId, exchangeTimeNanos, levels);
    }

    private boolean chains(final long firstId, final long lastId)
    {
        if (firstAfterSnapshot)
        {
            return firstId <= lastUpdateId + 1 && lastUpdateId + 1 <= lastId;
        }
        return firstId == lastUpdateId + 1;
    }

    private void gap(final long receivedFirstId)
    {
        final long expected = lastUpdateId + 1;
        state = AWAITING_SNAPSHOT;
        recovering = true;
        metrics.onFeedGap();
        listener.onFeedGap(instrumentId, receivedFirstId, expected);
        requestSnapshot();
    }

    private void publishDiff(final long lastId, final long exchangeTimeNanos, final DepthLevels levels)
    {
        firstAfterSnapshot = false;
        lastUpdateId = lastId;
        metrics.onDiffApplied();
        publishDiff(listener, instrumentId, lastId, exchangeTimeNanos, levels);
    }

    /** A diff's levels as BOOK_LEVEL events, the last one {@code END_OF_MESSAGE}: the same for every Binance market. */
    public static void publishDiff(final BookSyncListener listener, final int instrumentId, final long lastId,
        final long exchangeTimeNanos, final DepthLevels levels)
    {
        final int last = levels.size() - 1;
        for (int i = 0; i <= last; i++)
        {
            listener.onBookLevel(instrumentId, levels.side(i), levels.price(i), levels.quantity(i),
                i == last ? BookFlags.END_OF_MESSAGE : 0, lastId, exchangeTimeNanos);
        }
    }

    private void publishSnapshot(final long snapshotLastUpdateId, final DepthLevels levels)
    {
        publishSnapshot(listener, instrumentId, snapshotLastUpdateId, levels);
    }

    /**
     * A REST snapshot as BOOK_LEVEL events between {@code SNAPSHOT_BEGIN} and {@code SNAPSHOT_END}; an empty one as one
     * placeholder level. The same for every Binance market.
     */
    public static void publishSnapshot(final BookSyncListener listener, final int instrumentId,
        final long snapshotLastUpdateId, final DepthLevels levels)
    {
        final int last = levels.size() - 1;
        if (last < 0)
        {
            listener.onBookLevel(instrumentId, Side.BUY, 0, 0,
                BookFlags.SNAPSHOT_BEGIN | BookFlags.SNAPSHOT_END | BookFlags.END_OF_MESSAGE, snapshotLastUpdateId, 0);
            return;
        }
        for (int i = 0; i <= last; i++)
        {
            int flags = i == 0 ? BookFlags.SNAPSHOT_BEGIN : 0;
            if (i == last)
            {
                flags |= BookFlags.SNAPSHOT_END | BookFlags.END_OF_MESSAGE;
            }
            listener.onBookLevel(instrumentId, levels.side(i), levels.price(i), levels.quantity(i), flags,
                snapshotLastUpdateId, 0);
        }
    }

    private void bufferDiff(final long firstId, final long lastId, final long exchangeTimeNanos, final DepthLevels levels)
    {
        if (!buffer.add(firstId, lastId, exchangeTimeNanos, levels))
        {
            metrics.onBufferOverflow();
            buffer.clear();
            if (!buffer.add(firstId, lastId, exchangeTimeNanos, levels))
            {
                return; // one diff larger than the whole buffer: nothing to keep; the next snapshot decides
            }
        }
        metrics.onDiffBuffered();
    }

    private void requestSnapshot()
    {
        if (!snapshotRequested)
        {
            snapshotRequested = true;
            metrics.onSnapshotRequested();
            listener.onSnapshotNeeded(instrumentId);
        }
    }
}
