package dev.peregrine.gateway.binance;

import dev.peregrine.core.event.Side;
import dev.peregrine.core.instrument.InstrumentRegistry;
import dev.peregrine.gateway.DropReason;
import dev.peregrine.gateway.json.JsonScanner;

/**
 * Scratch of one depth message, validated completely (every level) before the book sync sees it:
 * a {@code <sym>@depth} diff {@code {"e":"depthUpdate","E":..,"s":"BTCUSDT","U":..,"u":..,"b":[..],"a":[..]}}
 * or the REST snapshot {@code {"lastUpdateId":..,"bids":[..],"asks":[..]}}. Half a diff must never
 * reach the book: a dropped diff breaks the U/u chain at the next one, and the sync resyncs.
 */
public final class DepthMessage
{
    /**
     * Levels one diff may carry (both sides): real {@code @depth@100ms} diffs of BTCUSDT carry hundreds; a
     * bigger one is dropped as {@code too_many_entries}, and the sequence check that follows resyncs the book.
     */
    static final int MAX_DIFF_LEVELS = 20_000;
    /** Levels one REST snapshot may carry: Binance serves at most 5,000 a side. */
    static final int MAX_SNAPSHOT_LEVELS = 10_000;

    private static final byte[] S = BinanceStream.ascii("s");
    private static final byte[] E = BinanceStream.ascii("E");
    private static final byte[] FIRST = BinanceStream.ascii("U");
    private static final byte[] LAST = BinanceStream.ascii("u");
    private static final byte[] PREVIOUS_LAST = BinanceStream.ascii("pu");
    private static final byte[] B = BinanceStream.ascii("b");
    private static final byte[] A = BinanceStream.ascii("a");
    private static final byte[] LAST_UPDATE_ID = BinanceStream.ascii("lastUpdateId");
    private static final byte[] BIDS = BinanceStream.ascii("bids");
    private static final byte[] ASKS = BinanceStream.ascii("asks");

    private final InstrumentRegistry registry;
    private final BinanceFields fields = new BinanceFields();
    public final DepthLevels levels = new DepthLevels(1024);
    public int instrumentId;
    public long firstId;
    public long lastId;
    public long exchangeTimeNanos;
    /** USD-M futures diffs only: {@code pu}, the {@code u} of the stream's previous diff; -1 when the diff has none (spot). */
    public long previousLastId = -1;

    public DepthMessage(final InstrumentRegistry registry)
    {
        this.registry = registry;
    }

    /** A diff: the data object at the scanner's position (already validated as JSON). */
    public DropReason decodeDiff(final JsonScanner scanner)
    {
        scanner.enterObject();
        int seen = 0;
        int bids = -1;
        int asks = -1;
        previousLastId = -1;
        DropReason problem = null;
        while (scanner.nextMember() == JsonScanner.ITEM)
        {
            if (problem != null)
            {
                continue;
            }
            if (scanner.keyEquals(PREVIOUS_LAST))
            {
                problem = fields.integer(scanner);
                previousLastId = fields.value;
            }
            else if (scanner.keyEquals(S))
            {
                seen |= 1;
                if (scanner.valueKind() != JsonScanner.KIND_STRING)
                {
                    problem = DropReason.WRONG_TYPE;
                }
                else
                {
                    instrumentId = registry.idOf(scanner.buffer(), scanner.stringStart(), scanner.stringLength());
                    problem = instrumentId < 0 ? DropReason.UNKNOWN_PRODUCT : null;
                }
            }
            else if (scanner.keyEquals(E))
            {
                seen |= 2;
                problem = fields.millisAsNanos(scanner);
                exchangeTimeNanos = fields.value;
            }
            else if (scanner.keyEquals(FIRST))
            {
                seen |= 4;
                problem = fields.integer(scanner);
                firstId = fields.value;
            }
            else if (scanner.keyEquals(LAST))
            {
                seen |= 8;
                problem = fields.integer(scanner);
                lastId = fields.value;
            }
            else if (scanner.keyEquals(B))
            {
                seen |= 16;
                bids = arrayStart(scanner);
                problem = bids < 0 ? DropReason.WRONG_TYPE : null;
            }
            else if (scanner.keyEquals(A))
            {
                seen |= 32;
                asks = arrayStart(scanner);
                problem = asks < 0 ? DropReason.WRONG_TYPE : null;
            }
        }
        if (problem != null)
        {
            return problem;
        }
        if (seen != 0b11_1111)
        {
            return DropReason.MISSING_FIELD;
        }
        if (firstId > lastId)
        {
            return DropReason.BAD_NUMBER; // U..u must be a range
        }
        return levels(scanner, bids, asks, MAX_DIFF_LEVELS);
    }

    /** The REST snapshot body at the scanner (top level; validated here). */
    public DropReason decodeSnapshot(final JsonScanner scanner)
    {
        if (!scanner.enterObject())
        {
            return DropReason.MALFORMED_JSON;
        }
        int seen = 0;
        int bids = -1;
        int asks = -1;
        DropReason problem = null;
        int result;
        while ((result = scanner.nextMember()) == JsonScanner.ITEM)
        {
            if (problem != null)
            {
                continue;
            }
            if (scanner.keyEquals(LAST_UPDATE_ID))
            {
                seen |= 1;
                problem = fields.integer(scanner);
                lastId = fields.value;
            }
            else if (scanner.keyEquals(BIDS))
            {
                seen |= 2;
                bids = arrayStart(scanner);
                problem = bids < 0 ? DropReason.WRONG_TYPE : null;
            }
            else if (scanner.keyEquals(ASKS))
            {
                seen |= 4;
                asks = arrayStart(scanner);
                problem = asks < 0 ? DropReason.WRONG_TYPE : null;
            }
        }
        if (result == JsonScanner.ERROR || !scanner.atEnd())
        {
            return scanner.error() == JsonScanner.ERR_UTF8 ? DropReason.INVALID_UTF8 : DropReason.MALFORMED_JSON;
        }
        if (problem != null)
        {
            return problem;
        }
        if (seen != 0b111)
        {
            return DropReason.MISSING_FIELD;
        }
        firstId = lastId;
        exchangeTimeNanos = 0;
        scanner.trustValidated(); // the walk above validated the whole body: read the levels without re-checking
        return levels(scanner, bids, asks, MAX_SNAPSHOT_LEVELS);
    }

    private DropReason levels(final JsonScanner scanner, final int bids, final int asks, final int maxLevels)
    {
        levels.clear();
        final DropReason problem = levels.parse(scanner, bids, Side.BUY, maxLevels);
        return problem != null ? problem : levels.parse(scanner, asks, Side.SELL, maxLevels);
    }

    private static int arrayStart(final JsonScanner scanner)
    {
        return scanner.valueKind() == JsonScanner.KIND_ARRAY ? scanner.valueStart() : -1;
    }
}
