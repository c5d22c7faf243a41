package dev.peregrine.ops.metrics;

import dev.peregrine.core.agent.AgentErrors;
import dev.peregrine.core.agent.AgentThreads;
import org.HdrHistogram.Histogram;
import org.HdrHistogram.SingleWriterRecorder;
import org.agrona.concurrent.Agent;
import org.agrona.concurrent.AgentRunner;
import org.agrona.concurrent.SleepingIdleStrategy;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * The metrics sidecar. Once per interval it swaps each recorder's interval histogram (the
 * recorder's writer, the core or outbound thread, never waits for this) and folds it into a cumulative
 * histogram for Prometheus, keeping the last interval for the status line.
 *
 * <p>An Agrona agent: its duty cycle samples when an interval is due, and {@link #start()} runs it on
 * {@code peregrine-metrics} (errors counted in the {@link AgentErrors} it was given); a test calls
 * {@link #sample()} or {@link #doWork()} inline.
 *
 * <p>Readers (the HTTP scrape thread, the status printer) take this object's lock; the recording
 * threads never do.
 */
public final class LatencySidecar implements Agent, AutoCloseable
{
    /** The thread's name, as before the agent: dashboards and thread dumps know it. */
    public static final String ROLE_NAME = "peregrine-metrics";
    /** An idle duty cycle sleeps at most this long, so a sample is at most this late. */
    private static final long MAX_IDLE_NANOS = TimeUnit.MILLISECONDS.toNanos(10);

    /** A recorder and what the sidecar made of it so far. */
    public static final class Series
    {
        private final String name;
        private final String labelName;
        private final String labelValue;
        private final SingleWriterRecorder recorder;
        private final Histogram cumulative;
        private Histogram interval;
        private final Histogram lastInterval;

        Series(final String name, final String labelName, final String labelValue, final SingleWriterRecorder recorder)
        {
            this.name = name;
            this.labelName = labelName;
            this.labelValue = labelValue;
            this.recorder = recorder;
            // Auto-resizing: a recorder may hold values past maxValue (a replayed capture's exchange lag is
            // months), and the sidecar is off the hot path, so growing here is fine.
            this.cumulative = new Histogram(3);
            this.lastInterval = new Histogram(3);
        }

        /** The metric's name without prefix and unit: {@code peregrine_<name>_seconds}. */
        public String name()
        {
            return name;
        }

        /** The {@code stage} label of a {@link #STAGE_LATENCY} series, else null. */
        public String stage()
        {
            return "stage".equals(labelName) ? labelValue : null;
        }

        /** The name of the series' one label ({@code stage}, {@code product}), or null for a series without. */
        public String labelName()
        {
            return labelName;
        }

        /** The value of that label, or null. */
        public String labelValue()
        {
            return labelValue;
        }

        /** What the summary prints it as: the stage, the name and its product, or the name. */
        public String displayName()
        {
            return labelName == null ? name : "stage".equals(labelName) ? labelValue : name + " " + labelValue;
        }
    }

    private final List<Series> series = new ArrayList<>();
    private long errors;
    private final long intervalNanos;
    private final AgentErrors agentErrors;
    private long nextSampleNanos;
    private AgentRunner runner;

    /** A sidecar whose agent errors are counted apart (tests, a sidecar sampled inline). */
    public LatencySidecar(final long intervalMillis)
    {
        this(intervalMillis, new AgentErrors());
    }

    /** A sidecar whose agent errors count in {@code agentErrors} (the engine's, exported on /metrics). */
    public LatencySidecar(final long intervalMillis, final AgentErrors agentErrors)
    {
        this.intervalNanos = TimeUnit.MILLISECONDS.toNanos(intervalMillis);
        this.agentErrors = agentErrors;
    }

    /** The one histogram family of the flow's stages, told apart by a {@code stage} label. */
    public static final String STAGE_LATENCY = "stage_latency";

    /** Registers a recorder before {@link #start()}. */
    public synchronized Series track(final String name, final SingleWriterRecorder recorder, final long maxValue)
    {
        final Series s = new Series(name, null, null, recorder);
        series.add(s);
        return s;
    }

    /** Registers one stage of the flow ({@code peregrine_stage_latency_seconds{stage=...}}) before {@link #start()}. */
    public synchronized Series trackStage(final String stage, final SingleWriterRecorder recorder)
    {
        final Series s = new Series(STAGE_LATENCY, "stage", stage, recorder);
        series.add(s);
        return s;
    }

    /** The mark lag histogram family: venue time of a mark to its receive, a data point per {@code product}. */
    public static final String MARK_LAG = "mark_lag";

    /** Registers one series of a labelled family ({@code peregrine_<name>_seconds{label=value}}) before {@link #start()}. */
    public synchronized Series trackLabelled(final String name, final String label, final String value,
        final SingleWriterRecorder recorder)
    {
        final Series s = new Series(name, label, value, recorder);
        series.add(s);
        return s;
    }

    /** Runs the agent on {@code peregrine-metrics} until {@link #close()}. */
    public synchronized void start()
    {
        if (runner == null)
        {
            runner = AgentThreads.start(this,
                new SleepingIdleStrategy(Math.min(intervalNanos, MAX_IDLE_NANOS)), agentErrors);
        }
    }

    @Override
    public void onStart()
    {
        nextSampleNanos = System.nanoTime() + intervalNanos;
    }

    /** Samples once an interval has passed since the last sample; returns 1 if it sampled. */
    @Override
    public int doWork()
    {
        if (System.nanoTime() - nextSampleNanos < 0)
        {
            return 0;
        }
        sample();
        nextSampleNanos += intervalNanos;
        return 1;
    }

    @Override
    public String roleName()
    {
        return ROLE_NAME;
    }

    /**
     * Swaps every interval histogram now; the sidecar thread calls it, tests and shutdown may too. A
     * series that fails is counted and skipped: metrics must never take the engine down.
     */
    public synchronized void sample()
    {
        for (final Series s : series)
        {
            try
            {
                s.interval = s.recorder.getIntervalHistogram(s.interval);
                s.cumulative.add(s.interval);
                // Into the pre-allocated histogram: a copy() per series per interval was the daemon's largest
                // steady garbage (about 1.9 MB/s with the default series, a collection every few seconds).
                s.interval.copyInto(s.lastInterval);
            }
            catch (final RuntimeException ex)
            {
                errors++;
            }
        }
    }

    /** Samples that failed (and were skipped) so far. */
    public synchronized long errors()
    {
        return errors;
    }

    /** Value at a percentile of the last interval, in the recorded unit (0 if nothing was recorded). */
    public synchronized long lastIntervalPercentile(final Series s, final double percentile)
    {
        return s.lastInterval.getTotalCount() == 0 ? 0 : s.lastInterval.getValueAtPercentile(percentile);
    }

    /** Value at a percentile of everything recorded so far. */
    public synchronized long cumulativePercentile(final Series s, final double percentile)
    {
        return s.cumulative.getTotalCount() == 0 ? 0 : s.cumulative.getValueAtPercentile(percentile);
    }

    /** A copy of everything recorded so far (allocates: for benchmarks that read a span as the difference of two). */
    public synchronized Histogram cumulativeCopy(final Series s)
    {
        return s.cumulative.copy();
    }

    /**
     * Cumulative counts at or below each upper bound (same unit as recorded), plus total count and sum,
     * for a Prometheus histogram: {@code result[i]} for {@code bounds[i]}, then count, then sum.
     */
    public synchronized double[] cumulativeBuckets(final Series s, final long[] bounds)
    {
        final double[] result = new double[bounds.length + 2];
        final Histogram h = s.cumulative;
        for (int i = 0; i < bounds.length; i++)
        {
            result[i] = h.getTotalCount() == 0 ? 0 : h.getCountBetweenValues(0, bounds[i]);
        }
        result[bounds.length] = h.getTotalCount();
        result[bounds.length + 1] = h.getTotalCount() == 0 ? 0 : h.getMean() * h.getTotalCount();
        return result;
    }

    public synchronized List<Series> series()
    {
        return List.copyOf(series);
    }

    /** Stops the agent (its thread has ended when this returns), then samples what was recorded since. */
    @Override
    public void close() throws InterruptedException
    {
        final AgentRunner started;
        synchronized (this)
        {
            started = runner;
        }
        if (started != null)
        {
            started.close();
        }
        sample();
    }
}
