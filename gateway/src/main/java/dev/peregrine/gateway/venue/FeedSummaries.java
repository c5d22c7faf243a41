package dev.peregrine.gateway.venue;

import dev.peregrine.gateway.DropReason;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.ToLongFunction;

/** Pieces every venue's {@link MarketDataFeed#summary()} shares, so the summaries keep one shape. */
public final class FeedSummaries
{
    private FeedSummaries()
    {
    }

    /** One count per {@link DropReason}, keyed by its label, in the enum's order. */
    public static Map<String, Object> byReason(final ToLongFunction<DropReason> count)
    {
        final Map<String, Object> counts = new LinkedHashMap<>();
        for (final DropReason reason : DropReason.values())
        {
            counts.put(reason.label(), count.applyAsLong(reason));
        }
        return counts;
    }
}
