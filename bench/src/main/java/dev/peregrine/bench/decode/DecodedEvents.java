package dev.peregrine.bench.decode;

import dev.peregrine.core.event.InboundEvent;

/**
 * The reused output of a Jackson baseline: pre-allocated {@link InboundEvent}s filled the way the
 * Peregrine decoder fills ring slots, so both sides do the same writes and a test can compare them field
 * by field. Reused across frames: the baselines are charged for their parsing, not for an output list.
 */
public final class DecodedEvents
{
    private final InboundEvent[] events;
    private int count;

    public DecodedEvents(final int capacity)
    {
        events = new InboundEvent[capacity];
        for (int i = 0; i < capacity; i++)
        {
            events[i] = new InboundEvent();
        }
    }

    public void clear()
    {
        count = 0;
    }

    /** The next slot, cleared; fails rather than wrapping, as a too-small capacity is a setup bug. */
    public InboundEvent next()
    {
        if (count == events.length)
        {
            throw new IllegalStateException("more than " + events.length + " events in one frame; raise the capacity");
        }
        final InboundEvent event = events[count++];
        event.clearInputs();
        return event;
    }

    public int count()
    {
        return count;
    }

    public InboundEvent get(final int index)
    {
        return events[index];
    }
}
