package dev.peregrine.gateway.binanceusdm;

import dev.peregrine.gateway.binanceusdm.sim.UsdmSimulatedExchange;
import dev.peregrine.gateway.venue.DemoExchange;
import dev.peregrine.gateway.venue.MarketDataFeed;

import java.time.Duration;
import java.util.List;

/** The simulated USD-M market the demo runs against, with the feed that connects the engine to it. */
public final class UsdmDemoExchange implements DemoExchange
{
    /**
     * Funding in a demo: every 10 seconds, so a 30-second demo sees funding settled (the venue's is 8 hours; the
     * contracts' terms keep saying 8 hours, the interval of the real venue).
     */
    public static final Duration DEMO_FUNDING_INTERVAL = Duration.ofSeconds(10);

    private final UsdmSimulatedExchange exchange;

    private UsdmDemoExchange(final UsdmSimulatedExchange exchange)
    {
        this.exchange = exchange;
    }

    /** A generated market of the built-in contracts, funding every {@code fundingInterval}. */
    public static UsdmDemoExchange generated(final List<String> symbols, final long seed, final Duration fundingInterval)
    {
        return new UsdmDemoExchange(UsdmSimulatedExchange.generated(symbols, seed, UsdmProducts.CATALOG, fundingInterval, 0));
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
        return new UsdmFeed(exchange.streamBase(), exchange.restBase(), products);
    }

    @Override
    public boolean finished()
    {
        return false;
    }

    @Override
    public String failure()
    {
        return null;
    }

    @Override
    public long framesReplayed()
    {
        return 0;
    }

    @Override
    public void close()
    {
        exchange.close();
    }
}
