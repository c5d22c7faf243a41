package dev.peregrine.gateway.coinbase;

import dev.peregrine.gateway.DropReason;
import dev.peregrine.gateway.GatewayMetrics;
import dev.peregrine.gateway.json.JsonScanner;

/**
 * The first walk over a {@code market_trades} frame the single pass could not hold (a snapshot of more
 * than {@link InlineEntries#CAPACITY} trades): where each trade entry starts and whether its event is a
 * {@code snapshot}, so the decoder can then decode the trades and publish them oldest first. Entries
 * that are not objects, and events without a {@code trades} array, are counted as dropped here.
 * Pre-allocated for {@link CoinbaseMarketDataDecoder#MAX_TRADES_PER_FRAME} trades; decoder thread only.
 */
final class TradeEntryIndex
{
    private static final byte[] TRADES = "trades".getBytes(java.nio.charset.StandardCharsets.US_ASCII);

    private final int[] starts = new int[CoinbaseMarketDataDecoder.MAX_TRADES_PER_FRAME];
    private final boolean[] snapshot = new boolean[CoinbaseMarketDataDecoder.MAX_TRADES_PER_FRAME];
    private int count;

    /** Walks the {@code events} array at {@code eventsStart}; afterwards {@link #count()} entries are indexed. */
    void index(final JsonScanner scanner, final int eventsStart, final GatewayMetrics metrics)
    {
        count = 0;
        EventWalk.enterEvents(scanner, eventsStart);
        while (EventWalk.nextEvent(scanner, metrics))
        {
            boolean found = false;
            boolean lastWasArray = false;
            boolean isSnapshot = false;
            final int first = count;
            while (scanner.nextKey() == JsonScanner.ITEM)
            {
                if (scanner.keyEquals(TRADES) && scanner.valueKind() == JsonScanner.KIND_ARRAY)
                {
                    found = true;
                    lastWasArray = true;
                    noteStarts(scanner, metrics);
                    continue;
                }
                found |= scanner.keyEquals(TRADES);
                lastWasArray &= !scanner.keyEquals(TRADES);
                scanner.skipCurrentValue();
                if (scanner.keyEquals(InlineEntries.TYPE))
                {
                    isSnapshot = scanner.stringEquals(InlineEntries.SNAPSHOT);
                }
            }
            java.util.Arrays.fill(snapshot, first, count, isSnapshot);
            EventWalk.endEvent(found, lastWasArray, metrics);
        }
    }

    int count()
    {
        return count;
    }

    /** Where entry {@code i} starts in the frame. */
    int start(final int i)
    {
        return starts[i];
    }

    /** True when entry {@code i}'s event was a {@code snapshot}. */
    boolean snapshot(final int i)
    {
        return snapshot[i];
    }

    /** Keeps entry {@code from} as entry {@code to} (to &lt;= from), dropping those in between: compaction after validation. */
    void keep(final int from, final int to)
    {
        starts[to] = starts[from];
        snapshot[to] = snapshot[from];
    }

    /** Inside a {@code trades} array: remembers where each object entry starts, up to the scratch's size. */
    private void noteStarts(final JsonScanner scanner, final GatewayMetrics metrics)
    {
        scanner.enterArray();
        while (scanner.nextElementStart() == JsonScanner.ITEM)
        {
            if (scanner.valueKind() != JsonScanner.KIND_OBJECT)
            {
                metrics.onEntryDropped(DropReason.WRONG_TYPE);
            }
            else if (count == starts.length)
            {
                // Far beyond any real frame (snapshots list 100): newest first, so what is cut is the oldest.
                metrics.onEntryDropped(DropReason.TOO_MANY_ENTRIES);
            }
            else
            {
                starts[count++] = scanner.valueStart();
            }
            scanner.skipCurrentValue();
        }
    }
}
