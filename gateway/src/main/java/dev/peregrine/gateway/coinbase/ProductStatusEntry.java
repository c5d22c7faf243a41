package dev.peregrine.gateway.coinbase;

import dev.peregrine.core.event.EventType;
import dev.peregrine.core.event.InboundEvent;
import dev.peregrine.core.event.InstrumentStatus;
import dev.peregrine.core.instrument.InstrumentRegistry;
import dev.peregrine.gateway.DropReason;
import dev.peregrine.gateway.json.JsonScanner;

import static dev.peregrine.gateway.coinbase.TickerEntry.bytes;

/**
 * Scratch space for one {@code status} channel {@code products[]} entry: {@code id},
 * {@code quote_increment} (tick size), {@code base_increment} (lot size) and {@code status}, plus the
 * trading flags the venue may add ({@code trading_disabled}, {@code cancel_only}, {@code limit_only}).
 *
 * <p>Status mapping: {@code online} is {@link InstrumentStatus#ONLINE} unless a flag restricts it
 * (trading_disabled → OFFLINE, cancel_only → CANCEL_ONLY, limit_only → LIMIT_ONLY, in that priority);
 * {@code offline}, {@code delisted} → OFFLINE; {@code cancel_only}/{@code limit_only} as status strings
 * map to their codes; anything else is UNKNOWN (published, not dropped: the increments are still good).
 */
final class ProductStatusEntry
{
    private static final byte[] ID = bytes("id");
    private static final byte[] QUOTE_INCREMENT = bytes("quote_increment");
    private static final byte[] BASE_INCREMENT = bytes("base_increment");
    private static final byte[] STATUS = bytes("status");
    private static final byte[] TRADING_DISABLED = bytes("trading_disabled");
    private static final byte[] CANCEL_ONLY = bytes("cancel_only");
    private static final byte[] LIMIT_ONLY = bytes("limit_only");
    private static final byte[] ONLINE = bytes("online");
    private static final byte[] OFFLINE = bytes("offline");
    private static final byte[] DELISTED = bytes("delisted");

    private static final int HAS_ALL = (1 << 4) - 1;

    private final InstrumentRegistry registry;
    private final FieldReader reader = new FieldReader();

    int instrumentId;
    private long priceIncrement;
    private long sizeIncrement;
    private int status;
    private boolean tradingDisabled;
    private boolean cancelOnly;
    private boolean limitOnly;

    ProductStatusEntry(final InstrumentRegistry registry)
    {
        this.registry = registry;
    }

    DropReason decode(final JsonScanner scanner)
    {
        if (!scanner.enterObject())
        {
            return DropReason.WRONG_TYPE;
        }
        int seen = 0;
        tradingDisabled = false;
        cancelOnly = false;
        limitOnly = false;
        DropReason problem = null;
        while (problem == null && scanner.nextMember() == JsonScanner.ITEM)
        {
            if (scanner.keyEquals(ID))
            {
                problem = readProduct(scanner);
                seen |= 1;
            }
            else if (scanner.keyEquals(QUOTE_INCREMENT))
            {
                problem = reader.decimalString(scanner);
                priceIncrement = reader.value;
                seen |= 1 << 1;
            }
            else if (scanner.keyEquals(BASE_INCREMENT))
            {
                problem = reader.decimalString(scanner);
                sizeIncrement = reader.value;
                seen |= 1 << 2;
            }
            else if (scanner.keyEquals(STATUS))
            {
                problem = readStatus(scanner);
                seen |= 1 << 3;
            }
            else if (scanner.keyEquals(TRADING_DISABLED))
            {
                tradingDisabled = scanner.valueKind() == JsonScanner.KIND_TRUE;
            }
            else if (scanner.keyEquals(CANCEL_ONLY))
            {
                cancelOnly = scanner.valueKind() == JsonScanner.KIND_TRUE;
            }
            else if (scanner.keyEquals(LIMIT_ONLY))
            {
                limitOnly = scanner.valueKind() == JsonScanner.KIND_TRUE;
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
        if (priceIncrement <= 0)
        {
            return DropReason.NON_POSITIVE_PRICE;
        }
        if (sizeIncrement <= 0)
        {
            return DropReason.BAD_QUANTITY;
        }
        return null;
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

    private DropReason readStatus(final JsonScanner scanner)
    {
        if (scanner.valueKind() != JsonScanner.KIND_STRING)
        {
            return DropReason.WRONG_TYPE;
        }
        if (scanner.stringEquals(ONLINE))
        {
            status = InstrumentStatus.ONLINE;
        }
        else if (scanner.stringEquals(OFFLINE) || scanner.stringEquals(DELISTED))
        {
            status = InstrumentStatus.OFFLINE;
        }
        else if (scanner.stringEquals(CANCEL_ONLY))
        {
            status = InstrumentStatus.CANCEL_ONLY;
        }
        else if (scanner.stringEquals(LIMIT_ONLY))
        {
            status = InstrumentStatus.LIMIT_ONLY;
        }
        else
        {
            status = InstrumentStatus.UNKNOWN;
        }
        return null;
    }

    private int effectiveStatus()
    {
        if (status != InstrumentStatus.ONLINE)
        {
            return status;
        }
        return tradingDisabled ? InstrumentStatus.OFFLINE
            : cancelOnly ? InstrumentStatus.CANCEL_ONLY
            : limitOnly ? InstrumentStatus.LIMIT_ONLY
            : InstrumentStatus.ONLINE;
    }

    void copyTo(
        final InboundEvent event,
        final long venueSequence,
        final long exchangeTimeNanos,
        final long receiveEpochNanos,
        final long receiveNanoTime)
    {
        event.clearInputs();
        event.type = EventType.INSTRUMENT_INFO;
        event.instrumentId = instrumentId;
        event.venueSequence = venueSequence;
        event.exchangeTimeNanos = exchangeTimeNanos;
        event.eventTimeNanos = receiveEpochNanos;
        event.receiveNanoTime = receiveNanoTime;
        event.priceIncrement = priceIncrement;
        event.sizeIncrement = sizeIncrement;
        event.flags = effectiveStatus();
    }
}
