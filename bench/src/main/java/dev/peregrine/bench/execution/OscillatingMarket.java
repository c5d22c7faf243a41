package dev.peregrine.bench.execution;

import dev.peregrine.core.event.BookFlags;
import dev.peregrine.core.event.EventType;
import dev.peregrine.core.event.InboundEvent;
import dev.peregrine.core.event.Side;

import java.util.ArrayList;
import java.util.List;

/**
 * A synthetic but venue-shaped market for the paper-venue benchmark, pre-built as one cycle of events that
 * repeats forever: each instrument's mid walks {@link #SWING} ticks up, then {@link #SWING} down, one tick per
 * step. A step is what a venue sends when the touch moves: the trade that took the level (maker side as
 * Coinbase reports it), the two L2 level updates (the taken level removed, the new one on the other side
 * added, the second marked end-of-message) and the new top-of-book quote. Two instruments are interleaved.
 *
 * <p>The book is synced from a snapshot of {@link #DEPTH} levels a side; the steps only touch the levels at
 * the touch, so depth swings by {@link #SWING} around {@code DEPTH} and each cycle ends in the state it
 * started from. The moving-average crossover (windows 3/8) crosses once up and once down per cycle and
 * instrument, so orders are sent, rest or take liquidity, and fill, every cycle.
 */
public final class OscillatingMarket
{
    public static final int SWING = 16;
    public static final int DEPTH = 1_000;
    public static final long EVENT_SPACING_NANOS = 1_000_000L;
    /** 2026-11-23 14:30 UTC. */
    public static final long START_NANOS = 1_795_444_200_000_000_000L;

    final long[] tick;
    final long[] startMid;
    final long[] levelQuantity;

    public OscillatingMarket(final long[] tick, final long[] startMid, final long[] levelQuantity)
    {
        this.tick = tick.clone();
        this.startMid = startMid.clone();
        this.levelQuantity = levelQuantity.clone();
    }

    /** Snapshot events (one per level) then a quote per instrument; times are stamped by the caller. */
    public List<InboundEvent> snapshot()
    {
        final List<InboundEvent> events = new ArrayList<>();
        for (int id = 0; id < tick.length; id++)
        {
            final long mid = startMid[id];
            for (int level = 1; level <= DEPTH; level++)
            {
                final int flags = level == 1 ? BookFlags.SNAPSHOT_BEGIN : 0;
                events.add(level(id, Side.BUY, mid - level * tick[id], levelQuantity[id], flags));
                events.add(level(id, Side.SELL, mid + level * tick[id], levelQuantity[id],
                    level == DEPTH ? BookFlags.SNAPSHOT_END | BookFlags.END_OF_MESSAGE : 0));
            }
            events.add(quote(id, mid - tick[id], mid + tick[id], mid));
        }
        return events;
    }

    /** One full cycle (up {@link #SWING} steps, down as many), both instruments interleaved per step. */
    public InboundEvent[] cycle()
    {
        final List<InboundEvent> events = new ArrayList<>();
        final long[] mid = startMid.clone();
        for (int step = 0; step < 2 * SWING; step++)
        {
            final boolean up = step < SWING;
            for (int id = 0; id < tick.length; id++)
            {
                final long t = tick[id];
                final long q = levelQuantity[id];
                final long m = mid[id];
                if (up)
                {
                    events.add(trade(id, m + t, q, Side.SELL));           // the best ask was lifted
                    events.add(level(id, Side.SELL, m + t, 0, 0));
                    events.add(level(id, Side.BUY, m, q, BookFlags.END_OF_MESSAGE));
                    mid[id] = m + t;
                }
                else
                {
                    events.add(trade(id, m - t, q, Side.BUY));            // the best bid was hit
                    events.add(level(id, Side.BUY, m - t, 0, 0));
                    events.add(level(id, Side.SELL, m, q, BookFlags.END_OF_MESSAGE));
                    mid[id] = m - t;
                }
                events.add(quote(id, mid[id] - t, mid[id] + t, up ? m + t : m - t));
            }
        }
        return events.toArray(new InboundEvent[0]);
    }

    private static InboundEvent trade(final int id, final long price, final long quantity, final int makerSide)
    {
        final InboundEvent e = event(EventType.TRADE, id);
        e.price = price;
        e.quantity = quantity;
        e.side = makerSide;
        return e;
    }

    private InboundEvent quote(final int id, final long bid, final long ask, final long last)
    {
        final InboundEvent e = event(EventType.QUOTE, id);
        e.bidPrice = bid;
        e.bidQuantity = levelQuantity[id];
        e.askPrice = ask;
        e.askQuantity = levelQuantity[id];
        e.price = last;
        return e;
    }

    private static InboundEvent level(final int id, final int side, final long price, final long quantity, final int flags)
    {
        final InboundEvent e = event(EventType.BOOK_LEVEL, id);
        e.side = side;
        e.price = price;
        e.quantity = quantity;
        e.flags = flags;
        return e;
    }

    private static InboundEvent event(final int type, final int id)
    {
        final InboundEvent e = new InboundEvent();
        e.clearInputs();
        e.type = type;
        e.instrumentId = id;
        return e;
    }
}
