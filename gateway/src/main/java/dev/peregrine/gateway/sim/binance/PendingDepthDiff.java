package dev.peregrine.gateway.sim.binance;

import dev.peregrine.core.number.FixedPoint;

import java.util.Collections;
import java.util.Map;
import java.util.TreeMap;

/**
 * The book level changes of a generated market since its last diff of one pace ({@code @depth@100ms} or {@code @depth}),
 * taken as one {@code depthUpdate} whose {@code U} is the first change's update id. Loop thread only.
 */
final class PendingDepthDiff
{
    final Map<Long, Long> bids = new TreeMap<>(Collections.reverseOrder());
    final Map<Long, Long> asks = new TreeMap<>();
    long firstId = -1;

    void put(final boolean bid, final long price, final long quantity, final long updateId)
    {
        if (firstId < 0)
        {
            firstId = updateId;
        }
        (bid ? bids : asks).put(price, quantity);
    }

    void clear()
    {
        bids.clear();
        asks.clear();
        firstId = -1;
    }

    /** The pending changes as one depthUpdate ending at {@code lastId}, or null if nothing changed. */
    String take(final String symbol, final long lastId, final long nowMillis)
    {
        if (firstId < 0)
        {
            return null;
        }
        final StringBuilder sb = new StringBuilder(1024);
        sb.append("{\"e\":\"depthUpdate\",\"E\":").append(nowMillis).append(",\"s\":\"").append(symbol)
            .append("\",\"U\":").append(firstId).append(",\"u\":").append(lastId).append(",\"b\":");
        levels(sb, bids.entrySet());
        sb.append(",\"a\":");
        levels(sb, asks.entrySet());
        sb.append('}');
        clear();
        return sb.toString();
    }

    /** Levels as Binance writes them: {@code [["price","quantity"],...]}. */
    static void levels(final StringBuilder sb, final Iterable<Map.Entry<Long, Long>> levels)
    {
        sb.append('[');
        boolean first = true;
        for (final Map.Entry<Long, Long> level : levels)
        {
            sb.append(first ? "" : ",").append("[\"").append(FixedPoint.toString(level.getKey())).append("\",\"")
                .append(FixedPoint.toString(level.getValue())).append("\"]");
            first = false;
        }
        sb.append(']');
    }
}
