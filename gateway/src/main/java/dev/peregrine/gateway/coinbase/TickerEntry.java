package dev.peregrine.gateway.coinbase;

import dev.peregrine.core.event.EventType;
import dev.peregrine.core.event.InboundEvent;
import dev.peregrine.core.instrument.InstrumentRegistry;
import dev.peregrine.gateway.DropReason;
import dev.peregrine.gateway.json.JsonScanner;

import java.nio.charset.StandardCharsets;

/**
 * Scratch space for one {@code tickers[]} entry: decoded and validated here first, copied into a ring
 * slot only when complete, so a half-decoded ticker can never be published.
 */
final class TickerEntry
{
    private static final byte[] PRODUCT_ID = bytes("product_id");
    private static final byte[] PRICE = bytes("price");
    private static final byte[] BEST_BID = bytes("best_bid");
    private static final byte[] BEST_BID_QUANTITY = bytes("best_bid_quantity");
    private static final byte[] BEST_ASK = bytes("best_ask");
    private static final byte[] BEST_ASK_QUANTITY = bytes("best_ask_quantity");

    private static final int HAS_PRODUCT = 1;
    private static final int HAS_PRICE = 1 << 1;
    private static final int HAS_BID = 1 << 2;
    private static final int HAS_BID_QUANTITY = 1 << 3;
    private static final int HAS_ASK = 1 << 4;
    private static final int HAS_ASK_QUANTITY = 1 << 5;
    private static final int HAS_ALL = (1 << 6) - 1;

    private final InstrumentRegistry registry;
    private final FieldReader reader = new FieldReader();

    private int instrumentId;
    private long price;
    private long bidPrice;
    private long bidQuantity;
    private long askPrice;
    private long askQuantity;

    TickerEntry(final InstrumentRegistry registry)
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
            else if (scanner.keyEquals(PRICE))
            {
                problem = reader.decimalString(scanner);
                price = reader.value;
                seen |= HAS_PRICE;
            }
            else if (scanner.keyEquals(BEST_BID))
            {
                problem = reader.decimalString(scanner);
                bidPrice = reader.value;
                seen |= HAS_BID;
            }
            else if (scanner.keyEquals(BEST_BID_QUANTITY))
            {
                problem = reader.decimalString(scanner);
                bidQuantity = reader.value;
                seen |= HAS_BID_QUANTITY;
            }
            else if (scanner.keyEquals(BEST_ASK))
            {
                problem = reader.decimalString(scanner);
                askPrice = reader.value;
                seen |= HAS_ASK;
            }
            else if (scanner.keyEquals(BEST_ASK_QUANTITY))
            {
                problem = reader.decimalString(scanner);
                askQuantity = reader.value;
                seen |= HAS_ASK_QUANTITY;
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
        if (price <= 0 || bidPrice <= 0 || askPrice <= 0)
        {
            return DropReason.NON_POSITIVE_PRICE;
        }
        if (bidQuantity < 0 || askQuantity < 0)
        {
            return DropReason.BAD_QUANTITY;
        }
        return null;
    }

    int instrumentId()
    {
        return instrumentId;
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

    /** Fills a claimed slot with the validated entry and the frame's envelope values. */
    void copyTo(
        final InboundEvent event,
        final long venueSequence,
        final long exchangeTimeNanos,
        final long receiveEpochNanos,
        final long receiveNanoTime)
    {
        event.clearInputs();
        event.type = EventType.QUOTE;
        event.instrumentId = instrumentId;
        event.venueSequence = venueSequence;
        event.exchangeTimeNanos = exchangeTimeNanos;
        event.eventTimeNanos = receiveEpochNanos;
        event.receiveNanoTime = receiveNanoTime;
        event.price = price;
        event.bidPrice = bidPrice;
        event.bidQuantity = bidQuantity;
        event.askPrice = askPrice;
        event.askQuantity = askQuantity;
    }

    static byte[] bytes(final String text)
    {
        return text.getBytes(StandardCharsets.US_ASCII);
    }
}
