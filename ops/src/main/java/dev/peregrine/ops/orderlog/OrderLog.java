package dev.peregrine.ops.orderlog;

import dev.peregrine.core.event.Side;
import dev.peregrine.core.order.Order;
import dev.peregrine.core.order.OrderState;
import dev.peregrine.core.order.OrderStore;
import dev.peregrine.ops.logging.JsonLine;
import dev.peregrine.ops.logging.JsonLog;

import dev.peregrine.core.agent.AgentErrors;
import dev.peregrine.core.agent.AgentThreads;
import org.agrona.concurrent.Agent;
import org.agrona.concurrent.AgentRunner;
import org.agrona.concurrent.BackoffIdleStrategy;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;

/**
 * The order log, off the hot path: the core's {@link OrderEventCapture} fills a ring; this agent drains it,
 * writes one JSON line per order event (with the order id as correlation id on every line) to its
 * {@link JsonLog}, if it has one, and keeps the {@link OpenOrderView} that {@code GET /admin/orders} reads.
 *
 * <p>An Agrona agent: {@link #doWork()} does one batch and returns how many events it handled, so it runs
 * on its own thread ({@link #start(AgentErrors)}, {@code peregrine-order-log}, parking briefly when idle) or
 * inline in a test. Exactly one thread may call {@link #doWork()} at a time (the ring's single consumer).
 */
public final class OrderLog implements Agent, AutoCloseable
{
    /** Events the ring holds: at a few hundred order events a second, many seconds of a stalled log. */
    public static final int DEFAULT_CAPACITY = 1 << 14;
    /** Events per {@link #doWork()} before the open-order snapshot is published. */
    private static final int BATCH = 1024;
    private static final long IDLE_PARK_NANOS = TimeUnit.MILLISECONDS.toNanos(1);
    /** How long {@link #close()} waits for a thread whose output is blocked before it gives up on it. */
    private static final int CLOSE_TIMEOUT_MILLIS = 5_000;
    private static final long FEED_CHECK_NANOS = TimeUnit.MILLISECONDS.toNanos(100);
    public static final String THREAD_NAME = "peregrine-order-log";

    private final OrderEventRing ring;
    private final OrderEventCapture capture;
    private final OpenOrderView view = new OpenOrderView();
    private OrderEventFormat format = new OrderEventFormat(List.of(), List.of());
    private volatile JsonLog sink;
    private volatile BooleanSupplier feedConnected;
    private boolean feedWasConnected;
    private long nextFeedCheckNanos;
    private volatile long eventsHandled;
    private volatile long failures;
    private volatile String firstFailure;

    private AgentRunner runner;

    public OrderLog(final int capacity)
    {
        this.ring = new OrderEventRing(capacity);
        this.capture = new OrderEventCapture(ring);
    }

    /** Attach to the core (through an {@code OutputFanOut}); disabled until {@link #recovered} enables it. */
    public OrderEventCapture capture()
    {
        return capture;
    }

    /** Product symbols by instrument id and strategy names by id - 1: set before {@link #start()}. */
    public void names(final List<String> products, final List<String> strategyNames)
    {
        this.format = new OrderEventFormat(products, strategyNames);
    }

    /** Where lines go; null (the default) keeps only the open-order view. Set before {@link #start()}. */
    public void sink(final JsonLog sink)
    {
        this.sink = sink;
    }

    public JsonLog sink()
    {
        return sink;
    }

    /** Logs {@code feed_connected} and {@code feed_disconnected} as this changes; null stops watching (any thread). */
    public void watchFeed(final BooleanSupplier connected)
    {
        this.feedConnected = connected;
    }

    /**
     * After crash recovery, while the core is idle and before the log thread starts: the orders the recovered
     * core holds open seed the view (marked {@code recovered}), and capturing starts. The recovered events
     * themselves are not logged again: the run that lived them logged them.
     */
    public void recovered(final OrderStore orders)
    {
        for (int i = 0; i < orders.openCount(); i++)
        {
            final Order o = orders.open(i);
            final String state = o.state() == OrderState.PENDING_NEW ? OpenOrder.SENT :
                o.state() == OrderState.PENDING_CANCEL ? OpenOrder.CANCEL_REQUESTED : OpenOrder.ACCEPTED;
            view.put(new OpenOrder(o.orderId(), o.strategyId(), format.strategyName(o.strategyId()), format.product(o.instrumentId()),
                Side.name(o.side()), o.type().name(), o.quantity(), o.limitPrice(), o.filledQuantity(), state,
                o.createdNanos(), o.updatedNanos(), true));
        }
        view.publish();
        capture.enabled(true);
    }

    /** Any thread: the open orders as of the last batch the log thread handled, oldest first. */
    public List<OpenOrder> openOrders()
    {
        return view.snapshot();
    }

    /** Order events lost because the ring was full. */
    public long dropped()
    {
        return capture.dropped();
    }

    public long eventsHandled()
    {
        return eventsHandled;
    }

    /** Events whose handling threw (a bug here, never the core's): counted, the first one kept. */
    public long failures()
    {
        return failures;
    }

    public String firstFailure()
    {
        return firstFailure;
    }

    /** One batch: drains up to {@link #BATCH} events, then publishes the view. Returns the events handled. */
    @Override
    public int doWork()
    {
        int handled = 0;
        OrderEventSlot slot;
        while (handled < BATCH && (slot = ring.poll()) != null)
        {
            try
            {
                handle(slot);
            }
            catch (final RuntimeException ex)
            {
                if (firstFailure == null)
                {
                    firstFailure = ex.toString();
                }
                failures++;
            }
            finally
            {
                ring.release();
            }
            handled++;
        }
        if (handled > 0)
        {
            eventsHandled += handled;
            view.publish();
        }
        checkFeed();
        return handled;
    }

    @Override
    public String roleName()
    {
        return THREAD_NAME;
    }

    /** Runs {@link #doWork()} on {@code peregrine-order-log} until {@link #close()}; errors count in {@code errors}. */
    public synchronized void start(final AgentErrors errors)
    {
        if (runner == null)
        {
            // Spin a little, then park up to the old loop's 1 ms: an order event waits at most that long.
            runner = AgentThreads.start(this, new BackoffIdleStrategy(10, 10, 1_000, IDLE_PARK_NANOS), errors);
        }
    }

    /**
     * Stops the thread, then drains what is left on the calling thread: call it after the core has stopped,
     * and every order event is logged. If the thread does not stop (its output is blocked), nothing more is
     * drained here, since the ring has one consumer.
     */
    @Override
    public synchronized void close()
    {
        if (runner != null)
        {
            try
            {
                // Agrona's runner retries a stuck thread forever; a blocked log must not hold up shutdown.
                runner.close(CLOSE_TIMEOUT_MILLIS, stuck ->
                {
                    throw new StuckThread();
                });
            }
            catch (final StuckThread ex)
            {
                return;
            }
        }
        while (doWork() > 0)
        {
            // the rest of the ring
        }
    }

    /** Thrown out of {@link AgentRunner#close(int, java.util.function.Consumer)} to stop it retrying. */
    private static final class StuckThread extends RuntimeException
    {
        private static final long serialVersionUID = 1L;

        StuckThread()
        {
            super(THREAD_NAME + " did not stop", null, false, false);
        }
    }

    private void handle(final OrderEventSlot e)
    {
        final OpenOrder before = e.kind == OrderEventKind.SUBMITTED ? null : view.known(e.orderId);
        final int strategyId = e.strategyId >= 0 ? e.strategyId : before != null ? before.strategyId() : -1;
        OpenOrder after = null;
        switch (e.kind)
        {
            case OrderEventKind.SUBMITTED:
                after = new OpenOrder(e.orderId, strategyId, format.strategyName(strategyId), format.product(e.instrumentId),
                    Side.name(e.side), e.type.name(), e.quantity, e.price, 0, OpenOrder.SENT, e.timeNanos, e.timeNanos,
                    false);
                view.put(after);
                break;
            case OrderEventKind.ACCEPTED:
                after = update(e.orderId, OpenOrder.ACCEPTED, e.timeNanos);
                break;
            case OrderEventKind.CANCEL_REQUESTED:
                after = update(e.orderId, OpenOrder.CANCEL_REQUESTED, e.timeNanos);
                break;
            case OrderEventKind.CANCEL_REFUSED:
                after = update(e.orderId, e.acknowledged ? OpenOrder.ACCEPTED : OpenOrder.SENT, e.timeNanos);
                break;
            case OrderEventKind.FILLED:
                final OpenOrder open = view.get(e.orderId);
                if (open != null)
                {
                    after = open.withFill(e.quantity, e.timeNanos);
                    if (after.leavesQuantity() <= 0)
                    {
                        view.put(after);
                        view.close(e.orderId);
                    }
                    else
                    {
                        view.put(after);
                    }
                }
                break;
            default:
                view.close(e.orderId);
                break;
        }
        final JsonLog out = sink;
        if (out != null)
        {
            // A late fill (of an order already closed) has no filled_quantity or leaves: the view no longer tracks it.
            out.write(format.line(e, strategyId, after));
        }
    }

    private OpenOrder update(final long orderId, final String state, final long timeNanos)
    {
        final OpenOrder open = view.get(orderId);
        if (open == null)
        {
            return null;
        }
        final OpenOrder updated = open.withState(state, timeNanos);
        view.put(updated);
        return updated;
    }

    private void checkFeed()
    {
        final BooleanSupplier connected = feedConnected;
        if (connected == null)
        {
            return;
        }
        final long now = System.nanoTime();
        if (now - nextFeedCheckNanos < 0)
        {
            return;
        }
        nextFeedCheckNanos = now + FEED_CHECK_NANOS;
        final boolean isConnected = connected.getAsBoolean();
        if (isConnected != feedWasConnected)
        {
            feedWasConnected = isConnected;
            final JsonLog out = sink;
            if (out != null)
            {
                out.write(JsonLine.now(isConnected ? JsonLine.INFO : JsonLine.WARN,
                    isConnected ? "feed_connected" : "feed_disconnected"));
            }
        }
    }

    /** Strategy names of a running core, by id - 1. */
    public static List<String> strategyNames(final dev.peregrine.core.strategy.StrategySet strategies)
    {
        final List<String> names = new ArrayList<>();
        for (int i = 0; i < strategies.count(); i++)
        {
            names.add(strategies.get(i).name());
        }
        return names;
    }
}
