package dev.peregrine.cluster;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Live orders through three members in this JVM ({@link LiveCluster}: the leader's feed and order path against the
 * Coinbase emulator on loopback). A stopped leader: the new one claims the egress and reconciles what the old one left
 * in flight. A stopped majority: the survivor trades no more and its core applies nothing (it cannot commit), and the
 * cluster resumes when the two come back. Each ends with the venue's word: no client order id twice, every member's
 * positions equal the venue's fills, one state hash.
 */
class LiveLeaderFailoverTest
{
    @TempDir
    Path temp;

    @Test
    void aLeaderStoppedWhileTradingSendsNothingTwiceAndTheMembersAgreeWithTheVenue() throws Exception
    {
        try (LiveCluster cluster = new LiveCluster(temp, 29_200, 19))
        {
            cluster.startAll();
            cluster.await(() -> cluster.sender() >= 0 && cluster.venue.orderCount() >= 10, 90, "a leader sending orders");
            final int first = cluster.sender();
            final int ordersBefore = cluster.venue.orderCount();
            cluster.stop(first);
            final long stopped = System.nanoTime();
            cluster.await(() -> cluster.sender() >= 0, 30, "a new leader claiming the egress");
            final long failoverMillis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - stopped);
            final int second = cluster.sender();
            assertThat(second).isNotEqualTo(first);
            cluster.await(() -> cluster.venue.orderCount() >= ordersBefore + 10, 60, "the new leader's orders at the venue");
            cluster.start(first);
            Thread.sleep(2_000);
            cluster.stopAndCheckAgainstTheVenue();
            System.out.println("live failover: member " + first + " stopped, member " + second + " sending " +
                failoverMillis + " ms later; " + cluster.venue.orderCount() + " orders at the venue (" +
                cluster.venue.distinctClientOrderIds() + " client order ids, none sent twice)");
        }
    }

    @Test
    void aMinorityLeftAloneStopsTradingRatherThanDiverging() throws Exception
    {
        try (LiveCluster cluster = new LiveCluster(temp, 29_230, 23))
        {
            cluster.startAll();
            cluster.await(() -> cluster.sender() >= 0 && cluster.venue.orderCount() >= 10, 90, "a leader sending orders");
            final int leader = cluster.sender();
            final int[] others = {(leader + 1) % 3, (leader + 2) % 3};
            cluster.stop(others[0]);
            cluster.stop(others[1]);
            // What a majority committed before the stop is applied and sent; then nothing more can commit.
            Thread.sleep(2_000);
            final int ordersAlone = cluster.venue.orderCount();
            final long eventsAlone = cluster.members[leader].status().appliedEvents();
            Thread.sleep(5_000);
            assertThat(cluster.venue.orderCount()).as("orders at the venue while one member of three is up")
                .isEqualTo(ordersAlone);
            assertThat(cluster.members[leader].status().appliedEvents()).as("events the lone member applied")
                .isEqualTo(eventsAlone);
            cluster.start(others[0]);
            cluster.start(others[1]);
            cluster.await(() -> cluster.sender() >= 0 && cluster.venue.orderCount() >= ordersAlone + 10, 90,
                "trading again once a majority is back");
            cluster.stopAndCheckAgainstTheVenue();
            System.out.println("minority: alone, member " + leader + " applied nothing and sent nothing for 5 s; " +
                cluster.venue.orderCount() + " orders at the venue after the majority came back, none sent twice");
        }
    }
}
