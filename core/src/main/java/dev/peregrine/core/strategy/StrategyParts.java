package dev.peregrine.core.strategy;

import dev.peregrine.core.perpetual.PerpetualState;
import dev.peregrine.core.execution.ExecutionEngine;
import dev.peregrine.core.execution.PositionBook;
import dev.peregrine.core.instrument.InstrumentRegistry;
import dev.peregrine.core.market.FeedHealth;
import dev.peregrine.core.market.InstrumentRules;
import dev.peregrine.core.market.MarketState;

/**
 * The core's parts every strategy of one engine runs against: where its orders go, the market it reads,
 * the instruments and their rules, feed health, and the engine-wide positions. One value handed from the
 * strategy line-up to each {@link StrategyRunner}, so adding a part is one place. Built once per core,
 * off the hot path.
 *
 * @param enginePositions the engine's positions over all strategies (a strategy's own are its context's).
 * @param perpetuals      marks, margin account and funding of perpetual instruments (idle in a spot run).
 */
public record StrategyParts(
    ExecutionEngine execution,
    MarketState market,
    InstrumentRegistry instruments,
    InstrumentRules rules,
    FeedHealth feedHealth,
    PositionBook enginePositions,
    PerpetualState perpetuals)
{
}
