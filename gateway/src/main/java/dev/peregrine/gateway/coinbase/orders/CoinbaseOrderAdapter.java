package dev.peregrine.gateway.coinbase.orders;

import dev.peregrine.core.event.OrderCommand;
import dev.peregrine.core.number.FixedPoint;
import dev.peregrine.gateway.orders.OrderAdapterMetrics;
import dev.peregrine.gateway.orders.OrderGateway;
import dev.peregrine.gateway.orders.RequestOutcome;
import dev.peregrine.gateway.orders.RestStatus;
import dev.peregrine.gateway.orders.VenueRejectReason;
import dev.peregrine.gateway.orders.VenueResponseListener;
import dev.peregrine.gateway.resilience.AdaptiveThrottle;
import dev.peregrine.gateway.resilience.CircuitBreaker;
import dev.peregrine.gateway.resilience.TokenBucket;

import java.util.ArrayDeque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import java.util.function.IntFunction;
import java.util.function.LongSupplier;

/**
 * Sends the core's orders to Coinbase Advanced Trade and reports what became of them.
 *
 * <p>An Agrona-style agent: {@link #doWork()} drains REST answers, user-channel updates and new
 * requests, then dispatches as many as the {@link TokenBucket} (its rate set by the
 * {@link AdaptiveThrottle}) and the {@link CircuitBreaker} allow. {@link #start()} runs it on its own
 * thread, {@code peregrine-coinbase-orders}; a test may call {@link #doWork()} inline instead. That
 * thread is the only one that touches order state, the breaker, the throttle, the metrics and the
 * {@link VenueResponseListener}; other threads only enqueue (submit/cancel from the outbound stage, REST
 * completions from the HTTP client, updates from the user-channel event loop).
 *
 * <p>Creates are never re-sent: see {@link CoinbaseOrderClient}. An order whose create answer is lost is
 * reported with {@link VenueResponseListener#onUnknown} and settled when the user channel mentions its
 * {@code client_order_id}.
 */
public final class CoinbaseOrderAdapter implements OrderGateway, AutoCloseable
{
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

    /**
     * @param limitIoc the core's {@code LIMIT_IOC}: sent as {@code sor_limit_ioc}, never as a resting order.
     */
    private record Submit(long orderId, String clientOrderId, int instrumentId, int side, long quantity, long limitPrice,
        boolean limitIoc)
    {
    }

    private record Cancel(long orderId)
    {
    }

    private final CoinbaseOrderClient client;
    private final VenueResponseListener listener;
    private final IntFunction<String> productIdOf;
    private final Config config;
    private final OrderAdapterMetrics metrics;
    private final TokenBucket bucket;
    private final CircuitBreaker breaker;
    private final AdaptiveThrottle throttle;
    private final ArrayBlockingQueue<Object> inbox;
    private final Queue<Runnable> completions = new ConcurrentLinkedQueue<>();
    private final Queue<UserOrderUpdate> userUpdates = new ConcurrentLinkedQueue<>();
    private final ArrayDeque<Object> pending = new ArrayDeque<>();
    private final Map<Long, TrackedOrder> byOrderId = new HashMap<>();
    private final Map<String, TrackedOrder> byClientOrderId = new HashMap<>();
    private volatile boolean running;
    /** Set by close: later requests are refused (the caller answers them) rather than queued and lost. */
    private volatile boolean closed;
    private volatile Thread thread;
    private boolean waitingForTokens;
    private final LongSupplier nanoClock;
    /** Recovered orders: the venue's order list is asked once the thread runs, page by page, until it answers. */
    private volatile int awaitingReconcile;
    private String reconcileSince;
    private boolean reconcileInFlight;
    private long nextReconcileNanos;
    private static final long RECONCILE_RETRY_NANOS = 1_000_000_000L;

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
        this.bucket = new TokenBucket(config.ratePerSecond(), config.burst(), nanoClock);
        this.throttle = new AdaptiveThrottle(config.ratePerSecond(), nanoClock);
        this.breaker = new CircuitBreaker(config.breakerFailures(), config.breakerCoolDownNanos(), nanoClock,
            this::onBreakerTransition);
        this.inbox = new ArrayBlockingQueue<>(config.queueCapacity());
        this.nanoClock = nanoClock;
        metrics.rateLimitMilli.set((long)(config.ratePerSecond() * 1000));
    }

    @Override
    public boolean submit(final OrderCommand command, final String clientOrderId)
    {
        return offer(new Submit(command.orderId, clientOrderId, command.instrumentId, command.side, command.quantity,
            command.limitPrice, command.orderType == dev.peregrine.core.order.OrderType.LIMIT_IOC.ordinal()));
    }

    @Override
    public boolean cancel(final long orderId)
    {
        return offer(new Cancel(orderId));
    }

    /**
     * Before {@link #start}: an order the core still holds open after recovering its journal. The adapter
     * tracks it as if it had sent it, with what the core knows (filled so far, fees, whether the venue had
     * accepted it), and on start asks the venue's order list what became of it while the engine was down:
     * fills it missed are reported as fills, a cancel as a cancel, and an order the venue never had as
     * rejected ({@link VenueRejectReason#NOT_AT_VENUE}). Every answer goes through the listener, so the
     * differences are journaled like any venue report.
     *
     * @param createdIso when the order was created (ISO-8601 UTC): the listing starts a minute earlier.
     */
    public void adopt(final long orderId, final String clientOrderId, final int instrumentId, final int side,
        final boolean market, final boolean limitIoc, final long quantity, final long limitPrice, final boolean accepted,
        final long filledQuantity, final long filledValue, final long fees, final String createdIso)
    {
        if (thread != null)
        {
            throw new IllegalStateException("orders are adopted before the adapter starts");
        }
        final String product = productIdOf.apply(instrumentId);
        final CoinbaseOrderRequest request = market
            ? CoinbaseOrderRequest.market(clientOrderId, product, side, quantity)
            : limitIoc
            ? CoinbaseOrderRequest.limitIoc(clientOrderId, product, side, quantity, limitPrice)
            : CoinbaseOrderRequest.limit(clientOrderId, product, side, quantity, limitPrice, config.postOnlyLimits());
        final TrackedOrder order = new TrackedOrder(orderId, clientOrderId, request);
        order.accepted = accepted;
        order.unknown = true;
        order.awaitingReconcile = true;
        order.cumulativeQuantity = filledQuantity;
        order.filledValue = filledValue;
        order.fees = fees;
        byOrderId.put(orderId, order);
        byClientOrderId.put(clientOrderId, order);
        awaitingReconcile++;
        metrics.recoveredOrders.increment();
        final String since = java.time.Instant.parse(createdIso).minusSeconds(60).toString();
        reconcileSince = reconcileSince == null || since.compareTo(reconcileSince) < 0 ? since : reconcileSince;
    }

    /** Recovered orders the venue has not yet accounted for; 0 once reconciliation is done. */
    public int awaitingReconcile()
    {
        return awaitingReconcile;
    }

    private int reconcile()
    {
        if (awaitingReconcile == 0 || reconcileInFlight || nanoClock.getAsLong() < nextReconcileNanos)
        {
            return 0;
        }
        listPage(null);
        return 1;
    }

    private void listPage(final String cursor)
    {
        reconcileInFlight = true;
        client.listOrders(reconcileSince, cursor).whenComplete((result, failure) ->
        {
            completions.add(() -> onListAnswer(result));
            wake();
        });
    }

    private void onListAnswer(final ListOrdersResult result)
    {
        observe(OrderAdapterMetrics.Endpoint.LIST, result.status());
        if (result.status().outcome() != RequestOutcome.OK)
        {
            // The venue is unreachable: the recovered orders stay as they are and the list is asked again.
            reconcileInFlight = false;
            nextReconcileNanos = nanoClock.getAsLong() + RECONCILE_RETRY_NANOS;
            return;
        }
        for (final UserOrderUpdate update : result.orders())
        {
            final TrackedOrder order = update.clientOrderId() == null ? null : byClientOrderId.get(update.clientOrderId());
            if (order != null && order.awaitingReconcile)
            {
                settle(order);
                metrics.recoveredSettled.increment();
                onUpdate(update);
            }
        }
        if (result.hasNext() && result.cursor() != null && !result.cursor().isEmpty())
        {
            listPage(result.cursor());
            return;
        }
        reconcileInFlight = false;
        // The whole list is read: a recovered order it does not hold never reached the venue.
        for (final TrackedOrder order : new java.util.ArrayList<>(byOrderId.values()))
        {
            if (order.awaitingReconcile)
            {
                settle(order);
                metrics.recoveredMissing.increment();
                if (order.accepted)
                {
                    listener.onUnknown(order.orderId, VenueRejectReason.NOT_AT_VENUE,
                        "accepted before the restart but not in the venue's order list since " + reconcileSince);
                }
                else
                {
                    reject(order, VenueRejectReason.NOT_AT_VENUE, "not at the venue after the restart");
                }
            }
        }
    }

    private void settle(final TrackedOrder order)
    {
        order.awaitingReconcile = false;
        awaitingReconcile--;
    }

    /** Feeds one user-channel update; the {@link CoinbaseUserChannelClient} calls this from its event loop. */
    public void onUserUpdate(final UserOrderUpdate update)
    {
        userUpdates.add(update);
        wake();
    }

    public CircuitBreaker.State breakerState()
    {
        return breaker.state();
    }

    public OrderAdapterMetrics metrics()
    {
        return metrics;
    }

    private boolean offer(final Object request)
    {
        if (closed)
        {
            return false;
        }
        final boolean taken = inbox.offer(request);
        wake();
        return taken;
    }

    /** One duty cycle; returns the amount of work done (0: nothing to do, the caller may idle). */
    public int doWork()
    {
        int work = 0;
        Runnable completion;
        while ((completion = completions.poll()) != null)
        {
            completion.run();
            work++;
        }
        UserOrderUpdate update;
        while ((update = userUpdates.poll()) != null)
        {
            onUpdate(update);
            work++;
        }
        work += reconcile();
        Object request;
        while ((request = inbox.poll()) != null)
        {
            pending.add(request);
            work++;
        }
        return work + dispatch();
    }

    private int dispatch()
    {
        int sent = 0;
        final double rate = throttle.rate();
        if (Math.abs(rate - bucket.rate()) > 1e-9)
        {
            bucket.rate(rate);
        }
        metrics.rateLimitMilli.set((long)(rate * 1000));
        metrics.throttleDecreases.set(throttle.decreases());
        while (!pending.isEmpty())
        {
            final Object next = pending.peek();
            if (breaker.state() == CircuitBreaker.State.OPEN && breaker.nanosUntilProbe() > 0)
            {
                pending.poll();
                failFast(next);
                sent++;
                continue;
            }
            if (throttle.nanosPaused() > 0 || bucket.nanosUntilNext() > 0)
            {
                if (!waitingForTokens)
                {
                    metrics.throttledWaits.increment();
                    waitingForTokens = true;
                }
                break;
            }
            if (!breaker.tryAcquire())
            {
                break; // half-open with its probe in flight: wait for the probe's answer
            }
            waitingForTokens = false;
            bucket.tryAcquire();
            pending.poll();
            if (next instanceof Submit)
            {
                send((Submit)next);
            }
            else
            {
                sendCancel(((Cancel)next).orderId());
            }
            sent++;
        }
        return sent;
    }

    private void failFast(final Object request)
    {
        metrics.breakerRejects.increment();
        if (request instanceof Submit)
        {
            final Submit s = (Submit)request;
            listener.onRejected(s.orderId(), VenueRejectReason.CIRCUIT_OPEN, "circuit breaker open");
        }
        else
        {
            listener.onCancelRejected(((Cancel)request).orderId(), "circuit breaker open");
        }
    }

    private void send(final Submit s)
    {
        final String product = productIdOf.apply(s.instrumentId());
        if (product == null)
        {
            breaker.onSuccess(); // nothing was sent; release a half-open probe slot
            listener.onRejected(s.orderId(), VenueRejectReason.UNKNOWN_PRODUCT, "instrument " + s.instrumentId());
            return;
        }
        final CoinbaseOrderRequest request = s.limitPrice() == 0
            ? CoinbaseOrderRequest.market(s.clientOrderId(), product, s.side(), s.quantity())
            : s.limitIoc()
            ? CoinbaseOrderRequest.limitIoc(s.clientOrderId(), product, s.side(), s.quantity(), s.limitPrice())
            : CoinbaseOrderRequest.limit(s.clientOrderId(), product, s.side(), s.quantity(), s.limitPrice(), config.postOnlyLimits());
        final TrackedOrder order = new TrackedOrder(s.orderId(), s.clientOrderId(), request);
        byOrderId.put(s.orderId(), order);
        byClientOrderId.put(s.clientOrderId(), order);
        client.create(request).whenComplete((result, failure) ->
        {
            completions.add(() -> onCreateAnswer(order, result));
            wake();
        });
    }

    private void sendCancel(final long orderId)
    {
        final TrackedOrder order = byOrderId.get(orderId);
        if (order == null || order.done)
        {
            breaker.onSuccess();
            listener.onCancelRejected(orderId, order == null ? "unknown order" : "order already done");
            return;
        }
        if (order.venueOrderId == null)
        {
            breaker.onSuccess();
            order.cancelWanted = true; // sent once the venue order id is known
            return;
        }
        order.cancelSent = true;
        client.cancel(List.of(order.venueOrderId)).whenComplete((result, failure) ->
        {
            completions.add(() -> onCancelAnswer(order, result));
            wake();
        });
    }

    private void observe(final OrderAdapterMetrics.Endpoint endpoint, final RestStatus status)
    {
        final RequestOutcome outcome = status.outcome();
        metrics.requests(endpoint, outcome).increment();
        if (outcome == RequestOutcome.RATE_LIMITED)
        {
            metrics.rateLimited.increment();
            throttle.onRateLimited();
        }
        else if (outcome.venueFailure())
        {
            throttle.onError();
        }
        else
        {
            throttle.onSuccess();
        }
        if (outcome.venueFailure())
        {
            breaker.onFailure();
        }
        else
        {
            breaker.onSuccess();
        }
        if (status.rateLimitRemaining() >= 0)
        {
            throttle.onRateLimitHeaders(status.rateLimitRemaining(),
                status.secondsUntilReset(System.currentTimeMillis() / 1000));
        }
        metrics.throttleDecreases.set(throttle.decreases());
    }

    private void onCreateAnswer(final TrackedOrder order, final CreateOrderResult result)
    {
        final RestStatus status = result.status();
        observe(OrderAdapterMetrics.Endpoint.CREATE, status);
        if (order.accepted || order.done)
        {
            return; // the user channel was quicker
        }
        switch (status.outcome())
        {
            case OK:
                if (result.success() && result.orderId() != null)
                {
                    accept(order, result.orderId());
                }
                else
                {
                    reject(order, VenueRejectReason.VENUE_REJECTED, result.reason());
                }
                break;
            case REJECTED:
                reject(order, VenueRejectReason.VENUE_REJECTED, result.reason());
                break;
            case UNAUTHORIZED:
                reject(order, VenueRejectReason.UNAUTHORIZED, result.reason());
                break;
            case RATE_LIMITED:
                reject(order, VenueRejectReason.RATE_LIMITED, result.reason());
                break;
            case NOT_SENT:
                reject(order, VenueRejectReason.NOT_SENT, result.reason());
                break;
            default:
                order.unknown = true;
                metrics.unknownOutcomes.increment();
                listener.onUnknown(order.orderId, status.outcome() == RequestOutcome.TIMEOUT ? VenueRejectReason.TIMEOUT
                    : status.outcome() == RequestOutcome.DROPPED ? VenueRejectReason.CONNECTION_DROPPED
                    : VenueRejectReason.SERVER_ERROR, result.reason());
        }
    }

    private void onCancelAnswer(final TrackedOrder order, final CancelResult result)
    {
        observe(OrderAdapterMetrics.Endpoint.CANCEL, result.status());
        order.cancelSent = false;
        if (order.done)
        {
            return;
        }
        if (result.status().outcome() == RequestOutcome.OK && !result.results().isEmpty())
        {
            final CancelResult.Entry entry = result.results().get(0);
            if (entry.success())
            {
                finishCancelled(order);
            }
            else
            {
                listener.onCancelRejected(order.orderId, entry.failureReason());
            }
            return;
        }
        listener.onCancelRejected(order.orderId, result.status().outcome().label() +
            (result.status().message() == null ? "" : ": " + result.status().message()));
    }

    private void onUpdate(final UserOrderUpdate u)
    {
        metrics.userUpdates.increment();
        TrackedOrder order = u.clientOrderId() == null ? null : byClientOrderId.get(u.clientOrderId());
        if (order == null)
        {
            metrics.foreignUpdates.increment();
            return;
        }
        if (!order.accepted && !order.done)
        {
            if ("FAILED".equals(u.status()))
            {
                reject(order, VenueRejectReason.FAILED, u.rejectReason());
                return;
            }
            if (order.unknown)
            {
                metrics.reconciled.increment();
            }
            accept(order, u.orderId());
        }
        else if (order.venueOrderId == null && u.orderId() != null)
        {
            // A recovered order the venue had accepted before the restart: its venue id comes from here.
            order.venueOrderId = u.orderId();
            if (order.cancelWanted)
            {
                order.cancelWanted = false;
                pending.addFirst(new Cancel(order.orderId));
            }
        }
        final long cumulative = FixedPoint.parse(u.cumulativeQuantity() == null ? "0" : u.cumulativeQuantity());
        final long filledValue = quoteAmount(u.filledValue());
        final long fees = quoteAmount(u.totalFees());
        if (!FixedPoint.isError(cumulative) && cumulative > order.cumulativeQuantity)
        {
            final long quantity = cumulative - order.cumulativeQuantity;
            final long value = FixedPoint.isError(filledValue) ? 0 : filledValue - order.filledValue;
            final long fee = FixedPoint.isError(fees) ? 0 : fees - order.fees;
            final long price = FixedPoint.fromDouble(FixedPoint.toDouble(value) / FixedPoint.toDouble(quantity));
            order.cumulativeQuantity = cumulative;
            order.filledValue = FixedPoint.isError(filledValue) ? order.filledValue : filledValue;
            order.fees = FixedPoint.isError(fees) ? order.fees : fees;
            metrics.fills.increment();
            listener.onFill(order.orderId, order.venueOrderId + "-" + u.numberOfFills(), quantity, price, fee,
                "Market".equalsIgnoreCase(u.orderType()) || order.request.type() != CoinbaseOrderType.LIMIT_GTC
                    ? VenueResponseListener.LIQUIDITY_TAKER
                    : order.request.postOnly() ? VenueResponseListener.LIQUIDITY_MAKER : VenueResponseListener.LIQUIDITY_UNKNOWN);
        }
        if ("FILLED".equals(u.status()))
        {
            order.done = true;
        }
        else if ("CANCELLED".equals(u.status()) || "EXPIRED".equals(u.status()))
        {
            finishCancelled(order);
        }
    }

    /**
     * A quote-currency amount of the venue (filled value, fees). Unlike sizes these may carry more decimals
     * than the scale: a size of 8 decimals times a price of 2 has 10. They are rounded half-even to the scale,
     * not refused: refused, the fill's value read as 0 and the fill went to the core at price 0.
     */
    static long quoteAmount(final String text)
    {
        if (text == null)
        {
            return 0;
        }
        final long exact = FixedPoint.parse(text);
        if (exact != FixedPoint.ERR_TOO_MANY_DECIMALS)
        {
            return exact;
        }
        try
        {
            return FixedPoint.parse(new java.math.BigDecimal(text.trim())
                .setScale(FixedPoint.DECIMALS, java.math.RoundingMode.HALF_EVEN).toPlainString());
        }
        catch (final NumberFormatException ex)
        {
            return exact;
        }
    }

    private void accept(final TrackedOrder order, final String venueOrderId)
    {
        order.accepted = true;
        order.unknown = false;
        order.venueOrderId = venueOrderId;
        listener.onAccepted(order.orderId, venueOrderId);
        if (order.cancelWanted)
        {
            order.cancelWanted = false;
            pending.addFirst(new Cancel(order.orderId));
        }
    }

    private void reject(final TrackedOrder order, final int reason, final String detail)
    {
        order.done = true;
        listener.onRejected(order.orderId, reason, detail);
    }

    private void finishCancelled(final TrackedOrder order)
    {
        if (!order.done)
        {
            order.done = true;
            listener.onCancelled(order.orderId, order.venueOrderId);
        }
    }

    private void onBreakerTransition(final CircuitBreaker.State from, final CircuitBreaker.State to)
    {
        metrics.breakerState.set(to.ordinal());
        switch (to)
        {
            case OPEN: metrics.breakerOpened.increment(); break;
            case HALF_OPEN: metrics.breakerHalfOpened.increment(); break;
            default: metrics.breakerClosed.increment();
        }
    }

    /** Starts the agent thread. */
    public void start()
    {
        if (thread != null)
        {
            throw new IllegalStateException("already started");
        }
        running = true;
        final Thread t = new Thread(this::run, "peregrine-coinbase-orders");
        t.setDaemon(true);
        thread = t;
        t.start();
    }

    private void run()
    {
        while (running)
        {
            if (doWork() == 0)
            {
                // Woken by submit, a completion or an update; the bound covers token refills and cool-downs.
                LockSupport.parkNanos(this, Math.max(50_000L, Math.min(1_000_000L, bucket.nanosUntilNext())));
            }
        }
    }

    private void wake()
    {
        final Thread t = thread;
        if (t != null)
        {
            LockSupport.unpark(t);
        }
    }

    /** Stops the agent thread; requests still queued are dropped without answers. */
    @Override
    public void close()
    {
        closed = true;
        running = false;
        final Thread t = thread;
        if (t != null)
        {
            LockSupport.unpark(t);
            try
            {
                t.join(5_000);
            }
            catch (final InterruptedException ex)
            {
                Thread.currentThread().interrupt();
            }
        }
    }
}
