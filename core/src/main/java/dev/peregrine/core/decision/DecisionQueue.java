package dev.peregrine.core.decision;

import com.lmax.disruptor.EventPoller;
import com.lmax.disruptor.InsufficientCapacityException;
import com.lmax.disruptor.RingBuffer;
import dev.peregrine.core.metrics.SingleWriterCounter;

/**
 * Decisions from the core thread to the thread that journals them: a pre-allocated single-producer
 * Disruptor ring, polled (no thread of its own) by the outbound stage after each input.
 *
 * <p>Kept apart from the inbound ring on purpose: an input slot carrying room for its decisions would
 * multiply the inbound ring's memory for the few inputs that decide anything. The core never waits:
 * when the ring is full (the journal writer fell behind by a whole ring) the decision is counted in
 * {@code dropped} and is still in the outputs and the replay, only not in the decision journal.
 */
public final class DecisionQueue implements DecisionLog
{
    private final RingBuffer<DecisionRecord> ring;
    private final EventPoller<DecisionRecord> poller;
    private final SingleWriterCounter dropped;
    private DecisionSink sink;
    private final EventPoller.Handler<DecisionRecord> handler = (record, sequence, endOfBatch) ->
    {
        sink.write(record);
        return true;
    };

    /**
     * @param capacity decisions in flight at most (a power of two).
     * @param dropped  counted on the core thread when the ring is full.
     */
    public DecisionQueue(final int capacity, final SingleWriterCounter dropped)
    {
        if (Integer.bitCount(capacity) != 1)
        {
            throw new IllegalArgumentException("decision queue capacity must be a power of two, got " + capacity);
        }
        this.ring = RingBuffer.createSingleProducer(DecisionRecord::new, capacity);
        this.poller = ring.newPoller();
        ring.addGatingSequences(poller.getSequence());
        this.dropped = dropped;
    }

    @Override
    public void append(final DecisionRecord record)
    {
        final long sequence;
        try
        {
            sequence = ring.tryNext();
        }
        catch (final InsufficientCapacityException ex)
        {
            dropped.increment();
            return;
        }
        ring.get(sequence).copyFrom(record);
        ring.publish(sequence);
    }

    /**
     * Hands every published decision to {@code target}, in order; call from one thread only.
     *
     * @return true if anything was drained.
     */
    public boolean drain(final DecisionSink target)
    {
        this.sink = target;
        try
        {
            return poller.poll(handler) == EventPoller.PollState.PROCESSING;
        }
        catch (final RuntimeException | Error ex)
        {
            throw ex;
        }
        catch (final Exception ex)
        {
            throw new IllegalStateException("decision sink failed", ex);
        }
    }
}
