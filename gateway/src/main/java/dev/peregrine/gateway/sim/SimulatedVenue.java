package dev.peregrine.gateway.sim;

import dev.peregrine.core.instrument.ProductCatalog;
import dev.peregrine.core.time.EpochClock;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/**
 * The simulator's market and its sessions: the random walks, who is subscribed to what, and what each
 * session is sent on subscribe, on each market tick and each heartbeat. Everything here runs on the
 * simulator's one event loop thread (only {@link #sessionCount()} is read from others), so it is plain,
 * unsynchronised code.
 */
final class SimulatedVenue
{
    private static final List<String> SERVED_CHANNELS = List.of("heartbeats", "ticker", "market_trades");

    private final List<SimulatedProduct> products = new ArrayList<>();
    private final List<SimulatedSession> sessions = new ArrayList<>();
    private final EpochClock clock = new EpochClock();
    private final long startNanoTime = System.nanoTime();
    private volatile int sessionCount;
    private volatile long dataPausedUntil;
    private volatile boolean heartbeatsPaused;

    /** @throws IllegalArgumentException if a product is not in {@link ProductCatalog}. */
    SimulatedVenue(final List<String> symbols, final long seed, final long periodNanos)
    {
        final SplittableRandom seeds = new SplittableRandom(seed);
        final long historyStart = clock.epochNanos() - SimulatedProduct.HISTORY * periodNanos;
        for (final String symbol : symbols)
        {
            final ProductCatalog.Product product = ProductCatalog.find(symbol);
            if (product == null)
            {
                throw new IllegalArgumentException("simulated exchange cannot serve unknown product '" + symbol +
                    "' (known: " + String.join(",", ProductCatalog.symbols()) + ")");
            }
            final SimulatedProduct simulated = new SimulatedProduct(product, seeds.split());
            // Recent trades for the first market_trades snapshot, as the real venue has them.
            for (int i = 0; i < SimulatedProduct.HISTORY; i++)
            {
                simulated.step(historyStart + i * periodNanos);
            }
            products.add(simulated);
        }
    }

    /** Any thread. */
    int sessionCount()
    {
        return sessionCount;
    }

    List<SimulatedSession> sessions()
    {
        return sessions;
    }

    void register(final SimulatedSession session)
    {
        sessions.add(session);
        sessionCount = sessions.size();
    }

    void unregister(final SimulatedSession session)
    {
        sessions.remove(session);
        sessionCount = sessions.size();
    }

    void onRequest(final SimulatedSession session, final String type, final String channel, final List<String> productIds)
    {
        if (!SERVED_CHANNELS.contains(channel))
        {
            session.sendRaw(CoinbaseMessageWriter.error("the simulator does not serve channel '" + channel + "'"));
            return;
        }
        final boolean heartbeats = "heartbeats".equals(channel);
        final List<SimulatedProduct> requested = new ArrayList<>();
        for (final String id : productIds)
        {
            final SimulatedProduct product = find(id);
            if (product == null && !heartbeats)
            {
                session.sendRaw(CoinbaseMessageWriter.error("unknown product '" + id + "'"));
                return;
            }
            requested.add(product);
        }
        final List<String> names = heartbeats ? List.of("heartbeats") : productIds;
        if ("unsubscribe".equals(type))
        {
            session.unsubscribe(channel, names);
        }
        else if ("subscribe".equals(type))
        {
            session.subscribe(channel, names);
            sendSnapshots(session, channel, requested);
        }
        else
        {
            session.sendRaw(CoinbaseMessageWriter.error("unknown request type '" + type + "'"));
            return;
        }
        session.send("subscriptions", clock.epochNanos(), CoinbaseMessageWriter.subscriptionsEvent(session.subscriptions()));
    }

    private void sendSnapshots(final SimulatedSession session, final String channel, final List<SimulatedProduct> requested)
    {
        for (final SimulatedProduct product : requested)
        {
            if ("ticker".equals(channel))
            {
                session.send(channel, clock.epochNanos(), CoinbaseMessageWriter.tickerEvent("snapshot", product));
            }
            else if ("market_trades".equals(channel))
            {
                session.send(channel, clock.epochNanos(),
                    CoinbaseMessageWriter.tradesEvent("snapshot", product, product.historySize()));
            }
        }
    }

    /** Fault hook: no market data (and no heartbeats if asked) until {@code untilNanoTime}. */
    void pauseData(final long untilNanoTime, final boolean heartbeatsToo)
    {
        heartbeatsPaused = heartbeatsToo;
        dataPausedUntil = untilNanoTime;
    }

    private boolean paused()
    {
        return System.nanoTime() - dataPausedUntil < 0;
    }

    void tick()
    {
        if (paused())
        {
            return;
        }
        for (final SimulatedProduct product : products)
        {
            final long now = clock.epochNanos();
            product.step(now);
            String trade = null;
            String ticker = null;
            for (final SimulatedSession session : sessions)
            {
                if (session.isSubscribed("market_trades", product.symbol()))
                {
                    trade = trade != null ? trade : CoinbaseMessageWriter.tradesEvent("update", product, 1);
                    session.send("market_trades", now, trade);
                }
                if (session.isSubscribed("ticker", product.symbol()))
                {
                    ticker = ticker != null ? ticker : CoinbaseMessageWriter.tickerEvent("update", product);
                    session.send("ticker", clock.epochNanos(), ticker);
                }
            }
        }
    }

    void heartbeat()
    {
        if (heartbeatsPaused && paused())
        {
            return;
        }
        final long now = clock.epochNanos();
        final long monotonic = System.nanoTime() - startNanoTime;
        final String event = CoinbaseMessageWriter.heartbeatEvent(now, monotonic, monotonic / 1_000_000_000L);
        for (final SimulatedSession session : sessions)
        {
            if (session.isSubscribed("heartbeats"))
            {
                session.send("heartbeats", now, event);
            }
        }
    }

    private SimulatedProduct find(final String symbol)
    {
        for (final SimulatedProduct product : products)
        {
            if (product.symbol().equals(symbol))
            {
                return product;
            }
        }
        return null;
    }
}
