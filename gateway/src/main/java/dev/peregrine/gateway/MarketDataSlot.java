package dev.peregrine.gateway;

import dev.peregrine.core.event.InboundEvent;

/**
 * The head every market-data event a venue decoder publishes shares: the slot cleared of the previous
 * event's inputs, then type, instrument, venue sequence and the three times. Each decoder's scratch entry
 * fills its own payload fields after this; one static method, so the JIT inlines it into every copy.
 * Order and feed-health events the gateway publishes start the same way (with no instrument, sequence or
 * time they lack left as cleared).
 */
public final class MarketDataSlot
{
    private MarketDataSlot()
    {
    }

    /** Clears {@code event} and writes the fields every market-data event carries. */
    public static void head(
        final InboundEvent event,
        final int type,
        final int instrumentId,
        final long venueSequence,
        final long exchangeTimeNanos,
        final long receiveEpochNanos,
        final long receiveNanoTime)
    {
        event.clearInputs();
        event.type = type;
        event.instrumentId = instrumentId;
        event.venueSequence = venueSequence;
        event.exchangeTimeNanos = exchangeTimeNanos;
        event.eventTimeNanos = receiveEpochNanos;
        event.receiveNanoTime = receiveNanoTime;
    }
}
