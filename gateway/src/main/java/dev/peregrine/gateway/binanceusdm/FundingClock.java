package dev.peregrine.gateway.binanceusdm;

import dev.peregrine.core.event.EventType;
import dev.peregrine.core.event.InboundEvent;
import dev.peregrine.gateway.MarketDataSlot;

/**
 * Turns the {@code markPrice} stream into funding settlements. Binance USD-M announces in every mark frame the rate
 * {@code r} that will be applied at the next funding time {@code T}; the public streams carry no settlement of their
 * own. So when a mark frame's event time {@code E} reaches the {@code T} the previous frames announced, funding has
 * happened: the feed publishes one FUNDING_SETTLEMENT before that frame's MARK_PRICE, with fundingRate the rate last
 * announced for that time, markPrice the mark of the first frame at or after it, exchange time the funding time, and
 * fee 0 (the engine computes each position's payment). The event is journaled like any input, so replay and backtest
 * see exactly the settlements the live feed saw. A settlement time is used once; the first frame after a (re)connect
 * only sets the schedule. One per feed, per instrument; the decoder's thread only; nothing allocated after construction.
 */
final class FundingClock
{
    private final long[] nextFundingNanos;
    private final long[] announcedRate;
    private final long[] settledNanos;

    FundingClock(final int instruments)
    {
        nextFundingNanos = new long[instruments];
        announcedRate = new long[instruments];
        settledNanos = new long[instruments];
    }

    /** True when a mark frame at {@code eventTimeNanos} is the first at or after the announced funding time. */
    boolean due(final int instrumentId, final long eventTimeNanos)
    {
        final long funding = nextFundingNanos[instrumentId];
        return funding > 0 && funding > settledNanos[instrumentId] && eventTimeNanos >= funding;
    }

    /** Writes the settlement now due and marks it used; {@link #due} first. */
    void settle(final InboundEvent event, final int instrumentId, final long markPrice, final long receiveEpochNanos,
        final long receiveNanoTime)
    {
        final long funding = nextFundingNanos[instrumentId];
        settledNanos[instrumentId] = funding;
        MarketDataSlot.head(event, EventType.FUNDING_SETTLEMENT, instrumentId, 0, funding, receiveEpochNanos,
            receiveNanoTime);
        event.fundingRate = announcedRate[instrumentId];
        event.markPrice = markPrice;
        event.fee = 0;
    }

    /**
     * The schedule a mark frame at {@code eventTimeNanos} announces: {@code rate} at {@code nextFundingTimeNanos}. The
     * first frame of a connection that arrives after its own {@code T} (the venue has not rolled it on yet) settles
     * nothing: that funding, if any, was seen before the connection.
     */
    void announce(final int instrumentId, final long eventTimeNanos, final long nextFundingTimeNanos, final long rate)
    {
        if (nextFundingNanos[instrumentId] == 0 && eventTimeNanos >= nextFundingTimeNanos)
        {
            settledNanos[instrumentId] = nextFundingTimeNanos;
        }
        nextFundingNanos[instrumentId] = nextFundingTimeNanos;
        announcedRate[instrumentId] = rate;
    }
}
