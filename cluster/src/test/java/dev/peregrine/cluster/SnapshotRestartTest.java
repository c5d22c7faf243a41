package dev.peregrine.cluster;

import dev.peregrine.core.event.InboundEvent;
import dev.peregrine.core.output.Hash64;
import dev.peregrine.journal.snapshot.RecoverableEngine;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A follower stopped and restarted on its folder catches up. With a snapshot: a snapshot is taken mid-stream (orders open, positions held); a follower is stopped, the stream goes on without
 * it, and the follower restarted on its folder loads the snapshot, replays only the log after it, catches up from
 * the leader and ends with the state hash and digest of every other member and of a plain core fed every event.
 * Without one: it replays its whole log, then catches up, to the same end.
 */
class SnapshotRestartTest
{
    private static final int EVENTS = 3_000;

    @TempDir
    Path dir;

    @Test
    void aFollowerRestartedFromItsSnapshotCatchesUpToTheSameStateHash()
    {
        final List<InboundEvent> events = RandomWalkMarket.events(23L, EVENTS);
        final RecoverableEngine reference = SingleCoreReference.run(LoopbackCluster.SETTINGS, events);
        assertThat(reference.metrics().orders.get()).as("orders of the reference core").isGreaterThan(0);

        try (LoopbackCluster cluster = new LoopbackCluster(dir, 3, 29_300, TimeUnit.SECONDS.toNanos(10)))
        {
            cluster.start();
            final int snapshotAt = EVENTS / 3;
            cluster.send(events, 0, snapshotAt);
            cluster.awaitApplied(snapshotAt);
            final int leader = cluster.leader();
            final long before = cluster.nodes[leader].snapshotCount();
            cluster.await("the snapshot toggle", () -> cluster.nodes[leader].takeSnapshot());
            cluster.await("a snapshot on every member", () ->
            {
                for (int i = 0; i < 3; i++)
                {
                    if (cluster.nodes[i].snapshotCount() <= before || cluster.services[i].snapshotsTaken() == 0)
                    {
                        return false;
                    }
                }
                return true;
            });

            final int follower = (leader + 1) % 3;
            cluster.stopMember(follower);
            cluster.send(events, snapshotAt, 2 * EVENTS / 3);
            cluster.startMember(follower);
            cluster.send(events, 2 * EVENTS / 3, EVENTS);
            cluster.awaitApplied(EVENTS);

            final CoreClusteredService restarted = cluster.services[follower];
            assertThat(restarted.restoredFromSnapshot()).as("the restarted follower loaded its snapshot").isTrue();
            assertThat(cluster.applied.get(follower)).as("events the restarted follower applied itself")
                .hasSize(EVENTS - snapshotAt);
            for (int i = 0; i < 3; i++)
            {
                final CoreClusteredService service = cluster.services[i];
                assertThat(service.stateHash()).as("member " + i + " state hash")
                    .isEqualTo(Hash64.hex(reference.core().stateHash()));
                assertThat(service.outputDigestHex()).as("member " + i + " output digest")
                    .isEqualTo(reference.digest().hex());
            }
        }
    }

    @Test
    void aFollowerRestartedWithoutASnapshotReplaysTheWholeLog()
    {
        final List<InboundEvent> events = RandomWalkMarket.events(29L, EVENTS);
        final RecoverableEngine reference = SingleCoreReference.run(LoopbackCluster.SETTINGS, events);

        try (LoopbackCluster cluster = new LoopbackCluster(dir, 3, 29_400, TimeUnit.SECONDS.toNanos(10)))
        {
            cluster.start();
            cluster.send(events, 0, EVENTS / 2);
            cluster.awaitApplied(EVENTS / 2);
            final int follower = (cluster.leader() + 2) % 3;
            cluster.stopMember(follower);
            cluster.send(events, EVENTS / 2, 3 * EVENTS / 4);
            cluster.startMember(follower);
            cluster.send(events, 3 * EVENTS / 4, EVENTS);
            cluster.awaitApplied(EVENTS);

            assertThat(cluster.services[follower].restoredFromSnapshot()).isFalse();
            assertThat(cluster.applied.get(follower)).as("events the restarted follower applied").hasSize(EVENTS);
            for (int i = 0; i < 3; i++)
            {
                assertThat(cluster.services[i].stateHash()).as("member " + i + " state hash")
                    .isEqualTo(Hash64.hex(reference.core().stateHash()));
                assertThat(cluster.services[i].outputDigestHex()).as("member " + i + " output digest")
                    .isEqualTo(reference.digest().hex());
            }
        }
    }

    @Test
    void aFollowerWhoseFolderIsLostRejoinsEmptyAndCatchesUp() throws Exception
    {
        final List<InboundEvent> events = RandomWalkMarket.events(31L, EVENTS);
        final RecoverableEngine reference = SingleCoreReference.run(LoopbackCluster.SETTINGS, events);

        try (LoopbackCluster cluster = new LoopbackCluster(dir, 3, 29_160, TimeUnit.SECONDS.toNanos(10)))
        {
            cluster.start();
            cluster.send(events, 0, EVENTS / 2);
            cluster.awaitApplied(EVENTS / 2);
            final int follower = (cluster.leader() + 1) % 3;
            cluster.stopMember(follower);
            // A lost disk, or a log Aeron cannot open after a crash (ClusterNode sets it aside): the member starts empty.
            ClusterNode.setAside(dir.resolve("node" + follower));
            cluster.send(events, EVENTS / 2, 3 * EVENTS / 4);
            cluster.startMember(follower);
            cluster.send(events, 3 * EVENTS / 4, EVENTS);
            cluster.awaitApplied(EVENTS);

            assertThat(cluster.applied.get(follower)).as("events the emptied follower applied").hasSize(EVENTS);
            for (int i = 0; i < 3; i++)
            {
                assertThat(cluster.services[i].stateHash()).as("member " + i + " state hash")
                    .isEqualTo(Hash64.hex(reference.core().stateHash()));
            }
        }
    }
}
