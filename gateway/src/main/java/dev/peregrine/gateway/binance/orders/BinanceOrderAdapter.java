package dev.peregrine.gateway.binance.orders;

import dev.peregrine.core.agent.AgentErrors;
import dev.peregrine.core.event.OrderCommand;
import dev.peregrine.core.order.OrderType;
import dev.peregrine.gateway.orders.AdapterAgentThread;
import dev.peregrine.gateway.orders.OrderAdapterMetrics;
import dev.peregrine.gateway.orders.OrderGateway;
import dev.peregrine.gateway.orders.RequestOutcome;
import dev.peregrine.gateway.orders.VenueRejectReason;
import dev.peregrine.gateway.orders.VenueResponseListener;
import dev.peregrine.gateway.resilience.RequestGate;
import org.agrona.concurrent.Agent;

import java.util.ArrayDeque;
import java.util.concurrent.TimeUnit;
import java.util.function.IntFunction;
import java.util.function.LongSupplier;

/**
 * Sends the core's orders to Binance spot and reports what became of them; the Binance counterpart of the Coinbase
 * adapter, on the same venue-neutral parts ({@link RequestGate}: token bucket, adaptive throttle fed by Binance's
 * weight headers and 429/418 {@code Retry-After}, circuit breaker).
 *
 * <p>An Agrona agent ({@code peregrine-binance-orders}): {@link #doWork()} drains REST answers and user data stream
 * reports, runs a due order query ({@link BinanceReconciliation}), then dispatches as many
 * requests as the gate allows. That thread alone touches order state, the gate, the metrics and the listener; other
 * threads only enqueue and wake it. The core's order types map to MARKET, LIMIT GTC (or LIMIT_MAKER when limits are
 * post-only) and LIMIT IOC. Creates are never re-sent: one whose answer is lost is reported unknown and settled by a
 * query by its client order id or by the stream.
 */
public final class BinanceOrderAdapter implements OrderGateway, Agent, AutoCloseable
{
    public static final String ROLE_NAME = "peregrine-binance-orders";

    /**
     * @param ratePerSecond   ceiling of the order rate (Binance spot: 100 orders per 10 s per account).
     * @param burst           token-bucket depth.
     * @param postOnlyLimits  send resting limit orders as LIMIT_MAKER.
     */
    public record Config(double ratePerSecond, int burst, int breakerFailures, long breakerCoolDownNanos,
        int queueCapacity, boolean postOnlyLimits)
    {
        public static Config defaults()
        {
            return new Config(10.0, 10, 5, TimeUnit.SECONDS.toNanos(10), 4096, false);
        }
    }

    private final BinanceOrderClient client;
    private final VenueResponseListener listener;
    private final IntFunction<String> symbolOf;
    private final Config config;
    private final OrderAdapterMetrics metrics;
    private final LongSupplier nanoClock;
    private final LongSupplier epochMillis;
    private final RequestGate gate;
    private final BinanceReportHandler reports;
    private final BinanceReconciliation reconciliation;
    /** The adapter's thread, its inbox and completions: shared with the other venues' adapters. */
    private final AdapterAgentThread<BinanceQueuedRequest> thread;
    private final ArrayDeque<BinanceQueuedRequest> pending = new ArrayDeque<>();

    /**
     * @param symbolOf    instrument id to Binance symbol ({@code BTCUSDT}); null if none.
     * @param nanoClock   time for the gate and the queries' retries ({@code System::nanoTime} in production).
     * @param epochMillis wall-clock time, as the requests' timestamps use it.
     */
    public BinanceOrderAdapter(final BinanceOrderClient client, final VenueResponseListener listener,
        final IntFunction<String> symbolOf, final Config config, final OrderAdapterMetrics metrics,
        final LongSupplier nanoClock, final LongSupplier epochMillis)
    {
        this.client = client;
        this.listener = listener;
        this.symbolOf = symbolOf;
        this.config = config;
        this.metrics = metrics;
        this.nanoClock = nanoClock;
        this.epochMillis = epochMillis;
        this.gate = new RequestGate(config.ratePerSecond(), config.burst(), config.breakerFailures(),
            config.breakerCoolDownNanos(), nanoClock, metrics);
        this.thread = new AdapterAgentThread<>(config.queueCapacity());
        this.reports = new BinanceReportHandler(listener, metrics, this::recheck,
            order -> pending.addFirst(new BinanceQueuedRequest.Cancel(order.orderId)));
        this.reconciliation = new BinanceReconciliation(client, reports, gate, metrics, nanoClock, epochMillis,
            this::onAdapterThread);
    }

    @Override
    public boolean submit(final OrderCommand command, final String clientOrderId)
    {
        return offer(new BinanceQueuedRequest.Submit(command.orderId, clientOrderId, command.instrumentId, command.side,
            command.orderType, command.quantity, command.limitPrice, command.reduceOnly));
    }

    @Override
    public boolean cancel(final long orderId)
    {
        return offer(new BinanceQueuedRequest.Cancel(orderId));
    }

    /**
     * Before {@link #start}: an order the core still holds open after recovering its journal, tracked with what the
     * core knows; on start the adapter queries the venue by its client order id (see {@link BinanceReconciliation}).
     */
    public void adopt(final long orderId, final String clientOrderId, final int instrumentId, final int side,
        final OrderType type, final long quantity, final long limitPrice, final boolean accepted, final long filledQuantity)
    {
        if (thread.started())
        {
            throw new IllegalStateException("orders are adopted before the adapter starts");
        }
        final String symbol = symbolOf.apply(instrumentId);
        final BinanceTrackedOrder order = new BinanceTrackedOrder(orderId,
            request(clientOrderId, symbol == null ? "UNKNOWN" : symbol, side, type.ordinal(), quantity, limitPrice));
        order.accepted = accepted;
        order.cumulativeQuantity = filledQuantity;
        order.sentEpochMillis = Long.MAX_VALUE;
        reconciliation.adopt(order);
    }

    /** Recovered orders the venue has not yet accounted for; 0 once reconciliation is done. */
    public int awaitingReconcile()
    {
        return reconciliation.awaitingReconcile();
    }

    /** Feeds one user data stream report; the {@link BinanceUserStreamClient} calls this from its event loop. */
    public void onExecutionReport(final ExecutionReport report)
    {
        onAdapterThread(() -> reports.onExecutionReport(report));
    }

    public OrderAdapterMetrics metrics()
    {
        return metrics;
    }

    private boolean offer(final BinanceQueuedRequest request)
    {
        return thread.offer(request);
    }

    private void recheck(final BinanceTrackedOrder order)
    {
        reconciliation.recheck(order);
    }

    @Override
    public int doWork()
    {
        int work = 0;
        work += thread.runCompletions();
        work += reconciliation.doWork();
        work += thread.drainInbox(pending);
        return work + dispatch();
    }

    private int dispatch()
    {
        int sent = 0;
        gate.refreshRate();
        while (!pending.isEmpty())
        {
            final RequestGate.Verdict verdict = gate.next();
            if (verdict == RequestGate.Verdict.WAIT)
            {
                break;
            }
            final BinanceQueuedRequest next = pending.poll();
            if (verdict == RequestGate.Verdict.FAIL_FAST)
            {
                failFast(next);
            }
            else if (next instanceof BinanceQueuedRequest.Submit submit)
            {
                send(submit);
            }
            else
            {
                sendCancel(((BinanceQueuedRequest.Cancel)next).orderId());
            }
            sent++;
        }
        return sent;
    }

    private void failFast(final BinanceQueuedRequest request)
    {
        if (request instanceof BinanceQueuedRequest.Submit submit)
        {
            listener.onRejected(submit.orderId(), VenueRejectReason.CIRCUIT_OPEN, "circuit breaker open");
        }
        else
        {
            listener.onCancelRejected(((BinanceQueuedRequest.Cancel)request).orderId(), "circuit breaker open");
        }
    }

    private void send(final BinanceQueuedRequest.Submit s)
    {
        final String symbol = symbolOf.apply(s.instrumentId());
        if (symbol == null)
        {
            gate.notSent();
            listener.onRejected(s.orderId(), VenueRejectReason.UNKNOWN_PRODUCT, "instrument " + s.instrumentId());
            return;
        }
        final BinanceOrderRequest request;
        try
        {
            final BinanceOrderRequest r = request(s.clientOrderId(), symbol, s.side(), s.orderType(), s.quantity(), s.limitPrice());
            request = s.reduceOnly() ? r.reducing() : r;
        }
        catch (final IllegalArgumentException ex)
        {
            gate.notSent();
            listener.onRejected(s.orderId(), VenueRejectReason.VENUE_REJECTED, ex.getMessage());
            return;
        }
        final BinanceTrackedOrder order = new BinanceTrackedOrder(s.orderId(), request);
        order.sentEpochMillis = epochMillis.getAsLong();
        reports.track(order);
        client.newOrder(request).whenComplete((answer, failure) -> onAdapterThread(() ->
        {
            gate.observe(OrderAdapterMetrics.Endpoint.CREATE, answer.status());
            if (answer.status().outcome().outcomeUnknown())
            {
                // Every signing of it (a retry after a refused connection signs anew) came before this answer.
                order.sentEpochMillis = epochMillis.getAsLong();
            }
            reports.onCreateAnswer(order, answer);
        }));
    }

    private BinanceOrderRequest request(final String clientOrderId, final String symbol, final int side,
        final int orderType, final long quantity, final long limitPrice)
    {
        if (orderType == OrderType.MARKET.ordinal() || limitPrice == 0)
        {
            return BinanceOrderRequest.market(clientOrderId, symbol, side, quantity);
        }
        if (orderType == OrderType.LIMIT_IOC.ordinal())
        {
            return BinanceOrderRequest.limit(clientOrderId, symbol, side, quantity, limitPrice, "IOC");
        }
        if (orderType == OrderType.LIMIT_FOK.ordinal())
        {
            return BinanceOrderRequest.limit(clientOrderId, symbol, side, quantity, limitPrice, "FOK");
        }
        if (config.postOnlyLimits() && client.paths().futures())
        {
            return BinanceOrderRequest.limit(clientOrderId, symbol, side, quantity, limitPrice, "GTX");
        }
        return config.postOnlyLimits()
            ? BinanceOrderRequest.limitMaker(clientOrderId, symbol, side, quantity, limitPrice)
            : BinanceOrderRequest.limit(clientOrderId, symbol, side, quantity, limitPrice, "GTC");
    }

    private void sendCancel(final long orderId)
    {
        final BinanceTrackedOrder order = reports.byOrderId(orderId);
        if (order == null || order.done)
        {
            gate.notSent();
            listener.onCancelRejected(orderId, order == null ? "unknown order" : "order already done");
            return;
        }
        if (!order.accepted)
        {
            gate.notSent();
            order.cancelWanted = true; // sent once the venue has the order
            return;
        }
        client.cancel(order.request.symbol(), order.clientOrderId()).whenComplete((answer, failure) -> onAdapterThread(() ->
        {
            gate.observe(OrderAdapterMetrics.Endpoint.CANCEL, answer.status());
            reports.onCancelAnswer(order, answer);
        }));
    }

    /** From any thread: runs {@code completion} on the adapter's thread, in its next duty cycle. */
    private void onAdapterThread(final Runnable completion)
    {
        thread.onAdapterThread(completion);
    }

    /** Starts the agent thread; its errors are counted in an {@link AgentErrors} of its own. */
    public void start()
    {
        start(new AgentErrors());
    }

    public void start(final AgentErrors errors)
    {
        thread.start(this, errors, reconciliation::started);
    }

    @Override
    public void onStart()
    {
        thread.onStart();
    }

    @Override
    public String roleName()
    {
        return ROLE_NAME;
    }

    /** Stops the agent thread; requests still queued are dropped without answers. */
    @Override
    public void close()
    {
        thread.close();
    }
}
