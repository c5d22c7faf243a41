package dev.peregrine.gateway.coinbase;

import dev.peregrine.gateway.json.JsonScanner;

import static dev.peregrine.gateway.coinbase.TickerEntry.bytes;

/**
 * How many entries one Coinbase frame may carry, per message kind, and the walk that counts them before
 * anything of the frame is published. A frame over its limit is dropped whole and counted as
 * {@code too_many_entries}: a well-formed frame of 20,000 tickers would otherwise become 20,000 events
 * and journal records.
 *
 * <p>The limits sit far above what the venue sends (counted in the real capture of 2026-08-09: 1 ticker
 * per frame, 100 trades and 100 candles in a subscribe snapshot, 60 level2 updates per frame, 46,000
 * levels in a BTC-USD level2 snapshot) and far below what would flood the ring and the journal.
 */
final class FrameEntryLimits
{
    static final int MAX_TICKERS = 256;
    static final int MAX_TRADES = 1_000;
    static final int MAX_CANDLES = 1_000;
    /** A status frame lists the subscribed products (the venue has about 800). */
    static final int MAX_PRODUCTS = 4_096;
    static final int MAX_LEVEL2_UPDATES = 10_000;
    /** The whole book of a product; BTC-USD's is 46,000 levels. */
    static final int MAX_LEVEL2_SNAPSHOT = 500_000;

    private static final byte[] TYPE = bytes("type");
    private static final byte[] SNAPSHOT = bytes("snapshot");

    private FrameEntryLimits()
    {
    }

    /** The most entries under {@code entriesKey} the frame's events may hold together. */
    static int limit(final CoinbaseChannel channel)
    {
        switch (channel)
        {
            case TICKER:
            case TICKER_BATCH:
                return MAX_TICKERS;
            case MARKET_TRADES:
                return MAX_TRADES;
            case CANDLES:
                return MAX_CANDLES;
            case STATUS:
                return MAX_PRODUCTS;
            default:
                return MAX_LEVEL2_UPDATES;
        }
    }

    /**
     * True when the {@code events} array at {@code eventsStart} holds more entries under {@code entriesKey}
     * than {@code limit} allows; level2 snapshot events are held to {@link #MAX_LEVEL2_SNAPSHOT} instead.
     * The frame has been validated; the scanner's position is left where it was.
     */
    static boolean exceeded(final JsonScanner scanner, final int eventsStart, final byte[] entriesKey, final int limit,
        final boolean level2)
    {
        final int resume = scanner.position();
        scanner.position(eventsStart);
        scanner.enterArray();
        long updates = 0;
        long snapshot = 0;
        while (scanner.nextElementStart() == JsonScanner.ITEM)
        {
            if (scanner.valueKind() != JsonScanner.KIND_OBJECT)
            {
                scanner.skipCurrentValue();
                continue;
            }
            scanner.enterObject();
            long entries = 0;
            boolean isSnapshot = false;
            while (scanner.nextKey() == JsonScanner.ITEM)
            {
                if (scanner.keyEquals(entriesKey) && scanner.valueKind() == JsonScanner.KIND_ARRAY)
                {
                    scanner.enterArray();
                    while (scanner.nextElementStart() == JsonScanner.ITEM)
                    {
                        entries++;
                        scanner.skipCurrentValue();
                    }
                    continue;
                }
                scanner.skipCurrentValue();
                if (scanner.keyEquals(TYPE))
                {
                    isSnapshot = scanner.stringEquals(SNAPSHOT);
                }
            }
            if (level2 && isSnapshot)
            {
                snapshot += entries;
            }
            else
            {
                updates += entries;
            }
        }
        scanner.position(resume);
        return updates > limit || snapshot > MAX_LEVEL2_SNAPSHOT;
    }
}
