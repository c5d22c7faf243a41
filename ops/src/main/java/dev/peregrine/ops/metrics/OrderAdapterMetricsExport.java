package dev.peregrine.ops.metrics;

import dev.peregrine.gateway.orders.OrderAdapterMetrics;
import dev.peregrine.gateway.orders.RequestOutcome;

/**
 * The live order adapter's rate limiter, circuit breaker and throttle, as Prometheus metrics (registered only
 * when the engine has a live venue).
 */
final class OrderAdapterMetricsExport
{
    private OrderAdapterMetricsExport()
    {
    }

    static void register(final CallbackMetrics metrics, final OrderAdapterMetrics m)
    {
        metrics.counter("peregrine_venue_requests", "Requests to the live venue's REST API, by endpoint and outcome",
            points ->
            {
                for (final OrderAdapterMetrics.Endpoint endpoint : OrderAdapterMetrics.Endpoint.values())
                {
                    for (final RequestOutcome outcome : RequestOutcome.values())
                    {
                        points.call(m.requests(endpoint, outcome).get(), endpoint.label(), outcome.label());
                    }
                }
            }, "endpoint", "outcome");
        metrics.counter("peregrine_venue_rate_limited", "HTTP 429 answers from the venue", m.rateLimited::get);
        metrics.counter("peregrine_venue_throttled_waits",
            "Times sending waited for the token bucket or the venue's rate window", m.throttledWaits::get);
        metrics.counter("peregrine_venue_breaker_rejects",
            "Orders refused without sending because the circuit breaker was open", m.breakerRejects::get);
        metrics.gauge("peregrine_venue_breaker_state", "Circuit breaker: 0 closed, 1 open, 2 half-open", m.breakerState::get);
        metrics.counter("peregrine_venue_breaker_opened", "Times the circuit breaker opened", m.breakerOpened::get);
        metrics.gauge("peregrine_venue_rate_limit_requests_per_second",
            "Effective request rate after adaptive throttling", () -> m.rateLimitMilli.get() / 1000.0);
        metrics.counter("peregrine_venue_throttle_decreases", "Adaptive throttle rate cuts", m.throttleDecreases::get);
        metrics.counter("peregrine_venue_unknown_outcomes",
            "Creates whose answer was lost (never re-sent)", m.unknownOutcomes::get);
        metrics.counter("peregrine_venue_reconciled", "Unknown creates settled by the user channel", m.reconciled::get);
        metrics.counter("peregrine_venue_queue_full", "Orders refused because the adapter's queue was full",
            m.queueFull::get);
        metrics.counter("peregrine_venue_position_mismatches",
            "Perpetuals whose venue position differed from the engine's after reconciliation", m.positionMismatches::get);
    }
}
