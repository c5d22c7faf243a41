package dev.peregrine.gateway.binance.orders;

import dev.peregrine.gateway.orders.OrderAdapterMetrics;
import dev.peregrine.gateway.orders.RequestOutcome;
import dev.peregrine.gateway.orders.VenueRejectReason;
import dev.peregrine.gateway.resilience.RequestGate;

import java.util.ArrayDeque;
import java.util.function.Consumer;
import java.util.function.LongSupplier;

/**
 * Asks Binance what became of an order by its client order id ({@code GET /api/v3/order?origClientOrderId=}, then
 * {@code myTrades} when it filled more than the adapter knows): for the orders the core still held open after a
 * restart, for a create whose answer was lost, and for a cancel whose answer shows fills not yet seen. Missed fills
 * are reported as fills, a cancel as a cancel, and an order the venue does not have as rejected
 * ({@link VenueRejectReason#NOT_AT_VENUE}). One query at a time, again after a second when the venue cannot be
 * reached.
 *
 * <p>"Not there" is only final once no request sent before can still be taken: Binance refuses a request older than
 * its {@code recvWindow}, so that is the window after the create was signed, or after this adapter started for an order
 * recovered from a process that died. Adapter thread only, except {@link #awaitingReconcile()}.
 */
final class BinanceReconciliation
{
    private static final long RETRY_NANOS = 1_000_000_000L;
    /**
     * A request signed this long ago can no longer be taken: Binance processes one only within its recvWindow of its
     * timestamp (by the venue's clock; a second of skew allowed, as the venue allows it ahead).
     */
    static final long SETTLED_AFTER_MILLIS = BinanceOrderClient.RECV_WINDOW_MILLIS + 1_000;

    private final BinanceOrderClient client;
    private final BinanceReportHandler reports;
    private final RequestGate gate;
    private final OrderAdapterMetrics metrics;
    private final LongSupplier nanoClock;
    private final LongSupplier epochMillis;
    private final Consumer<Runnable> onAdapterThread;
    private final ArrayDeque<BinanceTrackedOrder> due = new ArrayDeque<>();
    private volatile int awaitingReconcile;
    private long startedEpochMillis;
    private boolean inFlight;
    private long nextNanos;

    BinanceReconciliation(final BinanceOrderClient client, final BinanceReportHandler reports, final RequestGate gate,
        final OrderAdapterMetrics metrics, final LongSupplier nanoClock, final LongSupplier epochMillis,
        final Consumer<Runnable> onAdapterThread)
    {
        this.client = client;
        this.reports = reports;
        this.gate = gate;
        this.metrics = metrics;
        this.nanoClock = nanoClock;
        this.epochMillis = epochMillis;
        this.onAdapterThread = onAdapterThread;
    }

    /** Tracks a recovered order as if it had been sent, with what the core knows, and queues its query. */
    void adopt(final BinanceTrackedOrder order)
    {
        order.unknown = !order.accepted;
        order.awaitingReconcile = true;
        reports.track(order);
        awaitingReconcile++;
        metrics.recoveredOrders.increment();
        due.add(order);
    }

    /** The adapter starts: recovered orders' creates were all sent before now. */
    void started()
    {
        startedEpochMillis = epochMillis.getAsLong();
        for (final BinanceTrackedOrder order : due)
        {
            order.sentEpochMillis = Math.min(order.sentEpochMillis, startedEpochMillis);
        }
    }

    /** Queues a query of {@code order}'s state at the venue. */
    void recheck(final BinanceTrackedOrder order)
    {
        if (!due.contains(order))
        {
            due.add(order);
        }
    }

    int awaitingReconcile()
    {
        return awaitingReconcile;
    }

    /** One duty-cycle step: sends the next query when one is due; returns the work done. */
    int doWork()
    {
        if (due.isEmpty() || inFlight || nanoClock.getAsLong() < nextNanos)
        {
            return 0;
        }
        final BinanceTrackedOrder order = due.poll();
        if (order.done && !order.awaitingReconcile)
        {
            return 1;
        }
        inFlight = true;
        client.queryOrder(order.request.symbol(), order.clientOrderId()).whenComplete((queried, failure) ->
            onAdapterThread.accept(() -> onQueried(order, queried)));
        return 1;
    }

    private void onQueried(final BinanceTrackedOrder order, final BinanceAnswer queried)
    {
        gate.observe(OrderAdapterMetrics.Endpoint.LIST, queried.status());
        if (queried.status().outcome() == RequestOutcome.OK)
        {
            if (BinanceReportHandler.executed(queried) > order.cumulativeQuantity && queried.json().has("orderId"))
            {
                client.trades(order.request.symbol(), queried.json().path("orderId").asLong())
                    .whenComplete((trades, failure) -> onAdapterThread.accept(() -> onTrades(order, queried, trades)));
                return;
            }
            finish(order, queried, null);
            return;
        }
        if (queried.code() == BinanceAnswer.NO_SUCH_ORDER)
        {
            final long sentBefore = Math.max(order.sentEpochMillis, order.awaitingReconcile ? startedEpochMillis : 0);
            if (epochMillis.getAsLong() - sentBefore >= SETTLED_AFTER_MILLIS)
            {
                notAtVenue(order);
                done();
                return;
            }
        }
        retry(order);
    }

    private void onTrades(final BinanceTrackedOrder order, final BinanceAnswer queried, final BinanceAnswer trades)
    {
        gate.observe(OrderAdapterMetrics.Endpoint.LIST, trades.status());
        if (trades.status().outcome() != RequestOutcome.OK || !trades.json().isArray())
        {
            retry(order);
            return;
        }
        finish(order, queried, trades);
    }

    private void finish(final BinanceTrackedOrder order, final BinanceAnswer queried, final BinanceAnswer trades)
    {
        // Reported before it counts as settled: whoever sees awaitingReconcile at 0 sees the reports too.
        reports.onQueried(order, queried, trades);
        settleRecovered(order, true);
        done();
    }

    private void notAtVenue(final BinanceTrackedOrder order)
    {
        if (!order.done && order.accepted)
        {
            order.done = true;
            reports.lost(order, "accepted before, but the venue has no order " + order.clientOrderId());
        }
        else if (!order.done)
        {
            reports.reject(order, VenueRejectReason.NOT_AT_VENUE, "not at the venue: the create never reached it");
        }
        settleRecovered(order, false);
    }

    private void settleRecovered(final BinanceTrackedOrder order, final boolean found)
    {
        if (order.awaitingReconcile)
        {
            order.awaitingReconcile = false;
            awaitingReconcile--;
            if (found)
            {
                metrics.recoveredSettled.increment();
            }
            else
            {
                metrics.recoveredMissing.increment();
            }
        }
    }

    private void retry(final BinanceTrackedOrder order)
    {
        due.add(order);
        inFlight = false;
        nextNanos = nanoClock.getAsLong() + RETRY_NANOS;
    }

    private void done()
    {
        inFlight = false;
    }
}
