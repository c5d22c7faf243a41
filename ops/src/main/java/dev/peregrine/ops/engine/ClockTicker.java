package dev.peregrine.ops.engine;

import com.lmax.disruptor.RingBuffer;
import dev.peregrine.core.event.EventType;
import dev.peregrine.core.event.InboundEvent;
import dev.peregrine.core.ring.InboundRing;
import dev.peregrine.core.time.EpochClock;

import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;

/**
 * The timer producer: publishes a CLOCK event every interval, so time-driven logic (bar close,
 * timeouts, staleness) runs in event time and is journaled like every other input.
 */
public final class ClockTicker implements AutoCloseable
{
    private final RingBuffer<InboundEvent> ring;
    private final long intervalNanos;
    private final EpochClock clock = new EpochClock();
    private final Thread thread;
    private volatile boolean running = true;

    public ClockTicker(final RingBuffer<InboundEvent> ring, final long intervalMillis)
    {
        if (intervalMillis < 1)
        {
            throw new IllegalArgumentException("clock interval must be >= 1 ms, was " + intervalMillis);
        }
        this.ring = ring;
        this.intervalNanos = TimeUnit.MILLISECONDS.toNanos(intervalMillis);
        this.thread = new Thread(this::run, "peregrine-timer");
        this.thread.setDaemon(true);
    }

    public void start()
    {
        thread.start();
    }

    private void run()
    {
        long next = System.nanoTime() + intervalNanos;
        while (running)
        {
            final long wait = next - System.nanoTime();
            if (wait > 0)
            {
                LockSupport.parkNanos(wait);
                continue;
            }
            publishTick();
            next += intervalNanos;
        }
    }

    private void publishTick()
    {
        final long sequence = ring.next();
        try
        {
            final InboundEvent event = ring.get(sequence);
            event.clearInputs();
            event.type = EventType.CLOCK;
            event.receiveNanoTime = System.nanoTime();
            event.eventTimeNanos = clock.epochNanosAt(event.receiveNanoTime);
        }
        finally
        {
            InboundRing.publish(ring, sequence);
        }
    }

    /** Stops ticking and waits for the thread, so no tick is published after this returns. */
    @Override
    public void close() throws InterruptedException
    {
        running = false;
        LockSupport.unpark(thread);
        thread.join(TimeUnit.SECONDS.toMillis(5));
    }
}
