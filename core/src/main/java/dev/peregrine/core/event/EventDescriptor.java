package dev.peregrine.core.event;

import static dev.peregrine.core.event.EventField.ASK_PRICE;
import static dev.peregrine.core.event.EventField.ASK_QUANTITY;
import static dev.peregrine.core.event.EventField.BID_PRICE;
import static dev.peregrine.core.event.EventField.BID_QUANTITY;
import static dev.peregrine.core.event.EventField.CLOSE;
import static dev.peregrine.core.event.EventField.EXPECTED_SEQUENCE;
import static dev.peregrine.core.event.EventField.FEE;
import static dev.peregrine.core.event.EventField.FUNDING_RATE;
import static dev.peregrine.core.event.EventField.HIGH;
import static dev.peregrine.core.event.EventField.INDEX_PRICE;
import static dev.peregrine.core.event.EventField.LOW;
import static dev.peregrine.core.event.EventField.MARK_PRICE;
import static dev.peregrine.core.event.EventField.NEXT_FUNDING_TIME;
import static dev.peregrine.core.event.EventField.OPEN;
import static dev.peregrine.core.event.EventField.ORDER_ID;
import static dev.peregrine.core.event.EventField.PRICE;
import static dev.peregrine.core.event.EventField.PRICE_INCREMENT;
import static dev.peregrine.core.event.EventField.QUANTITY;
import static dev.peregrine.core.event.EventField.SIDE;
import static dev.peregrine.core.event.EventField.SIZE_INCREMENT;
import static dev.peregrine.core.event.EventField.STALE_NANOS;
import static dev.peregrine.core.event.EventField.TRADE_ID;
import static dev.peregrine.core.event.EventField.VOLUME;

/**
 * What the journal knows about one event type, in one place: its name and the payload fields it records,
 * in record order. From that list the journal codec derives the record's binary layout and length and the
 * fields its checksum mixes, and the journal's JSON and text forms derive what they show. Adding an event
 * type is a code in {@link EventType} and one line in the table below (the core's dispatch aside).
 *
 * <p>The field lists are part of the journal format: never reorder or shorten one (the codec would read old
 * journals wrong); a new layout is a new journal format version.
 *
 * <p>A code this build does not know (a newer writer, or a bug) is journaled with {@link #ALL_FIELDS}: every
 * input field of journal format 4 (the perpetual fields came later and are left out, so that fallback layout,
 * and journals holding it, stay as they were; the core ignores unknown codes anyway).
 */
public final class EventDescriptor
{
    /** The descriptor of a code not in the table: every input field of format 4, in InboundEvent's order. */
    private static final EventDescriptor ALL_FIELDS = new EventDescriptor(EventType.NONE, "NONE",
        TRADE_ID, PRICE, QUANTITY, SIDE, BID_PRICE, BID_QUANTITY, ASK_PRICE, ASK_QUANTITY, OPEN, HIGH, LOW, CLOSE,
        VOLUME, PRICE_INCREMENT, SIZE_INCREMENT, EXPECTED_SEQUENCE, STALE_NANOS, ORDER_ID, FEE);

    /** Indexed by code; every known code from {@link EventType#TRADE} to {@link EventType#LAST_KNOWN}. */
    private static final EventDescriptor[] BY_TYPE = {
        ALL_FIELDS,
        new EventDescriptor(EventType.TRADE, "TRADE", TRADE_ID, PRICE, QUANTITY, SIDE),
        new EventDescriptor(EventType.QUOTE, "QUOTE", PRICE, BID_PRICE, BID_QUANTITY, ASK_PRICE, ASK_QUANTITY),
        new EventDescriptor(EventType.CLOCK, "CLOCK"),
        new EventDescriptor(EventType.BOOK_LEVEL, "BOOK_LEVEL", PRICE, QUANTITY, SIDE),
        new EventDescriptor(EventType.CANDLE, "CANDLE", OPEN, HIGH, LOW, CLOSE, VOLUME),
        new EventDescriptor(EventType.INSTRUMENT_INFO, "INSTRUMENT_INFO", PRICE_INCREMENT, SIZE_INCREMENT, QUANTITY),
        new EventDescriptor(EventType.FEED_STALE, "FEED_STALE", STALE_NANOS),
        new EventDescriptor(EventType.FEED_GAP, "FEED_GAP", EXPECTED_SEQUENCE),
        new EventDescriptor(EventType.FEED_RECOVERED, "FEED_RECOVERED"),
        // the command code is in flags
        new EventDescriptor(EventType.COMMAND, "COMMAND"),
        venueReport(EventType.VENUE_ACCEPTED, "VENUE_ACCEPTED"),
        venueReport(EventType.VENUE_REJECTED, "VENUE_REJECTED"),
        venueReport(EventType.VENUE_FILL, "VENUE_FILL"),
        venueReport(EventType.VENUE_CANCELLED, "VENUE_CANCELLED"),
        venueReport(EventType.VENUE_CANCEL_REJECTED, "VENUE_CANCEL_REJECTED"),
        venueReport(EventType.VENUE_UNKNOWN, "VENUE_UNKNOWN"),
        new EventDescriptor(EventType.MARK_PRICE, "MARK_PRICE", MARK_PRICE, INDEX_PRICE, FUNDING_RATE, NEXT_FUNDING_TIME),
        new EventDescriptor(EventType.FUNDING_SETTLEMENT, "FUNDING_SETTLEMENT", FUNDING_RATE, MARK_PRICE, FEE),
        // fee: what the venue charged when the liquidation was of our own position (LiquidationFlags.OWN_POSITION)
        new EventDescriptor(EventType.LIQUIDATION, "LIQUIDATION", PRICE, QUANTITY, SIDE, FEE),
    };

    private final int type;
    private final String name;
    private final EventField[] fields;
    private final int payloadBytes;

    private EventDescriptor(final int type, final String name, final EventField... fields)
    {
        this.type = type;
        this.name = name;
        this.fields = fields;
        int bytes = 0;
        for (final EventField field : fields)
        {
            bytes += field.bytes();
        }
        this.payloadBytes = bytes;
    }

    /** Every live-venue answer records the same five fields, whatever it reports. */
    private static EventDescriptor venueReport(final int type, final String name)
    {
        return new EventDescriptor(type, name, ORDER_ID, TRADE_ID, PRICE, QUANTITY, FEE);
    }

    /** The descriptor of {@code type}; for a code not in the table, the one that records every input field. */
    public static EventDescriptor of(final int type)
    {
        return type > EventType.NONE && type < BY_TYPE.length ? BY_TYPE[type] : ALL_FIELDS;
    }

    /** Whether {@code type} has a descriptor of its own (a code this build knows). */
    public static boolean isDescribed(final int type)
    {
        return type > EventType.NONE && type < BY_TYPE.length;
    }

    /** The code; {@link EventType#NONE} for the every-field descriptor of unknown codes. */
    public int type()
    {
        return type;
    }

    /** The type's name ({@code "TRADE"}); {@code "NONE"} for the every-field descriptor. */
    public String name()
    {
        return name;
    }

    public int fieldCount()
    {
        return fields.length;
    }

    /** The {@code index}th payload field, in record order. */
    public EventField field(final int index)
    {
        return fields[index];
    }

    /** Bytes of the payload in a journal record: the sum of the fields' widths. */
    public int payloadBytes()
    {
        return payloadBytes;
    }

    /** Hands {@code e}'s payload fields to {@code visitor} in record order. Allocation-free. */
    public void visit(final InboundEvent e, final EventFieldVisitor visitor)
    {
        for (final EventField field : fields)
        {
            switch (field.kind())
            {
                case DECIMAL:
                    visitor.decimal(field.fieldName(), field.get(e));
                    break;
                case SIDE:
                    visitor.side(field.fieldName(), e.side);
                    break;
                default:
                    visitor.integer(field.fieldName(), field.get(e));
                    break;
            }
        }
    }
}
