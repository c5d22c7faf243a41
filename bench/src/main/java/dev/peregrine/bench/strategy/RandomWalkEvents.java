package dev.peregrine.bench.strategy;

import dev.peregrine.core.event.EventType;
import dev.peregrine.core.event.InboundEvent;
import dev.peregrine.core.event.Side;
import dev.peregrine.core.number.FixedPoint;

/**
 * {@link RandomWalkBars} as the inbound events the engine would read from a journal: per bar, in its
 * one-minute interval, a QUOTE one cent either side of the close, one TRADE at the close, and a CLOCK at
 * the interval's end. Built once; the same {@link InboundEvent}s are fed to every fresh core (the core
 * writes only their outbound order slots, which it clears per event).
 *
 * <p>Why the bar closes on a CLOCK at its end rather than on the next bar's first event: that is how
 * the engine closes time bars live (DESIGN.md: time-driven logic runs on the timer's clock events),
 * and it decides at the end of bar {@code i} against bar {@code i}'s quote, as ta4j's
 * {@code TradeOnCurrentCloseModel} trades at bar {@code i}'s close. Closing on the next bar's trade would
 * decide only once that trade arrived, against whatever quote came first in the next bar, and would leave
 * the last bar open. The price of the choice is a third event per bar, counted in the per-bar figure.
 *
 * <p>Memory: an {@code InboundEvent} with its eight pre-allocated outbound order slots is 780 B, so 100,000
 * bars are 234 MB, streamed once per backtest. That streaming is inside the measured time; a replay instead
 * decodes each record into one reused slot, and the live engine reads a ring that stays in cache.
 *
 * <p>The engine sees each close as a {@link FixedPoint} scaled long (8 decimals), the nearest one to
 * the double ta4j sees; the agreement test shows that rounding moves no trade.
 */
public final class RandomWalkEvents
{
    public static final int EVENTS_PER_BAR = 3;
    static final long BAR_NANOS = RandomWalkBars.BAR_SECONDS * 1_000_000_000L;
    static final long START_NANOS = RandomWalkBars.START_EPOCH_SECONDS * 1_000_000_000L;
    /** The quote half-way through the bar, the trade three quarters through: both strictly inside it. */
    private static final long QUOTE_OFFSET_NANOS = BAR_NANOS / 2;
    private static final long TRADE_OFFSET_NANOS = BAR_NANOS * 3 / 4;
    /** One cent, BTC-USD's tick: market buys fill one cent above the close, sells one cent below. */
    static final long HALF_SPREAD = FixedPoint.SCALE / 100;
    /** Displayed size on each side of the quote, far above the order size, so every market order fills at once. */
    private static final long QUOTE_SIZE = 10 * FixedPoint.SCALE;
    private static final long TRADE_SIZE = FixedPoint.SCALE / 10;

    private final InboundEvent[] events;
    private final int instrumentId;

    /** Events of every bar of {@code bars}, for the engine's instrument {@code instrumentId}. */
    public RandomWalkEvents(final RandomWalkBars bars, final int instrumentId)
    {
        this.instrumentId = instrumentId;
        events = new InboundEvent[bars.count() * EVENTS_PER_BAR];
        long lastTrade = 0;
        long sequence = 0;
        for (int i = 0; i < bars.count(); i++)
        {
            final long start = START_NANOS + i * BAR_NANOS;
            final long close = FixedPoint.fromDouble(bars.close[i]);

            final InboundEvent quote = event(EventType.QUOTE, instrumentId, start + QUOTE_OFFSET_NANOS, ++sequence);
            quote.bidPrice = close - HALF_SPREAD;
            quote.askPrice = close + HALF_SPREAD;
            quote.bidQuantity = QUOTE_SIZE;
            quote.askQuantity = QUOTE_SIZE;
            quote.price = lastTrade;

            final InboundEvent trade = event(EventType.TRADE, instrumentId, start + TRADE_OFFSET_NANOS, ++sequence);
            trade.tradeId = i + 1;
            trade.price = close;
            trade.quantity = TRADE_SIZE;
            // Maker side unknown: a print that could fill a resting order on either side (none rests here).
            trade.side = Side.NONE;
            lastTrade = close;

            final InboundEvent clock = event(EventType.CLOCK, -1, start + BAR_NANOS, 0);

            events[i * EVENTS_PER_BAR] = quote;
            events[i * EVENTS_PER_BAR + 1] = trade;
            events[i * EVENTS_PER_BAR + 2] = clock;
        }
    }

    private static InboundEvent event(final int type, final int instrumentId, final long timeNanos, final long venueSequence)
    {
        final InboundEvent e = new InboundEvent();
        e.clearInputs();
        e.type = type;
        e.instrumentId = instrumentId;
        e.eventTimeNanos = timeNanos;
        e.exchangeTimeNanos = type == EventType.CLOCK ? 0 : timeNanos;
        e.venueSequence = venueSequence;
        return e;
    }

    /** All events in order; shared, not to be modified. */
    public InboundEvent[] events()
    {
        return events;
    }

    public int instrumentId()
    {
        return instrumentId;
    }

    /**
     * The index of the bar an engine output at {@code timeNanos} was decided on. Decisions come on the
     * CLOCK that closes bar {@code i}, at its end, the start of bar {@code i + 1}.
     */
    public static int barIndexOfDecisionAt(final long timeNanos)
    {
        return (int)((timeNanos - START_NANOS) / BAR_NANOS) - 1;
    }
}
