package dev.peregrine.ops;

import dev.peregrine.gateway.venue.VenueRegistry;
import dev.peregrine.gateway.coinbase.CoinbaseDemoExchange;
import dev.peregrine.gateway.coinbase.CoinbaseLiveVenue;
import com.lmax.disruptor.BlockingWaitStrategy;
import dev.peregrine.core.engine.EngineSettings;
import dev.peregrine.gateway.coinbase.orders.CoinbaseCredentials;
import dev.peregrine.gateway.coinbase.CoinbaseDemoExchange;
import dev.peregrine.gateway.coinbase.CoinbaseLiveVenue;
import dev.peregrine.ops.engine.LiveEngine;

import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * A live engine in a JVM of its own, for the SIGKILL test: simulated Coinbase market data (its own, dying
 * with it), market orders to a Coinbase venue emulator that lives in the test's JVM (and so survives every
 * kill), the journal in the given folder. Runs for the given milliseconds, then stops cleanly and prints
 * its digest and state hash as the demo does. Test code: the production daemon is issue 7's {@code run}.
 *
 * <p>Arguments: journal, market seed, REST base URI, user-channel URI, key name, PEM file, run millis.
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
        final CoinbaseCredentials credentials = CoinbaseCredentials.of(args[4], Files.readString(Path.of(args[5])), "test");
        final long runMillis = Long.parseLong(args[6]);
        final List<String> products = List.of("BTC-USD", "ETH-USD");
        try (CoinbaseDemoExchange market = CoinbaseDemoExchange.generated(products, seed, 200))
        {
            market.start();
            final EngineSettings settings = EngineSettings.defaults(VenueRegistry.standard().catalog(), products, 1000).withLiveVenue(true)
                .withMinHold(0); // trading every cross: these tests need many orders in seconds
            final CoinbaseLiveVenue venue = new CoinbaseLiveVenue(rest, "127.0.0.1", user, credentials);
            final LiveEngine engine = new LiveEngine(settings, market.feed(products), journal, 4096,
                new BlockingWaitStrategy(), 1000, venue);
            engine.start();
            System.out.println("started: recovered " + engine.recoveredEvents() + " events");
            Thread.sleep(runMillis);
            engine.stop(); // closes the venue too
            System.out.println("orders " + engine.core().execution().lastOrderId());
            System.out.println("output-digest: " + engine.results().outputDigestHex());
            System.out.println("state-hash: " + engine.results().stateHashHex());
        }
        System.exit(0);
    }
}
