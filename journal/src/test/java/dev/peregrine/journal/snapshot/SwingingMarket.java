package dev.peregrine.journal.snapshot;

import dev.peregrine.core.event.BookFlags;
import dev.peregrine.core.event.EventType;
import dev.peregrine.core.event.InboundEvent;
import dev.peregrine.core.event.Side;
import dev.peregrine.core.number.FixedPoint;

/**
 * A market that makes every built-in strategy trade both ways: BTC-USD and ETH-USD swing +/- 3% over 24
 * one-second bars with a faster ripple; each second brings, per product, a quote, a two-level book
 * snapshot (what the market maker quotes from), a trade on alternating sides, and then a clock tick.
 */
final class SwingingMarket
{
    static final long START_NANOS = 1_767_225_600_000_000_000L; // 2026-01-01T00:00:00Z
    private static final long SECOND = 1_000_000_000L;
    private static final double[] BASE = {65_000.0, 1_900.0};
    private static final long TICK = FixedPoint.SCALE / 100;

    private final InboundEvent[] second = new InboundEvent[2 * 6 + 1];
    private int bar;
    private int next = second.length;

    SwingingMarket()
    {
        for (int i = 0; i < second.length; i++)
        {
            second[i] = new InboundEvent();
        }
    }

    /** Fills the input fields of {@code into} with the next event. */
    void next(final InboundEvent into)
    {
        if (next == second.length)
        {
            fillSecond();
            next = 0;
        }
        into.copyInputsFrom(second[next++]);
    }

    private void fillSecond()
    {
        final long start = START_NANOS + bar * SECOND;
        int e = 0;
        for (int id = 0; id < 2; id++)
        {
            final double price = BASE[id] * (1.0 + 0.03 * Math.sin(bar * Math.PI / 12) + 0.01 * Math.sin(bar * 1.7 + id));
            final long close = Math.round(price * 100) * TICK;
            long time = start + (id * 6 + 1) * 1_000_000L;
            final InboundEvent quote = clear(second[e++], EventType.QUOTE, id, time);
            quote.bidPrice = close - TICK;
            quote.askPrice = close + TICK;
            quote.bidQuantity = FixedPoint.SCALE;
            quote.askQuantity = FixedPoint.SCALE;
            final long[][] levels = {{Side.BUY, close - TICK}, {Side.BUY, close - 3 * TICK}, {Side.SELL, close + TICK},
                {Side.SELL, close + 3 * TICK}};
            for (int i = 0; i < levels.length; i++)
            {
                final InboundEvent level = clear(second[e++], EventType.BOOK_LEVEL, id, ++time);
                level.side = (int)levels[i][0];
                level.price = levels[i][1];
                level.quantity = FixedPoint.SCALE * (i % 2 + 1);
                level.flags = i == 0 ? BookFlags.SNAPSHOT_BEGIN :
                    i == levels.length - 1 ? BookFlags.SNAPSHOT_END | BookFlags.END_OF_MESSAGE : 0;
            }
            final InboundEvent trade = clear(second[e++], EventType.TRADE, id, ++time);
            trade.price = bar % 3 == 0 ? close - TICK : close + TICK;
            trade.quantity = FixedPoint.SCALE / 10;
            trade.side = bar % 2 == 0 ? Side.BUY : Side.SELL;
            trade.tradeId = bar + 1;
        }
        clear(second[e], EventType.CLOCK, -1, start + SECOND);
        bar++;
    }

    private static InboundEvent clear(final InboundEvent e, final int type, final int instrumentId, final long time)
    {
        e.clearInputs();
        e.type = type;
        e.instrumentId = instrumentId;
        e.eventTimeNanos = time;
        e.exchangeTimeNanos = type == EventType.CLOCK ? 0 : time;
        return e;
    }
}
