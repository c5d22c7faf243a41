package dev.peregrine.core.metrics;

import dev.peregrine.core.event.InboundEvent;
import org.HdrHistogram.SingleWriterRecorder;

/**
 * Where the core thread's time goes on each live input, split into the stages of the flow, in
 * nanoseconds per input:
 * <ul>
 *   <li><b>ring wait</b>: from the producer publishing the slot to the core starting on it;</li>
 *   <li><b>strategy</b>: inside strategy callbacks (including timers), less the risk and execution of the
 *       orders they placed;</li>
 *   <li><b>risk</b>: the trading-state gate and the risk chain, summed over the input's orders;</li>
 *   <li><b>execution</b>: from a passed check to the order handed to the venue (order store, decision
 *       record, outputs, paper matching), and the processing of venue answers, summed over the input.</li>
 * </ul>
 * Inputs without a strategy callback, an order or a venue answer record nothing for that stage, so a
 * percentile is "per input that reached the stage". Orders placed from inside an order-event callback (a
 * strategy reacting to a paper fill within the same input) count toward the enclosing execution.
 *
 * <p>Measurement only: {@link System#nanoTime()} never feeds a decision. Only inputs stamped with a
 * receive time are timed (0 in replay, recovery and backtests), so those paths pay one branch per call.
 * Written by the core thread only, read by the metrics sidecar through the recorders.
 */
public final class StageLatencies
{
    public final SingleWriterRecorder ringWaitNanos = recorder();
    public final SingleWriterRecorder strategyNanos = recorder();
    public final SingleWriterRecorder riskNanos = recorder();
    public final SingleWriterRecorder executionNanos = recorder();

    private boolean timing;
    private boolean inStrategy;
    private boolean strategyRan;
    private boolean riskRan;
    private boolean executionRan;
    private int executionDepth;
    private long executionStart;
    private long riskTotalAtExecutionStart;
    private long strategyStart;
    private long strategyTotal;
    private long nestedInStrategy;
    private long riskTotal;
    private long executionTotal;

    private static SingleWriterRecorder recorder()
    {
        return new SingleWriterRecorder(CoreMetrics.MAX_TRACKABLE_NANOS, 3);
    }

    /** Starts timing {@code event} if it is a live input, and records how long it waited in the ring. */
    public void beginEvent(final InboundEvent event)
    {
        timing = event.receiveNanoTime != 0;
        if (!timing)
        {
            return;
        }
        strategyRan = false;
        riskRan = false;
        executionRan = false;
        inStrategy = false;
        executionDepth = 0;
        strategyTotal = 0;
        nestedInStrategy = 0;
        riskTotal = 0;
        executionTotal = 0;
        if (event.publishNanoTime != 0)
        {
            record(ringWaitNanos, System.nanoTime() - event.publishNanoTime);
        }
    }

    /** Before a strategy callback; a no-op if the core is already inside one. */
    public void strategyStart()
    {
        if (timing && !inStrategy)
        {
            inStrategy = true;
            strategyStart = System.nanoTime();
        }
    }

    /** After the strategy callbacks of this input (the event's own and the timers'). */
    public void strategyEnd()
    {
        if (timing && inStrategy)
        {
            inStrategy = false;
            strategyRan = true;
            strategyTotal += System.nanoTime() - strategyStart;
        }
    }

    /** @return a start stamp for {@link #riskEnd}, 0 when this input is not timed */
    public long riskStart()
    {
        return timing ? System.nanoTime() : 0;
    }

    public void riskEnd(final long start)
    {
        if (timing)
        {
            final long spent = System.nanoTime() - start;
            riskRan = true;
            riskTotal += spent;
            if (inStrategy && executionDepth == 0)
            {
                nestedInStrategy += spent;
            }
        }
    }

    /** Around execution work; nested calls are timed by the outermost pair only. */
    public void executionStart()
    {
        if (timing && executionDepth++ == 0)
        {
            riskTotalAtExecutionStart = riskTotal;
            executionStart = System.nanoTime();
        }
    }

    public void executionEnd()
    {
        if (timing && --executionDepth == 0)
        {
            // Risk checks of orders placed within (an exit, a strategy reacting to a fill) count as risk.
            final long spent = System.nanoTime() - executionStart - (riskTotal - riskTotalAtExecutionStart);
            executionRan = true;
            executionTotal += spent;
            if (inStrategy)
            {
                nestedInStrategy += spent + (riskTotal - riskTotalAtExecutionStart);
            }
        }
    }

    /** Records the input's stages; called once at the end of every input. */
    public void endEvent()
    {
        if (!timing)
        {
            return;
        }
        timing = false;
        if (strategyRan)
        {
            record(strategyNanos, strategyTotal - nestedInStrategy);
        }
        if (riskRan)
        {
            record(riskNanos, riskTotal);
        }
        if (executionRan)
        {
            record(executionNanos, executionTotal);
        }
    }

    private static void record(final SingleWriterRecorder recorder, final long nanos)
    {
        recorder.recordValue(Math.min(Math.max(nanos, 0), CoreMetrics.MAX_TRACKABLE_NANOS));
    }
}
