package dev.peregrine.gateway.coinbase;

import dev.peregrine.core.event.EventType;
import dev.peregrine.core.event.InboundEvent;
import dev.peregrine.core.instrument.InstrumentRegistry;
import dev.peregrine.core.time.EpochNanos;
import dev.peregrine.gateway.DropReason;
import dev.peregrine.gateway.json.JsonScanner;

import static dev.peregrine.gateway.coinbase.TickerEntry.bytes;

/**
 * Scratch space for one {@code candles[]} entry, {@code {start, high, low, open, close, volume,
 * product_id}}: {@code start} is epoch seconds as a string and becomes the event's exchange time.
 */
final class CandleEntry
{
    private static final byte[] PRODUCT_ID = bytes("product_id");
    private static final byte[] START = bytes("start");
    private static final byte[] OPEN = bytes("open");
    private static final byte[] HIGH = bytes("high");
    private static final byte[] LOW = bytes("low");
    private static final byte[] CLOSE = bytes("close");
    private static final byte[] VOLUME = bytes("volume");

    private static final int HAS_ALL = (1 << 7) - 1;
    /** Epoch seconds beyond which start * 1e9 would overflow a long (year 2262). */
    private static final long MAX_START_SECONDS = Long.MAX_VALUE / EpochNanos.NANOS_PER_SECOND;

    private final InstrumentRegistry registry;
    private final FieldReader reader = new FieldReader();

    int instrumentId;
    private long startSeconds;
    private long open;
    private long high;
    private long low;
    private long close;
    private long volume;

    CandleEntry(final InstrumentRegistry registry)
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
        DropReason problem = null;
        while (problem == null && scanner.nextMember() == JsonScanner.ITEM)
        {
            if (scanner.keyEquals(PRODUCT_ID))
            {
                problem = readProduct(scanner);
                seen |= 1;
            }
            else if (scanner.keyEquals(START))
            {
                problem = reader.integerString(scanner);
                startSeconds = reader.value;
                seen |= 1 << 1;
            }
            else if (scanner.keyEquals(OPEN))
            {
                problem = reader.decimalString(scanner);
                open = reader.value;
                seen |= 1 << 2;
            }
            else if (scanner.keyEquals(HIGH))
            {
                problem = reader.decimalString(scanner);
                high = reader.value;
                seen |= 1 << 3;
            }
            else if (scanner.keyEquals(LOW))
            {
                problem = reader.decimalString(scanner);
                low = reader.value;
                seen |= 1 << 4;
            }
            else if (scanner.keyEquals(CLOSE))
            {
                problem = reader.decimalString(scanner);
                close = reader.value;
                seen |= 1 << 5;
            }
            else if (scanner.keyEquals(VOLUME))
            {
                problem = reader.decimalString(scanner);
                volume = reader.value;
                seen |= 1 << 6;
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
        if (startSeconds > MAX_START_SECONDS)
        {
            return DropReason.BAD_TIMESTAMP;
        }
        if (open <= 0 || high <= 0 || low <= 0 || close <= 0)
        {
            return DropReason.NON_POSITIVE_PRICE;
        }
        if (volume < 0)
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

    void copyTo(final InboundEvent event, final long venueSequence, final long receiveEpochNanos, final long receiveNanoTime)
    {
        event.clearInputs();
        event.type = EventType.CANDLE;
        event.instrumentId = instrumentId;
        event.venueSequence = venueSequence;
        event.exchangeTimeNanos = startSeconds * EpochNanos.NANOS_PER_SECOND;
        event.eventTimeNanos = receiveEpochNanos;
        event.receiveNanoTime = receiveNanoTime;
        event.open = open;
        event.high = high;
        event.low = low;
        event.close = close;
        event.volume = volume;
    }
}
