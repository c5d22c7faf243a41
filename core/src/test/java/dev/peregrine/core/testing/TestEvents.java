package dev.peregrine.core.testing;

import dev.peregrine.core.event.EventType;
import dev.peregrine.core.event.InboundEvent;
import dev.peregrine.core.number.FixedPoint;

/**
 * Builds inbound events for tests from decimal text, so a test reads like the market it describes.
 * Each call fills and returns the same reusable slot, as the ring would.
 */
public final class TestEvents
{
    private final InboundEvent slot = new InboundEvent();
    private long timeNanos = 1_786_309_548_000_000_000L;
    private long sequence;

    public InboundEvent trade(final int instrumentId, final String price, final String quantity, final int side)
    {
        begin(EventType.TRADE, instrumentId);
        slot.tradeId = sequence;
        slot.price = FixedPoint.parseOrThrow("price", price);
        slot.quantity = FixedPoint.parseOrThrow("quantity", quantity);
        slot.side = side;
        return slot;
    }

    public InboundEvent quote(final int instrumentId, final String bid, final String bidQty, final String ask,
        final String askQty)
    {
        begin(EventType.QUOTE, instrumentId);
        slot.bidPrice = FixedPoint.parseOrThrow("bid", bid);
        slot.bidQuantity = FixedPoint.parseOrThrow("bid quantity", bidQty);
        slot.askPrice = FixedPoint.parseOrThrow("ask", ask);
        slot.askQuantity = FixedPoint.parseOrThrow("ask quantity", askQty);
        return slot;
    }

    public InboundEvent clock()
    {
        begin(EventType.CLOCK, -1);
        return slot;
    }

    /** A CLOCK event {@code millis} after the previous event. */
    public InboundEvent clockAfterMillis(final long millis)
    {
        timeNanos += millis * 1_000_000L - 1_000_000L;
        return clock();
    }

    /**
     * A CLOCK event at the next epoch multiple of {@code intervalNanos} after the previous event: exactly
     * the end of the time bar of that interval in progress, so it closes that bar and no other.
     */
    public InboundEvent clockAtNextBoundary(final long intervalNanos)
    {
        timeNanos = Math.floorDiv(timeNanos, intervalNanos) * intervalNanos + intervalNanos - 1_000_000L;
        return clock();
    }

    /** Event time of the last event built. */
    public long timeNanos()
    {
        return timeNanos;
    }

    /** Sequence number of the last event built; also the ring sequence tests pass to the core. */
    public long sequence()
    {
        return sequence;
    }

    private void begin(final int type, final int instrumentId)
    {
        slot.clearInputs();
        sequence++;
        timeNanos += 1_000_000L;
        slot.type = type;
        slot.instrumentId = instrumentId;
        slot.venueSequence = sequence;
        slot.exchangeTimeNanos = timeNanos - 500_000L;
        slot.eventTimeNanos = timeNanos;
    }
}
