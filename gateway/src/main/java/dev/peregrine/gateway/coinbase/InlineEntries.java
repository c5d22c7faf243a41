package dev.peregrine.gateway.coinbase;

import dev.peregrine.core.instrument.InstrumentRegistry;
import dev.peregrine.gateway.DropReason;
import dev.peregrine.gateway.GatewayMetrics;
import dev.peregrine.gateway.json.JsonScanner;

/**
 * Single-pass decoding of {@code ticker}, {@code ticker_batch} and {@code market_trades} frames: when
 * {@code channel} comes before {@code events} (every real frame), the envelope pass hands the
 * {@code events} array to {@link #read} instead of skipping it, and the entries are decoded into
 * scratch while the same walk validates them. Publishing waits until the whole frame has passed (a frame
 * that is malformed after its last entry publishes nothing and counts no entry drops), so the decoded
 * entries and the entry drop counts are held here until {@link CoinbaseMarketDataDecoder} publishes them.
 *
 * <p>Bounded: at most {@link #CAPACITY} entries are held (real frames carry 1 to a few). A frame with
 * more sets {@link #overflow}; the walk still validates it, and the decoder falls back to its second,
 * trusted pass over {@code events}.
 */
final class InlineEntries
{
    static final int CAPACITY = 64;

    private static final DropReason[] REASONS = DropReason.values();
    static final byte[] TYPE = TickerEntry.bytes("type");
    static final byte[] SNAPSHOT = TickerEntry.bytes("snapshot");

    final TickerEntry[] tickers = new TickerEntry[CAPACITY];
    final TradeEntry[] trades = new TradeEntry[CAPACITY];
    private final int[] drops = new int[REASONS.length];
    private boolean dropped;
    private boolean tickerKind;
    private byte[] entriesKey;

    /** Good entries held, in frame order, in {@link #tickers} or {@link #trades} (each trade marked snapshot or not). */
    int count;
    /** More entries than {@link #CAPACITY}: what is held is incomplete, decode again. */
    boolean overflow;

    InlineEntries(final InstrumentRegistry registry)
    {
        for (int i = 0; i < CAPACITY; i++)
        {
            tickers[i] = new TickerEntry(registry);
            trades[i] = new TradeEntry(registry);
        }
    }

    /**
     * Walks, validating, the {@code events} array the scanner stopped at (lazy walk, not trusted), leaving
     * the cursor after it.
     *
     * @return false on a syntax or UTF-8 error ({@link JsonScanner#error()} says which).
     */
    boolean read(final JsonScanner scanner, final boolean tickers, final byte[] entriesKey)
    {
        this.tickerKind = tickers;
        this.entriesKey = entriesKey;
        count = 0;
        overflow = false;
        if (dropped)
        {
            java.util.Arrays.fill(drops, 0);
            dropped = false;
        }
        scanner.enterArray();
        int result;
        while ((result = scanner.nextElementStart()) == JsonScanner.ITEM)
        {
            if (scanner.valueKind() != JsonScanner.KIND_OBJECT)
            {
                drop(DropReason.WRONG_TYPE);
                if (scanner.skipCurrentValue() != JsonScanner.ITEM)
                {
                    return false;
                }
                continue;
            }
            if (!readEvent(scanner) || !scanner.endElement())
            {
                return false;
            }
        }
        return result == JsonScanner.END;
    }

    /** Counts the held entry drops; call once the frame is known good and its entries are published. */
    void flushDrops(final GatewayMetrics metrics)
    {
        if (!dropped)
        {
            return;
        }
        for (int i = 0; i < drops.length; i++)
        {
            for (int n = 0; n < drops[i]; n++)
            {
                metrics.onEntryDropped(REASONS[i]);
            }
        }
    }

    private boolean readEvent(final JsonScanner scanner)
    {
        scanner.enterObject();
        boolean found = false;
        boolean lastWasArray = false;
        boolean snapshot = false;
        final int first = count;
        int result;
        while ((result = scanner.nextKey()) == JsonScanner.ITEM)
        {
            if (!scanner.keyEquals(entriesKey) || scanner.valueKind() != JsonScanner.KIND_ARRAY)
            {
                if (scanner.keyEquals(entriesKey))
                {
                    found = true;
                    lastWasArray = false;
                }
                if (scanner.skipCurrentValue() != JsonScanner.ITEM)
                {
                    return false;
                }
                if (scanner.keyEquals(TYPE))
                {
                    snapshot = scanner.stringEquals(SNAPSHOT);
                }
                continue;
            }
            found = true;
            lastWasArray = true;
            if (!readEntries(scanner) || !scanner.endMember())
            {
                return false;
            }
        }
        if (result != JsonScanner.END)
        {
            return false;
        }
        if (!tickerKind)
        {
            // The event's type may come before or after its trades: mark them once the event is read.
            for (int i = first; i < count; i++)
            {
                trades[i].snapshot(snapshot);
            }
        }
        if (!found)
        {
            drop(DropReason.MISSING_FIELD);
        }
        else if (!lastWasArray)
        {
            drop(DropReason.WRONG_TYPE);
        }
        return true;
    }

    private boolean readEntries(final JsonScanner scanner)
    {
        scanner.enterArray();
        int result;
        while ((result = scanner.nextElementStart()) == JsonScanner.ITEM)
        {
            if (scanner.valueKind() != JsonScanner.KIND_OBJECT || count == CAPACITY)
            {
                if (scanner.valueKind() != JsonScanner.KIND_OBJECT)
                {
                    drop(DropReason.WRONG_TYPE);
                }
                else
                {
                    overflow = true;
                }
                if (scanner.skipCurrentValue() != JsonScanner.ITEM)
                {
                    return false;
                }
                continue;
            }
            final int entryStart = scanner.valueStart();
            final DropReason problem = tickerKind ? tickers[count].decode(scanner) : trades[count].decode(scanner);
            if (scanner.error() != JsonScanner.ERR_NONE)
            {
                return false;
            }
            if (problem != null)
            {
                // The entry decoder stops at its first problem: validate the whole entry from its start.
                final int end = scanner.skipValue(entryStart);
                if (end < 0)
                {
                    return false;
                }
                scanner.position(end);
                drop(problem);
            }
            else
            {
                count++;
            }
            if (!scanner.endElement())
            {
                return false;
            }
        }
        return result == JsonScanner.END;
    }

    private void drop(final DropReason reason)
    {
        drops[reason.ordinal()]++;
        dropped = true;
    }
}
