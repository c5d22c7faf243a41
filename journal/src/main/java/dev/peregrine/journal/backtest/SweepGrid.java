package dev.peregrine.journal.backtest;

import dev.peregrine.core.strategy.config.StrategySpec;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A parameter grid from {@code --sweep key=v1,v2,...} options: the cartesian product of the values, in
 * a fixed order (the first key varies slowest, values in the order given), so combination {@code n}
 * is the same every time and its journal folder {@code sweep/<n>} can be named before any run.
 */
public final class SweepGrid
{
    private final Map<String, List<String>> axes;

    private SweepGrid(final Map<String, List<String>> axes)
    {
        this.axes = axes;
    }

    /**
     * Parses the sweep options; every problem (no '=', no values, an empty or repeated value, a key swept
     * twice or also fixed with {@code --param}) is listed at once.
     *
     * @param fixed the strategy's fixed parameters, which a sweep key must not repeat
     * @throws BacktestException listing the problems
     */
    public static SweepGrid parse(final List<String> sweeps, final Map<String, String> fixed)
    {
        final Map<String, List<String>> axes = new LinkedHashMap<>();
        final List<String> problems = new ArrayList<>();
        for (final String sweep : sweeps)
        {
            final int eq = sweep.indexOf('=');
            if (eq <= 0)
            {
                problems.add("--sweep '" + sweep + "': expected key=v1,v2,...");
                continue;
            }
            final String key = sweep.substring(0, eq).trim();
            final List<String> values = new ArrayList<>();
            for (final String v : sweep.substring(eq + 1).split(",", -1))
            {
                final String value = v.trim();
                if (value.isEmpty())
                {
                    problems.add("--sweep '" + sweep + "': empty value");
                }
                else if (values.contains(value))
                {
                    problems.add("--sweep '" + sweep + "': value '" + value + "' given twice");
                }
                else
                {
                    values.add(value);
                }
            }
            if (axes.containsKey(key))
            {
                problems.add("--sweep: key '" + key + "' swept twice; give all its values in one --sweep");
            }
            else if (fixed.containsKey(key))
            {
                problems.add("--sweep: key '" + key + "' is also fixed by --param or the strategy spec; give it in one place");
            }
            axes.put(key, values);
        }
        if (!problems.isEmpty())
        {
            throw new BacktestException(problems);
        }
        return new SweepGrid(axes);
    }

    /** Number of combinations. */
    public int size()
    {
        int n = axes.isEmpty() ? 0 : 1;
        for (final List<String> values : axes.values())
        {
            n = Math.multiplyExact(n, values.size());
        }
        return n;
    }

    public List<String> keys()
    {
        return new ArrayList<>(axes.keySet());
    }

    /** Combination {@code index} (0-based): the swept keys and their values, in key order. */
    public Map<String, String> combination(final int index)
    {
        final Map<String, String> combination = new LinkedHashMap<>();
        int rest = index;
        final List<String> keys = keys();
        final int[] picks = new int[keys.size()];
        for (int k = keys.size() - 1; k >= 0; k--)
        {
            final List<String> values = axes.get(keys.get(k));
            picks[k] = rest % values.size();
            rest /= values.size();
        }
        for (int k = 0; k < keys.size(); k++)
        {
            combination.put(keys.get(k), axes.get(keys.get(k)).get(picks[k]));
        }
        return combination;
    }

    /** {@code base} with the combination's parameters added after its own. */
    public StrategySpec spec(final StrategySpec base, final int index)
    {
        final Map<String, String> params = new LinkedHashMap<>(base.params());
        params.putAll(combination(index));
        return new StrategySpec(base.name(), base.type(), params);
    }
}
