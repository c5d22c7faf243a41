package dev.peregrine.gateway.coinbase;

import dev.peregrine.core.event.EventType;
import dev.peregrine.core.event.InboundEvent;
import dev.peregrine.core.event.TradeFlags;
import dev.peregrine.core.instrument.InstrumentRegistry;
import dev.peregrine.gateway.MarketDataSlot;

/**
 * Scratch space for one {@code trades[]} entry of {@code market_trades}: decoded and validated here
 * first, copied into a ring slot only when complete. {@code side} is kept as Coinbase reports it, which
 * is the maker's side. Whether the entry came in a {@code snapshot} event is a property of the event, not
 * of the entry, so the decoder sets it ({@link #snapshot(boolean)}) once it has read the event's type.
 */
final class TradeEntry extends EntryFields
{
    private static final int PRODUCT = 0;
    private static final int TRADE_ID = 1;
    private static final int PRICE = 2;
    private static final int SIZE = 3;
    private static final int SIDE = 4;
    private static final int TIME = 5;
    private static final EntryLayout LAYOUT = new EntryLayout()
        .member(PRODUCT, "product_id", EntryLayout.PRODUCT)
        .member(TRADE_ID, "trade_id", EntryLayout.INTEGER)
        .member(PRICE, "price", EntryLayout.PRICE)
        .member(SIZE, "size", EntryLayout.SIZE)
        .member(SIDE, "side", EntryLayout.TRADE_SIDE)
        .member(TIME, "time", EntryLayout.TIME);

    private boolean snapshot;

    TradeEntry(final InstrumentRegistry registry)
    {
        super(LAYOUT, registry);
    }

    int instrumentId()
    {
        return (int)value(PRODUCT);
    }

    long tradeId()
    {
        return value(TRADE_ID);
    }

    /** When the trade printed on the venue, epoch nanoseconds. */
    long timeNanos()
    {
        return value(TIME);
    }

    /** The entry was listed in a {@code snapshot} event: history the venue sent on subscribe. */
    void snapshot(final boolean fromSnapshot)
    {
        this.snapshot = fromSnapshot;
    }

    /** Fills a claimed slot with the validated entry; the exchange time is the trade's own {@code time}. */
    void copyTo(
        final InboundEvent event,
        final long venueSequence,
        final long receiveEpochNanos,
        final long receiveNanoTime)
    {
        MarketDataSlot.head(event, EventType.TRADE, instrumentId(), venueSequence, timeNanos(),
            receiveEpochNanos, receiveNanoTime);
        event.tradeId = tradeId();
        event.price = value(PRICE);
        event.quantity = value(SIZE);
        event.side = (int)value(SIDE);
        event.flags = snapshot ? TradeFlags.SNAPSHOT : 0;
    }
}
