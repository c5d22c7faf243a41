package dev.peregrine.gateway.coinbase;

import dev.peregrine.core.event.EventType;
import dev.peregrine.core.event.InboundEvent;
import dev.peregrine.gateway.DropReason;
import dev.peregrine.gateway.MarketDataSlot;
import dev.peregrine.gateway.json.JsonScanner;

/**
 * Scratch space for one {@code l2_data} level, {@code {side, event_time, price_level, new_quantity}}:
 * decoded and validated here, copied into a ring slot only when complete. {@code new_quantity} is the
 * absolute size at the level; 0 removes it.
 */
final class BookLevelEntry
{
    private static final int SIDE = 0;
    private static final int TIME = 1;
    private static final int PRICE = 2;
    private static final int QUANTITY = 3;
    private static final EntryLayout LAYOUT = new EntryLayout()
        .member(SIDE, "side", EntryLayout.BOOK_SIDE)
        .member(TIME, "event_time", EntryLayout.TIME)
        .member(PRICE, "price_level", EntryLayout.PRICE)
        .member(QUANTITY, "new_quantity", EntryLayout.QUANTITY);

    private final EntryFields fields = new EntryFields(LAYOUT, null);

    DropReason decode(final JsonScanner scanner)
    {
        return fields.read(scanner);
    }

    void copyTo(
        final InboundEvent event,
        final int instrumentId,
        final int flags,
        final long venueSequence,
        final long receiveEpochNanos,
        final long receiveNanoTime)
    {
        MarketDataSlot.head(event, EventType.BOOK_LEVEL, instrumentId, venueSequence, fields.value(TIME),
            receiveEpochNanos, receiveNanoTime);
        event.side = (int)fields.value(SIDE);
        event.price = fields.value(PRICE);
        event.quantity = fields.value(QUANTITY);
        event.flags = flags;
    }

    /** Copies another validated level into this one (the decoder holds one level back, see Level2Decoder). */
    void copyFrom(final BookLevelEntry other)
    {
        fields.copyFrom(other.fields);
    }
}
