package dev.peregrine.core.metrics;

import dev.peregrine.core.event.EventType;
import dev.peregrine.core.event.InboundEvent;
import org.HdrHistogram.SingleWriterRecorder;

/**
 * The lag of a perpetual's live marks, per instrument: the venue's event time of each MARK_PRICE to the engine's
 * receive time, in HdrHistogram recorders the metrics sidecar swaps (p50/p95/p99 on {@code /metrics}, the summary's
 * {@code mark-lag} line). The core's {@code PublishedMargin} carries the latest lag only; a distribution needs every
 * mark. Core thread writes, the sidecar reads; measurement only, never a decision. Nothing is recorded for a spot
 * instrument or in replay (no receive stamp).
 */
public final class MarkLagRecorders
{
    private final boolean[] perpetual;
    /** Per instrument id; recorded for perpetuals only. */
    public final SingleWriterRecorder[] markLagNanos;

    /** @param perpetual per instrument id, whether it is a perpetual future. */
    public MarkLagRecorders(final boolean[] perpetual)
    {
        this.perpetual = perpetual.clone();
        markLagNanos = new SingleWriterRecorder[perpetual.length];
        for (int i = 0; i < perpetual.length; i++)
        {
            markLagNanos[i] = new SingleWriterRecorder(CoreMetrics.MAX_TRACKABLE_NANOS, 3);
        }
    }

    /** Whether the instrument is a perpetual future. */
    public boolean isPerpetual(final int instrumentId)
    {
        return instrumentId >= 0 && instrumentId < perpetual.length && perpetual[instrumentId];
    }

    public int instrumentCount()
    {
        return perpetual.length;
    }

    /**
     * After an event the core applied to its perpetual state: a live MARK_PRICE with a venue time records its lag
     * (clamped at 0 for a venue clock ahead of ours). No allocation.
     */
    public void afterEvent(final InboundEvent event)
    {
        final int id = event.instrumentId;
        if (event.type != EventType.MARK_PRICE || !isPerpetual(id) || event.receiveNanoTime == 0 || event.exchangeTimeNanos <= 0)
        {
            return;
        }
        final long lag = event.eventTimeNanos - event.exchangeTimeNanos;
        markLagNanos[id].recordValue(Math.min(Math.max(lag, 0), CoreMetrics.MAX_TRACKABLE_NANOS));
    }
}
