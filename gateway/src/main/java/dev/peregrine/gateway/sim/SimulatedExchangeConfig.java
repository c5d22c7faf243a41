package dev.peregrine.gateway.sim;

import java.util.List;

/**
 * Settings of a {@link SimulatedExchange}. Immutable; the {@code with*} methods return a changed copy,
 * so a test or the ops configuration starts from {@link #forProducts} and overrides what it needs.
 *
 * @param host           address to bind (loopback by default: the simulator is not meant to be exposed).
 * @param port           TCP port, 0 for an ephemeral one (read it back with {@link SimulatedExchange#port()}).
 * @param products       Coinbase product ids, each of which must be in {@code ProductCatalog}.
 * @param seed           seed of the random walks: the same seed gives the same price path.
 * @param tradesPerSecond trades generated per product per second (each followed by a ticker).
 * @param moveBasisPoints size of one move of a random walk, in basis points of the price, rounded to whole
 *                       ticks (at least one); 0, the default, moves one tick, as the recorded spot runs were made.
 */
public record SimulatedExchangeConfig(String host, int port, List<String> products, long seed, double tradesPerSecond,
    double moveBasisPoints)
{
    public static final String DEFAULT_HOST = "127.0.0.1";
    public static final long DEFAULT_SEED = 42L;
    public static final double DEFAULT_TRADES_PER_SECOND = 20.0;
    /** One tick a move. */
    public static final double ONE_TICK_MOVES = 0.0;

    public SimulatedExchangeConfig
    {
        if (host == null || host.isBlank())
        {
            throw new IllegalArgumentException("host must not be empty (use 127.0.0.1 for loopback)");
        }
        if (port < 0 || port > 65_535)
        {
            throw new IllegalArgumentException("port must be 0 (ephemeral) to 65535, was " + port);
        }
        if (products == null || products.isEmpty())
        {
            throw new IllegalArgumentException("the simulated exchange needs at least one product");
        }
        if (!(tradesPerSecond > 0 && tradesPerSecond <= 100_000))
        {
            throw new IllegalArgumentException("tradesPerSecond must be in (0, 100000], was " + tradesPerSecond);
        }
        if (!(moveBasisPoints >= 0 && moveBasisPoints <= 100))
        {
            throw new IllegalArgumentException("moveBasisPoints must be in [0, 100] (0 = one tick a move), was " + moveBasisPoints);
        }
        products = List.copyOf(products);
    }

    /** Loopback, ephemeral port, default seed and rate. */
    public static SimulatedExchangeConfig forProducts(final List<String> products)
    {
        return new SimulatedExchangeConfig(DEFAULT_HOST, 0, products, DEFAULT_SEED, DEFAULT_TRADES_PER_SECOND, ONE_TICK_MOVES);
    }

    public SimulatedExchangeConfig withHost(final String newHost)
    {
        return new SimulatedExchangeConfig(newHost, port, products, seed, tradesPerSecond, moveBasisPoints);
    }

    public SimulatedExchangeConfig withPort(final int newPort)
    {
        return new SimulatedExchangeConfig(host, newPort, products, seed, tradesPerSecond, moveBasisPoints);
    }

    public SimulatedExchangeConfig withSeed(final long newSeed)
    {
        return new SimulatedExchangeConfig(host, port, products, newSeed, tradesPerSecond, moveBasisPoints);
    }

    public SimulatedExchangeConfig withTradesPerSecond(final double newTradesPerSecond)
    {
        return new SimulatedExchangeConfig(host, port, products, seed, newTradesPerSecond, moveBasisPoints);
    }

    /** Moves of {@code newMoveBasisPoints} of the price each (0 = one tick), e.g. 0.2 for a BTC perpetual's pace. */
    public SimulatedExchangeConfig withMoveBasisPoints(final double newMoveBasisPoints)
    {
        return new SimulatedExchangeConfig(host, port, products, seed, tradesPerSecond, newMoveBasisPoints);
    }
}
