package dev.peregrine.gateway.testing;

import com.lmax.disruptor.EventPoller;
import com.lmax.disruptor.RingBuffer;
import dev.peregrine.core.event.InboundEvent;

import java.util.ArrayList;
import java.util.List;

/**
 * A real multi-producer ring with a poller that copies every published event out, so tests can assert
 * on the exact events a producer published, from whatever thread they poll on.
 */
public final class RecordingRing
{
    private final RingBuffer<InboundEvent> ring;
    private final EventPoller<InboundEvent> poller;
    private final List<InboundEvent> received = new ArrayList<>();

    public RecordingRing(final int size)
    {
        ring = RingBuffer.createMultiProducer(InboundEvent::new, size);
        poller = ring.newPoller();
        ring.addGatingSequences(poller.getSequence());
    }

    public RingBuffer<InboundEvent> ring()
    {
        return ring;
    }

    /** Copies out everything published so far and returns all events received since creation or clear. */
    public List<InboundEvent> drain()
    {
        try
        {
            poller.poll((event, sequence, endOfBatch) ->
            {
                final InboundEvent copy = new InboundEvent();
                copy.copyInputsFrom(event);
                received.add(copy);
                return true;
            });
        }
        catch (final Exception ex)
        {
            throw new IllegalStateException(ex);
        }
        return received;
    }

    /** The poller's sequence, for tests that detach the poller and let the producer run free. */
    public com.lmax.disruptor.Sequence pollerSequence()
    {
        return poller.getSequence();
    }

    /**
     * Copies out everything published so far and forgets it: the events since the last take. Unlike a drain followed
     * by {@link #clear()}, nothing a live producer publishes between the two is lost.
     */
    public List<InboundEvent> take()
    {
        final List<InboundEvent> taken = new ArrayList<>(drain());
        received.clear();
        return taken;
    }

    /** Drains and discards everything published so far (including what arrives during this call). */
    public void clear()
    {
        drain();
        received.clear();
    }
}
