package dev.peregrine.gateway.binance;

import dev.peregrine.gateway.sim.binance.BinanceSimulatedExchange;
import dev.peregrine.gateway.venue.DemoExchange;
import dev.peregrine.gateway.venue.MarketDataFeed;

import java.nio.file.Path;
import java.util.List;

/** The Binance spot simulator (combined streams and the REST depth snapshot on one port). */
public final class BinanceDemoExchange implements DemoExchange
{
    private final BinanceSimulatedExchange exchange;
    private final boolean replay;

    private BinanceDemoExchange(final BinanceSimulatedExchange exchange, final boolean replay)
    {
        this.exchange = exchange;
        this.replay = replay;
    }

    public static BinanceDemoExchange generated(final List<String> symbols, final long seed)
    {
        return new BinanceDemoExchange(BinanceSimulatedExchange.generated(symbols, seed), false);
    }

    /** @param speed 1, 10, or {@link Double#POSITIVE_INFINITY} for as fast as possible. */
    public static BinanceDemoExchange replaying(final Path capture, final double speed)
    {
        return new BinanceDemoExchange(BinanceSimulatedExchange.replaying(capture, Double.isInfinite(speed) ? 0 : speed), true);
    }

    @Override
    public void start()
    {
        exchange.start();
    }

    @Override
    public String endpoint()
    {
        return exchange.streamBase().toString();
    }

    @Override
    public MarketDataFeed feed(final List<String> products)
    {
        return new BinanceFeed(exchange.streamBase(), exchange.restBase(), products);
    }

    @Override
    public boolean finished()
    {
        return replay && exchange.finishedReplays() > 0;
    }

    @Override
    public String failure()
    {
        return null;
    }

    @Override
    public long framesReplayed()
    {
        return exchange.replayedFrames();
    }

    @Override
    public void close()
    {
        exchange.close();
    }
}
