package dev.peregrine.gateway.binance;

import dev.peregrine.core.event.EventType;
import dev.peregrine.core.event.InboundEvent;
import dev.peregrine.core.instrument.InstrumentRegistry;
import dev.peregrine.gateway.DropReason;
import dev.peregrine.gateway.MarketDataSlot;
import dev.peregrine.gateway.json.JsonScanner;

/**
 * Scratch fields of one {@code <sym>@bookTicker} payload
 * {@code {"u":..,"s":"BTCUSDT","b":"..","B":"..","a":"..","A":".."}}, decoded and validated before a
 * ring slot is claimed. It becomes a QUOTE with {@code venueSequence = u} (the book's update id);
 * the spot bookTicker carries neither a time nor a last price, so both stay 0 (the core keeps the
 * last trade price when a quote brings none).
 */
final class BookTickerMessage
{
    private static final int UPDATE_ID = 0;
    private static final int SYMBOL = 1;
    private static final int BID = 2;
    private static final int BID_QUANTITY = 3;
    private static final int ASK = 4;
    private static final int ASK_QUANTITY = 5;

    private final MessageFields fields;

    BookTickerMessage(final InstrumentRegistry registry)
    {
        // One-byte keys, case-sensitive ('b' bid, 'B' bid quantity).
        this.fields = new MessageFields(registry, "usbBaA", MessageFields.INTEGER, MessageFields.SYMBOL,
            MessageFields.DECIMAL, MessageFields.DECIMAL, MessageFields.DECIMAL, MessageFields.DECIMAL);
    }

    DropReason decode(final JsonScanner scanner)
    {
        final DropReason problem = fields.read(scanner);
        if (problem != null)
        {
            return problem;
        }
        if (fields.value(BID) <= 0 || fields.value(ASK) <= 0)
        {
            return DropReason.NON_POSITIVE_PRICE;
        }
        return fields.value(BID_QUANTITY) < 0 || fields.value(ASK_QUANTITY) < 0 ? DropReason.BAD_QUANTITY : null;
    }

    /** Takes the values {@link BinanceFastPath} matched in a canonical frame, already checked as {@link #decode} checks them. */
    void matched(
        final int instrumentId, final long updateId, final long bidPrice, final long bidQuantity, final long askPrice,
        final long askQuantity)
    {
        fields.set(SYMBOL, instrumentId);
        fields.set(UPDATE_ID, updateId);
        fields.set(BID, bidPrice);
        fields.set(BID_QUANTITY, bidQuantity);
        fields.set(ASK, askPrice);
        fields.set(ASK_QUANTITY, askQuantity);
    }

    void copyTo(final InboundEvent event, final long receiveEpochNanos, final long receiveNanoTime)
    {
        MarketDataSlot.head(event, EventType.QUOTE, (int)fields.value(SYMBOL), fields.value(UPDATE_ID), 0,
            receiveEpochNanos, receiveNanoTime);
        event.bidPrice = fields.value(BID);
        event.bidQuantity = fields.value(BID_QUANTITY);
        event.askPrice = fields.value(ASK);
        event.askQuantity = fields.value(ASK_QUANTITY);
    }
}
