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
 * Three members on loopback apply one client's seeded market through the replicated log: each ends with the state
 * hash and output digest of one plain core fed the same events, and that core traded (so equal idle cores cannot
 * pass).
 */
class ClusterReplicationTest
{
    private static final int EVENTS = 3_000;

    @TempDir
    Path dir;

    @Test
    void everyMemberEndsWithTheSingleCoresStateHashAndDigest()
    {
        final List<InboundEvent> events = RandomWalkMarket.events(19L, EVENTS);
        final RecoverableEngine reference = SingleCoreReference.run(LoopbackCluster.SETTINGS, events);
        assertThat(reference.metrics().orders.get()).as("orders the reference core placed").isGreaterThan(0);
        assertThat(reference.metrics().fills.get()).as("fills of the reference core").isGreaterThan(0);

        try (LoopbackCluster cluster = new LoopbackCluster(dir, 3, 29_100, TimeUnit.SECONDS.toNanos(10)))
        {
            cluster.start();
            cluster.send(events, 0, EVENTS);
            cluster.awaitApplied(EVENTS);
            for (int i = 0; i < 3; i++)
            {
                final CoreClusteredService service = cluster.services[i];
                assertThat(service.stateHash()).as("member " + i + " state hash")
                    .isEqualTo(Hash64.hex(reference.core().stateHash()));
                assertThat(service.outputDigestHex()).as("member " + i + " output digest")
                    .isEqualTo(reference.digest().hex());
                assertThat(service.engine().metrics().orders.get()).as("member " + i + " orders")
                    .isEqualTo(reference.metrics().orders.get());
                assertThat(service.refusedMessages()).isZero();
            }
        }
    }
}
