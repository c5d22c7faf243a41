package dev.peregrine.bench.handoff;

import dev.peregrine.core.event.EventType;
import dev.peregrine.core.event.Side;

import java.util.concurrent.ArrayBlockingQueue;

/**
 * The baseline: a bounded {@link ArrayBlockingQueue} used the way it is meant to be used. The producer
 * allocates one {@link QueuedEvent} per message and {@code put}s it (blocking while full); the consumer
 * {@code take}s (parking while empty). The parking and the lock are what the Disruptor avoids, so they
 * are part of what is measured, not something to tune away.
 */
public final class QueueHandoff extends Handoff
{
    private final ArrayBlockingQueue<QueuedEvent> queue;
    private final Thread consumerThread;

    public QueueHandoff(final int capacity)
    {
        if (capacity < 1)
        {
            throw new IllegalArgumentException("queue capacity must be at least 1, was " + capacity);
        }
        queue = new ArrayBlockingQueue<>(capacity);
        consumerThread = newConsumerThread(this::consume, "queue-consumer");
    }

    @Override
    public void start()
    {
        consumerThread.start();
    }

    @Override
    protected void publish(final long sequence)
    {
        final QueuedEvent event = new QueuedEvent(
            EventType.TRADE,
            HandoffPayload.INSTRUMENT_ID,
            sequence,
            sequence,
            HandoffPayload.price(sequence),
            HandoffPayload.quantity(sequence),
            Side.BUY);
        try
        {
            queue.put(event);
        }
        catch (final InterruptedException ex)
        {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while the queue was full", ex);
        }
    }

    private void consume()
    {
        try
        {
            while (true)
            {
                final QueuedEvent event = queue.take();
                if (event == QueuedEvent.STOP)
                {
                    return;
                }
                consumed.onEvent(event.venueSequence(), event.price(), event.quantity());
            }
        }
        catch (final InterruptedException ex)
        {
            onConsumerFailure(ex);
        }
        catch (final RuntimeException | Error ex)
        {
            onConsumerFailure(ex);
            throw ex;
        }
    }

    @Override
    public void close()
    {
        try
        {
            queue.put(QueuedEvent.STOP);
        }
        catch (final InterruptedException ex)
        {
            Thread.currentThread().interrupt();
            consumerThread.interrupt();
        }
        join(consumerThread);
    }
}
