package dev.peregrine.ops.bench.latency;

import dev.peregrine.core.engine.EngineSettings;
import dev.peregrine.core.instrument.ProductCatalog;
import dev.peregrine.core.strategy.config.StrategySpec;
import dev.peregrine.gateway.coinbase.orders.CoinbaseCredentials;
import dev.peregrine.gateway.coinbase.orders.CoinbaseJwtSigner;
import dev.peregrine.gateway.coinbase.orders.CoinbaseOrderClient;
import dev.peregrine.gateway.coinbase.sim.SimCredentials;
import dev.peregrine.gateway.coinbase.sim.SimVenue;
import dev.peregrine.gateway.sim.SimulatedExchange;
import dev.peregrine.gateway.sim.SimulatedExchangeConfig;
import dev.peregrine.gateway.venue.VenueRegistry;
import dev.peregrine.ops.assembly.EngineAssembly;
import dev.peregrine.ops.assembly.EngineOptions;
import dev.peregrine.ops.metrics.LatencySidecar;
import org.HdrHistogram.Histogram;

import java.lang.management.GarbageCollectorMXBean;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.locks.LockSupport;

/**
 * One wire-to-wire measurement, in numbered steps: 1. the Coinbase simulator as {@code peregrine sim} serves it
 * ({@link SimVenue}: market-data WebSocket and the order REST emulator with JWT checks), its generated market nearly
 * silent so that only the bench's frames reach the clients; 2. the engine exactly as {@code run} assembles it
 * ({@link EngineAssembly}, live profile against the simulator: gateway, ring, journal, core, outbound, order client),
 * running a 1/2-trade {@code ma-crossover} that orders on every trade; 3. the floor ({@link FloorResponder}) on the
 * same market-data port and REST port; 4. the paced stream ({@link MarkedStream}), warm-up then measurement; 5. the
 * orders matched to their frames ({@link OrderArrivals}), the engine's stage histograms and the collections read.
 */
final class WireLatencyRun
{
    static final String ENGINE_PRODUCT = "BTC-USD";
    static final String FLOOR_PRODUCT = "ETH-USD";
    private static final String KEY_NAME = "organizations/peregrine-bench/apiKeys/latency";
    /** The generated market's own trades: one per product every ~17 minutes, so none falls in a run. */
    private static final double SILENT_TRADES_PER_SECOND = 0.001;

    private final LatencySettings settings;

    WireLatencyRun(final LatencySettings settings)
    {
        this.settings = settings;
    }

    LatencyResult run(final Path workDir) throws Exception
    {
        // 1. the simulator
        final SimCredentials key = SimCredentials.generatedIn(KEY_NAME, workDir.resolve("credentials"), "ecdsa");
        final SimulatedExchange market = new SimulatedExchange(SimulatedExchangeConfig.forProducts(List.of(ENGINE_PRODUCT, FLOOR_PRODUCT))
            .withTradesPerSecond(SILENT_TRADES_PER_SECOND));
        final OrderArrivals arrivals = new OrderArrivals();
        try (SimVenue venue = new SimVenue(market, key, List.of(ENGINE_PRODUCT, FLOOR_PRODUCT), "127.0.0.1", "127.0.0.1"))
        {
            venue.start(0);
            venue.orders().requestArrivals(arrivals);
            final String secret = Files.readString(key.privateKeyFile());
            // 2. the engine
            final ProductCatalog catalog = VenueRegistry.standard().catalog("coinbase");
            final EngineSettings engineSettings = EngineSettings.defaults(catalog, List.of(ENGINE_PRODUCT), 1000)
                .withLiveVenue(true).withMinHold(0)
                .withStrategies(List.of(new StrategySpec("latency", "ma-crossover",
                    Map.of("fast", "1", "slow", "2", "min-hold", "0s", "order", "market"))));
            final EngineOptions options = new EngineOptions().label("bench latency").settings(engineSettings)
                .journalDir(workDir.resolve("journal")).bindAddress("127.0.0.1").metricsPort(0).healthPort(0)
                .waitStrategy(settings.waitStrategy()).venue("coinbase", venue.marketDataUrl(), venue.restUrl())
                .catalog(catalog).liveVenue(venue.userChannelUrl(), KEY_NAME, secret)
                .adminToken(java.util.UUID.randomUUID().toString(), "generated for the bench").stageSampleEvery(1)
                .warmupOrders(settings.warmupOrders());
            final MarkedStream stream;
            final long frames;
            final long measureStart;
            final long measureEnd;
            final long gcCollections;
            final List<LatencyResult.Stage> stages;
            final List<String> threads;
            final Map<String, Long> allocated;
            final String warmup;
            try (EngineAssembly engine = EngineAssembly.assemble(options);
                FloorResponder floor = new FloorResponder(venue.marketDataUrl(), new CoinbaseOrderClient(venue.restUrl(),
                    new CoinbaseJwtSigner(CoinbaseCredentials.of(KEY_NAME, secret, "bench")), Duration.ofSeconds(5)),
                    FLOOR_PRODUCT, catalog.find(FLOOR_PRODUCT).sizeIncrement() * 1000))
            {
                // 3. the floor
                floor.start();
                final ProductCatalog.Product e = catalog.find(ENGINE_PRODUCT);
                final ProductCatalog.Product f = catalog.find(FLOOR_PRODUCT);
                stream = new MarkedStream(market, ENGINE_PRODUCT, e.referencePrice(), e.priceIncrement(),
                    FLOOR_PRODUCT, f.referencePrice(), f.priceIncrement());
                if (!stream.awaitSubscribers(Duration.ofSeconds(10).toNanos()))
                {
                    throw new IllegalStateException("the engine and the floor did not both subscribe within 10 s");
                }
                // 4. warm-up, then the measurement
                stream.run(System.nanoTime() + settings.warmup().toNanos(), settings.rate(), settings.triggerEvery());
                // The stage histograms of the measurement only: what was recorded before it is subtracted at the end.
                engine.sidecar().sample();
                final Map<String, Histogram> stagesBefore = cumulative(engine.sidecar());
                final long gcBefore = collections();
                final ThreadAllocations allocations = new ThreadAllocations();
                allocations.start();
                measureStart = System.nanoTime();
                frames = stream.run(measureStart + settings.duration().toNanos(), settings.rate(), settings.triggerEvery());
                measureEnd = System.nanoTime();
                allocated = allocations.since();
                final int expected = stream.engineTrades().size() + stream.floorTrades().size();
                final long settleDeadline = System.nanoTime() + Duration.ofSeconds(3).toNanos();
                while (arrivals.count() < expected - 2 && System.nanoTime() - settleDeadline < 0)
                {
                    LockSupport.parkNanos(10_000_000L);
                }
                gcCollections = collections() - gcBefore;
                engine.sidecar().sample();
                stages = stages(engine.sidecar(), stagesBefore);
                threads = threads();
                warmup = engine.warmup() == null ? "order path warm-up: none" : engine.warmup().describe();
            }
            // 5. matched, through the engine's journal, once it has stopped
            return LatencyResult.match(stream, arrivals.snapshot(), OrderCauses.read(workDir.resolve("journal")), measureStart,
                measureEnd, frames, gcCollections, stages, threads, options.waitStrategy().getClass().getSimpleName(), allocated, warmup);
        }
    }

    private static Map<String, Histogram> cumulative(final LatencySidecar sidecar)
    {
        final Map<String, Histogram> copies = new java.util.HashMap<>();
        for (final LatencySidecar.Series series : sidecar.series())
        {
            copies.put(series.displayName(), sidecar.cumulativeCopy(series));
        }
        return copies;
    }

    /** The engine's own per-stage histograms over the measurement (recorded since {@code before}): name, p50 and p99 in ns. */
    private static List<LatencyResult.Stage> stages(final LatencySidecar sidecar, final Map<String, Histogram> before)
    {
        final List<LatencyResult.Stage> stages = new ArrayList<>();
        for (final LatencySidecar.Series series : sidecar.series())
        {
            final Histogram span = sidecar.cumulativeCopy(series);
            final Histogram earlier = before.get(series.displayName());
            if (earlier != null)
            {
                span.subtract(earlier);
            }
            stages.add(new LatencyResult.Stage(series.displayName(),
                span.getTotalCount() == 0 ? 0 : span.getValueAtPercentile(50),
                span.getTotalCount() == 0 ? 0 : span.getValueAtPercentile(99)));
        }
        return stages;
    }

    /** The engine's and the venue's threads by name, sorted (the layout this run had). */
    private static List<String> threads()
    {
        final List<String> names = new ArrayList<>();
        for (final Thread thread : Thread.getAllStackTraces().keySet())
        {
            if (thread.getName().startsWith("peregrine"))
            {
                names.add(thread.getName());
            }
        }
        names.sort(null);
        return names;
    }

    static long collections()
    {
        long total = 0;
        for (final GarbageCollectorMXBean gc : ManagementFactory.getGarbageCollectorMXBeans())
        {
            total += Math.max(0, gc.getCollectionCount());
        }
        return total;
    }

    /** A histogram of nanoseconds up to an hour, 3 significant digits. */
    static Histogram histogram()
    {
        return new Histogram(3_600_000_000_000L, 3);
    }
}
