package dev.peregrine.gateway.coinbase;

import dev.peregrine.core.instrument.InstrumentRegistry;
import dev.peregrine.gateway.GatewayMetrics;
import dev.peregrine.gateway.sim.SimulatedExchange;
import dev.peregrine.gateway.sim.SimulatedExchangeConfig;
import dev.peregrine.gateway.testing.RecordingRing;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

import java.time.Duration;
import java.util.List;

/**
 * The real Coinbase market-data client connected over loopback to a simulator of BTC-USD and ETH-USD, publishing
 * into a recording ring: the fixture of the tests that inject faults or force reconnects. Register it with
 * {@code @RegisterExtension}; it closes the client and the simulator after each test.
 */
final class SimulatorFeed implements AfterEachCallback
{
    static final List<String> PRODUCTS = List.of("BTC-USD", "ETH-USD");

    final InstrumentRegistry registry = CoinbaseProducts.CATALOG.registryFor(PRODUCTS);
    final RecordingRing recording = new RecordingRing(1 << 16);
    final GatewayMetrics metrics = new GatewayMetrics();
    SimulatedExchange exchange;
    CoinbaseMarketDataClient client;

    /** A client of {@code channels} that reconnects fast (50 ms to 1 s), subscribes 20 ms apart, jitter seeded. */
    static CoinbaseClientConfig config(final String... channels)
    {
        return CoinbaseClientConfig.defaults()
            .withChannels(List.of(channels))
            .withBackoff(Duration.ofMillis(50), Duration.ofSeconds(1))
            .withSubscribeSpacing(Duration.ofMillis(20))
            .withJitterSeed(1);
    }

    /** Starts a simulator trading {@code tradesPerSecond} per product from {@code seed}, then the client. */
    void start(final double tradesPerSecond, final long seed, final CoinbaseClientConfig config)
    {
        exchange = new SimulatedExchange(SimulatedExchangeConfig.forProducts(PRODUCTS).withTradesPerSecond(tradesPerSecond)
            .withSeed(seed));
        exchange.start();
        client = new CoinbaseMarketDataClient(exchange.uri(), PRODUCTS, registry, recording.ring(), metrics, config);
        client.start();
    }

    @Override
    public void afterEach(final ExtensionContext context)
    {
        if (client != null)
        {
            client.close();
        }
        if (exchange != null)
        {
            exchange.close();
        }
    }
}
