package dev.peregrine.cluster;

import dev.peregrine.core.engine.EngineSettings;
import dev.peregrine.core.engine.TradingCore;
import dev.peregrine.core.instrument.ProductCatalog;
import dev.peregrine.core.number.FixedPoint;
import dev.peregrine.gateway.coinbase.CoinbaseDemoExchange;
import dev.peregrine.gateway.coinbase.CoinbaseLiveVenue;
import dev.peregrine.gateway.coinbase.emulator.CoinbaseVenueEmulator;
import dev.peregrine.gateway.coinbase.orders.CoinbaseCredentials;
import dev.peregrine.gateway.venue.LiveVenue;
import dev.peregrine.gateway.venue.MarketDataFeed;
import dev.peregrine.gateway.venue.VenueRegistry;

import java.math.BigDecimal;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.interfaces.ECPublicKey;
import java.security.spec.ECGenParameterSpec;
import java.util.Base64;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Three members in this JVM trading live: a generated Coinbase market (the leader's feed) and the Coinbase emulator
 * (REST and user channel on loopback, a fresh P-256 key); members start, stop and restart on their folders.
 */
final class LiveCluster implements AutoCloseable
{
    static final List<String> PRODUCTS = List.of("BTC-USD", "ETH-USD");
    private static final String KEY_NAME = "organizations/peregrine-test/apiKeys/cluster";

    final CoinbaseVenueEmulator venue;
    final CoinbaseDemoExchange market;
    final ClusterEngine[] members = new ClusterEngine[3];
    final List<String> lines = new CopyOnWriteArrayList<>();
    private final Path dir;
    private final int portBase;
    private final String pem;
    private final String runId = UUID.randomUUID().toString().substring(0, 8);
    private final ProductCatalog catalog = VenueRegistry.standard().catalog();
    private final EngineSettings settings = EngineSettings.defaults(catalog, PRODUCTS, 1000).withLiveVenue(true).withMinHold(0);

    LiveCluster(final Path dir, final int portBase, final long seed) throws Exception
    {
        this.dir = dir;
        this.portBase = portBase;
        final KeyPairGenerator generator = KeyPairGenerator.getInstance("EC");
        generator.initialize(new ECGenParameterSpec("secp256r1"));
        final KeyPair keys = generator.generateKeyPair();
        pem = "-----BEGIN PRIVATE KEY-----\n" +
            Base64.getMimeEncoder(64, "\n".getBytes()).encodeToString(keys.getPrivate().getEncoded()) +
            "\n-----END PRIVATE KEY-----\n";
        venue = new CoinbaseVenueEmulator((ECPublicKey)keys.getPublic(), KEY_NAME, "127.0.0.1").start();
        venue.fillPrice("BTC-USD", "65000");
        venue.fillPrice("ETH-USD", "1900");
        market = CoinbaseDemoExchange.generated(PRODUCTS, seed, 300);
        market.start();
    }

    void startAll()
    {
        for (int id = 0; id < members.length; id++)
        {
            start(id);
        }
    }

    void start(final int id)
    {
        members[id] = ClusterEngine.start(new ClusterEngineSettings(ClusterMembers.loopback(3, portBase), id,
            dir.resolve("member-" + id), "/dev/shm/peregrine-live-" + runId + "-" + id, catalog, settings,
            () -> new LeaderDuties()
            {
                @Override
                public MarketDataFeed marketData()
                {
                    return market.feed(PRODUCTS);
                }

                @Override
                public LiveVenue liveVenue()
                {
                    return new CoinbaseLiveVenue(venue.baseUri(), "127.0.0.1", venue.userChannelUri(),
                        CoinbaseCredentials.of(KEY_NAME, pem, "test"));
                }
            }, 1000, ClusterNode.LEADER_HEARTBEAT_TIMEOUT_NS, 0), line -> lines.add(id + ": " + line));
    }

    void stop(final int id)
    {
        members[id].close();
        members[id] = null;
    }

    /** The member whose claim of the egress is in force, or -1. */
    int sender()
    {
        for (int id = 0; id < members.length; id++)
        {
            if (members[id] != null && members[id].status().egressActive())
            {
                return id;
            }
        }
        return -1;
    }

    boolean sameHash()
    {
        final ClusterStatus reference = members[0].status();
        if (reference.stateHash().isEmpty())
        {
            return false;
        }
        for (final ClusterEngine member : members)
        {
            final ClusterStatus status = member.status();
            if (status.stateHashEvents() != reference.stateHashEvents() || !status.stateHash().equals(reference.stateHash()))
            {
                return false;
            }
        }
        return true;
    }

    /**
     * Stops the market, waits until the venue is quiet and every member shows one state hash, stops them, and checks
     * what the venue saw: no client order id twice, each member's positions equal the venue's fills, and the members'
     * final states agree (members are closed one after another, so one may apply a cluster clock tick more than
     * another: equal hashes at equal event counts, the counts two ticks apart at most).
     */
    void stopAndCheckAgainstTheVenue() throws InterruptedException
    {
        market.close();
        awaitVenueQuiet(venue, PRODUCTS, 3_000, 60);
        await(this::sameHash, 60, "one state hash on every member");
        for (final ClusterEngine member : members)
        {
            member.close();
        }
        assertThat(venue.duplicatedClientOrderIds()).as("client order ids the venue received more than once").isEmpty();
        long fewest = Long.MAX_VALUE;
        long most = Long.MIN_VALUE;
        for (int id = 0; id < members.length; id++)
        {
            final CoreClusteredService service = members[id].service();
            final TradingCore core = service.engine().core();
            fewest = Math.min(fewest, service.appliedEvents());
            most = Math.max(most, service.appliedEvents());
            for (int other = 0; other < id; other++)
            {
                if (members[other].service().appliedEvents() == service.appliedEvents())
                {
                    assertThat(service.stateHash()).as("member %d's final state hash against member %d's, both at event %d",
                        id, other, service.appliedEvents()).isEqualTo(members[other].service().stateHash());
                }
            }
            for (final String product : PRODUCTS)
            {
                assertThat(new BigDecimal(FixedPoint.toString(core.positions().quantity(core.instruments().idOf(product)))))
                    .as("member %d's %s position against the venue's fills:\n%s\n%s", id, product,
                        String.join("\n", venue.describeOrders(product)), String.join("\n", lines))
                    .isEqualByComparingTo(new BigDecimal(venue.netFilled(product)));
            }
        }
        assertThat(most - fewest).as("the members' final event counts: %d to %d", fewest, most).isLessThanOrEqualTo(2);
    }

    /** Waits until the venue's order count and fills stayed the same for {@code quietMillis}. */
    static void awaitVenueQuiet(final CoinbaseVenueEmulator venue, final List<String> products, final long quietMillis,
        final int seconds) throws InterruptedException
    {
        final long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(seconds);
        String last = "";
        long since = System.nanoTime();
        while (System.nanoTime() - since < TimeUnit.MILLISECONDS.toNanos(quietMillis))
        {
            final String now = venue.orderCount() + " orders, net filled " + products.stream().map(venue::netFilled).toList();
            if (!now.equals(last))
            {
                last = now;
                since = System.nanoTime();
            }
            if (System.nanoTime() > deadline)
            {
                throw new AssertionError("the venue still changing " + seconds + " s after the market stopped: " + now);
            }
            Thread.sleep(50);
        }
    }

    void await(final BooleanSupplier condition, final int seconds, final String what) throws InterruptedException
    {
        final long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(seconds);
        while (!condition.getAsBoolean())
        {
            if (System.nanoTime() > deadline)
            {
                throw new AssertionError("no " + what + " within " + seconds + " s:\n" + String.join("\n", lines));
            }
            Thread.sleep(20);
        }
    }

    @Override
    public void close()
    {
        for (int id = 0; id < members.length; id++)
        {
            if (members[id] != null)
            {
                members[id].close();
                members[id] = null;
            }
        }
        market.close();
        venue.close();
    }
}
