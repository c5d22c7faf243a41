package dev.peregrine.core.engine;

import dev.peregrine.core.execution.ExecutionEngine;
import dev.peregrine.core.execution.PositionBook;
import dev.peregrine.core.instrument.InstrumentRegistry;
import dev.peregrine.core.market.FeedHealth;
import dev.peregrine.core.market.InstrumentRules;
import dev.peregrine.core.market.MarketState;
import dev.peregrine.core.metrics.CoreMetrics;
import dev.peregrine.core.strategy.MovingAverageCrossover;
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
    private final ExecutionEngine execution;
    private final MarketState market;
    private final InstrumentRegistry instruments;
    private final InstrumentRules rules;
    private final FeedHealth feedHealth;
    private final PositionBook positions;
    private final CoreMetrics metrics;

    StrategyLineup(final ExecutionEngine execution, final MarketState market, final InstrumentRegistry instruments,
        final InstrumentRules rules, final FeedHealth feedHealth, final PositionBook positions, final CoreMetrics metrics)
    {
        this.execution = execution;
        this.market = market;
        this.instruments = instruments;
        this.rules = rules;
        this.feedHealth = feedHealth;
        this.positions = positions;
        this.metrics = metrics;
    }

    /** The strategies {@code settings} configure: the moving-average crossover when none is configured. */
    static List<NamedStrategy> configured(final EngineSettings settings)
    {
        if (settings.strategies().isEmpty())
        {
            return List.of(new NamedStrategy(MovingAverageCrossover.NAME, MovingAverageCrossover.NAME,
                context -> new MovingAverageCrossover(context, settings.fastWindow(), settings.slowWindow(),
                    null, settings.passiveOrders(), settings.minHoldNanos())));
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
        execution.orderEvents(set);
        return set;
    }

    private StrategyRunner runner(final int id, final NamedStrategy named, final EngineSettings with)
    {
        final StrategyRunner runner = new StrategyRunner(id, named.name(), execution, market, instruments, rules,
            feedHealth, positions, with.orderQuantity(), with.orderNotional(), metrics.strategyFailures);
        runner.attach(named.factory());
        return runner;
    }
}
