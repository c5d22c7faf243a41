package dev.peregrine.journal.backtest;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A parameter sweep: one backtest per combination of a {@link SweepGrid}, run in parallel, each with its
 * own core, its own reader of the data and its own journal ({@code <dir>/<n>}, n = combination number
 * from 1). The runs share nothing, and a backtest depends only on its inputs, so each row equals what
 * running that combination alone gives (digest and state hash included).
 */
public final class Sweep
{
    /** One combination's outcome; {@code number} is 1-based, the grid order. */
    public record Row(int number, Map<String, String> combination, BacktestResult result)
    {
    }

    private final SweepGrid grid;
    private final List<BacktestPlan> plans;
    private final List<BacktestProgress> progress;

    private Sweep(final SweepGrid grid, final List<BacktestPlan> plans)
    {
        this.grid = grid;
        this.plans = plans;
        this.progress = new ArrayList<>();
        for (int i = 0; i < plans.size(); i++)
        {
            progress.add(new BacktestProgress());
        }
    }

    /**
     * Plans every combination before any runs, so a value a strategy refuses is reported (with all the
     * others) before hours of computing.
     *
     * @throws BacktestException listing every problem of every combination
     */
    public static Sweep plan(final BacktestRequest base, final SweepGrid grid)
    {
        final List<BacktestPlan> plans = new ArrayList<>();
        final LinkedHashSet<String> problems = new LinkedHashSet<>();
        for (int i = 0; i < grid.size(); i++)
        {
            try
            {
                plans.add(Backtest.plan(base.withStrategy(grid.spec(base.strategy(), i))));
            }
            catch (final BacktestException e)
            {
                problems.addAll(e.problems()); // the same problem in many combinations is listed once
            }
        }
        if (!problems.isEmpty())
        {
            throw new BacktestException(new ArrayList<>(problems));
        }
        return new Sweep(grid, plans);
    }

    public int size()
    {
        return plans.size();
    }

    public SweepGrid grid()
    {
        return grid;
    }

    /** The plan of combination {@code index} (0-based). */
    public BacktestPlan plan(final int index)
    {
        return plans.get(index);
    }

    /** Progress of every combination's run, in grid order; read by a display on another thread. */
    public List<BacktestProgress> progress()
    {
        return progress;
    }

    /**
     * Runs every combination on {@code threads} threads and returns the rows in grid order, whatever order the
     * runs finish in (each row depends only on its plan). The first failure stops the sweep (the runs not
     * started are skipped) and is rethrown.
     *
     * @param dir the folder of the journals ({@code <dir>/<n>}); null keeps none
     */
    public List<Row> run(final Path dir, final int threads)
    {
        final int n = plans.size();
        final AtomicInteger threadNumber = new AtomicInteger();
        final ExecutorService pool = Executors.newFixedThreadPool(Math.max(1, Math.min(threads, n)), r ->
        {
            final Thread t = new Thread(r, "peregrine-sweep-" + threadNumber.incrementAndGet());
            t.setDaemon(true);
            return t;
        });
        try
        {
            final List<Future<BacktestResult>> futures = new ArrayList<>();
            for (int i = 0; i < n; i++)
            {
                final int index = i;
                final Path journal = dir == null ? null : dir.resolve(Integer.toString(index + 1));
                futures.add(pool.submit(() -> Backtest.run(plans.get(index), journal, progress.get(index), null, false)));
            }
            final List<Row> rows = new ArrayList<>();
            for (int i = 0; i < n; i++)
            {
                rows.add(new Row(i + 1, grid.combination(i), await(futures, i)));
            }
            return rows;
        }
        finally
        {
            pool.shutdownNow();
        }
    }

    private static BacktestResult await(final List<Future<BacktestResult>> futures, final int index)
    {
        try
        {
            return futures.get(index).get();
        }
        catch (final InterruptedException e)
        {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("sweep interrupted", e);
        }
        catch (final ExecutionException e)
        {
            for (final Future<BacktestResult> other : futures)
            {
                other.cancel(true);
            }
            final Throwable cause = e.getCause();
            if (cause instanceof RuntimeException)
            {
                throw (RuntimeException)cause;
            }
            throw new IllegalStateException("sweep combination " + (index + 1) + " failed: " + cause, cause);
        }
    }

    /** {@code rows} best first by {@code metric}; ties in grid order. */
    public static List<Row> sorted(final List<Row> rows, final SweepMetric metric)
    {
        final List<Row> sorted = new ArrayList<>(rows);
        sorted.sort(Comparator.comparing(Row::result, metric.order()).thenComparingInt(Row::number));
        return sorted;
    }
}
