package dev.peregrine.journal;

import dev.peregrine.core.event.EventType;
import dev.peregrine.core.event.InboundEvent;
import dev.peregrine.core.event.Side;
import dev.peregrine.core.number.FixedPoint;

import java.util.Random;

/**
 * A seeded stream of QUOTE, TRADE and (rarely) CLOCK events for two instruments whose prices trend up
 * and down in legs of a few hundred events, so the MA-crossover strategy crosses and trades.
 *
 * <p>Event {@code i} has {@code eventTimeNanos = START_NANOS + i * STEP_NANOS}, so an order's time names
 * the event that caused it (see {@link #eventNumberOf(long)}).
 */
final class MarketStream
{
    static final long START_NANOS = 1_767_225_600_000_000_000L; // 2026-01-01T00:00:00Z
    static final long STEP_NANOS = 1_000_000L;

    private static final long[] REFERENCE = {FixedPoint.fromDouble(65_000), FixedPoint.fromDouble(1_900)};
    private static final long[] TICK = {FixedPoint.fromDouble(0.01), FixedPoint.fromDouble(0.01)};

    private final Random random;
    private final long[] mid = REFERENCE.clone();
    private final long[] drift = new long[2];
    private final int[] legLeft = new int[2];
    private final long[] lastTrade = REFERENCE.clone();
    private final long[] venueSequence = new long[2];
    private final long[] tradeId = new long[2];
    private long count;

    MarketStream(final long seed)
    {
        random = new Random(seed);
    }

    static long eventNumberOf(final long eventTimeNanos)
    {
        return (eventTimeNanos - START_NANOS) / STEP_NANOS;
    }

    /** Fills the input fields of {@code e} with the next event. */
    void next(final InboundEvent e)
    {
        e.clearInputs();
        final long i = count++;
        e.eventTimeNanos = START_NANOS + i * STEP_NANOS;
        if (i > 2 && random.nextInt(50) == 0)
        {
            e.type = EventType.CLOCK;
            return;
        }
        // The first two events are quotes, so both instruments have a market before any order.
        final int id = i < 2 ? (int)i : random.nextInt(2);
        step(id);
        e.instrumentId = id;
        e.venueSequence = ++venueSequence[id];
        e.exchangeTimeNanos = e.eventTimeNanos - 200_000 - random.nextInt(500_000);
        if (i < 2 || random.nextInt(10) < 4)
        {
            final long halfSpread = TICK[id] * (1 + random.nextInt(20));
            e.type = EventType.QUOTE;
            e.price = lastTrade[id];
            e.bidPrice = mid[id] - halfSpread;
            e.askPrice = mid[id] + halfSpread;
            e.bidQuantity = quantity(id);
            e.askQuantity = quantity(id);
        }
        else
        {
            e.type = EventType.TRADE;
            e.tradeId = ++tradeId[id];
            e.price = mid[id] + TICK[id] * (random.nextInt(41) - 20);
            e.quantity = quantity(id) / 4;
            e.side = random.nextBoolean() ? Side.BUY : Side.SELL;
            lastTrade[id] = e.price;
        }
    }

    /** A trending random walk: a leg of a few hundred steps with one drift, then a new drift. */
    private void step(final int id)
    {
        if (legLeft[id]-- <= 0)
        {
            legLeft[id] = 100 + random.nextInt(300);
            final long bps = (random.nextBoolean() ? 1 : -1) * (1 + random.nextInt(3));
            drift[id] = mid[id] / 10_000 * bps / 10; // 0.1 to 0.3 basis points per step
        }
        mid[id] += drift[id] + TICK[id] * (random.nextInt(21) - 10);
    }

    private long quantity(final int id)
    {
        // BTC 0.01..2, ETH 0.3..60: enough at the touch for most orders, not all (some cancel).
        final double units = id == 0 ? 0.01 + random.nextDouble() * 2 : 0.3 + random.nextDouble() * 60;
        return FixedPoint.fromDouble(units);
    }
}
