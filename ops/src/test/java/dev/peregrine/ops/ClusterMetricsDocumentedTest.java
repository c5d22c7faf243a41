package dev.peregrine.ops;

import dev.peregrine.cluster.ClusterStatus;
import dev.peregrine.ops.metrics.ClusterMetricsExport;
import io.prometheus.metrics.expositionformats.PrometheusTextFormatWriter;
import io.prometheus.metrics.model.registry.PrometheusRegistry;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A member's cluster series, written by the Prometheus client's own text writer and parsed back: each carries the
 * value of the {@link ClusterStatus} it was read from, and the names exported and the names {@code docs/metrics.md}
 * documents under "Cluster" are the same set.
 */
class ClusterMetricsDocumentedTest
{
    private static final Pattern DOCUMENTED = Pattern.compile("`(peregrine_cluster_[a-z_]+)");

    @Test
    void theSeriesCarryTheStatusAndAreExactlyTheDocumentedOnes() throws Exception
    {
        final ClusterStatus status = new ClusterStatus(1, "LEADER", 4, 1, 10_240, 9_216, 5_000, "00ff00ff00ff00ff", 4_990,
            3, true, 17, "prg-1-");
        final PrometheusRegistry registry = new PrometheusRegistry();
        ClusterMetricsExport.register(registry, () -> status);
        final ByteArrayOutputStream text = new ByteArrayOutputStream();
        PrometheusTextFormatWriter.create().write(text, registry.scrape(), io.prometheus.metrics.config.EscapingScheme.DEFAULT);
        final List<PrometheusTextParser.Sample> samples = PrometheusTextParser.parse(text.toString(StandardCharsets.UTF_8));

        assertThat(value(samples, "peregrine_cluster_role", "leader")).isEqualTo(1);
        assertThat(value(samples, "peregrine_cluster_role", "follower")).isZero();
        assertThat(value(samples, "peregrine_cluster_role", "candidate")).isZero();
        assertThat(value(samples, "peregrine_cluster_term", null)).isEqualTo(4);
        assertThat(value(samples, "peregrine_cluster_commit_position", null)).isEqualTo(10_240);
        assertThat(value(samples, "peregrine_cluster_applied_position", null)).isEqualTo(9_216);
        assertThat(value(samples, "peregrine_cluster_lag_bytes", null)).isEqualTo(1_024);
        assertThat(value(samples, "peregrine_cluster_applied_events_total", null)).isEqualTo(5_000);
        assertThat(value(samples, "peregrine_cluster_elections_total", null)).isEqualTo(3);
        assertThat(value(samples, "peregrine_cluster_orders_sent_total", null)).isEqualTo(17);
        assertThat(value(samples, "peregrine_cluster_egress_active", null)).isEqualTo(1);

        final Set<String> exported = new LinkedHashSet<>();
        samples.forEach(s -> exported.add(s.name()));
        final String docs = Files.readString(AlertRunbookTest.docs().resolve("metrics.md"));
        final Set<String> documented = new LinkedHashSet<>();
        final Matcher names = DOCUMENTED.matcher(docs);
        while (names.find())
        {
            documented.add(names.group(1));
        }
        assertThat(documented).containsExactlyInAnyOrderElementsOf(exported);
    }

    private static double value(final List<PrometheusTextParser.Sample> samples, final String name, final String role)
    {
        return samples.stream().filter(s -> s.name().equals(name) && (role == null || role.equals(s.labels().get("role"))))
            .mapToDouble(PrometheusTextParser.Sample::value).findFirst()
            .orElseThrow(() -> new AssertionError("no " + name));
    }
}
