package dev.peregrine.ops.metrics;

import dev.peregrine.core.agent.AgentErrors;
import dev.peregrine.core.metrics.CoreMetrics;
import dev.peregrine.core.ring.HaltingExceptionHandler;
import dev.peregrine.gateway.orders.OrderAdapterMetrics;
import dev.peregrine.gateway.orders.RequestOutcome;
import dev.peregrine.ops.engine.JournalHousekeeper;
import dev.peregrine.ops.engine.LiveEngine;

/**
 * {@code peregrine_errors_total{type}}: every kind of error the engine counts, in one family, so one panel
 * and one query show what is going wrong. Each type is also exported in its own, more detailed family
 * (named in the help text); this one sums them, at scrape time, from the same counters. Every type is
 * always present, at 0 until it happens, so a rate over it never has a hole. Type {@code agent} sums the
 * {@link AgentErrors} of every thread loop run as an Agrona agent (the timer, the order log, the sidecar, ...).
 */
final class ErrorsByType
{
    private ErrorsByType()
    {
    }

    static void register(final CallbackMetrics metrics, final LiveEngine engine, final LatencySidecar sidecar,
        final AgentErrors agentErrors)
    {
        final CoreMetrics m = engine.coreMetrics();
        metrics.counter("peregrine_errors",
            "Errors by type: core (contained core errors, halting trading), strategy (callbacks that threw), " +
                "ring_stage (peregrine_stage_errors_total), market_data (frames and entries dropped, " +
                "peregrine_gateway_dropped_total), venue_message (error messages on the market-data connection), " +
                "order_request (live REST requests that failed: 5xx, time-out, dropped, not sent, unauthorized), " +
                "venue_timeout (orders the venue never answered), journal_retention, metrics_sample, " +
                "decision_overflow (decisions not journaled), agent (duty cycles of a thread's agent that threw)",
            points ->
            {
                long ringStages = 0;
                for (final HaltingExceptionHandler handler : engine.stageErrors())
                {
                    ringStages += handler.errorCount();
                }
                final JournalHousekeeper housekeeper = engine.journal().housekeeper();
                points.call(m.coreErrors.get(), "core");
                points.call(m.strategyFailures.get(), "strategy");
                points.call(ringStages, "ring_stage");
                points.call(engine.feed().inputsDropped(), "market_data");
                points.call(engine.feed().venueErrorMessages(), "venue_message");
                points.call(engine.liveVenue() == null ? 0 : failedRequests(engine.liveVenue().metrics()), "order_request");
                points.call(m.venueTimeouts.get(), "venue_timeout");
                points.call(housekeeper == null ? 0 : housekeeper.failures(), "journal_retention");
                points.call(sidecar.errors(), "metrics_sample");
                points.call(m.decisionsUnjournaled.get(), "decision_overflow");
                points.call(agentErrors.total(), "agent");
            }, "type");
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
