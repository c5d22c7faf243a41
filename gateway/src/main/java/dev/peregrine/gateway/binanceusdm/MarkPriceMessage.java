package dev.peregrine.gateway.binanceusdm;

import dev.peregrine.core.event.EventType;
import dev.peregrine.core.event.InboundEvent;
import dev.peregrine.core.instrument.InstrumentRegistry;
import dev.peregrine.gateway.DropReason;
import dev.peregrine.gateway.MarketDataSlot;
import dev.peregrine.gateway.binance.MessageFields;
import dev.peregrine.gateway.json.JsonScanner;

/**
 * Scratch fields of one {@code <sym>@markPrice@1s} payload
 * {@code {"e":"markPriceUpdate","E":..,"s":"BTCUSDT","p":mark,"i":index,"P":estimatedSettle,"r":fundingRate,"T":nextFundingTime}},
 * decoded and validated before a ring slot is claimed. MARK_PRICE: markPrice {@code p}, indexPrice {@code i},
 * fundingRate {@code r} (the rate for the coming funding, signed), nextFundingTimeNanos {@code T}, exchange time
 * {@code E}. Keys are case-sensitive: {@code P}, the estimated settle price, is not read.
 */
final class MarkPriceMessage extends MessageFields
{
    private static final int EVENT_TIME = 0;
    private static final int SYMBOL = 1;
    private static final int MARK = 2;
    private static final int INDEX = 3;
    private static final int RATE = 4;
    private static final int NEXT_FUNDING = 5;

    MarkPriceMessage(final InstrumentRegistry registry)
    {
        super(registry, "EspirT", MessageFields.MILLIS, MessageFields.SYMBOL, MessageFields.DECIMAL,
            MessageFields.DECIMAL, MessageFields.DECIMAL, MessageFields.MILLIS);
    }

    DropReason decode(final JsonScanner scanner)
    {
        final DropReason problem = read(scanner);
        if (problem != null)
        {
            return problem;
        }
        // An index of 0 is what the venue sends for a symbol whose index is not computed yet; a mark must be a price.
        return value(MARK) <= 0 || value(INDEX) < 0 ? DropReason.NON_POSITIVE_PRICE : null;
    }

    int instrumentId()
    {
        return (int)value(SYMBOL);
    }

    long eventTimeNanos()
    {
        return value(EVENT_TIME);
    }

    long markPrice()
    {
        return value(MARK);
    }

    long fundingRate()
    {
        return value(RATE);
    }

    long nextFundingTimeNanos()
    {
        return value(NEXT_FUNDING);
    }

    void copyTo(final InboundEvent event, final long receiveEpochNanos, final long receiveNanoTime)
    {
        MarketDataSlot.head(event, EventType.MARK_PRICE, (int)value(SYMBOL), 0, value(EVENT_TIME),
            receiveEpochNanos, receiveNanoTime);
        event.markPrice = value(MARK);
        event.indexPrice = value(INDEX);
        event.fundingRate = value(RATE);
        event.nextFundingTimeNanos = value(NEXT_FUNDING);
    }
}
