package dev.peregrine.core.ring;

import com.lmax.disruptor.EventHandler;
import dev.peregrine.core.decision.DecisionQueue;
import dev.peregrine.core.decision.DecisionSink;
import dev.peregrine.core.engine.TradingSwitch;
import dev.peregrine.core.event.InboundEvent;
import dev.peregrine.core.event.OrderCommand;
import dev.peregrine.core.execution.OrderSender;
import dev.peregrine.core.metrics.CoreMetrics;

/**
 * The third stage of the ring: it runs after both the journal and the core have finished with a slot,
 * so an order only leaves once the input that caused it is durable. If trading was halted (for example
 * because a journal append failed) it withholds new orders instead of sending them unjournaled; cancels
 * still go out.
 */
public final class OutboundStage implements EventHandler<InboundEvent>
{
    private final OrderSender sender;
    private final TradingSwitch tradingSwitch;
    private final CoreMetrics metrics;

    private final DecisionQueue decisions;
    private final DecisionSink decisionSink;

    public OutboundStage(final OrderSender sender, final TradingSwitch tradingSwitch, final CoreMetrics metrics)
    {
        this(sender, tradingSwitch, metrics, null, null);
    }

    /**
     * @param decisions    the core's decisions, drained here after each input (so a decision is journaled
     *                     once its input is), or null for none.
     * @param decisionSink where drained decisions are written.
     */
    public OutboundStage(final OrderSender sender, final TradingSwitch tradingSwitch, final CoreMetrics metrics,
        final DecisionQueue decisions, final DecisionSink decisionSink)
    {
        this.sender = sender;
        this.tradingSwitch = tradingSwitch;
        this.metrics = metrics;
        this.decisions = decisions;
        this.decisionSink = decisionSink;
    }

    /**
     * On the outbound thread as the ring stops: the last decisions are journaled here, by the one thread
     * that drains the queue (a second drainer racing it could write a decision twice), and the stop is
     * signalled for {@link #awaitShutdown}.
     */
    @Override
    public void onShutdown()
    {
        try
        {
            if (decisions != null)
            {
                // Only decisions of inputs this stage has passed: those are journaled. Any later ones (a halt
                // stopped the ring with the core ahead) have no cause on the journal and must not be written.
                decisions.drain(decisionSink, lastSequence);
            }
        }
        finally
        {
            shutdown.countDown();
        }
    }

    /** Waits (bounded) until the outbound thread has finished; after that another thread may drain safely. */
    public boolean awaitShutdown(final long timeout, final java.util.concurrent.TimeUnit unit) throws InterruptedException
    {
        return shutdown.await(timeout, unit);
    }

    /** The last input this stage processed (so the journal and the core both had it). */
    private long lastSequence = -1;

    private final java.util.concurrent.CountDownLatch shutdown = new java.util.concurrent.CountDownLatch(1);

    @Override
    public void onEvent(final InboundEvent event, final long sequence, final boolean endOfBatch)
    {
        sendOrders(event);
        lastSequence = sequence;
        if (decisions != null)
        {
            // The core may be inputs ahead of this stage: drain only what inputs up to this one decided.
            decisions.drain(decisionSink, sequence);
        }
    }

    private void sendOrders(final InboundEvent event)
    {
        final int count = event.orderCount;
        if (count == 0)
        {
            return;
        }
        // While halted (a failed journal) new orders are withheld, but cancels still go out: taking risk
        // off the venue is always allowed, and a kill must reach it.
        final boolean halted = tradingSwitch.isHalted();
        int released = 0;
        for (int i = 0; i < count; i++)
        {
            final OrderCommand command = event.orders[i];
            if (halted && command.action != OrderCommand.CANCEL)
            {
                metrics.ordersWithheld.increment();
                continue;
            }
            sender.send(command);
            released++;
        }
        metrics.ordersReleased.add(released);
        if (event.receiveNanoTime != 0)
        {
            final long latency = System.nanoTime() - event.receiveNanoTime;
            metrics.tickToOrderNanos.recordValue(Math.min(Math.max(latency, 0), CoreMetrics.MAX_TRACKABLE_NANOS));
        }
    }
}
