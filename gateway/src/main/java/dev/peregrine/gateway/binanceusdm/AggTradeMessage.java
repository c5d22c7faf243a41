package dev.peregrine.gateway.binanceusdm;

import dev.peregrine.core.event.EventType;
import dev.peregrine.core.event.InboundEvent;
import dev.peregrine.core.instrument.InstrumentRegistry;
import dev.peregrine.gateway.DropReason;
import dev.peregrine.gateway.MarketDataSlot;
import dev.peregrine.gateway.binance.MessageFields;
import dev.peregrine.gateway.json.JsonScanner;

/**
 * Scratch fields of one {@code <sym>@aggTrade} payload
 * {@code {"e":"aggTrade","E":..,"a":aggId,"s":"BTCUSDT","p":"..","q":"..","f":..,"l":..,"T":..,"m":true}}, decoded and
 * validated before a ring slot is claimed. USD-M has no raw {@code @trade} stream for the public: the aggregate is the
 * trade print. TRADE: tradeId = venueSequence = {@code a} (contiguous per symbol), price {@code p}, quantity
 * {@code q}, exchange time {@code T}, side the maker's ({@code m:true} is BUY), as spot's trades.
 */
final class AggTradeMessage extends MessageFields
{
    private static final int SYMBOL = 0;
    private static final int AGG_ID = 1;
    private static final int PRICE = 2;
    private static final int QUANTITY = 3;
    private static final int TRADE_TIME = 4;
    private static final int SIDE = 5;

    AggTradeMessage(final InstrumentRegistry registry)
    {
        super(registry, "sapqTm", MessageFields.SYMBOL, MessageFields.INTEGER, MessageFields.DECIMAL,
            MessageFields.DECIMAL, MessageFields.MILLIS, MessageFields.BUYER_IS_MAKER);
    }

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

    void copyTo(final InboundEvent event, final long receiveEpochNanos, final long receiveNanoTime)
    {
        final long aggId = value(AGG_ID);
        MarketDataSlot.head(event, EventType.TRADE, (int)value(SYMBOL), aggId, value(TRADE_TIME),
            receiveEpochNanos, receiveNanoTime);
        event.tradeId = aggId;
        event.price = value(PRICE);
        event.quantity = value(QUANTITY);
        event.side = (int)value(SIDE);
    }
}
