package dev.peregrine.gateway.coinbase.orders;

import dev.peregrine.core.agent.AgentErrors;
import dev.peregrine.core.event.OrderCommand;
import dev.peregrine.core.order.OrderType;
import dev.peregrine.gateway.coinbase.intx.IntxOrderTerms;
import dev.peregrine.gateway.coinbase.intx.IntxProducts;
import dev.peregrine.gateway.orders.AdapterAgentThread;
import dev.peregrine.gateway.orders.OrderAdapterMetrics;
import dev.peregrine.gateway.orders.OrderGateway;
import dev.peregrine.gateway.orders.VenueRejectReason;
import dev.peregrine.gateway.orders.VenueResponseListener;
import dev.peregrine.gateway.resilience.AdaptiveThrottle;
import dev.peregrine.gateway.resilience.CircuitBreaker;
import dev.peregrine.gateway.resilience.RequestGate;
import dev.peregrine.gateway.resilience.TokenBucket;
import org.agrona.concurrent.Agent;

import java.util.ArrayDeque;
import java.util.List;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.IntFunction;
import java.util.function.LongSupplier;

/**
 * Sends the core's orders to Coinbase Advanced Trade and reports what became of them.
 *
 * <p>An Agrona agent: {@link #doWork()} drains REST answers, user-channel updates and new requests, then
 * dispatches as many as the {@link RequestGate} (a {@link TokenBucket} whose rate the {@link AdaptiveThrottle}
 * sets, and a {@link CircuitBreaker}) allows. {@link #start()} runs it on its own thread,
 * {@code peregrine-coinbase-orders}, under {@link AgentThreads}; a test may call {@link #doWork()} inline
 * instead. That thread is the only one that touches order state, the gate, the metrics and the
 * {@link VenueResponseListener}; other threads only enqueue (submit/cancel from the outbound stage, REST
 * completions from the HTTP client, updates from the user-channel event loop) and wake it.
 *
 * <p>Creates are never re-sent: see {@link CoinbaseOrderClient}. An order whose create answer is lost is
 * reported with {@link VenueResponseListener#onUnknown} and settled when the user channel mentions its
 * {@code client_order_id}. The answers become listener calls in {@link CoinbaseAnswerHandler}; orders recovered
 * after a restart are settled by {@link RestartReconciliation}.
 */
public final class CoinbaseOrderAdapter implements OrderGateway, Agent, AutoCloseable
{
    public static final String ROLE_NAME = "peregrine-coinbase-orders";
    /** Longest idle sleep: bounds how late a token refill or a breaker cool-down is noticed; work wakes it at once. */

    /**
     * @param ratePerSecond    ceiling of the request rate (Coinbase: about 30/s per user on private endpoints).
     * @param burst            token-bucket depth.
     * @param breakerFailures  consecutive venue failures that open the breaker.
     * @param breakerCoolDownNanos how long the breaker stays open before one probe.
     * @param queueCapacity    requests waiting to be sent before {@code submit} says no.
     * @param postOnlyLimits   send limit orders as post-only.
     */
    public record Config(double ratePerSecond, int burst, int breakerFailures, long breakerCoolDownNanos,
        int queueCapacity, boolean postOnlyLimits)
    {
        public static Config defaults()
        {
            return new Config(TokenBucket.DEFAULT_RATE_PER_SECOND, 10, 5, TimeUnit.SECONDS.toNanos(10), 4096, false);
        }
    }

    private final CoinbaseOrderClient client;
    private final VenueResponseListener listener;
    private final IntFunction<String> productIdOf;
    private final Config config;
    private final OrderAdapterMetrics metrics;
    private final RequestGate gate;
    private final CoinbaseAnswerHandler reports;
    private final RestartReconciliation reconciliation;
    /** The adapter's thread, its inbox and completions: shared with the other venues' adapters. */
    private final AdapterAgentThread<QueuedRequest> thread;
    private final Queue<UserOrderUpdate> userUpdates = new ConcurrentLinkedQueue<>();
    private final ArrayDeque<QueuedRequest> pending = new ArrayDeque<>();
    /** Set by close: later requests are refused (the caller answers them) rather than queued and lost. */
    /** The agent's thread once it runs, for waking it from its idle sleep. */

    /**
     * @param productIdOf instrument id to Coinbase product id (e.g. {@code id -> registry.get(id).symbol()}); null if none.
     * @param nanoClock   time for the bucket, breaker and throttle ({@code System::nanoTime} in production).
     */
    public CoinbaseOrderAdapter(
        final CoinbaseOrderClient client,
        final VenueResponseListener listener,
        final IntFunction<String> productIdOf,
        final Config config,
        final OrderAdapterMetrics metrics,
        final LongSupplier nanoClock)
    {
        this.client = client;
        this.listener = listener;
        this.productIdOf = productIdOf;
        this.config = config;
        this.metrics = metrics;
        this.gate = new RequestGate(config.ratePerSecond(), config.burst(), config.breakerFailures(),
            config.breakerCoolDownNanos(), nanoClock, metrics);
        this.thread = new AdapterAgentThread<>(config.queueCapacity());
        this.reports = new CoinbaseAnswerHandler(listener, metrics, pending);
        this.reconciliation = new RestartReconciliation(client, reports, gate, metrics, nanoClock, this::onAdapterThread);
    }

    @Override
    public boolean submit(final OrderCommand command, final String clientOrderId)
    {
        return offer(new QueuedRequest.Submit(command.orderId, clientOrderId, command.instrumentId, command.side,
            command.quantity, command.limitPrice, command.orderType));
    }

    @Override
    public boolean cancel(final long orderId)
    {
        return offer(new QueuedRequest.Cancel(orderId));
    }

    /**
     * Before {@link #start}: an order the core still holds open after recovering its journal. The adapter
     * tracks it as if it had sent it, with what the core knows (filled so far, fees, whether the venue had
     * accepted it), and on start asks the venue's order list what became of it while the engine was down
     * (see {@link RestartReconciliation}).
     *
     * @param createdIso when the order was created (ISO-8601 UTC): the listing starts a minute earlier.
     */
    public void adopt(final long orderId, final String clientOrderId, final int instrumentId, final int side,
        final boolean market, final boolean limitIoc, final long quantity, final long limitPrice, final boolean accepted,
        final long filledQuantity, final long filledValue, final long fees, final String createdIso)
    {
        if (thread.started())
        {
            throw new IllegalStateException("orders are adopted before the adapter starts");
        }
        final TrackedOrder order = new TrackedOrder(orderId, clientOrderId,
            request(clientOrderId, productIdOf.apply(instrumentId), side, quantity, limitPrice, market,
                (limitIoc ? OrderType.LIMIT_IOC : OrderType.LIMIT).ordinal()));
        order.accepted = accepted;
        order.cumulativeQuantity = filledQuantity;
        order.filledValue = filledValue;
        order.fees = fees;
        reconciliation.adopt(order, createdIso);
    }

    /** Recovered orders the venue has not yet accounted for; 0 once reconciliation is done. */
    public int awaitingReconcile()
    {
        return reconciliation.awaitingReconcile();
    }

    /** Feeds one user-channel update; the {@link CoinbaseUserChannelClient} calls this from its event loop. */
    public void onUserUpdate(final UserOrderUpdate update)
    {
        userUpdates.add(update);
        thread.wake();
    }

    public CircuitBreaker.State breakerState()
    {
        return gate.breakerState();
    }

    public OrderAdapterMetrics metrics()
    {
        return metrics;
    }

    private boolean offer(final QueuedRequest request)
    {
        return thread.offer(request);
    }

    /** One duty cycle; returns the amount of work done (0: nothing to do, the caller may idle). */
    @Override
    public int doWork()
    {
        int work = 0;
        work += thread.runCompletions();
        UserOrderUpdate update;
        while ((update = userUpdates.poll()) != null)
        {
            reports.onUpdate(update);
            work++;
        }
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
            final QueuedRequest next = pending.poll();
            if (verdict == RequestGate.Verdict.FAIL_FAST)
            {
                failFast(next);
            }
            else if (next instanceof QueuedRequest.Submit)
            {
                send((QueuedRequest.Submit)next);
            }
            else
            {
                sendCancel(((QueuedRequest.Cancel)next).orderId());
            }
            sent++;
        }
        return sent;
    }

    private void failFast(final QueuedRequest request)
    {
        if (request instanceof QueuedRequest.Submit)
        {
            listener.onRejected(((QueuedRequest.Submit)request).orderId(), VenueRejectReason.CIRCUIT_OPEN,
                "circuit breaker open");
        }
        else
        {
            listener.onCancelRejected(((QueuedRequest.Cancel)request).orderId(), "circuit breaker open");
        }
    }

    private void send(final QueuedRequest.Submit s)
    {
        final String product = productIdOf.apply(s.instrumentId());
        if (product == null)
        {
            gate.notSent();
            listener.onRejected(s.orderId(), VenueRejectReason.UNKNOWN_PRODUCT, "instrument " + s.instrumentId());
            return;
        }
        final TrackedOrder order = new TrackedOrder(s.orderId(), s.clientOrderId(),
            request(s.clientOrderId(), product, s.side(), s.quantity(), s.limitPrice(), s.limitPrice() == 0,
                s.orderType()));
        reports.track(order);
        client.create(order.request).whenComplete((result, failure) -> onAdapterThread(() ->
        {
            gate.observe(OrderAdapterMetrics.Endpoint.CREATE, result.status());
            reports.onCreateAnswer(order, result);
        }));
    }

    private CoinbaseOrderRequest request(final String clientOrderId, final String product, final int side,
        final long quantity, final long limitPrice, final boolean market, final int orderType)
    {
        final CoinbaseOrderRequest request = spotShape(clientOrderId, product, side, quantity, limitPrice, market, orderType);
        // An INTX perpetual order names its leverage and margin type (IntxOrderTerms: 1x cross unless configured).
        return IntxProducts.isPerpetual(product) ? IntxOrderTerms.apply(request) : request;
    }

    private CoinbaseOrderRequest spotShape(final String clientOrderId, final String product, final int side,
        final long quantity, final long limitPrice, final boolean market, final int orderType)
    {
        return market
            ? CoinbaseOrderRequest.market(clientOrderId, product, side, quantity)
            : orderType == OrderType.LIMIT_IOC.ordinal()
            ? CoinbaseOrderRequest.limitIoc(clientOrderId, product, side, quantity, limitPrice)
            : orderType == OrderType.LIMIT_FOK.ordinal()
            ? CoinbaseOrderRequest.limitFok(clientOrderId, product, side, quantity, limitPrice)
            : CoinbaseOrderRequest.limit(clientOrderId, product, side, quantity, limitPrice, config.postOnlyLimits());
    }

    private void sendCancel(final long orderId)
    {
        final TrackedOrder order = reports.byOrderId(orderId);
        if (order == null || order.done)
        {
            gate.notSent();
            listener.onCancelRejected(orderId, order == null ? "unknown order" : "order already done");
            return;
        }
        if (order.venueOrderId == null)
        {
            gate.notSent();
            order.cancelWanted = true; // sent once the venue order id is known
            return;
        }
        order.cancelSent = true;
        client.cancel(List.of(order.venueOrderId)).whenComplete((result, failure) -> onAdapterThread(() ->
        {
            gate.observe(OrderAdapterMetrics.Endpoint.CANCEL, result.status());
            reports.onCancelAnswer(order, result);
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

    /** Starts the agent thread; its errors are counted under {@link #ROLE_NAME} in {@code errors}. */
    public void start(final AgentErrors errors)
    {
        thread.start(this, errors, () -> { });
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
