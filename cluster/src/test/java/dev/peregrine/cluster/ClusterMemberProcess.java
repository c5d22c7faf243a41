package dev.peregrine.cluster;

import dev.peregrine.core.engine.EngineSettings;
import dev.peregrine.core.engine.TradingCore;
import dev.peregrine.core.instrument.ProductCatalog;
import dev.peregrine.core.number.FixedPoint;
import dev.peregrine.gateway.coinbase.CoinbaseLiveVenue;
import dev.peregrine.gateway.coinbase.orders.CoinbaseCredentials;
import dev.peregrine.gateway.venue.LiveVenue;
import dev.peregrine.gateway.venue.MarketDataFeed;
import dev.peregrine.gateway.venue.VenueRegistry;

import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * One cluster member in its own JVM, trading live against a Coinbase emulator and a simulated market in the test's
 * JVM, for the SIGKILL test ({@link LeaderKilledTwentyTimesTest}). It prints a {@code status} line whenever its state
 * hash or role changes (the test reads them: hashes by event count, who sends), asks for a snapshot every few
 * seconds while it leads, and on its stop file (not a kill) closes and prints {@code positions} and {@code state-hash}.
 *
 * <p>Arguments: memberId portBase memberDir aeronDir marketUrl restUrl userChannelUrl keyName pemFile stopFile product...
 */
public final class ClusterMemberProcess
{
    private static final long SNAPSHOT_EVERY_NANOS = TimeUnit.SECONDS.toNanos(3);

    private ClusterMemberProcess()
    {
    }

    public static void main(final String[] args) throws Exception
    {
        final int memberId = Integer.parseInt(args[0]);
        final int portBase = Integer.parseInt(args[1]);
        final Path dir = Path.of(args[2]);
        final String aeronDir = args[3];
        final URI market = URI.create(args[4]);
        final URI rest = URI.create(args[5]);
        final URI user = URI.create(args[6]);
        final String keyName = args[7];
        final String pem = Files.readString(Path.of(args[8]));
        final Path stopFile = Path.of(args[9]);
        final List<String> products = Arrays.asList(args).subList(10, args.length);
        final VenueRegistry venues = VenueRegistry.standard();
        final ProductCatalog catalog = venues.catalog();
        final EngineSettings settings = EngineSettings.defaults(catalog, products, 1000).withLiveVenue(true).withMinHold(0);
        final ClusterEngine engine = ClusterEngine.start(new ClusterEngineSettings(ClusterMembers.loopback(3, portBase),
            memberId, dir, aeronDir, catalog, settings, () -> new LeaderDuties()
            {
                @Override
                public MarketDataFeed marketData()
                {
                    return venues.venue("coinbase").marketData(market, rest, products);
                }

                @Override
                public LiveVenue liveVenue()
                {
                    return new CoinbaseLiveVenue(rest, "127.0.0.1", user, CoinbaseCredentials.of(keyName, pem, "test"));
                }
            }, 1000, ClusterNode.LEADER_HEARTBEAT_TIMEOUT_NS, 0), line -> System.out.println("log " + java.time.LocalTime.now() + " " + line));
        String last = "";
        long nextSnapshot = System.nanoTime() + SNAPSHOT_EVERY_NANOS;
        while (!Files.exists(stopFile))
        {
            final ClusterStatus status = engine.status();
            final String line = "status role=" + status.role() + " egress=" + status.egressActive() + " events=" +
                status.stateHashEvents() + " hash=" + status.stateHash() + " prefix=" + status.clientOrderPrefix();
            if (!line.equals(last))
            {
                System.out.println(line);
                last = line;
            }
            if (status.egressActive() && System.nanoTime() - nextSnapshot > 0)
            {
                engine.takeSnapshot();
                nextSnapshot = System.nanoTime() + SNAPSHOT_EVERY_NANOS;
            }
            Thread.sleep(20);
        }
        engine.close();
        final TradingCore core = engine.service().engine().core();
        final StringBuilder positions = new StringBuilder("positions");
        for (final String product : products)
        {
            positions.append(' ').append(product).append('=')
                .append(FixedPoint.toString(core.positions().quantity(core.instruments().idOf(product))));
        }
        System.out.println(positions);
        System.out.println("restored-from-snapshot: " + engine.service().restoredFromSnapshot());
        // The last status line, read once the service stopped: the test compares members at equal event counts (a
        // member may stop one cluster clock tick before or after another).
        System.out.println("status role=STOPPED egress=false events=" + engine.service().appliedEvents() + " hash=" +
            engine.service().stateHash() + " prefix=-");
        System.out.println("state-hash: " + engine.service().stateHash());
        System.out.println("applied-events: " + engine.service().appliedEvents());
    }
}
