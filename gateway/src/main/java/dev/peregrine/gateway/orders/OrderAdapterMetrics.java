package dev.peregrine.gateway.orders;

import dev.peregrine.core.metrics.SingleWriterCounter;

import java.util.function.ObjLongConsumer;

/**
 * Counters and gauges of one order adapter (the Coinbase one: {@code CoinbaseOrderAdapter}), written only by its thread, readable by the
 * metrics sidecar at any time. {@link #forEach} names them in Prometheus style.
 */
public final class OrderAdapterMetrics
{
    public enum Endpoint
    {
        CREATE, PREVIEW, CANCEL, LIST;

        public String label()
        {
            return name().toLowerCase(java.util.Locale.ROOT);
        }
    }

    private final SingleWriterCounter[][] requests =
        new SingleWriterCounter[Endpoint.values().length][RequestOutcome.values().length];
    /** HTTP 429 answers. */
    public final SingleWriterCounter rateLimited = new SingleWriterCounter("peregrine_orders_http_429_total");
    /** Dispatch found the token bucket empty (or the venue window used up) and waited. */
    public final SingleWriterCounter throttledWaits = new SingleWriterCounter("peregrine_orders_throttled_waits_total");
    /** Orders refused without sending because the breaker was open. */
    public final SingleWriterCounter breakerRejects = new SingleWriterCounter("peregrine_orders_breaker_rejects_total");
    /** 0 closed, 1 open, 2 half-open. */
    public final SingleWriterCounter breakerState = new SingleWriterCounter("peregrine_orders_breaker_state");
    public final SingleWriterCounter breakerOpened = new SingleWriterCounter("peregrine_orders_breaker_opened_total");
    public final SingleWriterCounter breakerHalfOpened = new SingleWriterCounter("peregrine_orders_breaker_half_opened_total");
    public final SingleWriterCounter breakerClosed = new SingleWriterCounter("peregrine_orders_breaker_closed_total");
    /** The effective request rate in milli-requests per second (30 req/s is 30000). */
    public final SingleWriterCounter rateLimitMilli = new SingleWriterCounter("peregrine_orders_rate_limit_millirps");
    /** AIMD decreases so far. */
    public final SingleWriterCounter throttleDecreases = new SingleWriterCounter("peregrine_orders_throttle_decreases_total");
    /** Creates whose outcome became unknown (never re-sent). */
    public final SingleWriterCounter unknownOutcomes = new SingleWriterCounter("peregrine_orders_unknown_outcome_total");
    /** Unknown creates later settled by the user channel. */
    public final SingleWriterCounter reconciled = new SingleWriterCounter("peregrine_orders_reconciled_total");
    public final SingleWriterCounter fills = new SingleWriterCounter("peregrine_orders_fills_total");
    public final SingleWriterCounter userUpdates = new SingleWriterCounter("peregrine_orders_user_updates_total");
    /** User-channel updates for orders this adapter did not send (other sessions, manual trading). */
    public final SingleWriterCounter foreignUpdates = new SingleWriterCounter("peregrine_orders_foreign_updates_total");
    public final SingleWriterCounter queueFull = new SingleWriterCounter("peregrine_orders_queue_full_total");
    /** Orders the core still held open after a restart, handed to the adapter to reconcile with the venue. */
    public final SingleWriterCounter recoveredOrders = new SingleWriterCounter("peregrine_orders_recovered_total");
    /** Recovered orders the venue's order list settled (filled, cancelled or still open, with any missed fills). */
    public final SingleWriterCounter recoveredSettled = new SingleWriterCounter("peregrine_orders_recovered_settled_total");
    /** Recovered orders the venue had never seen: rejected as not at the venue. */
    public final SingleWriterCounter recoveredMissing = new SingleWriterCounter("peregrine_orders_recovered_missing_total");

    /** Perpetuals whose net size at the venue differed from the engine's position after a restart's reconciliation. */
    public final SingleWriterCounter positionMismatches = new SingleWriterCounter("peregrine_orders_position_mismatches_total");

    public OrderAdapterMetrics()
    {
        for (final Endpoint e : Endpoint.values())
        {
            for (final RequestOutcome o : RequestOutcome.values())
            {
                requests[e.ordinal()][o.ordinal()] = new SingleWriterCounter(
                    "peregrine_orders_requests_total{endpoint=\"" + e.label() + "\",outcome=\"" + o.label() + "\"}");
            }
        }
    }

    public SingleWriterCounter requests(final Endpoint endpoint, final RequestOutcome outcome)
    {
        return requests[endpoint.ordinal()][outcome.ordinal()];
    }

    public long requestsTotal(final Endpoint endpoint)
    {
        long sum = 0;
        for (final SingleWriterCounter c : requests[endpoint.ordinal()])
        {
            sum += c.get();
        }
        return sum;
    }

    /** Every counter with its Prometheus-style name (labels included); any thread. */
    public void forEach(final ObjLongConsumer<String> sink)
    {
        for (final SingleWriterCounter[] row : requests)
        {
            for (final SingleWriterCounter c : row)
            {
                sink.accept(c.name(), c.get());
            }
        }
        for (final SingleWriterCounter c : new SingleWriterCounter[] {rateLimited, throttledWaits, breakerRejects,
            breakerState, breakerOpened, breakerHalfOpened, breakerClosed, rateLimitMilli, throttleDecreases,
            unknownOutcomes, reconciled, fills, userUpdates, foreignUpdates, queueFull, positionMismatches})
        {
            sink.accept(c.name(), c.get());
        }
    }
}
