package dev.peregrine.journal;

import dev.peregrine.core.event.EventDescriptor;
import dev.peregrine.core.event.EventField;
import dev.peregrine.core.event.EventType;
import dev.peregrine.core.event.InboundEvent;
import dev.peregrine.core.output.Hash64;
import net.openhft.chronicle.bytes.Bytes;

import static dev.peregrine.journal.JournalRecordCodec.CHECKSUM_LENGTH;
import static dev.peregrine.journal.JournalRecordCodec.EVENT;
import static dev.peregrine.journal.JournalRecordCodec.FORMAT_VERSION;
import static dev.peregrine.journal.JournalRecordCodec.HEADER;
import static dev.peregrine.journal.JournalRecordCodec.PREFIX_LENGTH;

/**
 * The EVENT record of a Peregrine journal (the record prefix and the other record types are in
 * {@link JournalRecordCodec}). The payload of each type is not spelled out here: it is the field list of the
 * type's {@link EventDescriptor}, written, read and checksummed in that order, so this codec has no switch
 * over event types.
 *
 * <h2>EVENT (recordType 2, formats 2 to 5, same layout; format 5 adds three types): one per inbound event, in ring order</h2>
 * A common part, then a payload whose layout depends on the event type, then a checksum. Only the
 * fields a type uses are written, so a 45,000-level book snapshot costs 67 bytes a level, not 171.
 * <pre>
 * offset size type   field (InboundEvent)
 *      3    4 int32  type            EventType code, recorded verbatim (unknown codes too: the core saw them)
 *      7    4 int32  instrumentId
 *     11    8 int64  venueSequence
 *     19    8 int64  exchangeTimeNanos
 *     27    8 int64  eventTimeNanos  the core's clock
 *     35    4 int32  flags
 *     39    .        payload, by type (EventDescriptor's field lists; side is int32, every other field int64):
 *                      TRADE            tradeId, price, quantity (int64), side (int32)       28 bytes
 *                      QUOTE            price, bidPrice, bidQuantity, askPrice, askQuantity  40 bytes
 *                      CLOCK            nothing                                               0 bytes
 *                      BOOK_LEVEL       price, quantity (int64), side (int32)                20 bytes
 *                      CANDLE           open, high, low, close, volume                       40 bytes
 *                      INSTRUMENT_INFO  priceIncrement, sizeIncrement, quantity (min size)   24 bytes
 *                      FEED_STALE       staleNanos                                            8 bytes
 *                      FEED_GAP         expectedSequence                                      8 bytes
 *                      FEED_RECOVERED   nothing                                               0 bytes
 *                      COMMAND          nothing (the command code is in flags)                0 bytes
 *                      VENUE_*          orderId, tradeId, price, quantity, fee                40 bytes
 *                      MARK_PRICE       markPrice, indexPrice, fundingRate,
 *                                       nextFundingTimeNanos (format 5 on)                    32 bytes
 *                      FUNDING_SETTLEMENT fundingRate, markPrice, fee (format 5 on)           24 bytes
 *                      LIQUIDATION      price, quantity (int64), side (int32) (format 5 on)   20 bytes
 *                      any other code   every input field of format 4: tradeId, price, quantity, side, bidPrice,
 *                                       bidQuantity, askPrice, askQuantity, open, high, low, close,
 *                                       volume, priceIncrement, sizeIncrement, expectedSequence,
 *                                       staleNanos, orderId, fee                            148 bytes
 *   end-8   8 int64  checksum        Hash64 over every field above after the prefix, in record order
 * </pre>
 * Prices and quantities are FixedPoint scaled longs. {@code receiveNanoTime} and the order fields are
 * not journaled: the first is a measurement, the second are outputs that a replay recomputes.
 *
 * <h2>EVENT, format 1 (read only)</h2>
 * Fixed 103 bytes: type, instrumentId, venueSequence, exchangeTimeNanos, eventTimeNanos, tradeId,
 * price, quantity, side, bidPrice, bidQuantity, askPrice, askQuantity, checksum (as format 2's common
 * part and the TRADE/QUOTE fields, without flags). Journals of format 1 hold TRADE, QUOTE and CLOCK only.
 */
public final class EventRecordCodec
{
    /** Bytes of a format-1 EVENT record, prefix and checksum included. */
    public static final int EVENT_LENGTH_V1 = 103;
    /** Bytes of a format-2 EVENT record before its payload (prefix and common part). */
    public static final int EVENT_COMMON_LENGTH = 39;

    /** Format 1's fixed payload: the TRADE and QUOTE fields, whatever the type. */
    private static final EventField[] V1_PAYLOAD = {
        EventField.TRADE_ID, EventField.PRICE, EventField.QUANTITY, EventField.SIDE,
        EventField.BID_PRICE, EventField.BID_QUANTITY, EventField.ASK_PRICE, EventField.ASK_QUANTITY,
    };

    private EventRecordCodec()
    {
    }

    /** Bytes of a format-2 (or 3) EVENT record of {@code type}, prefix and checksum included. */
    public static int eventLength(final int type)
    {
        return EVENT_COMMON_LENGTH + EventDescriptor.of(type).payloadBytes() + CHECKSUM_LENGTH;
    }

    /**
     * Appends one EVENT record. Allocation-free: the journal thread calls this for every event, and the cluster
     * module for every event it puts on the replicated log (one format, one codec).
     */
    public static void writeEvent(final Bytes<?> bytes, final InboundEvent e)
    {
        bytes.writeByte(EVENT);
        bytes.writeShort(FORMAT_VERSION);
        long h = Hash64.SEED;
        h = putInt(bytes, h, e.type);
        h = putInt(bytes, h, e.instrumentId);
        h = putLong(bytes, h, e.venueSequence);
        h = putLong(bytes, h, e.exchangeTimeNanos);
        h = putLong(bytes, h, e.eventTimeNanos);
        h = putInt(bytes, h, e.flags);
        final EventDescriptor descriptor = EventDescriptor.of(e.type);
        for (int i = 0, n = descriptor.fieldCount(); i < n; i++)
        {
            final EventField field = descriptor.field(i);
            final long value = field.get(e);
            if (field.bytes() == 4)
            {
                bytes.writeInt((int)value);
            }
            else
            {
                bytes.writeLong(value);
            }
            h = Hash64.mix(h, value);
        }
        bytes.writeLong(h);
    }

    private static long putLong(final Bytes<?> bytes, final long hash, final long value)
    {
        bytes.writeLong(value);
        return Hash64.mix(hash, value);
    }

    private static long putInt(final Bytes<?> bytes, final long hash, final int value)
    {
        bytes.writeInt(value);
        return Hash64.mix(hash, value);
    }

    /**
     * Reads the record under {@code bytes} into {@code into}'s input fields; clears every other field
     * as a fresh slot would have it. Allocation-free unless the record is bad.
     *
     * @throws JournalException (without location: the reader adds it) for anything but a good EVENT;
     *                          {@code into} is then unspecified
     */
    public static void readEvent(final Bytes<?> bytes, final InboundEvent into)
    {
        final long length = bytes.readRemaining();
        if (length < PREFIX_LENGTH)
        {
            throw new JournalException("is truncated: " + length + " bytes, shorter than a record prefix");
        }
        final byte recordType = bytes.readByte();
        final short version = bytes.readShort();
        if (recordType != EVENT)
        {
            throw new JournalException(recordType == HEADER ?
                "is a second HEADER; a journal has exactly one, at its start" :
                "has unknown record type " + recordType + " (this reader knows HEADER=1, EVENT=2)");
        }
        JournalRecordCodec.checkVersion(version);
        into.clearInputs();
        if (version == 1)
        {
            readEventV1(bytes, length, into);
            return;
        }
        if (length < EVENT_COMMON_LENGTH + CHECKSUM_LENGTH)
        {
            throw new JournalException("is an EVENT of " + length + " bytes, shorter than any event (truncated or corrupt)");
        }
        into.type = bytes.readInt();
        final int expected = eventLength(into.type);
        if (length != expected)
        {
            throw new JournalException("is an EVENT of type " + EventType.name(into.type) + " of " + length +
                " bytes, expected " + expected + " (truncated or corrupt)");
        }
        long h = Hash64.mix(Hash64.SEED, into.type);
        h = readCommon(bytes, h, into, true);
        final EventDescriptor descriptor = EventDescriptor.of(into.type);
        for (int i = 0, n = descriptor.fieldCount(); i < n; i++)
        {
            h = readField(bytes, h, descriptor.field(i), into);
        }
        JournalRecordCodec.verifyChecksum(bytes.readLong(), h);
    }

    /** The common part after the type: instrument, sequence, times and (from format 2) flags. */
    private static long readCommon(final Bytes<?> bytes, final long hash, final InboundEvent into, final boolean flags)
    {
        into.instrumentId = bytes.readInt();
        long h = Hash64.mix(hash, into.instrumentId);
        into.venueSequence = bytes.readLong();
        h = Hash64.mix(h, into.venueSequence);
        into.exchangeTimeNanos = bytes.readLong();
        h = Hash64.mix(h, into.exchangeTimeNanos);
        into.eventTimeNanos = bytes.readLong();
        h = Hash64.mix(h, into.eventTimeNanos);
        if (flags)
        {
            into.flags = bytes.readInt();
            h = Hash64.mix(h, into.flags);
        }
        return h;
    }

    private static long readField(final Bytes<?> bytes, final long hash, final EventField field, final InboundEvent into)
    {
        final long value = field.bytes() == 4 ? bytes.readInt() : bytes.readLong();
        field.set(into, value);
        return Hash64.mix(hash, value);
    }

    private static void readEventV1(final Bytes<?> bytes, final long length, final InboundEvent into)
    {
        if (length != EVENT_LENGTH_V1)
        {
            throw new JournalException("is an EVENT of " + length + " bytes, expected " + EVENT_LENGTH_V1 +
                " (truncated or corrupt)");
        }
        into.type = bytes.readInt();
        long h = readCommon(bytes, Hash64.mix(Hash64.SEED, into.type), into, false);
        for (final EventField field : V1_PAYLOAD)
        {
            h = readField(bytes, h, field, into);
        }
        JournalRecordCodec.verifyChecksum(bytes.readLong(), h);
    }
}
