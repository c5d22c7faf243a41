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
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

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
 * Live orders through a three-member cluster: the leader's feed and order path against the Coinbase emulator (real
 * REST and user channel on loopback), the leader stopped while it trades, a new leader that claims the egress and
 * reconciles what the old one left in flight, the stopped member restarted. Then: the venue saw no client order id
 * twice, every member's position equals what the venue filled, and every member has one state hash.
 */
class LiveLeaderFailoverTest
{
    private static final String KEY_NAME = "organizations/peregrine-test/apiKeys/cluster";
    private static final List<String> PRODUCTS = List.of("BTC-USD", "ETH-USD");
    private static final int PORT_BASE = 39_200;

    @TempDir
    Path temp;

    private final List<String> lines = new CopyOnWriteArrayList<>();
    private final String runId = UUID.randomUUID().toString().substring(0, 8);

    @Test
    void aLeaderStoppedWhileTradingSendsNothingTwiceAndTheMembersAgreeWithTheVenue() throws Exception
    {
        final KeyPairGenerator generator = KeyPairGenerator.getInstance("EC");
        generator.initialize(new ECGenParameterSpec("secp256r1"));
        final KeyPair keys = generator.generateKeyPair();
        final String pem = "-----BEGIN PRIVATE KEY-----\n" +
            Base64.getMimeEncoder(64, "\n".getBytes()).encodeToString(keys.getPrivate().getEncoded()) +
            "\n-----END PRIVATE KEY-----\n";
        final CoinbaseVenueEmulator venue = new CoinbaseVenueEmulator((ECPublicKey)keys.getPublic(), KEY_NAME, "127.0.0.1").start();
        final ClusterEngine[] members = new ClusterEngine[3];
        try (CoinbaseDemoExchange market = CoinbaseDemoExchange.generated(PRODUCTS, 19, 300))
        {
            venue.fillPrice("BTC-USD", "65000");
            venue.fillPrice("ETH-USD", "1900");
            market.start();
            final ProductCatalog catalog = VenueRegistry.standard().catalog();
            final EngineSettings settings = EngineSettings.defaults(catalog, PRODUCTS, 1000).withLiveVenue(true).withMinHold(0);
            final ClusterMembers topology = ClusterMembers.loopback(3, PORT_BASE);
            final java.util.function.IntFunction<ClusterEngine> start = id -> ClusterEngine.start(new ClusterEngineSettings(
                topology, id, temp.resolve("member-" + id), "/dev/shm/peregrine-live-" + runId + "-" + id, catalog, settings,
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
                }, 1000, ClusterNode.LEADER_HEARTBEAT_TIMEOUT_NS), line -> lines.add(id + ": " + line));
            for (int id = 0; id < 3; id++)
            {
                members[id] = start.apply(id);
            }

            await(() -> sender(members) >= 0 && venue.orderCount() >= 10, 90, "a leader sending orders");
            final int first = sender(members);
            final int ordersBefore = venue.orderCount();
            members[first].close();
            members[first] = null;
            final long stopped = System.nanoTime();
            await(() -> sender(members) >= 0, 30, "a new leader claiming the egress");
            final long failoverMillis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - stopped);
            final int second = sender(members);
            assertThat(second).isNotEqualTo(first);
            await(() -> venue.orderCount() >= ordersBefore + 10, 60, "the new leader's orders at the venue");

            members[first] = start.apply(first);
            Thread.sleep(2_000);
            market.close();
            Thread.sleep(3_000);
            await(() -> sameHash(members), 60, "one state hash on every member");
            final String hash = members[0].status().stateHash();
            for (final ClusterEngine member : members)
            {
                member.close();
            }
            final List<String> duplicates = venue.duplicatedClientOrderIds();
            assertThat(duplicates).as("client order ids the venue received more than once").isEmpty();
            for (int id = 0; id < 3; id++)
            {
                final TradingCore core = members[id].service().engine().core();
                assertThat(members[id].service().stateHash()).as("member %d's state hash", id).isEqualTo(hash);
                for (final String product : PRODUCTS)
                {
                    assertThat(new BigDecimal(FixedPoint.toString(core.positions().quantity(core.instruments().idOf(product)))))
                        .as("member %d's %s position against the venue's fills:\n%s\n%s", id, product,
                            String.join("\n", venue.describeOrders(product)), String.join("\n", lines))
                        .isEqualByComparingTo(new BigDecimal(venue.netFilled(product)));
                }
            }
            System.out.println("live failover: member " + first + " stopped, member " + second + " sending " +
                failoverMillis + " ms later; " + venue.orderCount() + " orders at the venue (" +
                venue.distinctClientOrderIds() + " client order ids, " + duplicates.size() + " sent twice)");
        }
        finally
        {
            for (final ClusterEngine member : members)
            {
                if (member != null)
                {
                    member.close();
                }
            }
            venue.close();
        }
    }

    private static int sender(final ClusterEngine[] members)
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

    private static boolean sameHash(final ClusterEngine[] members)
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

    private void await(final BooleanSupplier condition, final int seconds, final String what) throws InterruptedException
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
}
