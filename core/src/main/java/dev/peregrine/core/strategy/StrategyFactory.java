package dev.peregrine.core.strategy;

/**
 * Builds a strategy from its context, at engine construction (so its fields can be final, its bars and
 * instruments are looked up once, and nothing is looked up on the hot path).
 */
@FunctionalInterface
public interface StrategyFactory
{
    Strategy create(StrategyContext context);
}
