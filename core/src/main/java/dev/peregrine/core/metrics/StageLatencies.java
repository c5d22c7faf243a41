package dev.peregrine.core.metrics;

import dev.peregrine.core.event.InboundEvent;
import org.HdrHistogram.SingleWriterRecorder;

/**
 * Where the core thread's time goes on each live input, split into the stages of the flow, in
 * nanoseconds per input:
 * <ul>
 *   <li><b>ring wait</b>: from the producer publishing the slot to the core starting on it, which includes the
 *       journal's append of it (the core stage runs after the journal stage, see InboundRing);</li>
 *   <li><b>strategy</b>: from the core starting on the input to the end of its strategy callbacks (the
 *       event's and the timers'): market state, book, bars and indicators, and the strategies' own logic,
 *       less the risk and execution of any order placed meanwhile;</li>
 *   <li><b>risk</b>: the trading-state gate and the risk chain, summed over the input's orders;</li>
 *   <li><b>execution</b>: from a passed check to the order handed to the venue (order store, decision
 *       record, outputs, paper matching), and the processing of venue answers, summed over the input.</li>
 * </ul>
 * Inputs without an order or a venue answer record no risk or execution, so those percentiles are "per
 * input that reached the stage". Orders placed from inside an order-event callback (a strategy reacting to
 * a paper fill within the same input) count toward the enclosing execution. What follows the strategy
 * (exit rules, time-outs, gauges) is in tick-to-decision only.
 *
 * <p>Cost: two clock reads per input on the core thread (the start, and the end of the strategy; the end of
 * the input is tick-to-decision's read) plus two per order, and one on the producer for the publish stamp.
 * {@link #sampleEvery} times ring wait and strategy on one live input in N instead (risk and execution stay
 * timed on every order: orders are rare and their path is long), for an operator who wants the per-input
 * cost lower; the histograms then hold one input in N, which leaves their percentiles unbiased.
 * Measurement only: {@link System#nanoTime()} never feeds a decision. Only inputs stamped with a receive
 * time are timed (0 in replay, recovery and backtests), so those paths pay one branch per call. Written by
 * the core thread only, read by the metrics sidecar through the recorders.
 */
public final class StageLatencies
{
    public final SingleWriterRecorder ringWaitNanos = recorder();
    public final SingleWriterRecorder strategyNanos = recorder();
    public final SingleWriterRecorder riskNanos = recorder();
    public final SingleWriterRecorder executionNanos = recorder();

    private boolean timing;
    /** This input's ring wait and strategy are timed (one live input in {@link #sampleEvery}). */
    private boolean sampled;
    private long sampleMask;
    private long liveInputs;
    private boolean strategyRan;
    private boolean riskRan;
    private boolean executionRan;
    private int executionDepth;
    private long eventStart;
    private long executionStart;
    private long riskTotalAtExecutionStart;
    private long strategyTotal;
    private long riskTotal;
    private long executionTotal;

    private static SingleWriterRecorder recorder()
    {
        return new SingleWriterRecorder(CoreMetrics.MAX_TRACKABLE_NANOS, 3);
    }

    /**
     * Times ring wait and strategy on one live input in {@code n} (a power of two; 1, the default, times every
     * one). Call before the core thread starts.
     */
    public void sampleEvery(final int n)
    {
        if (n < 1 || Integer.bitCount(n) != 1)
        {
            throw new IllegalArgumentException("the stage sample interval must be a power of two >= 1, was " + n);
        }
        sampleMask = n - 1;
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
        executionDepth = 0;
        riskTotal = 0;
        executionTotal = 0;
        sampled = (liveInputs++ & sampleMask) == 0;
        if (!sampled)
        {
            return;
        }
        eventStart = System.nanoTime();
        if (event.publishNanoTime != 0)
        {
            record(ringWaitNanos, eventStart - event.publishNanoTime);
        }
    }

    /** After the input's last strategy callback (the timers'): closes the strategy stage. */
    public void strategyEnd()
    {
        if (sampled && timing)
        {
            strategyRan = true;
            strategyTotal = System.nanoTime() - eventStart - riskTotal - executionTotal;
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
            riskRan = true;
            riskTotal += System.nanoTime() - start;
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
            executionRan = true;
            executionTotal += System.nanoTime() - executionStart - (riskTotal - riskTotalAtExecutionStart);
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
            record(strategyNanos, strategyTotal);
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
