package dev.peregrine.gateway.coinbase.orders;

import dev.peregrine.gateway.orders.OrderAdapterMetrics;
import dev.peregrine.gateway.orders.RequestOutcome;
import dev.peregrine.gateway.orders.VenueRejectReason;
import dev.peregrine.gateway.resilience.RequestGate;

import java.time.Instant;
import java.util.function.Consumer;
import java.util.function.LongSupplier;

/**
 * After a restart: the orders the core still holds open are adopted, and the venue's order list is asked,
 * page by page and again until it answers, what became of them while the engine was down. Fills it missed
 * are reported as fills, a cancel as a cancel, and an order the venue never had as rejected
 * ({@link VenueRejectReason#NOT_AT_VENUE}). Every answer goes through the {@link CoinbaseAnswerHandler}, so the
 * differences are journaled like any venue report. Adapter thread only, except {@link #awaitingReconcile()}.
 */
final class RestartReconciliation
{
    private static final long RETRY_NANOS = 1_000_000_000L;

    private final CoinbaseOrderClient client;
    private final CoinbaseAnswerHandler reports;
    private final RequestGate gate;
    private final OrderAdapterMetrics metrics;
    private final LongSupplier nanoClock;
    /** Hands a completion to the adapter's thread (and wakes it). */
    private final Consumer<Runnable> onAdapterThread;
    private volatile int awaitingReconcile;
    private String since;
    private boolean inFlight;
    private long nextNanos;

    RestartReconciliation(final CoinbaseOrderClient client, final CoinbaseAnswerHandler reports, final RequestGate gate,
        final OrderAdapterMetrics metrics, final LongSupplier nanoClock, final Consumer<Runnable> onAdapterThread)
    {
        this.client = client;
        this.reports = reports;
        this.gate = gate;
        this.metrics = metrics;
        this.nanoClock = nanoClock;
        this.onAdapterThread = onAdapterThread;
    }

    /**
     * Tracks a recovered order as if it had been sent, with what the core knows.
     *
     * @param createdIso when the order was created (ISO-8601 UTC): the listing starts a minute earlier.
     */
    void adopt(final TrackedOrder order, final String createdIso)
    {
        order.unknown = true;
        order.awaitingReconcile = true;
        reports.track(order);
        awaitingReconcile++;
        metrics.recoveredOrders.increment();
        final String from = Instant.parse(createdIso).minusSeconds(60).toString();
        since = since == null || from.compareTo(since) < 0 ? from : since;
    }

    /** Recovered orders the venue has not yet accounted for; 0 once reconciliation is done. */
    int awaitingReconcile()
    {
        return awaitingReconcile;
    }

    /** One duty-cycle step: asks for the first page when due; returns the work done. */
    int doWork()
    {
        if (awaitingReconcile == 0 || inFlight || nanoClock.getAsLong() < nextNanos)
        {
            return 0;
        }
        listPage(null);
        return 1;
    }

    private void listPage(final String cursor)
    {
        inFlight = true;
        client.listOrders(since, cursor).whenComplete((result, failure) ->
            onAdapterThread.accept(() -> onListAnswer(result)));
    }

    private void onListAnswer(final ListOrdersResult result)
    {
        gate.observe(OrderAdapterMetrics.Endpoint.LIST, result.status());
        if (result.status().outcome() != RequestOutcome.OK)
        {
            // The venue is unreachable: the recovered orders stay as they are and the list is asked again.
            inFlight = false;
            nextNanos = nanoClock.getAsLong() + RETRY_NANOS;
            return;
        }
        for (final UserOrderUpdate update : result.orders())
        {
            final TrackedOrder order = reports.byClientOrderId(update.clientOrderId());
            if (order != null && order.awaitingReconcile)
            {
                settle(order);
                metrics.recoveredSettled.increment();
                reports.onUpdate(update);
            }
        }
        if (result.hasNext() && result.cursor() != null && !result.cursor().isEmpty())
        {
            listPage(result.cursor());
            return;
        }
        inFlight = false;
        // The whole list is read: a recovered order it does not hold never reached the venue.
        for (final TrackedOrder order : reports.orders())
        {
            if (order.awaitingReconcile)
            {
                settle(order);
                metrics.recoveredMissing.increment();
                if (order.accepted)
                {
                    reports.listener().onUnknown(order.orderId, VenueRejectReason.NOT_AT_VENUE,
                        "accepted before the restart but not in the venue's order list since " + since);
                }
                else
                {
                    reports.reject(order, VenueRejectReason.NOT_AT_VENUE, "not at the venue after the restart");
                }
            }
        }
    }

    private void settle(final TrackedOrder order)
    {
        order.awaitingReconcile = false;
        awaitingReconcile--;
    }
}
