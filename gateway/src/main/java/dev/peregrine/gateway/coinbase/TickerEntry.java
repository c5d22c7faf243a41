package dev.peregrine.gateway.coinbase;

import dev.peregrine.core.event.EventType;
import dev.peregrine.core.event.InboundEvent;
import dev.peregrine.core.instrument.InstrumentRegistry;
import dev.peregrine.gateway.MarketDataSlot;

import java.nio.charset.StandardCharsets;

/**
 * Scratch space for one {@code tickers[]} entry: decoded and validated here first, copied into a ring
 * slot only when complete, so a half-decoded ticker can never be published.
 */
final class TickerEntry extends EntryFields
{
    private static final int PRODUCT = 0;
    private static final int PRICE = 1;
    private static final int BID = 2;
    private static final int BID_QUANTITY = 3;
    private static final int ASK = 4;
    private static final int ASK_QUANTITY = 5;
    private static final EntryLayout LAYOUT = new EntryLayout()
        .member(PRODUCT, "product_id", EntryLayout.PRODUCT)
        .member(PRICE, "price", EntryLayout.PRICE)
        .member(BID, "best_bid", EntryLayout.PRICE)
        .member(BID_QUANTITY, "best_bid_quantity", EntryLayout.QUANTITY)
        .member(ASK, "best_ask", EntryLayout.PRICE)
        .member(ASK_QUANTITY, "best_ask_quantity", EntryLayout.QUANTITY);


    TickerEntry(final InstrumentRegistry registry)
    {
        super(LAYOUT, registry);
    }

    int instrumentId()
    {
        return (int)value(PRODUCT);
    }

    /** Fills a claimed slot with the validated entry and the frame's envelope values. */
    void copyTo(
        final InboundEvent event,
        final long venueSequence,
        final long exchangeTimeNanos,
        final long receiveEpochNanos,
        final long receiveNanoTime)
    {
        MarketDataSlot.head(event, EventType.QUOTE, instrumentId(), venueSequence, exchangeTimeNanos,
            receiveEpochNanos, receiveNanoTime);
        event.price = value(PRICE);
        event.bidPrice = value(BID);
        event.bidQuantity = value(BID_QUANTITY);
        event.askPrice = value(ASK);
        event.askQuantity = value(ASK_QUANTITY);
    }

    static byte[] bytes(final String text)
    {
        return text.getBytes(StandardCharsets.US_ASCII);
    }
}
