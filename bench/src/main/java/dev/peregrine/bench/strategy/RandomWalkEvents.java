package dev.peregrine.bench.strategy;

import dev.peregrine.core.event.CandleFlags;
import dev.peregrine.core.event.EventType;
import dev.peregrine.core.event.InboundEvent;
import dev.peregrine.core.event.Side;
import dev.peregrine.core.number.FixedPoint;

/**
 * {@link RandomWalkBars} as the inbound events the engine would read from a journal: per bar, in its
 * one-minute interval, a QUOTE one cent either side of the close, one TRADE at the close, and a CLOCK at
 * the interval's end. Two forms of the same events: {@link #events()}, every event built once as its own
 * {@link InboundEvent} and fed to every fresh core (the core writes only their outbound order slots, which
 * it clears per event), and {@link #writeBar}, which writes one bar's events into three reused slots.
 *
 * <p>Why the bar closes on a CLOCK at its end rather than on the next bar's first event: that is how
 * the engine closes time bars live (DESIGN.md: time-driven logic runs on the timer's clock events),
 * and it decides at the end of bar {@code i} against bar {@code i}'s quote, as ta4j's
 * {@code TradeOnCurrentCloseModel} trades at bar {@code i}'s close. Closing on the next bar's trade would
 * decide only once that trade arrived, against whatever quote came first in the next bar, and would leave
 * the last bar open. The price of the choice is a third event per bar, counted in the per-bar figure.
 *
 * <p>Why both: an {@code InboundEvent} with its eight pre-allocated outbound order slots is 780 B, so
 * {@link #events()} for 100,000 bars is 234 MB, streamed once per backtest, and what that costs depends on
 * where the JVM placed it (on the 2-core machine from about 25 ns per bar to several times that). A replay
 * decodes each record into one reused slot and the live engine reads a ring that stays in cache, which is
 * what {@link #writeBar} into three slots imitates, at the price of writing each event's fields again.
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

    private final long[] close;
    private final int instrumentId;
    private final long halfSpread;
    private final InboundEvent[] events;

    /** Events of every bar of {@code bars}, for the engine's instrument {@code instrumentId}. */
    public RandomWalkEvents(final RandomWalkBars bars, final int instrumentId)
    {
        this(bars, instrumentId, HALF_SPREAD);
    }

    /**
     * The same with the quote {@code halfSpread} either side of the close: 0 gives a locked quote at the close,
     * the market a bar-path candle makes ({@link #writeCandle}), so both paths fill at the same prices.
     */
    public RandomWalkEvents(final RandomWalkBars bars, final int instrumentId, final long halfSpread)
    {
        this.instrumentId = instrumentId;
        this.halfSpread = halfSpread;
        close = new long[bars.count()];
        for (int i = 0; i < close.length; i++)
        {
            close[i] = FixedPoint.fromDouble(bars.close[i]);
        }
        events = new InboundEvent[close.length * EVENTS_PER_BAR];
        for (int i = 0; i < close.length; i++)
        {
            events[i * EVENTS_PER_BAR] = cleared(new InboundEvent());
            events[i * EVENTS_PER_BAR + 1] = cleared(new InboundEvent());
            events[i * EVENTS_PER_BAR + 2] = cleared(new InboundEvent());
            writeBar(i, events[i * EVENTS_PER_BAR], events[i * EVENTS_PER_BAR + 1], events[i * EVENTS_PER_BAR + 2]);
        }
    }

    /** A fresh slot with every input at its empty value, as a ring slot is before its first use. */
    public static InboundEvent cleared(final InboundEvent slot)
    {
        slot.clearInputs();
        return slot;
    }

    /**
     * Writes bar {@code bar}'s three events into the given slots, as a journal reader decodes records into a
     * ring slot. Each slot must be cleared or have held only events of its own type (quote, trade, clock),
     * whose every field is rewritten here: so the same three slots can carry every bar.
     */
    public void writeBar(final int bar, final InboundEvent quote, final InboundEvent trade, final InboundEvent clock)
    {
        final long start = START_NANOS + bar * BAR_NANOS;
        final long price = close[bar];
        final long sequence = 2L * bar;

        header(quote, EventType.QUOTE, instrumentId, start + QUOTE_OFFSET_NANOS, sequence + 1);
        quote.bidPrice = price - halfSpread;
        quote.askPrice = price + halfSpread;
        quote.bidQuantity = QUOTE_SIZE;
        quote.askQuantity = QUOTE_SIZE;
        quote.price = bar == 0 ? 0 : close[bar - 1];

        header(trade, EventType.TRADE, instrumentId, start + TRADE_OFFSET_NANOS, sequence + 2);
        trade.tradeId = bar + 1;
        trade.price = price;
        trade.quantity = TRADE_SIZE;
        // Maker side unknown: a print that could fill a resting order on either side (none rests here).
        trade.side = Side.NONE;

        header(clock, EventType.CLOCK, -1, start + BAR_NANOS, 0);
    }

    /**
     * Writes bar {@code bar} as one event, the bar path: a closed CANDLE marked as its interval's market data
     * ({@link CandleFlags#BAR}), at the bar's end (where the CLOCK of {@link #writeBar} closes it), its start as
     * exchange time, open at the previous close, the trade's size as volume. The slot must be cleared or have
     * held only candles.
     */
    public void writeCandle(final int bar, final InboundEvent candle)
    {
        final long start = START_NANOS + bar * BAR_NANOS;
        final long price = close[bar];
        final long open = bar == 0 ? price : close[bar - 1];
        header(candle, EventType.CANDLE, instrumentId, start + BAR_NANOS, 2L * bar + 1);
        candle.exchangeTimeNanos = start;
        candle.flags = CandleFlags.BAR;
        candle.open = open;
        candle.high = Math.max(open, price);
        candle.low = Math.min(open, price);
        candle.close = price;
        candle.volume = TRADE_SIZE;
    }

    private static void header(final InboundEvent e, final int type, final int instrumentId, final long timeNanos,
        final long venueSequence)
    {
        e.type = type;
        e.instrumentId = instrumentId;
        e.eventTimeNanos = timeNanos;
        e.exchangeTimeNanos = type == EventType.CLOCK ? 0 : timeNanos;
        e.venueSequence = venueSequence;
    }

    public int barCount()
    {
        return close.length;
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
