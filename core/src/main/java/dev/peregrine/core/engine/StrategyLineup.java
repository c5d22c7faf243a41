package dev.peregrine.core.engine;

import dev.peregrine.core.metrics.CoreMetrics;
import dev.peregrine.core.strategy.MovingAverageCrossover;
import dev.peregrine.core.strategy.StrategyParts;
import dev.peregrine.core.strategy.StrategyRunner;
import dev.peregrine.core.strategy.StrategySet;
import dev.peregrine.core.strategy.config.BuiltInStrategies;
import dev.peregrine.core.strategy.config.NamedStrategy;

import java.util.ArrayList;
import java.util.List;

/**
 * Builds the core's strategies over its parts: once when the core is assembled, and again for a settings
 * change that keeps some strategies and replaces others. Strategy ids are 1, 2, ... in list order. Not on
 * the hot path.
 */
final class StrategyLineup
{
    private final StrategyParts parts;
    private final CoreMetrics metrics;

    StrategyLineup(final StrategyParts parts, final CoreMetrics metrics)
    {
        this.parts = parts;
        this.metrics = metrics;
    }

    /** The core's parts the strategies run against (the core runs over the same ones). */
    StrategyParts parts()
    {
        return parts;
    }

    /** The strategies {@code settings} configure: the moving-average crossover when none is configured. */
    static List<NamedStrategy> configured(final EngineSettings settings)
    {
        if (settings.strategies().isEmpty())
        {
            return List.of(new NamedStrategy(MovingAverageCrossover.NAME, MovingAverageCrossover.NAME,
                context -> new MovingAverageCrossover(context, settings.fastWindow(), settings.slowWindow(),
                    null, settings.passiveOrders(), settings.minHoldNanos(), false)));
        }
        return BuiltInStrategies.configure(settings.strategies(), settings.products(), settings.orderQuantity());
    }

    /** {@code strategies} running under {@code settings}, and their order events wired to them. */
    StrategySet build(final List<NamedStrategy> strategies, final EngineSettings settings)
    {
        final List<StrategyRunner> runners = new ArrayList<>();
        for (final NamedStrategy named : strategies)
        {
            runners.add(runner(runners.size() + 1, named, settings));
        }
        return wired(runners);
    }

    /** The strategies {@code next} configures, keeping those the change keeps from {@code current}. */
    StrategySet rebuild(final StrategySet current, final SettingsChange change, final EngineSettings next)
    {
        final List<NamedStrategy> configured = configured(next);
        final List<StrategyRunner> runners = new ArrayList<>();
        for (int i = 0; i < configured.size(); i++)
        {
            runners.add(change.keepsStrategy(i) ? current.get(i) : runner(i + 1, configured.get(i), next));
        }
        return wired(runners);
    }

    private StrategySet wired(final List<StrategyRunner> runners)
    {
        final StrategySet set = new StrategySet(runners);
        parts.execution().orderEvents(set);
        return set;
    }

    private StrategyRunner runner(final int id, final NamedStrategy named, final EngineSettings with)
    {
        final StrategyRunner runner = new StrategyRunner(id, named.name(), parts, with.orderQuantity(),
            with.orderNotional(), metrics.strategyFailures);
        runner.attach(named.factory());
        return runner;
    }
}
