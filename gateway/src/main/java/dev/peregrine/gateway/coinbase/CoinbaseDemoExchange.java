package dev.peregrine.gateway.coinbase;

import dev.peregrine.gateway.coinbase.intx.IntxDemoMarket;
import dev.peregrine.gateway.coinbase.intx.IntxFeed;
import dev.peregrine.gateway.coinbase.intx.IntxProducts;
import dev.peregrine.gateway.sim.SimulatedExchange;
import dev.peregrine.gateway.sim.SimulatedExchangeConfig;
import dev.peregrine.gateway.venue.DemoExchange;
import dev.peregrine.gateway.venue.MarketDataFeed;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;

/**
 * The Coinbase Advanced Trade simulator: a generated market, or a recorded capture replayed verbatim. A generated
 * market with INTX perpetuals among its products also serves their marks and funding ({@link IntxDemoMarket}).
 */
public final class CoinbaseDemoExchange implements DemoExchange
{
    /** What the generated market serves; it answers status and candles subscriptions with errors. */
    private static final List<String> GENERATED_CHANNELS = List.of("heartbeats", "ticker", "market_trades", "level2");

    private final SimulatedExchange exchange;
    private final boolean replay;
    /** The perpetuals' marks and funding when the demo trades INTX perpetuals; null otherwise. */
    private final IntxDemoMarket perpetuals;

    private CoinbaseDemoExchange(final SimulatedExchange exchange, final boolean replay, final IntxDemoMarket perpetuals)
    {
        this.exchange = exchange;
        this.replay = replay;
        this.perpetuals = perpetuals;
    }

    public static CoinbaseDemoExchange generated(final List<String> products, final long seed, final int tradesPerSecond)
    {
        return generated(products, seed, tradesPerSecond, IntxDemoMarket.DEMO_FUNDING_INTERVAL);
    }

    /** A generated market whose INTX perpetuals, if any, fund every {@code fundingInterval}. */
    public static CoinbaseDemoExchange generated(final List<String> products, final long seed, final int tradesPerSecond,
        final Duration fundingInterval)
    {
        final boolean perpetual = !IntxProducts.perpetualsAmong(products).isEmpty();
        // A perpetual demo's market moves at a real perpetual's pace; a spot demo's stays one tick a move (its digests).
        final SimulatedExchange exchange = new SimulatedExchange(SimulatedExchangeConfig.forProducts(products)
            .withSeed(seed)
            .withTradesPerSecond(tradesPerSecond)
            .withMoveBasisPoints(perpetual ? IntxDemoMarket.DEMO_MOVE_BASIS_POINTS : SimulatedExchangeConfig.ONE_TICK_MOVES));
        return new CoinbaseDemoExchange(exchange, false, perpetual ? new IntxDemoMarket(exchange, products, fundingInterval) : null);
    }

    public static CoinbaseDemoExchange replaying(final Path capture, final double speed)
    {
        return new CoinbaseDemoExchange(SimulatedExchange.replaying(capture, speed), true, null);
    }

    @Override
    public void start()
    {
        if (perpetuals != null)
        {
            perpetuals.start(); // starts the exchange too
            return;
        }
        exchange.start();
    }

    @Override
    public String endpoint()
    {
        return exchange.uri().toString();
    }

    @Override
    public MarketDataFeed feed(final List<String> products)
    {
        // A replay sends every recorded frame whatever is subscribed; ask for every channel it may hold.
        final CoinbaseClientConfig config = replay ? CoinbaseClientConfig.defaults() :
            CoinbaseClientConfig.defaults().withChannels(GENERATED_CHANNELS);
        final CoinbaseFeed feed = new CoinbaseFeed(exchange.uri(), products, config);
        final List<String> perpetual = IntxProducts.perpetualsAmong(products);
        return perpetuals == null || perpetual.isEmpty() ? feed :
            new IntxFeed(feed, perpetuals.restUrl(), perpetual, IntxFeed.DEFAULT_POLL_NANOS);
    }

    @Override
    public boolean finished()
    {
        return replay && exchange.finished().isDone();
    }

    @Override
    public String failure()
    {
        final CompletableFuture<Void> end = exchange.finished();
        if (!end.isCompletedExceptionally())
        {
            return null;
        }
        try
        {
            end.join();
            return null;
        }
        catch (final RuntimeException ex)
        {
            final Throwable cause = ex.getCause() != null ? ex.getCause() : ex;
            return String.valueOf(cause.getMessage());
        }
    }

    @Override
    public long framesReplayed()
    {
        return exchange.framesReplayed();
    }

    @Override
    public void close()
    {
        if (perpetuals != null)
        {
            perpetuals.close();
        }
        exchange.close();
    }
}
