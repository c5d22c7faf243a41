package dev.peregrine.ops;

import com.lmax.disruptor.BlockingWaitStrategy;
import dev.peregrine.core.engine.EngineSettings;
import dev.peregrine.gateway.venue.DemoExchange;
import dev.peregrine.gateway.venue.LiveVenue;
import dev.peregrine.gateway.venue.Venue;
import dev.peregrine.gateway.venue.VenueRegistry;
import dev.peregrine.ops.engine.LiveEngine;

import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * A live engine in a JVM of its own, for the SIGKILL tests: the venue's simulated market data (its own, dying with
 * it), market orders to the venue's emulator that lives in the test's JVM (and so survives every kill), the journal in
 * the given folder. Runs for the given milliseconds, then stops cleanly and prints its digest and state hash as the
 * demo does. Test code: the production daemon is {@code run}.
 *
 * <p>Arguments: journal, market seed, REST base URI, user-channel (or user data stream host) URI, API key (name),
 * secret file, run millis, and optionally the venue ({@code coinbase} unless given) and its products (the venue's
 * defaults unless given).
 */
public final class LiveEngineProcess
{
    private LiveEngineProcess()
    {
    }

    public static void main(final String[] args) throws Exception
    {
        final Path journal = Path.of(args[0]);
        final long seed = Long.parseLong(args[1]);
        final URI rest = URI.create(args[2]);
        final URI user = URI.create(args[3]);
        final long runMillis = Long.parseLong(args[6]);
        final Venue venue = VenueRegistry.standard().venue(args.length > 7 ? args[7] : "coinbase");
        final List<String> products = args.length > 8 ? List.of(args).subList(8, args.length) : venue.defaultProducts();
        try (DemoExchange market = venue.generated(products, seed, 200))
        {
            market.start();
            final EngineSettings settings = EngineSettings.defaults(VenueRegistry.standard().catalog(venue.name()), products, 1000).withLiveVenue(true)
                .withMinHold(0); // trading every cross: these tests need many orders in seconds
            final LiveVenue live = venue.liveVenue(rest, user, args[4], Files.readString(Path.of(args[5])), "test");
            final LiveEngine engine = new LiveEngine(settings, market.feed(products), journal, 4096,
                new BlockingWaitStrategy(), 1000, live);
            engine.start();
            System.out.println("started: recovered " + engine.recoveredEvents() + " events");
            // A status line every 5 s (the metrics' counters, safe to read from here): a run that does not trade
            // says where it stands (no market data, orders withheld or rejected, the venue silent) in the test's log.
            final long end = System.nanoTime() + runMillis * 1_000_000L;
            while (System.nanoTime() < end)
            {
                Thread.sleep(Math.max(1, Math.min(5_000, (end - System.nanoTime()) / 1_000_000L)));
                final dev.peregrine.core.metrics.CoreMetrics metrics = engine.coreMetrics();
                System.out.println("status: events " + metrics.events.get() + ", trades " + metrics.trades.get() +
                    ", orders " + metrics.orders.get() + " (released " + metrics.ordersReleased.get() + ", withheld " +
                    metrics.ordersWithheld.get() + "), rejects " + metrics.totalRejects() + ", venue reports " +
                    metrics.venueReports.get() + ", venue time-outs " + metrics.venueTimeouts.get() + ", fills " +
                    metrics.fills.get() + ", trading state " + metrics.tradingState.get() + ", core errors " +
                    metrics.coreErrors.get());
            }
            engine.stop(); // closes the venue too
            System.out.println("orders " + engine.core().execution().lastOrderId());
            System.out.println("output-digest: " + engine.results().outputDigestHex());
            System.out.println("state-hash: " + engine.results().stateHashHex());
        }
        System.exit(0);
    }
}
