package dev.peregrine.gateway.binance;

import dev.peregrine.core.event.EventType;
import dev.peregrine.core.event.InboundEvent;
import dev.peregrine.core.event.Side;
import dev.peregrine.core.instrument.InstrumentRegistry;
import dev.peregrine.gateway.DropReason;
import dev.peregrine.gateway.MarketDataSlot;
import dev.peregrine.gateway.json.JsonScanner;

/**
 * Scratch fields of one {@code <sym>@trade} payload
 * {@code {"e":"trade","E":..,"s":"BTCUSDT","t":..,"p":"..","q":"..","T":..,"m":true,"M":true}},
 * decoded and validated before a ring slot is claimed.
 *
 * <p>Side convention, the same as Coinbase's {@code market_trades}: {@link InboundEvent#side} is the
 * <em>maker's</em> side. {@code m} is "the buyer is the maker", so {@code m:true} (the aggressor sold,
 * the print is at the bid) is {@link Side#BUY} and {@code m:false} (the aggressor bought, the print is
 * at the ask) is {@link Side#SELL}. A strategy that wants the aggressor takes {@link Side#opposite}.
 */
public final class TradeMessage extends MessageFields
{
    private static final int SYMBOL = 0;
    private static final int TRADE_ID = 1;
    private static final int PRICE = 2;
    private static final int QUANTITY = 3;
    private static final int TRADE_TIME = 4;
    private static final int SIDE = 5;

    public TradeMessage(final InstrumentRegistry registry)
    {
        super(registry, "stpqTm", MessageFields.SYMBOL, MessageFields.INTEGER, MessageFields.DECIMAL,
            MessageFields.DECIMAL, MessageFields.MILLIS, MessageFields.BUYER_IS_MAKER);
    }

    /** Reads the data object at the scanner's position; null if good, else why it is dropped. */
    DropReason decode(final JsonScanner scanner)
    {
        final DropReason problem = read(scanner);
        if (problem != null)
        {
            return problem;
        }
        if (value(PRICE) <= 0)
        {
            return DropReason.NON_POSITIVE_PRICE;
        }
        return value(QUANTITY) <= 0 ? DropReason.BAD_QUANTITY : null;
    }

    /** Takes the values {@link BinanceFastPath} matched in a canonical frame, already checked as {@link #decode} checks them. */
    void matched(
        final int instrumentId, final long tradeId, final long price, final long quantity, final long tradeTimeNanos, final int side)
    {
        set(SYMBOL, instrumentId);
        set(TRADE_ID, tradeId);
        set(PRICE, price);
        set(QUANTITY, quantity);
        set(TRADE_TIME, tradeTimeNanos);
        set(SIDE, side);
    }

    void copyTo(final InboundEvent event, final long receiveEpochNanos, final long receiveNanoTime)
    {
        final long tradeId = value(TRADE_ID);
        // The trade id is per-symbol and contiguous on Binance: the trade stream's sequence.
        MarketDataSlot.head(event, EventType.TRADE, (int)value(SYMBOL), tradeId, value(TRADE_TIME),
            receiveEpochNanos, receiveNanoTime);
        event.tradeId = tradeId;
        event.price = value(PRICE);
        event.quantity = value(QUANTITY);
        event.side = (int)value(SIDE);
    }
}
