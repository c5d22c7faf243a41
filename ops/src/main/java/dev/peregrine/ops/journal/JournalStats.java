package dev.peregrine.ops.journal;

import dev.peregrine.core.event.EventType;
import dev.peregrine.core.event.InboundEvent;

import java.util.Map;
import java.util.TreeMap;

/** Counts of the events {@code journal stats} read: by type, by product, and the event-time span. */
final class JournalStats
{
    /** By EventType code; index 0 collects codes this build does not know. */
    private final long[] byType = new long[EventType.LAST_KNOWN + 1];
    /** By instrument id; the last slot collects events of no product (and ids the header does not list). */
    private final long[] byProduct;
    private final EventFormat format;
    private final Map<Integer, Long> unknownTypes = new TreeMap<>();
    long events;
    long firstTimeNanos;
    long lastTimeNanos;
    /** False when event times go backwards somewhere (they should not: the core's clock is monotonic). */
    boolean timeOrdered = true;

    JournalStats(final int products, final EventFormat format)
    {
        this.byProduct = new long[products + 1];
        this.format = format;
    }

    void add(final InboundEvent e)
    {
        if (events == 0)
        {
            firstTimeNanos = e.eventTimeNanos;
        }
        else if (e.eventTimeNanos < lastTimeNanos)
        {
            timeOrdered = false;
        }
        lastTimeNanos = e.eventTimeNanos;
        events++;
        if (EventType.isKnown(e.type))
        {
            byType[e.type]++;
        }
        else
        {
            unknownTypes.merge(e.type, 1L, Long::sum);
        }
        final int id = e.instrumentId;
        byProduct[id >= 0 && id < byProduct.length - 1 ? id : byProduct.length - 1]++;
    }

    /** Type name to count, in EventType code order, types with no event left out. */
    Map<String, Long> byType()
    {
        final Map<String, Long> counts = new java.util.LinkedHashMap<>();
        for (int code = EventType.TRADE; code <= EventType.LAST_KNOWN; code++)
        {
            if (byType[code] > 0)
            {
                counts.put(EventType.name(code), byType[code]);
            }
        }
        unknownTypes.forEach((code, count) -> counts.put(EventType.name(code), count));
        return counts;
    }

    /** Product name to count, in header order; events of no product under "(none)". */
    Map<String, Long> byProduct()
    {
        final Map<String, Long> counts = new java.util.LinkedHashMap<>();
        for (int id = 0; id < byProduct.length - 1; id++)
        {
            counts.put(format.product(id), byProduct[id]);
        }
        if (byProduct[byProduct.length - 1] > 0)
        {
            counts.put("(none)", byProduct[byProduct.length - 1]);
        }
        return counts;
    }
}
