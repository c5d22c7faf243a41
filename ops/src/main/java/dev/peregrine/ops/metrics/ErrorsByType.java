package dev.peregrine.ops.metrics;

import dev.peregrine.core.metrics.CoreMetrics;
import dev.peregrine.core.ring.HaltingExceptionHandler;
import dev.peregrine.gateway.orders.OrderAdapterMetrics;
import dev.peregrine.gateway.orders.RequestOutcome;
import dev.peregrine.ops.engine.JournalHousekeeper;
import dev.peregrine.ops.engine.LiveEngine;
import io.prometheus.metrics.model.snapshots.CounterSnapshot;

/**
 * {@code peregrine_errors_total{type}}: every kind of error the engine counts, in one family, so one panel
 * and one query show what is going wrong. Each type is also exported in its own, more detailed family
 * (named in the help text); this one sums them, at scrape time, from the same counters. Every type is
 * always present, at 0 until it happens, so a rate over it never has a hole.
 */
final class ErrorsByType
{
    private ErrorsByType()
    {
    }

    static CounterSnapshot snapshot(final LiveEngine engine, final LatencySidecar sidecar)
    {
        final CoreMetrics m = engine.coreMetrics();
        long ringStages = 0;
        for (final HaltingExceptionHandler handler : engine.stageErrors())
        {
            ringStages += handler.errorCount();
        }
        final JournalHousekeeper housekeeper = engine.housekeeper();
        return CounterSnapshot.builder()
            .name("peregrine_errors")
            .help("Errors by type: core (contained core errors, halting trading), strategy (callbacks that threw), " +
                "ring_stage (peregrine_stage_errors_total), market_data (frames and entries dropped, " +
                "peregrine_gateway_dropped_total), venue_message (error messages on the market-data connection), " +
                "order_request (live REST requests that failed: 5xx, time-out, dropped, not sent, unauthorized), " +
                "venue_timeout (orders the venue never answered), journal_retention, metrics_sample, " +
                "decision_overflow (decisions not journaled)")
            .dataPoint(PeregrineCollector.counter(m.coreErrors.get(), "type", "core"))
            .dataPoint(PeregrineCollector.counter(m.strategyFailures.get(), "type", "strategy"))
            .dataPoint(PeregrineCollector.counter(ringStages, "type", "ring_stage"))
            .dataPoint(PeregrineCollector.counter(engine.feed().inputsDropped(), "type", "market_data"))
            .dataPoint(PeregrineCollector.counter(engine.feed().venueErrorMessages(), "type", "venue_message"))
            .dataPoint(PeregrineCollector.counter(
                engine.liveVenue() == null ? 0 : failedRequests(engine.liveVenue().metrics()), "type", "order_request"))
            .dataPoint(PeregrineCollector.counter(m.venueTimeouts.get(), "type", "venue_timeout"))
            .dataPoint(PeregrineCollector.counter(housekeeper == null ? 0 : housekeeper.failures(), "type", "journal_retention"))
            .dataPoint(PeregrineCollector.counter(sidecar.errors(), "type", "metrics_sample"))
            .dataPoint(PeregrineCollector.counter(m.decisionsUnjournaled.get(), "type", "decision_overflow"))
            .build();
    }

    private static long failedRequests(final OrderAdapterMetrics metrics)
    {
        long failed = 0;
        for (final OrderAdapterMetrics.Endpoint endpoint : OrderAdapterMetrics.Endpoint.values())
        {
            for (final RequestOutcome outcome : RequestOutcome.values())
            {
                if (outcome.venueFailure() || outcome == RequestOutcome.UNAUTHORIZED)
                {
                    failed += metrics.requests(endpoint, outcome).get();
                }
            }
        }
        return failed;
    }
}
