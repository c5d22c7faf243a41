package dev.peregrine.gateway.coinbase;

import dev.peregrine.core.event.EventType;
import dev.peregrine.core.event.InboundEvent;
import dev.peregrine.core.event.Side;
import dev.peregrine.core.time.EpochNanos;
import dev.peregrine.gateway.DropReason;
import dev.peregrine.gateway.json.JsonScanner;

import static dev.peregrine.gateway.coinbase.TickerEntry.bytes;

/**
 * Scratch space for one {@code l2_data} level, {@code {side, event_time, price_level, new_quantity}}:
 * decoded and validated here, copied into a ring slot only when complete. {@code new_quantity} is the
 * absolute size at the level; 0 removes it.
 */
final class BookLevelEntry
{
    private static final byte[] SIDE = bytes("side");
    private static final byte[] EVENT_TIME = bytes("event_time");
    private static final byte[] PRICE_LEVEL = bytes("price_level");
    private static final byte[] NEW_QUANTITY = bytes("new_quantity");
    private static final byte[] BID = bytes("bid");
    private static final byte[] OFFER = bytes("offer");

    private static final int HAS_SIDE = 1;
    private static final int HAS_TIME = 1 << 1;
    private static final int HAS_PRICE = 1 << 2;
    private static final int HAS_QUANTITY = 1 << 3;
    private static final int HAS_ALL = (1 << 4) - 1;

    private final FieldReader reader = new FieldReader();

    int side;
    long price;
    long quantity;
    long timeNanos;

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
            if (scanner.keyEquals(SIDE))
            {
                problem = readSide(scanner);
                seen |= HAS_SIDE;
            }
            else if (scanner.keyEquals(PRICE_LEVEL))
            {
                problem = reader.decimalString(scanner);
                price = reader.value;
                seen |= HAS_PRICE;
            }
            else if (scanner.keyEquals(NEW_QUANTITY))
            {
                problem = reader.decimalString(scanner);
                quantity = reader.value;
                seen |= HAS_QUANTITY;
            }
            else if (scanner.keyEquals(EVENT_TIME))
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
        if (quantity < 0)
        {
            return DropReason.BAD_QUANTITY;
        }
        return null;
    }

    private DropReason readSide(final JsonScanner scanner)
    {
        if (scanner.valueKind() != JsonScanner.KIND_STRING)
        {
            return DropReason.WRONG_TYPE;
        }
        if (scanner.stringEquals(BID))
        {
            side = Side.BUY;
            return null;
        }
        if (scanner.stringEquals(OFFER))
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
        timeNanos = EpochNanos.parse(scanner.buffer(), scanner.stringStart(), scanner.stringLength());
        return timeNanos == EpochNanos.INVALID ? DropReason.BAD_TIMESTAMP : null;
    }

    void copyTo(
        final InboundEvent event,
        final int instrumentId,
        final int flags,
        final long venueSequence,
        final long receiveEpochNanos,
        final long receiveNanoTime)
    {
        event.clearInputs();
        event.type = EventType.BOOK_LEVEL;
        event.instrumentId = instrumentId;
        event.venueSequence = venueSequence;
        event.exchangeTimeNanos = timeNanos;
        event.eventTimeNanos = receiveEpochNanos;
        event.receiveNanoTime = receiveNanoTime;
        event.side = side;
        event.price = price;
        event.quantity = quantity;
        event.flags = flags;
    }

    /** Copies another validated level into this one (the decoder holds one level back, see Level2Decoder). */
    void copyFrom(final BookLevelEntry other)
    {
        side = other.side;
        price = other.price;
        quantity = other.quantity;
        timeNanos = other.timeNanos;
    }
}
