package dev.peregrine.bench.cluster;

import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A tiny run of the cluster bench (a real three-member cluster on loopback, the real ring, one real failover) yields
 * every figure, each event measured once per path, and the relations that hold whatever the machine's speed: an event
 * is applied on every member no sooner than on the leader, the new leader is a survivor, the first event through it
 * comes after the stop. Never a time or ratio asserted.
 */
class ClusterBenchTest
{
    @Test
    void measuresEveryPathAndOneFailover() throws Exception
    {
        final ClusterBench.Options options = ClusterBench.Options.parse(new String[]{
            "--events", "100", "--rounds", "1", "--warmup", "40", "--failovers", "1", "--failover-before", "30",
            "--cluster-idle", "sleeping,backoff"});
        final ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        final ClusterBench.Report report = ClusterBench.run(options, new PrintStream(bytes, true, StandardCharsets.UTF_8));

        assertThat(report.clusterLeader()).hasSize(2);
        final List<LatencySample> samples = new ArrayList<>(List.of(report.ringJournal(), report.ringNoJournal()));
        samples.addAll(report.clusterLeader());
        samples.addAll(report.clusterEveryMember());
        for (final LatencySample sample : samples)
        {
            assertThat(sample.count()).as(sample.name() + " events measured").isEqualTo(100);
            assertThat(sample.percentile(0.5)).as(sample.name() + " p50").isPositive()
                .isLessThanOrEqualTo(sample.percentile(0.99));
            assertThat(sample.percentile(0.99)).isLessThanOrEqualTo(sample.percentile(0.999));
        }
        for (int c = 0; c < 2; c++)
        {
            for (final double q : new double[]{0.5, 0.99, 0.999, 1.0})
            {
                assertThat(report.clusterEveryMember().get(c).percentile(q))
                    .as("every member no sooner than the leader, layout " + c + ", q " + q)
                    .isGreaterThanOrEqualTo(report.clusterLeader().get(c).percentile(q));
            }
        }

        assertThat(report.failovers()).hasSize(1);
        final FailoverTrial.Result failover = report.failovers().get(0);
        assertThat(failover.newLeader()).as("the new leader").isNotEqualTo(failover.oldLeader()).isBetween(0, 2);
        assertThat(failover.electedNanos()).as("elected after the stop began").isPositive();
        assertThat(failover.committedNanos()).as("first commit after the stop returned")
            .isGreaterThan(failover.stopNanos());
        assertThat(failover.offeredBeforeCommit()).isPositive();
        assertThat(failover.lost()).isBetween(0L, failover.offeredBeforeCommit());

        assertThat(report.text())
            .contains("single-node ring, journal on", "cluster of 3, applied on the leader",
                "cluster of 3, applied on the leader (backoff)",
                "cluster of 3, applied on the leader / ring with journal: p50", "stop -> new leader elected (ms)",
                "stop -> first event committed through it (ms)");
        assertThat(bytes.toString(StandardCharsets.UTF_8)).contains("round 1:", "trial 1:");
    }
}
