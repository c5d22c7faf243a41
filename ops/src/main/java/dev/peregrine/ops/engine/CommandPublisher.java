package dev.peregrine.ops.engine;

import com.lmax.disruptor.InsufficientCapacityException;
import com.lmax.disruptor.RingBuffer;
import dev.peregrine.core.event.EventType;
import dev.peregrine.core.event.InboundEvent;
import dev.peregrine.core.ring.InboundRing;
import dev.peregrine.core.time.EpochClock;

import java.util.concurrent.TimeUnit;

/**
 * Puts an operator command (pause, resume, reduce, flatten, kill, the shutdown's stop) on the inbound ring from
 * the calling thread (admin HTTP, shutdown), stamped with wall-clock event time. Like every input it is journaled
 * before the core acts on it, so a replay sees it too. It never waits for a full ring for more than a second.
 */
final class CommandPublisher
{
    private final EpochClock clock = new EpochClock();

    /** True if published; false if the ring stayed full for a second (the caller should retry). */
    boolean publish(final RingBuffer<InboundEvent> ring, final int commandCode) throws InterruptedException
    {
        final long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(1);
        long sequence;
        while (true)
        {
            try
            {
                sequence = ring.tryNext();
                break;
            }
            catch (final InsufficientCapacityException ex)
            {
                if (System.nanoTime() - deadline >= 0)
                {
                    return false;
                }
                Thread.sleep(1);
            }
        }
        try
        {
            final InboundEvent event = ring.get(sequence);
            event.clearInputs();
            event.type = EventType.COMMAND;
            event.flags = commandCode;
            event.receiveNanoTime = System.nanoTime();
            event.eventTimeNanos = clock.epochNanosAt(event.receiveNanoTime);
        }
        finally
        {
            InboundRing.publish(ring, sequence);
        }
        return true;
    }
}
