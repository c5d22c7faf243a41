package dev.peregrine.ops.journal;

import dev.peregrine.core.event.InboundEvent;

/**
 * Which journaled events a {@code journal} subcommand shows: event time in {@code [from, to)}, one of
 * the chosen types, one of the chosen products. Built once by {@link JournalQuery}; {@link #matches}
 * allocates nothing, so a dump of millions of events filters at the reader's speed.
 */
public final class EventFilter
{
    private final long fromNanos;
    private final long toNanos;
    /** Indexed by EventType code; null for every type. */
    private final boolean[] types;
    /** Indexed by instrument id; null for every product (and events of no product). */
    private final boolean[] products;

    EventFilter(final long fromNanos, final long toNanos, final boolean[] types, final boolean[] products)
    {
        if (toNanos <= fromNanos)
        {
            throw new IllegalArgumentException("the time range is empty: --to must be after --from");
        }
        this.fromNanos = fromNanos;
        this.toNanos = toNanos;
        this.types = types;
        this.products = products;
    }

    /** Everything. */
    public static EventFilter all()
    {
        return new EventFilter(Long.MIN_VALUE, Long.MAX_VALUE, null, null);
    }

    public boolean matches(final InboundEvent e)
    {
        if (e.eventTimeNanos < fromNanos || e.eventTimeNanos >= toNanos)
        {
            return false;
        }
        if (types != null && (e.type < 0 || e.type >= types.length || !types[e.type]))
        {
            return false;
        }
        return products == null || e.instrumentId >= 0 && e.instrumentId < products.length && products[e.instrumentId];
    }
}
