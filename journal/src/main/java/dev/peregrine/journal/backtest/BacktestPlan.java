package dev.peregrine.journal.backtest;

import dev.peregrine.core.engine.EngineSettings;
import dev.peregrine.journal.importer.DataFormat;

import java.util.List;

/**
 * A checked backtest request: the format known, the products mapped to the catalog, the engine settings
 * built and the strategy validated. {@link Backtest#run} needs nothing else.
 *
 * @param instrumentId   the engine id of a data file's product (0: one product per file)
 * @param priceIncrement its tick, for the synthesized quotes
 * @param assumptions    the lines the summary prints about fills and data
 */
public record BacktestPlan(
    BacktestRequest request,
    DataFormat format,
    EngineSettings settings,
    int instrumentId,
    long priceIncrement,
    List<String> assumptions)
{
}
