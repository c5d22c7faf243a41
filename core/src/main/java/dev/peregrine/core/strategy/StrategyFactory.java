package dev.peregrine.core.strategy;

import dev.peregrine.core.execution.ExecutionEngine;
import dev.peregrine.core.execution.PositionBook;
import dev.peregrine.core.market.MarketState;

/**
 * Builds the strategy a core runs, from the core's own order entry, positions and market state, at
 * construction time (so the strategy's fields can be final and nothing is looked up on the hot path).
 */
@FunctionalInterface
public interface StrategyFactory
{
    Strategy create(ExecutionEngine execution, PositionBook positions, MarketState market);
}
