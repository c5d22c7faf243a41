package dev.peregrine.bench.decode;

import com.lmax.disruptor.RingBuffer;
import com.lmax.disruptor.Sequence;
import com.lmax.disruptor.YieldingWaitStrategy;
import dev.peregrine.core.event.InboundEvent;

/**
 * The ring a decoder under test publishes into, with an inline consumer: after each frame the benchmark
 * thread reads every event published since the last drain and moves the gating sequence past them. So
 * the ring never fills (the producer never waits) and every published event is actually read, which is
 * the same consumption the Jackson baselines' outputs get ({@link #checksum(DecodedEvents)}).
 *
 * <p>Single producer: the decoder runs on one event-loop thread, and the benchmark measures decoding,
 * not the multi-producer claim. Producer and consumer are the same thread, so plain reads suffice.
 */
public final class DrainedRing
{
    private final RingBuffer<InboundEvent> ring;
    private final Sequence consumed = new Sequence(-1);

    public DrainedRing(final int capacity)
    {
        // Not the factory's default BlockingWaitStrategy: its publish takes a lock and calls notifyAll for
        // consumers that may be parked, a cost of that strategy, not of decoding (and no consumer parks
        // here). Yielding is the setting the hand-off figures recommend; its publish signals nothing.
        ring = RingBuffer.createSingleProducer(InboundEvent::new, capacity, new YieldingWaitStrategy());
        ring.addGatingSequences(consumed);
    }

    public RingBuffer<InboundEvent> ring()
    {
        return ring;
    }

    /** Reads every event published since the last drain and releases their slots. */
    public long drain()
    {
        final long published = ring.getCursor();
        long checksum = 0;
        for (long sequence = consumed.get() + 1; sequence <= published; sequence++)
        {
            checksum += fold(ring.get(sequence));
        }
        consumed.set(published);
        return checksum;
    }

    /** Copies every event published since the last drain into {@code out} (tests), and releases them. */
    public void drainInto(final DecodedEvents out)
    {
        out.clear();
        final long published = ring.getCursor();
        for (long sequence = consumed.get() + 1; sequence <= published; sequence++)
        {
            out.next().copyInputsFrom(ring.get(sequence));
        }
        consumed.set(published);
    }

    /** The baselines' equivalent of {@link #drain()}: the same reads of the same fields. */
    public static long checksum(final DecodedEvents events)
    {
        long checksum = 0;
        for (int i = 0; i < events.count(); i++)
        {
            checksum += fold(events.get(i));
        }
        return checksum;
    }

    private static long fold(final InboundEvent event)
    {
        return event.price + event.quantity + event.bidPrice + event.askPrice + event.instrumentId;
    }
}
