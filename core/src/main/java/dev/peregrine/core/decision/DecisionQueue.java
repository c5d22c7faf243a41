package dev.peregrine.core.decision;

import com.lmax.disruptor.InsufficientCapacityException;
import com.lmax.disruptor.RingBuffer;
import com.lmax.disruptor.Sequence;
import dev.peregrine.core.metrics.SingleWriterCounter;

/**
 * Decisions from the core thread to the thread that journals them: a pre-allocated single-producer
 * Disruptor ring, drained (no thread of its own) by the outbound stage after each input.
 *
 * <p>Kept apart from the inbound ring on purpose: an input slot carrying room for its decisions would
 * multiply the inbound ring's memory for the few inputs that decide anything. The core never waits:
 * when the ring is full (the journal writer fell behind by a whole ring) the decision is counted in
 * {@code dropped} and is still in the outputs and the replay, only not in the decision journal.
 *
 * <p>Each decision remembers the inbound ring sequence of the input that caused it, and
 * {@link #drain(DecisionSink, long)} writes only decisions of inputs up to the one the outbound stage has
 * reached. The core runs ahead of the outbound stage (it does not wait for the journal), so draining
 * everything would journal decisions whose cause is not on the input journal yet: a crash then leaves a
 * decision of an input recovery never sees, and the restarted engine reuses its order id.
 */
public final class DecisionQueue implements DecisionLog
{
    private final RingBuffer<DecisionRecord> ring;
    /** Written by the drainer after each decision it wrote; gates the producer. */
    private final Sequence drained = new Sequence(-1);
    /** Cause of each slot's decision (inbound ring sequence), written before the slot is published. */
    private final long[] causes;
    private final int mask;
    private final SingleWriterCounter dropped;
    /** Core thread: the input being processed. */
    private long currentInput = -1;

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
        ring.addGatingSequences(drained);
        this.causes = new long[capacity];
        this.mask = capacity - 1;
        this.dropped = dropped;
    }

    @Override
    public void beginInput(final long ringSequence)
    {
        currentInput = ringSequence;
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
        causes[(int)(sequence & mask)] = currentInput;
        ring.publish(sequence); // release: the drainer that sees the cursor sees the record and its cause
    }

    /**
     * Hands {@code target}, in order, every published decision whose input is at or before
     * {@code throughInput} (an inbound ring sequence every stage has passed); call from one thread only.
     *
     * @return true if anything was drained.
     */
    public boolean drain(final DecisionSink target, final long throughInput)
    {
        final long published = ring.getCursor();
        long next = drained.get() + 1;
        final long first = next;
        while (next <= published && causes[(int)(next & mask)] <= throughInput)
        {
            target.write(ring.get(next));
            drained.set(next); // frees the slot only after it was written
            next++;
        }
        return next != first;
    }

    /** Every published decision, whatever its input: for a stop after every stage has finished. */
    public boolean drain(final DecisionSink target)
    {
        return drain(target, Long.MAX_VALUE);
    }
}
