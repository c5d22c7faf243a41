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
public final class BookTickerMessage extends MessageFields
{
    private static final int UPDATE_ID = 0;
    private static final int SYMBOL = 1;
    private static final int BID = 2;
    private static final int BID_QUANTITY = 3;
    private static final int ASK = 4;
    private static final int ASK_QUANTITY = 5;

    public BookTickerMessage(final InstrumentRegistry registry)
    {
        // One-byte keys, case-sensitive ('b' bid, 'B' bid quantity).
        super(registry, "usbBaA", MessageFields.INTEGER, MessageFields.SYMBOL, MessageFields.DECIMAL,
            MessageFields.DECIMAL, MessageFields.DECIMAL, MessageFields.DECIMAL);
    }

    public DropReason decode(final JsonScanner scanner)
    {
        final DropReason problem = read(scanner);
        if (problem != null)
        {
            return problem;
        }
        if (value(BID) <= 0 || value(ASK) <= 0)
        {
            return DropReason.NON_POSITIVE_PRICE;
        }
        return value(BID_QUANTITY) < 0 || value(ASK_QUANTITY) < 0 ? DropReason.BAD_QUANTITY : null;
    }

    /** Takes the values {@link BinanceFastPath} matched in a canonical frame, already checked as {@link #decode} checks them. */
    void matched(
        final int instrumentId, final long updateId, final long bidPrice, final long bidQuantity, final long askPrice,
        final long askQuantity)
    {
        set(SYMBOL, instrumentId);
        set(UPDATE_ID, updateId);
        set(BID, bidPrice);
        set(BID_QUANTITY, bidQuantity);
        set(ASK, askPrice);
        set(ASK_QUANTITY, askQuantity);
    }

    public void copyTo(final InboundEvent event, final long receiveEpochNanos, final long receiveNanoTime)
    {
        MarketDataSlot.head(event, EventType.QUOTE, (int)value(SYMBOL), value(UPDATE_ID), 0,
            receiveEpochNanos, receiveNanoTime);
        event.bidPrice = value(BID);
        event.bidQuantity = value(BID_QUANTITY);
        event.askPrice = value(ASK);
        event.askQuantity = value(ASK_QUANTITY);
    }
}
