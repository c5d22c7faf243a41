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
        priced(EventType.TRADE, instrumentId, side, price, quantity);
        slot.tradeId = sequence;
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

    /**
     * One level of a venue's L2 message: {@code side} is {@code Side.BUY} for a bid, {@code Side.SELL} for an
     * ask; a quantity of 0 removes the level; {@code flags} are {@code BookFlags} (the last level of a
     * message carries {@code END_OF_MESSAGE}).
     */
    public InboundEvent bookLevel(final int instrumentId, final int side, final String price, final String quantity,
        final int flags)
    {
        priced(EventType.BOOK_LEVEL, instrumentId, side, price, quantity);
        slot.flags = flags;
        return slot;
    }

    /** A feed-health event: {@code EventType.FEED_STALE}, {@code FEED_GAP} or {@code FEED_RECOVERED}. */
    public InboundEvent feedStatus(final int instrumentId, final int type)
    {
        begin(type, instrumentId);
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

    /** An operator command ({@code CommandCode}), as admin HTTP publishes it. */
    public InboundEvent command(final int code)
    {
        begin(EventType.COMMAND, -1);
        slot.flags = code;
        return slot;
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

    private void priced(final int type, final int instrumentId, final int side, final String price,
        final String quantity)
    {
        begin(type, instrumentId);
        slot.side = side;
        slot.price = FixedPoint.parseOrThrow("price", price);
        slot.quantity = FixedPoint.parseOrThrow("quantity", quantity);
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
