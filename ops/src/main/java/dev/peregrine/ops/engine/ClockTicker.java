package dev.peregrine.ops.engine;

import com.lmax.disruptor.RingBuffer;
import dev.peregrine.core.event.EventType;
import dev.peregrine.core.event.InboundEvent;
import dev.peregrine.core.ring.InboundRing;
import dev.peregrine.core.time.EpochClock;

import dev.peregrine.core.agent.AgentErrors;
import dev.peregrine.core.agent.AgentThreads;
import org.agrona.concurrent.Agent;
import org.agrona.concurrent.AgentRunner;
import org.agrona.concurrent.SleepingIdleStrategy;

import java.util.concurrent.TimeUnit;

/**
 * The timer producer: publishes a CLOCK event every interval, so time-driven logic (bar close,
 * timeouts, staleness) runs in event time and is journaled like every other input. An Agrona agent: its
 * duty cycle publishes the ticks that are due, and {@link AgentThreads} runs it on {@code peregrine-timer}.
 */
public final class ClockTicker implements Agent, AutoCloseable
{
    /** How long an idle duty cycle sleeps: a tick is at most this late. */
    private static final long IDLE_NANOS = TimeUnit.MILLISECONDS.toNanos(1);

    private final RingBuffer<InboundEvent> ring;
    private final long intervalNanos;
    private final AgentErrors errors;
    private final EpochClock clock = new EpochClock();
    private long next;
    private AgentRunner runner;

    public ClockTicker(final RingBuffer<InboundEvent> ring, final long intervalMillis, final AgentErrors errors)
    {
        if (intervalMillis < 1)
        {
            throw new IllegalArgumentException("clock interval must be >= 1 ms, was " + intervalMillis);
        }
        this.ring = ring;
        this.intervalNanos = TimeUnit.MILLISECONDS.toNanos(intervalMillis);
        this.errors = errors;
    }

    public void start()
    {
        runner = AgentThreads.start(this, new SleepingIdleStrategy(IDLE_NANOS), errors);
    }

    @Override
    public void onStart()
    {
        next = System.nanoTime() + intervalNanos;
    }

    @Override
    public int doWork()
    {
        if (System.nanoTime() - next < 0)
        {
            return 0;
        }
        publishTick();
        next += intervalNanos;
        return 1;
    }

    @Override
    public String roleName()
    {
        return "peregrine-timer";
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
    public void close()
    {
        if (runner != null)
        {
            runner.close();
        }
    }
}
