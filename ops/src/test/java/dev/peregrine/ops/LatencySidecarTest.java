package dev.peregrine.ops;

import dev.peregrine.ops.metrics.LatencySidecar;
import org.HdrHistogram.SingleWriterRecorder;
import org.agrona.concurrent.AgentInvoker;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class LatencySidecarTest
{
    /** Found on JDK 25: a replayed capture's exchange lag (months) overflowed a histogram sized for 10 s. */
    @Test
    void valuesBeyondTheTrackedRangeAreKeptNotThrown()
    {
        final SingleWriterRecorder lag = new SingleWriterRecorder(3);
        final LatencySidecar sidecar = new LatencySidecar(1000);
        final LatencySidecar.Series series = sidecar.track("lag", lag, 10_000_000_000L);
        lag.recordValue(5_000L);
        lag.recordValue(9_000_000_000_000_000L);   // about 104 days in nanoseconds
        sidecar.sample();
        assertThat(sidecar.errors()).isZero();
        assertThat(sidecar.cumulativePercentile(series, 50)).isBetween(4_990L, 5_010L);
        assertThat(sidecar.cumulativePercentile(series, 100)).isGreaterThan(8_990_000_000_000_000L);
        final double[] buckets = sidecar.cumulativeBuckets(series, new long[]{10_000L});
        assertThat(buckets[0]).isEqualTo(1.0);
        assertThat(buckets[1]).as("count").isEqualTo(2.0);
    }

    /** The sidecar is an agent: driven inline, a duty cycle that is due swaps the interval histograms. */
    @Test
    void theAgentSamplesWhenAnIntervalIsDue()
    {
        final SingleWriterRecorder latency = new SingleWriterRecorder(3);
        final LatencySidecar sidecar = new LatencySidecar(0);
        final LatencySidecar.Series series = sidecar.trackStage("risk", latency);
        latency.recordValue(7_000L);
        final AgentInvoker invoker = new AgentInvoker(error -> { throw new AssertionError(error); }, null, sidecar);
        invoker.start();
        assertThat(invoker.invoke()).as("work done").isEqualTo(1);
        assertThat(sidecar.roleName()).isEqualTo("peregrine-metrics");
        assertThat(sidecar.lastIntervalPercentile(series, 100)).isBetween(6_990L, 7_010L);
        assertThat(series.displayName()).isEqualTo("risk");
    }
}
