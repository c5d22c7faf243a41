package dev.peregrine.cluster;

import dev.peregrine.core.event.InboundEvent;
import dev.peregrine.core.output.Hash64;
import dev.peregrine.journal.snapshot.RecoverableEngine;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The leader is stopped mid-stream; the client goes on with the new leader. The two survivors applied the same
 * events in the same order and end with the state hash and digest of a plain core fed exactly those events. Events
 * offered to the dying leader and never committed are lost (the ingress does not resend yet), so the reference is
 * built from what the survivors' log held, and the test asserts the loss is confined to the failover window.
 */
class LeaderFailoverTest
{
    private static final int EVENTS = 3_000;

    @TempDir
    Path dir;

    @Test
    void survivorsAgreeWithTheSingleCoreOverTheEventsTheClusterCommitted()
    {
        final List<InboundEvent> events = RandomWalkMarket.events(7L, EVENTS);
        try (LoopbackCluster cluster = new LoopbackCluster(dir, 3, 29_200, ClusterNode.LEADER_HEARTBEAT_TIMEOUT_NS))
        {
            cluster.start();
            cluster.send(events, 0, EVENTS / 2);
            cluster.awaitApplied(EVENTS / 2);
            final int oldLeader = cluster.leader();
            final long stoppedAt = System.nanoTime();
            cluster.stopMember(oldLeader);

            cluster.send(events, EVENTS / 2, EVENTS);
            final int[] survivors = survivorsOf(oldLeader);
            final List<Long> first = cluster.applied.get(survivors[0]);
            final List<Long> second = cluster.applied.get(survivors[1]);
            cluster.await("the last event on both survivors", () ->
                !first.isEmpty() && first.get(first.size() - 1) == EVENTS - 1 &&
                !second.isEmpty() && second.get(second.size() - 1) == EVENTS - 1);
            final int newLeader = cluster.leader();
            assertThat(newLeader).as("new leader").isNotEqualTo(oldLeader);
            // For the record, not asserted (tests never assert wall-clock times): what the failover cost.
            System.out.println("failover: leader " + oldLeader + " stopped, member " + newLeader + " leads; " +
                first.size() + " of " + EVENTS + " events committed; stream resumed and finished " +
                (System.nanoTime() - stoppedAt) / 1_000_000 + " ms after the stop; reconnects " +
                cluster.ingress().reconnects());

            assertThat(second).as("the survivors' logs").isEqualTo(first);
            final List<InboundEvent> committed = new ArrayList<>();
            long previous = -1;
            for (final long index : first)
            {
                assertThat(index).as("log order: each event after the one before, none twice").isGreaterThan(previous);
                previous = index;
                committed.add(events.get((int)index));
            }
            assertThat(committed.size()).as("events committed of " + EVENTS).isGreaterThan(EVENTS / 2);

            final RecoverableEngine reference = SingleCoreReference.run(LoopbackCluster.SETTINGS, committed);
            assertThat(reference.metrics().orders.get()).as("orders of the reference core").isGreaterThan(0);
            for (final int member : survivors)
            {
                final CoreClusteredService service = cluster.services[member];
                assertThat(service.stateHash()).as("member " + member + " state hash")
                    .isEqualTo(Hash64.hex(reference.core().stateHash()));
                assertThat(service.outputDigestHex()).as("member " + member + " output digest")
                    .isEqualTo(reference.digest().hex());
            }
        }
    }

    private static int[] survivorsOf(final int stopped)
    {
        final int[] survivors = new int[2];
        int n = 0;
        for (int i = 0; i < 3; i++)
        {
            if (i != stopped)
            {
                survivors[n++] = i;
            }
        }
        return survivors;
    }
}
