package dev.peregrine.ops.metrics;

import dev.peregrine.cluster.ClusterStatus;
import io.prometheus.metrics.model.registry.PrometheusRegistry;

import java.util.List;
import java.util.Locale;
import java.util.function.Supplier;

/**
 * A cluster member's figures ({@link ClusterStatus}) as callback metrics, read at scrape time on the HTTP thread:
 * its role (one series per role, 1 for the current one, so a dashboard sums leaders across members), the leadership
 * term, how far the log was committed and applied, and what this member sent while it led. Documented in
 * {@code docs/metrics.md}, "Cluster".
 */
public final class ClusterMetricsExport
{
    /** Aeron's roles, as label values. */
    public static final List<String> ROLES = List.of("leader", "follower", "candidate");

    private ClusterMetricsExport()
    {
    }

    public static void register(final PrometheusRegistry registry, final Supplier<ClusterStatus> status)
    {
        final CallbackMetrics metrics = new CallbackMetrics(registry);
        metrics.gauge("peregrine_cluster_role", "This member's role: 1 for the current one (leader, follower, candidate)",
            points ->
            {
                final String current = status.get().role().toLowerCase(Locale.ROOT);
                for (final String role : ROLES)
                {
                    points.call(role.equals(current) ? 1 : 0, role);
                }
            }, "role");
        metrics.gauge("peregrine_cluster_term", "The consensus module's current leadership term",
            () -> status.get().leadershipTermId());
        metrics.gauge("peregrine_cluster_commit_position", "The log position a majority of members has stored, in bytes",
            () -> status.get().commitPosition());
        metrics.gauge("peregrine_cluster_applied_position", "The log position this member's core has applied, in bytes",
            () -> status.get().appliedPosition());
        metrics.gauge("peregrine_cluster_lag_bytes", "Committed log this member's core has not applied yet, in bytes",
            () -> status.get().lag());
        metrics.counter("peregrine_cluster_applied_events", "Events this member's core applied since the log began",
            () -> status.get().appliedEvents());
        metrics.counter("peregrine_cluster_elections", "Elections this member took part in since it started",
            () -> status.get().elections());
        metrics.counter("peregrine_cluster_orders_sent", "Orders and cancels this member handed to the venue while it led",
            () -> status.get().ordersSent());
        metrics.gauge("peregrine_cluster_egress_active", "1 while this member sends orders (it leads and its claim is applied)",
            () -> status.get().egressActive() ? 1 : 0);
    }
}
