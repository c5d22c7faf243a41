package dev.peregrine.bench.handoff;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;

/**
 * What the consumer of a hand-off saw, written only by the consumer thread. Both hand-offs feed it the
 * same fields, so the consumer does the same work whichever hand-off delivered the event.
 *
 * <p>Memory ordering: {@link #lastSequence} is written with release semantics after the event's fields
 * were read, so a producer that reads it with acquire semantics ({@link #lastSequence()}) knows the
 * consumer is done with every event up to that sequence. The other counters are plain: read them only
 * after the consumer has acknowledged the last event (the acquire read gives the happens-before edge).
 */
public final class ConsumedEvents
{
    private static final VarHandle LAST_SEQUENCE;

    static
    {
        try
        {
            LAST_SEQUENCE = MethodHandles.lookup().findVarHandle(ConsumedEvents.class, "lastSequence", long.class);
        }
        catch (final ReflectiveOperationException ex)
        {
            throw new ExceptionInInitializerError(ex);
        }
    }

    @SuppressWarnings("unused") // written and read through LAST_SEQUENCE
    private long lastSequence;
    private long count;
    private long outOfOrderCount;
    private long checksum;

    /**
     * Called by the consumer thread for each event, in the order the hand-off delivered them. Producers
     * number events 1, 2, 3...; anything but "previous + 1" is a lost, repeated or reordered event.
     */
    public void onEvent(final long venueSequence, final long price, final long quantity)
    {
        final long previous = (long)LAST_SEQUENCE.get(this);
        if (venueSequence != previous + 1)
        {
            outOfOrderCount++;
        }
        count++;
        // Reading the payload keeps the JIT from eliding the loads a real consumer would make.
        checksum += price * 31 + quantity;
        LAST_SEQUENCE.setRelease(this, venueSequence);
    }

    /** The last sequence the consumer has finished with; safe to read from any thread. */
    public long lastSequence()
    {
        return (long)LAST_SEQUENCE.getAcquire(this);
    }

    public long count()
    {
        return count;
    }

    public long outOfOrderCount()
    {
        return outOfOrderCount;
    }

    public long checksum()
    {
        return checksum;
    }
}
