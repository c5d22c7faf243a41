package dev.peregrine.gateway.coinbase;

import dev.peregrine.core.event.EventType;
import dev.peregrine.core.event.InboundEvent;
import dev.peregrine.core.instrument.InstrumentRegistry;
import dev.peregrine.core.time.EpochNanos;
import dev.peregrine.gateway.MarketDataSlot;

/**
 * Scratch space for one {@code candles[]} entry, {@code {start, high, low, open, close, volume,
 * product_id}}: {@code start} is epoch seconds as a string and becomes the event's exchange time.
 */
final class CandleEntry extends EntryFields
{
    private static final int PRODUCT = 0;
    private static final int START = 1;
    private static final int OPEN = 2;
    private static final int HIGH = 3;
    private static final int LOW = 4;
    private static final int CLOSE = 5;
    private static final int VOLUME = 6;
    private static final EntryLayout LAYOUT = new EntryLayout()
        .member(PRODUCT, "product_id", EntryLayout.PRODUCT)
        .member(START, "start", EntryLayout.EPOCH_SECONDS)
        .member(OPEN, "open", EntryLayout.PRICE)
        .member(HIGH, "high", EntryLayout.PRICE)
        .member(LOW, "low", EntryLayout.PRICE)
        .member(CLOSE, "close", EntryLayout.PRICE)
        .member(VOLUME, "volume", EntryLayout.QUANTITY);


    CandleEntry(final InstrumentRegistry registry)
    {
        super(LAYOUT, registry);
    }

    void copyTo(final InboundEvent event, final long venueSequence, final long receiveEpochNanos, final long receiveNanoTime)
    {
        MarketDataSlot.head(event, EventType.CANDLE, (int)value(PRODUCT), venueSequence,
            value(START) * EpochNanos.NANOS_PER_SECOND, receiveEpochNanos, receiveNanoTime);
        event.open = value(OPEN);
        event.high = value(HIGH);
        event.low = value(LOW);
        event.close = value(CLOSE);
        event.volume = value(VOLUME);
    }
}
