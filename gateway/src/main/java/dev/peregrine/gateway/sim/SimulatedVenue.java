package dev.peregrine.gateway.sim;

import dev.peregrine.core.instrument.ProductCatalog;
import dev.peregrine.core.time.EpochClock;
import dev.peregrine.gateway.venue.VenueRegistry;

import io.netty.channel.EventLoop;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;

/**
 * The simulator's market and its sessions: the random walks, who is subscribed to what, and what each
 * session is sent on subscribe, on each market tick and each heartbeat. Everything here runs on the
 * simulator's one event loop thread (only {@link #sessionCount()} is read from others), so it is plain,
 * unsynchronised code.
 */
final class SimulatedVenue extends SimulatedMarket
{
    private static final List<String> SERVED_CHANNELS = List.of("heartbeats", "ticker", "market_trades", "level2");
    /** The real venue answers a {@code level2} subscription on this channel. */
    private static final String L2_DATA = "l2_data";

    private final List<SimulatedProduct> products = new ArrayList<>();
    private final EpochClock clock = new EpochClock();
    private final long startNanoTime = System.nanoTime();
    private final long periodNanos;
    private volatile long dataPausedUntil;
    private volatile boolean heartbeatsPaused;

    /** @throws IllegalArgumentException if a product is in no registered venue's catalog. */
    SimulatedVenue(final List<String> symbols, final long seed, final long periodNanos, final double moveBasisPoints)
    {
        this.periodNanos = periodNanos;
        final SplittableRandom seeds = new SplittableRandom(seed);
        final long historyStart = clock.epochNanos() - SimulatedProduct.HISTORY * periodNanos;
        final ProductCatalog known = VenueRegistry.standard().catalog();
        for (final String symbol : symbols)
        {
            final ProductCatalog.Product product = known.find(symbol);
            if (product == null)
            {
                throw new IllegalArgumentException("simulated exchange cannot serve unknown product '" + symbol +
                    "' (known: " + String.join(",", known.symbols()) + ")");
            }
            final SimulatedProduct simulated = new SimulatedProduct(product, seeds.split(), moveBasisPoints);
            // Recent trades for the first market_trades snapshot, as the real venue has them.
            for (int i = 0; i < SimulatedProduct.HISTORY; i++)
            {
                simulated.step(historyStart + i * periodNanos);
            }
            products.add(simulated);
        }
    }

    @Override
    void start(final EventLoop loop)
    {
        loop.scheduleAtFixedRate(this::tick, periodNanos, periodNanos, TimeUnit.NANOSECONDS);
        loop.scheduleAtFixedRate(this::heartbeat, 1, 1, TimeUnit.SECONDS);
    }

    @Override
    void close()
    {
        // The timers die with the event loop.
    }

    @Override
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
            else if ("level2".equals(channel))
            {
                final long now = clock.epochNanos();
                session.send(L2_DATA, now, CoinbaseMessageWriter.level2Event("snapshot", product.symbol(),
                    product.book().bids(), product.book().asks(), now));
            }
        }
    }

    /** Each product's book (up to {@code depth} levels a side), recent trades and day's range, in configured order. Event loop only. */
    java.util.Map<String, MarketSnapshot> snapshots(final int depth)
    {
        final java.util.Map<String, MarketSnapshot> snapshots = new java.util.LinkedHashMap<>();
        for (final SimulatedProduct product : products)
        {
            snapshots.put(product.symbol(), product.snapshot(depth));
        }
        return snapshots;
    }

    /** Each product's last trade price, in configured order. Event loop only. */
    java.util.Map<String, Long> lastTradePrices()
    {
        final java.util.Map<String, Long> prices = new java.util.LinkedHashMap<>();
        for (final SimulatedProduct product : products)
        {
            prices.put(product.symbol(), product.last());
        }
        return prices;
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
            String level2 = null;
            for (final SimulatedSession session : sessions())
            {
                // The book change first, so a client's book already matches the ticker that follows.
                if (product.book().hasChanges() && session.isSubscribed("level2", product.symbol()))
                {
                    level2 = level2 != null ? level2 : CoinbaseMessageWriter.level2Event("update", product.symbol(),
                        product.book().bidChanges(), product.book().askChanges(), now);
                    session.send(L2_DATA, now, level2);
                }
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
        for (final SimulatedSession session : sessions())
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
