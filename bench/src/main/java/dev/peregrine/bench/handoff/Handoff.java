package dev.peregrine.bench.handoff;

/**
 * One producer handing events to one consumer thread. The calling thread is the producer; the
 * consumer runs on a thread the hand-off owns, from {@link #start()} to {@link #close()}.
 *
 * <p>Events are numbered 1, 2, 3... by the hand-off itself, so a benchmark cannot get the numbering
 * wrong and the consumer can check it.
 */
public abstract class Handoff implements AutoCloseable
{
    /** Spins before each yield while waiting for the consumer; as {@code YieldingWaitStrategy} does. */
    private static final int SPIN_TRIES = 100;

    protected final ConsumedEvents consumed = new ConsumedEvents();
    private long lastPublished;
    private volatile Throwable consumerFailure;

    public abstract void start();

    /** Hands event number {@code sequence} to the consumer; may block while the hand-off is full. */
    protected abstract void publish(long sequence);

    /** Stops the consumer thread after it has taken what was published, and waits for it. */
    @Override
    public abstract void close();

    /**
     * Publishes {@code count} events, then waits until the consumer has finished with all of them. With
     * {@code count == 1} this is one publish-then-wait-for-ack round trip.
     *
     * @return the sequence of the last event, so JMH has a value to consume.
     */
    public final long sendAndAwait(final int count)
    {
        long sequence = lastPublished;
        for (int i = 0; i < count; i++)
        {
            publish(++sequence);
        }
        lastPublished = sequence;
        awaitConsumed(sequence);
        return sequence;
    }

    /** Waits the way the Disruptor's yielding strategy does, so it leaves the second core to the consumer. */
    private void awaitConsumed(final long sequence)
    {
        int tries = SPIN_TRIES;
        while (consumed.lastSequence() < sequence)
        {
            if (tries > 0)
            {
                tries--;
                Thread.onSpinWait();
            }
            else
            {
                final Throwable failure = consumerFailure;
                if (failure != null)
                {
                    throw new IllegalStateException("the consumer thread failed; no more events will arrive", failure);
                }
                Thread.yield();
            }
        }
    }

    public final long lastPublished()
    {
        return lastPublished;
    }

    /** The consumer's view; read its counters only after {@link #sendAndAwait} has returned. */
    public final ConsumedEvents consumed()
    {
        return consumed;
    }

    /** Called on the consumer thread when it dies, so a waiting producer fails instead of hanging. */
    protected final void onConsumerFailure(final Throwable failure)
    {
        consumerFailure = failure;
    }

    protected static Thread newConsumerThread(final Runnable consumer, final String name)
    {
        final Thread thread = new Thread(consumer, name);
        // A benchmark that fails must not keep its fork alive.
        thread.setDaemon(true);
        return thread;
    }

    protected static void join(final Thread thread)
    {
        try
        {
            thread.join(10_000);
        }
        catch (final InterruptedException ex)
        {
            Thread.currentThread().interrupt();
        }
        if (thread.isAlive())
        {
            throw new IllegalStateException("consumer thread " + thread.getName() + " did not stop within 10 s");
        }
    }
}
