package dev.peregrine.bench.cluster;

import dev.peregrine.core.engine.EngineSettings;
import dev.peregrine.core.event.EventType;
import dev.peregrine.core.event.InboundEvent;
import dev.peregrine.core.event.Side;
import dev.peregrine.core.instrument.ProductCatalog;
import dev.peregrine.core.number.FixedPoint;
import dev.peregrine.gateway.venue.VenueRegistry;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/**
 * The cluster tests' seeded BTC-USD market (cluster's {@code RandomWalkMarket}, a test class this module cannot
 * see): a random walk of the price in cent ticks, each step a quote around it and a trade at it, and a CLOCK event
 * every ten steps (a second of event time), so the default crossover trades and the paper venue fills. The same
 * events go through the ring and the cluster, so both cores do the same work per event.
 */
public final class ClusterMarket
{
    static final List<String> PRODUCTS = List.of("BTC-USD");
    private static final long START_NANOS = 1_767_225_600_000_000_000L; // 2026-01-01T00:00:00Z
    private static final long TICK = FixedPoint.SCALE / 100;
    private static final long STEP_NANOS = 100_000_000L;

    private ClusterMarket()
    {
    }

    /** The catalog both the ring's core and every member's core are built on. */
    static ProductCatalog catalog()
    {
        return VenueRegistry.standard().catalog();
    }

    /** The cluster tests' settings: default crossover on BTC-USD, paper venue, no minimum hold. */
    static EngineSettings settings()
    {
        return EngineSettings.defaults(catalog(), PRODUCTS, 1000).withMinHold(0);
    }

    /** The first {@code count} events of the walk seeded with {@code seed}; each event's venueSequence is its index. */
    public static List<InboundEvent> events(final long seed, final int count)
    {
        final SplittableRandom random = new SplittableRandom(seed);
        final List<InboundEvent> events = new ArrayList<>(count);
        long price = 65_000L * FixedPoint.SCALE;
        long time = START_NANOS;
        int step = 0;
        while (events.size() < count)
        {
            time += STEP_NANOS;
            price += (random.nextInt(7) - 3) * 5 * TICK;
            final InboundEvent quote = event(EventType.QUOTE, 0, time, events.size());
            quote.bidPrice = price - TICK;
            quote.askPrice = price + TICK;
            quote.bidQuantity = FixedPoint.SCALE;
            quote.askQuantity = FixedPoint.SCALE;
            events.add(quote);
            if (events.size() < count)
            {
                final InboundEvent trade = event(EventType.TRADE, 0, time + 1, events.size());
                trade.price = price;
                trade.quantity = FixedPoint.SCALE / 10;
                trade.side = random.nextBoolean() ? Side.BUY : Side.SELL;
                trade.tradeId = step + 1;
                events.add(trade);
            }
            if (++step % 10 == 0 && events.size() < count)
            {
                events.add(event(EventType.CLOCK, -1, time + 2, events.size()));
            }
        }
        return events;
    }

    private static InboundEvent event(final int type, final int instrumentId, final long time, final int index)
    {
        final InboundEvent e = new InboundEvent();
        e.clearInputs();
        e.type = type;
        e.instrumentId = instrumentId;
        e.eventTimeNanos = time;
        e.exchangeTimeNanos = type == EventType.CLOCK ? 0 : time;
        e.venueSequence = index;
        return e;
    }
}
