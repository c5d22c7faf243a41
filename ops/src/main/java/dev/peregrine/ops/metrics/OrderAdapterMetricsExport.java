package dev.peregrine.ops.metrics;

import dev.peregrine.gateway.orders.OrderAdapterMetrics;
import dev.peregrine.gateway.orders.RequestOutcome;
import io.prometheus.metrics.model.snapshots.CounterSnapshot;
import io.prometheus.metrics.model.snapshots.MetricSnapshots;

import static dev.peregrine.ops.metrics.PeregrineCollector.counter;
import static dev.peregrine.ops.metrics.PeregrineCollector.gauge;

/** The live order adapter's rate limiter, circuit breaker and throttle, as Prometheus metrics. */
final class OrderAdapterMetricsExport
{
    private OrderAdapterMetricsExport()
    {
    }

    static void addTo(final MetricSnapshots.Builder out, final OrderAdapterMetrics m)
    {
        final CounterSnapshot.Builder requests = CounterSnapshot.builder()
            .name("peregrine_venue_requests")
            .help("Requests to the live venue's REST API, by endpoint and outcome");
        for (final OrderAdapterMetrics.Endpoint endpoint : OrderAdapterMetrics.Endpoint.values())
        {
            for (final RequestOutcome outcome : RequestOutcome.values())
            {
                requests.dataPoint(counter(m.requests(endpoint, outcome).get(), "endpoint", endpoint.label(),
                    "outcome", outcome.label()));
            }
        }
        out.metricSnapshot(requests.build());
        out.metricSnapshot(counter("peregrine_venue_rate_limited", "HTTP 429 answers from the venue", m.rateLimited.get()));
        out.metricSnapshot(counter("peregrine_venue_throttled_waits",
            "Times sending waited for the token bucket or the venue's rate window", m.throttledWaits.get()));
        out.metricSnapshot(counter("peregrine_venue_breaker_rejects",
            "Orders refused without sending because the circuit breaker was open", m.breakerRejects.get()));
        out.metricSnapshot(gauge("peregrine_venue_breaker_state", "Circuit breaker: 0 closed, 1 open, 2 half-open",
            m.breakerState.get()));
        out.metricSnapshot(counter("peregrine_venue_breaker_opened", "Times the circuit breaker opened", m.breakerOpened.get()));
        out.metricSnapshot(gauge("peregrine_venue_rate_limit_requests_per_second",
            "Effective request rate after adaptive throttling", m.rateLimitMilli.get() / 1000.0));
        out.metricSnapshot(counter("peregrine_venue_throttle_decreases", "Adaptive throttle rate cuts", m.throttleDecreases.get()));
        out.metricSnapshot(counter("peregrine_venue_unknown_outcomes",
            "Creates whose answer was lost (never re-sent)", m.unknownOutcomes.get()));
        out.metricSnapshot(counter("peregrine_venue_reconciled", "Unknown creates settled by the user channel", m.reconciled.get()));
        out.metricSnapshot(counter("peregrine_venue_queue_full", "Orders refused because the adapter's queue was full",
            m.queueFull.get()));
    }
}
