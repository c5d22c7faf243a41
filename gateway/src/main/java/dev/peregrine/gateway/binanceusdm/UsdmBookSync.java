package dev.peregrine.gateway.binanceusdm;

import dev.peregrine.gateway.binance.BinanceBookSync;
import dev.peregrine.gateway.binance.BinanceMetrics;
import dev.peregrine.gateway.binance.BookSyncListener;
import dev.peregrine.gateway.binance.DepthDiffBuffer;
import dev.peregrine.gateway.binance.DepthLevels;

/**
 * Binance USD-M's documented way to keep a local book from {@code <sym>@depth} diffs and the REST snapshot
 * {@code GET /fapi/v1/depth}, for one instrument, as a pure state machine (no threads, no I/O; results go to a
 * {@link BookSyncListener}, as the spot sync's do). It differs from spot in its chain: futures update ids are shared
 * across symbols, so {@code U} of a diff is not the previous {@code u + 1}; each diff names its predecessor instead.
 * <ol>
 *   <li>Buffer the diffs; the first buffered one asks for a snapshot {@code {lastUpdateId, bids, asks}}.</li>
 *   <li>Drop buffered diffs with {@code u < lastUpdateId}. The first diff applied must satisfy
 *       {@code U <= lastUpdateId <= u}; if the oldest one left starts after {@code lastUpdateId}, the snapshot is
 *       too old for the buffer: a new one is asked for.</li>
 *   <li>Publish the snapshot as BOOK_LEVEL events, then the diffs; from the second on, each diff's {@code pu}
 *       must equal the previous diff's {@code u}.</li>
 *   <li>On a break: FEED_GAP (received {@code pu}, expected the previous {@code u}), back to buffering from the diff
 *       that broke the chain, a new snapshot; FEED_RECOVERED once it and the buffered diffs bridge.</li>
 * </ol>
 * Memory is bounded as in the spot sync (the same {@link DepthDiffBuffer}, plus each buffered diff's {@code pu}).
 * Single thread: the connection's event loop; nothing allocated after construction beyond the scratch levels' growth.
 */
public final class UsdmBookSync
{
    private final int instrumentId;
    private final BookSyncListener listener;
    private final BinanceMetrics metrics;
    private final DepthDiffBuffer buffer;
    /** {@code pu} of each buffered diff, oldest at {@link #previousHead}, in step with {@link #buffer}. */
    private final long[] previousIds;
    private int previousHead;
    private final DepthLevels replay = new DepthLevels(256);

    private boolean synced;
    private boolean snapshotRequested;
    private boolean recovering;
    private boolean firstAfterSnapshot;
    /** {@code lastUpdateId} of the snapshot, then {@code u} of the last applied diff. */
    private long lastUpdateId;

    public UsdmBookSync(final int instrumentId, final BookSyncListener listener, final BinanceMetrics metrics,
        final int maxBufferedDiffs, final int maxBufferedLevels)
    {
        if (listener == null || metrics == null)
        {
            throw new NullPointerException("listener and metrics are required");
        }
        this.instrumentId = instrumentId;
        this.listener = listener;
        this.metrics = metrics;
        this.buffer = new DepthDiffBuffer(maxBufferedDiffs, maxBufferedLevels);
        this.previousIds = new long[maxBufferedDiffs];
    }

    public boolean isSynced()
    {
        return synced;
    }

    /** The snapshot's {@code lastUpdateId}, or {@code u} of the last applied diff. */
    public long lastUpdateId()
    {
        return lastUpdateId;
    }

    public int bufferedDiffs()
    {
        return buffer.size();
    }

    /** One validated diff {@code U..u} whose predecessor was {@code pu}. */
    public void onDiff(final long firstId, final long lastId, final long previousLastId, final long exchangeTimeNanos,
        final DepthLevels levels)
    {
        if (!synced)
        {
            bufferDiff(firstId, lastId, previousLastId, exchangeTimeNanos, levels);
            requestSnapshot();
            return;
        }
        if (firstAfterSnapshot && lastId < lastUpdateId)
        {
            metrics.onDiffStale(); // contained in the snapshot
            return;
        }
        if (!chains(firstId, lastId, previousLastId))
        {
            gap(previousLastId);
            bufferDiff(firstId, lastId, previousLastId, exchangeTimeNanos, levels);
            return;
        }
        publishDiff(lastId, exchangeTimeNanos, levels);
    }

    /** The REST snapshot: {@code levels} holds its bids and asks. */
    public void onSnapshot(final long snapshotLastUpdateId, final DepthLevels levels)
    {
        snapshotRequested = false;
        if (synced)
        {
            return; // a duplicate answer: the book is current
        }
        while (!buffer.isEmpty() && buffer.lastId(0) < snapshotLastUpdateId)
        {
            dropFirst();
            metrics.onDiffStale();
        }
        if (!buffer.isEmpty() && buffer.firstId(0) > snapshotLastUpdateId)
        {
            metrics.onSnapshotStale(); // the diffs bridging snapshot and buffer are gone: this snapshot is of no use
            requestSnapshot();
            return;
        }
        BinanceBookSync.publishSnapshot(listener, instrumentId, snapshotLastUpdateId, levels);
        synced = true;
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
        if (!synced)
        {
            requestSnapshot();
        }
    }

    private boolean applyBuffered()
    {
        while (!buffer.isEmpty())
        {
            buffer.copyLevels(0, replay);
            final long firstId = buffer.firstId(0);
            final long lastId = buffer.lastId(0);
            final long previous = previousIds[previousHead];
            final long time = buffer.exchangeTime(0);
            if (!chains(firstId, lastId, previous))
            {
                gap(previous); // this diff and the later ones stay buffered for the resync
                return false;
            }
            dropFirst();
            publishDiff(lastId, time, replay);
        }
        return true;
    }

    private boolean chains(final long firstId, final long lastId, final long previousLastId)
    {
        if (firstAfterSnapshot)
        {
            return firstId <= lastUpdateId && lastUpdateId <= lastId;
        }
        return previousLastId == lastUpdateId;
    }

    private void gap(final long receivedPreviousId)
    {
        synced = false;
        recovering = true;
        metrics.onFeedGap();
        listener.onFeedGap(instrumentId, receivedPreviousId, lastUpdateId);
        requestSnapshot();
    }

    private void publishDiff(final long lastId, final long exchangeTimeNanos, final DepthLevels levels)
    {
        firstAfterSnapshot = false;
        lastUpdateId = lastId;
        metrics.onDiffApplied();
        BinanceBookSync.publishDiff(listener, instrumentId, lastId, exchangeTimeNanos, levels);
    }

    private void bufferDiff(final long firstId, final long lastId, final long previousLastId, final long exchangeTimeNanos,
        final DepthLevels levels)
    {
        if (!buffer.add(firstId, lastId, exchangeTimeNanos, levels))
        {
            metrics.onBufferOverflow();
            buffer.clear();
            previousHead = 0;
            if (!buffer.add(firstId, lastId, exchangeTimeNanos, levels))
            {
                return; // one diff larger than the whole buffer: the next snapshot decides
            }
        }
        previousIds[(previousHead + buffer.size() - 1) % previousIds.length] = previousLastId;
        metrics.onDiffBuffered();
    }

    private void dropFirst()
    {
        buffer.dropFirst();
        previousHead = buffer.isEmpty() ? 0 : (previousHead + 1) % previousIds.length;
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
