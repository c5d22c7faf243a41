package dev.peregrine.gateway.coinbase;

import dev.peregrine.core.event.EventType;
import dev.peregrine.core.event.InboundEvent;
import dev.peregrine.core.event.InstrumentStatus;
import dev.peregrine.core.instrument.InstrumentRegistry;
import dev.peregrine.gateway.MarketDataSlot;

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
final class ProductStatusEntry extends EntryFields
{
    private static final int PRODUCT = 0;
    private static final int PRICE_INCREMENT = 1;
    private static final int SIZE_INCREMENT = 2;
    private static final int STATUS = 3;
    private static final int TRADING_DISABLED = 4;
    private static final int CANCEL_ONLY = 5;
    private static final int LIMIT_ONLY = 6;
    private static final EntryLayout LAYOUT = new EntryLayout()
        .member(PRODUCT, "id", EntryLayout.PRODUCT)
        .member(PRICE_INCREMENT, "quote_increment", EntryLayout.PRICE)
        .member(SIZE_INCREMENT, "base_increment", EntryLayout.SIZE)
        .member(STATUS, "status", EntryLayout.STATUS)
        .member(TRADING_DISABLED, "trading_disabled", EntryLayout.FLAG)
        .member(CANCEL_ONLY, "cancel_only", EntryLayout.FLAG)
        .member(LIMIT_ONLY, "limit_only", EntryLayout.FLAG);


    ProductStatusEntry(final InstrumentRegistry registry)
    {
        super(LAYOUT, registry);
    }

    private int effectiveStatus()
    {
        final int status = (int)value(STATUS);
        if (status != InstrumentStatus.ONLINE)
        {
            return status;
        }
        return value(TRADING_DISABLED) != 0 ? InstrumentStatus.OFFLINE
            : value(CANCEL_ONLY) != 0 ? InstrumentStatus.CANCEL_ONLY
            : value(LIMIT_ONLY) != 0 ? InstrumentStatus.LIMIT_ONLY
            : InstrumentStatus.ONLINE;
    }

    void copyTo(
        final InboundEvent event,
        final long venueSequence,
        final long exchangeTimeNanos,
        final long receiveEpochNanos,
        final long receiveNanoTime)
    {
        MarketDataSlot.head(event, EventType.INSTRUMENT_INFO, (int)value(PRODUCT), venueSequence,
            exchangeTimeNanos, receiveEpochNanos, receiveNanoTime);
        event.priceIncrement = value(PRICE_INCREMENT);
        event.sizeIncrement = value(SIZE_INCREMENT);
        event.flags = effectiveStatus();
    }
}
