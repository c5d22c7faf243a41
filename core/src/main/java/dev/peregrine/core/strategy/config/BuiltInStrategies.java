package dev.peregrine.core.strategy.config;

import dev.peregrine.core.strategy.MovingAverageCrossover;
import dev.peregrine.core.strategy.builtin.MarketMaker;
import dev.peregrine.core.strategy.builtin.MeanReversion;
import dev.peregrine.core.strategy.builtin.PerpetualTrend;
import dev.peregrine.core.strategy.builtin.TrendFollowing;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * The strategy types Peregrine ships, by name, and the one place configuration becomes strategies:
 * {@link #configure} checks every spec (type known, parameters valid, names unique) and reports all
 * problems at once, before anything connects.
 */
public final class BuiltInStrategies
{
    private static final List<StrategyDefinition> DEFINITIONS = List.of(
        MovingAverageCrossover.DEFINITION, TrendFollowing.DEFINITION, MeanReversion.DEFINITION,
        MarketMaker.DEFINITION, PerpetualTrend.DEFINITION);

    private BuiltInStrategies()
    {
    }

    public static List<StrategyDefinition> all()
    {
        return DEFINITIONS;
    }

    /** The definition of {@code type}, or null. */
    public static StrategyDefinition find(final String type)
    {
        for (final StrategyDefinition definition : DEFINITIONS)
        {
            if (definition.type().equals(type))
            {
                return definition;
            }
        }
        return null;
    }

    /**
     * One line per strategy of {@code specs} that cannot run on data without an L2 book (trades or candles
     * only), naming the strategy, the data and what to do instead; empty when all can.
     *
     * @param data how to name the data in the line, e.g. {@code "--data btc.csv (trades)"}.
     */
    public static List<String> bookless(final List<StrategySpec> specs, final String data)
    {
        final List<String> problems = new ArrayList<>();
        for (final StrategySpec spec : specs)
        {
            final StrategyDefinition definition = find(spec.type());
            if (definition != null && definition.needsBook())
            {
                problems.add("strategy '" + spec.name() + "' (" + spec.type() + ") cannot run on " + data +
                    ": it quotes on the L2 order book, which trades and candles do not carry; backtest it on a journal " +
                    "recorded by 'peregrine demo' or 'peregrine run', or choose a trade-driven strategy (--list-strategies)");
            }
        }
        return problems;
    }

    public static List<String> types()
    {
        final List<String> types = new ArrayList<>();
        for (final StrategyDefinition definition : DEFINITIONS)
        {
            types.add(definition.type());
        }
        return types;
    }

    /**
     * Validates and builds the factories of {@code specs}, in order (the first gets strategy id 1).
     *
     * @throws StrategyConfigException listing every problem of every spec.
     */
    public static List<NamedStrategy> configure(final List<StrategySpec> specs, final List<String> products,
        final long[] defaultQuantity)
    {
        final List<String> problems = new ArrayList<>();
        final List<NamedStrategy> strategies = new ArrayList<>();
        final Set<String> names = new HashSet<>();
        if (specs.size() > dev.peregrine.core.execution.ExecutionEngine.MAX_STRATEGIES)
        {
            problems.add("at most " + dev.peregrine.core.execution.ExecutionEngine.MAX_STRATEGIES +
                " strategies per engine, got " + specs.size());
        }
        for (final StrategySpec spec : specs)
        {
            if (!names.add(spec.name()))
            {
                problems.add("strategy name '" + spec.name() + "' is used twice; give each a unique name=");
            }
            final StrategyDefinition definition = find(spec.type());
            if (definition == null)
            {
                problems.add("strategy '" + spec.name() + "': unknown type '" + spec.type() + "' (known: " +
                    String.join(", ", types()) + ")");
                continue;
            }
            final StrategyParams params = new StrategyParams(spec, products, defaultQuantity);
            final dev.peregrine.core.strategy.StrategyFactory factory = definition.configure(params);
            final List<String> found = params.problems();
            problems.addAll(found);
            if (found.isEmpty() && factory != null)
            {
                strategies.add(new NamedStrategy(spec.name(), spec.type(), factory));
            }
        }
        if (!problems.isEmpty())
        {
            throw new StrategyConfigException(problems);
        }
        return strategies;
    }
}
