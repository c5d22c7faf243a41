package dev.peregrine.gateway.coinbase;

import dev.peregrine.core.event.EventType;
import dev.peregrine.core.event.InboundEvent;
import dev.peregrine.gateway.MarketDataSlot;

/**
 * Scratch space for one {@code l2_data} level, {@code {side, event_time, price_level, new_quantity}}:
 * decoded and validated here, copied into a ring slot only when complete. {@code new_quantity} is the
 * absolute size at the level; 0 removes it.
 */
final class BookLevelEntry extends EntryFields
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

    BookLevelEntry()
    {
        super(LAYOUT, null);
    }

    void copyTo(
        final InboundEvent event,
        final int instrumentId,
        final int flags,
        final long venueSequence,
        final long receiveEpochNanos,
        final long receiveNanoTime)
    {
        MarketDataSlot.head(event, EventType.BOOK_LEVEL, instrumentId, venueSequence, value(TIME),
            receiveEpochNanos, receiveNanoTime);
        event.side = (int)value(SIDE);
        event.price = value(PRICE);
        event.quantity = value(QUANTITY);
        event.flags = flags;
    }
}
