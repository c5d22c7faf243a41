package dev.peregrine.core.strategy.builtin;

import dev.peregrine.core.event.BookFlags;
import dev.peregrine.core.event.EventType;
import dev.peregrine.core.event.InboundEvent;
import dev.peregrine.core.event.Side;
import dev.peregrine.core.number.FixedPoint;
import dev.peregrine.core.testing.CoreHarness;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import java.util.function.Consumer;

/**
 * A seeded random market for one instrument on a 0.01 tick around 100: a five-level book that moves a
 * few ticks at a time, in trends that come and go (so inventory builds up to its limit), size changes,
 * trades reaching 12 to 25 ticks past the touch, mostly on the trend's side (so resting quotes fill),
 * clock gaps, stale feeds that recover, and gaps that recover with a new snapshot.
 * The same seed gives the same events, so two runs can be compared.
 */
final class RandomBookWalk
{
    private static final long TICK = FixedPoint.parse("0.01");
    private static final long LOT = FixedPoint.parse("0.001");
    private static final int DEPTH = 5;

    private final CoreHarness h;
    private final int instrument;
    private final Random random;
    private final Consumer<CoreHarness> afterEachEvent;
    private final TreeMap<Long, Long> bids = new TreeMap<>();
    private final TreeMap<Long, Long> asks = new TreeMap<>();
    private long bestBidTicks = 9_998;
    private int trend;
    private boolean stale;
    private boolean gapped;

    RandomBookWalk(final CoreHarness h, final int instrument, final long seed, final Consumer<CoreHarness> afterEachEvent)
    {
        this.h = h;
        this.instrument = instrument;
        this.random = new Random(seed);
        this.afterEachEvent = afterEachEvent;
    }

    /** Feeds messages until at least {@code events} core events went in. */
    void run(final int events)
    {
        final long start = h.events.sequence();
        snapshot(2 + random.nextInt(3));
        while (h.events.sequence() - start < events)
        {
            step();
        }
    }

    private void step()
    {
        final int roll = random.nextInt(100);
        if (random.nextInt(100) < 3)
        {
            trend = random.nextInt(3) - 1;
        }
        if (gapped && roll < 50)
        {
            gapped = false;
            status(EventType.FEED_RECOVERED);
            snapshot(1 + random.nextInt(4));
        }
        else if (roll < 45)
        {
            move(trend * random.nextInt(3) + random.nextInt(3) - 1, 1 + random.nextInt(4));
        }
        else if (roll < 55)
        {
            resize();
        }
        else if (roll < 88)
        {
            trade();
        }
        else if (roll < 93)
        {
            h.advanceMillis(1 + random.nextInt(2_000));
            afterEachEvent.accept(h);
        }
        else if (roll < 98)
        {
            stale = !stale;
            status(stale ? EventType.FEED_STALE : EventType.FEED_RECOVERED);
        }
        else
        {
            gapped = true;
            status(EventType.FEED_GAP);
        }
    }

    /** The touch moves by {@code shift} ticks and the spread becomes {@code spreadTicks}: one venue message. */
    private void move(final int shift, final int spreadTicks)
    {
        bestBidTicks += shift;
        final TreeMap<Long, Long> newBids = levels(bestBidTicks, -1);
        final TreeMap<Long, Long> newAsks = levels(bestBidTicks + spreadTicks, 1);
        final List<long[]> message = new ArrayList<>();
        diff(bids, newBids, Side.BUY, message);
        diff(asks, newAsks, Side.SELL, message);
        bids.clear();
        bids.putAll(newBids);
        asks.clear();
        asks.putAll(newAsks);
        send(message, false);
    }

    private void resize()
    {
        final boolean bid = random.nextBoolean();
        final TreeMap<Long, Long> side = bid ? bids : asks;
        final List<Long> prices = new ArrayList<>(side.keySet());
        final long price = prices.get(random.nextInt(prices.size()));
        final long quantity = size();
        side.put(price, quantity);
        final List<long[]> message = new ArrayList<>();
        message.add(new long[]{bid ? Side.BUY : Side.SELL, price, quantity});
        send(message, false);
    }

    private void trade()
    {
        final boolean withTrend = trend != 0 && random.nextInt(10) < 7;
        // A trend's trades sweep further through the book: it is what fills a skewed quote.
        final long reach = (withTrend ? 25 : 12) * TICK;
        final long low = withTrend && trend > 0 ? asks.firstKey() : bids.lastKey() - reach;
        final long high = withTrend && trend < 0 ? bids.lastKey() : asks.firstKey() + reach;
        final long price = low + TICK * random.nextInt((int)((high - low) / TICK) + 1);
        // Below the mid a seller hit the bids (a buyer was the maker); above it, the reverse.
        final int maker = 2 * price <= bids.lastKey() + asks.firstKey() ? Side.BUY : Side.SELL;
        final long quantity = LOT * (1 + random.nextInt(30));
        final InboundEvent e = h.events.trade(instrument, FixedPoint.toString(price), FixedPoint.toString(quantity), maker);
        h.feed(e);
        afterEachEvent.accept(h);
    }

    private void status(final int type)
    {
        h.feed(h.events.feedStatus(instrument, type));
        afterEachEvent.accept(h);
    }

    private void snapshot(final int spreadTicks)
    {
        bids.clear();
        asks.clear();
        bids.putAll(levels(bestBidTicks, -1));
        asks.putAll(levels(bestBidTicks + spreadTicks, 1));
        final List<long[]> message = new ArrayList<>();
        for (final Map.Entry<Long, Long> level : bids.descendingMap().entrySet())
        {
            message.add(new long[]{Side.BUY, level.getKey(), level.getValue()});
        }
        for (final Map.Entry<Long, Long> level : asks.entrySet())
        {
            message.add(new long[]{Side.SELL, level.getKey(), level.getValue()});
        }
        send(message, true);
    }

    private TreeMap<Long, Long> levels(final long bestTicks, final int away)
    {
        final TreeMap<Long, Long> levels = new TreeMap<>();
        for (int i = 0; i < DEPTH; i++)
        {
            levels.put((bestTicks + (long)away * i) * TICK, size());
        }
        return levels;
    }

    private long size()
    {
        return LOT * (1 + random.nextInt(2_000));
    }

    private static void diff(final TreeMap<Long, Long> before, final TreeMap<Long, Long> after, final int side,
        final List<long[]> message)
    {
        for (final Long price : before.keySet())
        {
            if (!after.containsKey(price))
            {
                message.add(new long[]{side, price, 0});
            }
        }
        for (final Map.Entry<Long, Long> level : after.entrySet())
        {
            message.add(new long[]{side, level.getKey(), level.getValue()});
        }
    }

    private void send(final List<long[]> levels, final boolean snapshot)
    {
        for (int i = 0; i < levels.size(); i++)
        {
            final long[] level = levels.get(i);
            final boolean last = i == levels.size() - 1;
            int flags = last ? BookFlags.END_OF_MESSAGE : 0;
            if (snapshot && i == 0)
            {
                flags |= BookFlags.SNAPSHOT_BEGIN;
            }
            if (snapshot && last)
            {
                flags |= BookFlags.SNAPSHOT_END;
            }
            h.feed(h.events.bookLevel(instrument, (int)level[0], FixedPoint.toString(level[1]),
                FixedPoint.toString(level[2]), flags));
            afterEachEvent.accept(h);
        }
    }
}
