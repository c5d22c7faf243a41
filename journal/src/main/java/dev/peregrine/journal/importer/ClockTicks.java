package dev.peregrine.journal.importer;

import dev.peregrine.core.event.EventType;
import dev.peregrine.core.event.InboundEvent;

/**
 * Adds the CLOCK events the live timer would have published ({@code ClockTicker}, one a second): an
 * imported file has only data, so without them a time bar would close only when the next trade came,
 * and timers would not fire in quiet periods. A CLOCK is emitted at every whole second of event time
 * (epoch multiples of {@link #PERIOD_NANOS}) after the first data event's second, up to the last data
 * event; a clock and a data event at the same nanosecond come clock first (the bar that ends there
 * closes before the trade that starts the next one). No clocks after the last event.
 *
 * <p>One held slot, copied field by field: no allocation per event.
 */
public final class ClockTicks implements EventSource
{
    /** One second, as the live ticker's default interval. */
    public static final long PERIOD_NANOS = 1_000_000_000L;

    private final EventSource data;
    private final InboundEvent held = new InboundEvent();
    private boolean holding;
    private long nextClock = Long.MIN_VALUE;
    private long clocks;

    public ClockTicks(final EventSource data)
    {
        this.data = data;
    }

    @Override
    public boolean next(final InboundEvent into)
    {
        if (!holding)
        {
            if (!data.next(held))
            {
                return false;
            }
            holding = true;
            if (nextClock == Long.MIN_VALUE)
            {
                nextClock = Math.floorDiv(held.eventTimeNanos, PERIOD_NANOS) * PERIOD_NANOS + PERIOD_NANOS;
            }
        }
        if (nextClock <= held.eventTimeNanos)
        {
            into.clearInputs();
            into.type = EventType.CLOCK;
            into.eventTimeNanos = nextClock;
            nextClock += PERIOD_NANOS;
            clocks++;
            return true;
        }
        into.copyInputsFrom(held);
        holding = false;
        return true;
    }

    /** Clocks synthesized so far. */
    public long clocks()
    {
        return clocks;
    }

    @Override
    public double progress()
    {
        return data.progress();
    }

    @Override
    public void close()
    {
        data.close();
    }
}
