package dev.peregrine.gateway.coinbase.orders;

import dev.peregrine.core.number.FixedPoint;
import dev.peregrine.gateway.orders.OrderAdapterMetrics;
import dev.peregrine.gateway.orders.RequestOutcome;
import dev.peregrine.gateway.orders.VenueRejectReason;
import dev.peregrine.gateway.resilience.RequestGate;

import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Consumer;
import java.util.function.LongSupplier;

/**
 * After a restart: the orders the core still holds open are adopted, and the venue is asked what became of them
 * while the engine was down, in three reads, each asked again until it answers:
 * <ol>
 *   <li>the order list ({@code orders/historical/batch} since the oldest one), page by page: the only read that finds
 *       an order by its client order id, so it gives each order's venue id; an order it does not hold never reached
 *       the venue and is reported rejected ({@link VenueRejectReason#NOT_AT_VENUE});</li>
 *   <li>Get Order ({@code orders/historical/{order_id}}) for each order found: its state now, read after the list
 *       (which may have taken many pages);</li>
 *   <li>when the venue filled more than the core knows, the order's fills ({@code orders/historical/fills}):
 *       each missed fill is reported with its own trade id, price, commission and liquidity.</li>
 * </ol>
 * Then the order's state (a cancel, an expiry, a remainder the fills did not show) is reported as the user channel
 * would. A venue that answers Get Order or the fills with an error (not an outage) is taken at the list's word and
 * the order's cumulative figures. Every answer goes through the {@link CoinbaseAnswerHandler}, so the differences are
 * journaled like any venue report. Adapter thread only, except {@link #awaitingReconcile()}.
 */
final class RestartReconciliation
{
    private static final long RETRY_NANOS = 1_000_000_000L;

    /** An order the list found, waiting for its Get Order and fills. */
    private record Lookup(TrackedOrder order, UserOrderUpdate listed)
    {
    }

    private final CoinbaseOrderClient client;
    private final CoinbaseAnswerHandler reports;
    private final RequestGate gate;
    private final OrderAdapterMetrics metrics;
    private final LongSupplier nanoClock;
    /** Hands a completion to the adapter's thread (and wakes it). */
    private final Consumer<Runnable> onAdapterThread;
    private final ArrayDeque<Lookup> lookups = new ArrayDeque<>();
    private final Set<Long> found = new HashSet<>();
    private final List<CoinbaseFill> fills = new ArrayList<>();
    private volatile int awaitingReconcile;
    private String since;
    private boolean listed;
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

    /** One duty-cycle step: asks for the list's first page, or the next order's Get Order, when due; the work done. */
    int doWork()
    {
        if (awaitingReconcile == 0 || inFlight || nanoClock.getAsLong() < nextNanos)
        {
            return 0;
        }
        if (!listed)
        {
            listPage(null);
        }
        else if (!lookups.isEmpty())
        {
            getOrder(lookups.peekFirst());
        }
        else
        {
            return 0;
        }
        return 1;
    }

    private void retryLater()
    {
        inFlight = false;
        nextNanos = nanoClock.getAsLong() + RETRY_NANOS;
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
            retryLater();
            return;
        }
        for (final UserOrderUpdate update : result.orders())
        {
            final TrackedOrder order = reports.byClientOrderId(update.clientOrderId());
            if (order != null && order.awaitingReconcile && update.orderId() != null && found.add(order.orderId))
            {
                if (!"FAILED".equals(update.status()))
                {
                    // Accepted at once, the first report on a recovered order (its venue time-out runs from it):
                    // the lookups that follow take a request or more per order.
                    reports.acknowledge(order, update.orderId());
                }
                lookups.addLast(new Lookup(order, update));
            }
        }
        if (result.hasNext() && result.cursor() != null && !result.cursor().isEmpty())
        {
            listPage(result.cursor());
            return;
        }
        inFlight = false;
        listed = true;
        // The whole list is read: a recovered order it does not hold never reached the venue.
        for (final TrackedOrder order : reports.orders())
        {
            if (order.awaitingReconcile && !found.contains(order.orderId))
            {
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
                settle(order);
            }
        }
    }

    private void getOrder(final Lookup lookup)
    {
        inFlight = true;
        client.getOrder(lookup.listed().orderId()).whenComplete((result, failure) ->
            onAdapterThread.accept(() -> onGetOrderAnswer(lookup, result)));
    }

    private void onGetOrderAnswer(final Lookup lookup, final GetOrderResult result)
    {
        gate.observe(OrderAdapterMetrics.Endpoint.LIST, result.status());
        final RequestOutcome outcome = result.status().outcome();
        if (outcome != RequestOutcome.OK && outcome != RequestOutcome.REJECTED)
        {
            retryLater();
            return;
        }
        final UserOrderUpdate now = result.order() != null ? result.order() : lookup.listed();
        final long filled = FixedPoint.parse(now.cumulativeQuantity() == null ? "0" : now.cumulativeQuantity());
        if (!FixedPoint.isError(filled) && filled > lookup.order().cumulativeQuantity)
        {
            fills.clear();
            fillsPage(lookup, now, null);
            return;
        }
        finish(lookup, now);
    }

    private void fillsPage(final Lookup lookup, final UserOrderUpdate now, final String cursor)
    {
        client.listFills(now.orderId(), cursor).whenComplete((page, failure) ->
            onAdapterThread.accept(() -> onFillsAnswer(lookup, now, page)));
    }

    private void onFillsAnswer(final Lookup lookup, final UserOrderUpdate now, final FillsPage page)
    {
        gate.observe(OrderAdapterMetrics.Endpoint.LIST, page.status());
        final RequestOutcome outcome = page.status().outcome();
        if (outcome != RequestOutcome.OK && outcome != RequestOutcome.REJECTED)
        {
            retryLater(); // Get Order is asked again too: the order may have moved on meanwhile
            return;
        }
        fills.addAll(page.fills());
        if (outcome == RequestOutcome.OK && page.hasNext())
        {
            fillsPage(lookup, now, page.cursor());
            return;
        }
        if (outcome == RequestOutcome.OK)
        {
            // The venue lists newest first: reversed, then a stable sort by time keeps fills of one instant in order.
            java.util.Collections.reverse(fills);
            fills.sort(Comparator.comparing(RestartReconciliation::tradeTime));
            reports.onListedFills(lookup.order(), now.orderId(), fills);
        }
        finish(lookup, now);
    }

    /** The order's state as the venue reports it now: a remainder the fills did not show, a cancel, an expiry. */
    private void finish(final Lookup lookup, final UserOrderUpdate now)
    {
        lookups.pollFirst();
        inFlight = false;
        metrics.recoveredSettled.increment();
        reports.onUpdate(now);
        settle(lookup.order()); // last: awaitingReconcile() reaching 0 says every report is made
    }

    /** Oldest first; a time that cannot be read sorts first and keeps the venue's order (the sort is stable). */
    private static Instant tradeTime(final CoinbaseFill fill)
    {
        try
        {
            return fill.tradeTime() == null ? Instant.MIN : Instant.parse(fill.tradeTime());
        }
        catch (final java.time.format.DateTimeParseException ex)
        {
            return Instant.MIN;
        }
    }

    private void settle(final TrackedOrder order)
    {
        order.awaitingReconcile = false;
        awaitingReconcile--;
    }
}
