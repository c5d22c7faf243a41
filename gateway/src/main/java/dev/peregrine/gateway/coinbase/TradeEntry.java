package dev.peregrine.gateway.coinbase;

import dev.peregrine.core.event.EventType;
import dev.peregrine.core.event.InboundEvent;
import dev.peregrine.core.event.Side;
import dev.peregrine.core.event.TradeFlags;
import dev.peregrine.core.instrument.InstrumentRegistry;
import dev.peregrine.core.time.EpochNanos;
import dev.peregrine.gateway.DropReason;
import dev.peregrine.gateway.json.JsonScanner;

import static dev.peregrine.gateway.coinbase.TickerEntry.bytes;

/**
 * Scratch space for one {@code trades[]} entry of {@code market_trades}: decoded and validated here
 * first, copied into a ring slot only when complete. {@code side} is kept as Coinbase reports it, which
 * is the maker's side. Whether the entry came in a {@code snapshot} event is a property of the event, not
 * of the entry, so the decoder sets it ({@link #snapshot(boolean)}) once it has read the event's type.
 */
final class TradeEntry
{
    private static final byte[] PRODUCT_ID = bytes("product_id");
    private static final byte[] TRADE_ID = bytes("trade_id");
    private static final byte[] PRICE = bytes("price");
    private static final byte[] SIZE = bytes("size");
    private static final byte[] SIDE = bytes("side");
    private static final byte[] TIME = bytes("time");
    private static final byte[] BUY = bytes("BUY");
    private static final byte[] SELL = bytes("SELL");

    private static final int HAS_PRODUCT = 1;
    private static final int HAS_TRADE_ID = 1 << 1;
    private static final int HAS_PRICE = 1 << 2;
    private static final int HAS_SIZE = 1 << 3;
    private static final int HAS_SIDE = 1 << 4;
    private static final int HAS_TIME = 1 << 5;
    private static final int HAS_ALL = (1 << 6) - 1;

    private final InstrumentRegistry registry;
    private final FieldReader reader = new FieldReader();

    private int instrumentId;
    private long tradeId;
    private long price;
    private long quantity;
    private int side;
    private long timeNanos;
    private boolean snapshot;

    TradeEntry(final InstrumentRegistry registry)
    {
        this.registry = registry;
    }

    /**
     * Decodes the entry object at the scanner's cursor.
     *
     * @return null if the entry is complete and valid, else why it is not.
     */
    DropReason decode(final JsonScanner scanner)
    {
        if (!scanner.enterObject())
        {
            return DropReason.WRONG_TYPE;
        }
        int seen = 0;
        DropReason problem = null;
        while (problem == null && scanner.nextMember() == JsonScanner.ITEM)
        {
            if (scanner.keyEquals(PRODUCT_ID))
            {
                problem = readProduct(scanner);
                seen |= HAS_PRODUCT;
            }
            else if (scanner.keyEquals(TRADE_ID))
            {
                problem = reader.integerString(scanner);
                tradeId = reader.value;
                seen |= HAS_TRADE_ID;
            }
            else if (scanner.keyEquals(PRICE))
            {
                problem = reader.decimalString(scanner);
                price = reader.value;
                seen |= HAS_PRICE;
            }
            else if (scanner.keyEquals(SIZE))
            {
                problem = reader.decimalString(scanner);
                quantity = reader.value;
                seen |= HAS_SIZE;
            }
            else if (scanner.keyEquals(SIDE))
            {
                problem = readSide(scanner);
                seen |= HAS_SIDE;
            }
            else if (scanner.keyEquals(TIME))
            {
                problem = readTime(scanner);
                seen |= HAS_TIME;
            }
        }
        if (problem != null)
        {
            return problem;
        }
        if (seen != HAS_ALL)
        {
            return DropReason.MISSING_FIELD;
        }
        if (price <= 0)
        {
            return DropReason.NON_POSITIVE_PRICE;
        }
        if (quantity <= 0)
        {
            return DropReason.BAD_QUANTITY;
        }
        return null;
    }

    int instrumentId()
    {
        return instrumentId;
    }

    long tradeId()
    {
        return tradeId;
    }

    /** When the trade printed on the venue, epoch nanoseconds. */
    long timeNanos()
    {
        return timeNanos;
    }

    /** The entry was listed in a {@code snapshot} event: history the venue sent on subscribe. */
    void snapshot(final boolean fromSnapshot)
    {
        this.snapshot = fromSnapshot;
    }

    private DropReason readProduct(final JsonScanner scanner)
    {
        if (scanner.valueKind() != JsonScanner.KIND_STRING)
        {
            return DropReason.WRONG_TYPE;
        }
        instrumentId = registry.idOf(scanner.buffer(), scanner.stringStart(), scanner.stringLength());
        return instrumentId < 0 ? DropReason.UNKNOWN_PRODUCT : null;
    }

    private DropReason readSide(final JsonScanner scanner)
    {
        if (scanner.valueKind() != JsonScanner.KIND_STRING)
        {
            return DropReason.WRONG_TYPE;
        }
        if (valueEquals(scanner, BUY))
        {
            side = Side.BUY;
            return null;
        }
        if (valueEquals(scanner, SELL))
        {
            side = Side.SELL;
            return null;
        }
        return DropReason.BAD_SIDE;
    }

    private DropReason readTime(final JsonScanner scanner)
    {
        if (scanner.valueKind() != JsonScanner.KIND_STRING)
        {
            return DropReason.WRONG_TYPE;
        }
        final long parsed = EpochNanos.parse(scanner.buffer(), scanner.stringStart(), scanner.stringLength());
        if (parsed == EpochNanos.INVALID)
        {
            return DropReason.BAD_TIMESTAMP;
        }
        timeNanos = parsed;
        return null;
    }

    private static boolean valueEquals(final JsonScanner scanner, final byte[] expected)
    {
        final int start = scanner.stringStart();
        return scanner.stringLength() == expected.length &&
            java.util.Arrays.equals(expected, 0, expected.length, scanner.buffer(), start, start + expected.length);
    }

    /** Fills a claimed slot with the validated entry; the exchange time is the trade's own {@code time}. */
    void copyTo(
        final InboundEvent event,
        final long venueSequence,
        final long receiveEpochNanos,
        final long receiveNanoTime)
    {
        event.clearInputs();
        event.type = EventType.TRADE;
        event.instrumentId = instrumentId;
        event.venueSequence = venueSequence;
        event.exchangeTimeNanos = timeNanos;
        event.eventTimeNanos = receiveEpochNanos;
        event.receiveNanoTime = receiveNanoTime;
        event.tradeId = tradeId;
        event.price = price;
        event.quantity = quantity;
        event.side = side;
        event.flags = snapshot ? TradeFlags.SNAPSHOT : 0;
    }
}
