package dev.peregrine.ops.backtest;

import dev.peregrine.core.agent.AgentErrors;
import dev.peregrine.core.agent.AgentThreads;
import org.agrona.concurrent.Agent;
import org.agrona.concurrent.AgentRunner;
import org.agrona.concurrent.SleepingMillisIdleStrategy;

import java.io.PrintWriter;
import java.util.List;
import java.util.Locale;
import java.util.function.DoubleSupplier;
import java.util.function.LongSupplier;

/**
 * A one-line progress display on stderr for long backtests: bar, percent, events, events/s and time
 * left, redrawn with a carriage return at most {@link #REDRAWS_PER_SECOND} times a second by an agent on
 * its own daemon thread ({@code peregrine-progress}). It only reads the counters the runs publish ({@code BacktestProgress}), so the hot loop
 * pays nothing for it. Time left is extrapolated from the fraction of the input read (bytes of the
 * file); a journal input cannot tell, so it shows events and the rate only.
 */
public final class ProgressBar implements Agent, AutoCloseable
{
    public static final int REDRAWS_PER_SECOND = 4;
    private static final int WIDTH = 30;
    private static final long REDRAW_NANOS = 1_000_000_000L / REDRAWS_PER_SECOND;
    private static final long IDLE_MILLIS = 50;

    private final PrintWriter err;
    private final LongSupplier events;
    private final DoubleSupplier fraction;
    private final String label;
    private final long started = System.nanoTime();
    private final AgentRunner runner;
    private long lastDrawNanos = started;
    private int lastLength;

    /**
     * @param events   events so far (all runs of a sweep together)
     * @param fraction 0 to 1, or negative when unknown
     */
    public ProgressBar(final PrintWriter err, final String label, final LongSupplier events, final DoubleSupplier fraction)
    {
        this.err = err;
        this.label = label;
        this.events = events;
        this.fraction = fraction;
        this.runner = AgentThreads.start(this, new SleepingMillisIdleStrategy(IDLE_MILLIS), new AgentErrors());
    }

    /** The mean of the known fractions of several runs, or -1 when none is known. */
    public static double meanFraction(final List<dev.peregrine.journal.backtest.BacktestProgress> runs)
    {
        double sum = 0;
        for (final dev.peregrine.journal.backtest.BacktestProgress run : runs)
        {
            final double f = run.fraction();
            if (f < 0)
            {
                return -1;
            }
            sum += f;
        }
        return runs.isEmpty() ? -1 : sum / runs.size();
    }

    @Override
    public String roleName()
    {
        return "peregrine-progress";
    }

    /** Redraws once a redraw interval has passed since the last one (the first one interval after the start). */
    @Override
    public int doWork()
    {
        final long now = System.nanoTime();
        if (now - lastDrawNanos < REDRAW_NANOS)
        {
            return 0;
        }
        lastDrawNanos = now;
        draw();
        return 1;
    }

    private void draw()
    {
        final String line = line(label, events.getAsLong(), fraction.getAsDouble(), (System.nanoTime() - started) / 1e9);
        final StringBuilder sb = new StringBuilder("\r").append(line);
        for (int i = line.length(); i < lastLength; i++)
        {
            sb.append(' ');
        }
        lastLength = line.length();
        err.print(sb);
        err.flush();
    }

    /** The text of one redraw; a pure function for tests. */
    static String line(final String label, final long events, final double fraction, final double seconds)
    {
        final double rate = seconds > 0 ? events / seconds : 0;
        final StringBuilder sb = new StringBuilder(label).append(' ');
        if (fraction >= 0)
        {
            final int filled = (int)Math.round(Math.min(1.0, fraction) * WIDTH);
            sb.append('[').append("#".repeat(filled)).append(".".repeat(WIDTH - filled)).append("] ")
                .append(String.format(Locale.ROOT, "%3.0f%% ", fraction * 100));
        }
        sb.append(String.format(Locale.ROOT, "%,d events, %,.0f events/s", events, rate));
        if (fraction > 0.001 && fraction < 1)
        {
            final long left = Math.round(seconds * (1 - fraction) / fraction);
            sb.append(String.format(Locale.ROOT, ", %d:%02d left", left / 60, left % 60));
        }
        return sb.toString();
    }

    /** Stops the display and clears its line, so the summary starts on a clean line. */
    @Override
    public void close()
    {
        runner.close(); // returns once the agent's thread is done: no redraw after the line is cleared
        err.print("\r" + " ".repeat(lastLength) + "\r");
        err.flush();
    }
}
