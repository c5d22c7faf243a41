package dev.peregrine.journal.backtest;

import dev.peregrine.core.execution.PaperVenueSettings;
import dev.peregrine.core.instrument.ProductCatalog;
import dev.peregrine.core.strategy.config.StrategySpec;
import dev.peregrine.journal.importer.DataFormat;
import dev.peregrine.journal.importer.TimeWindow;

import java.nio.file.Path;

/**
 * What a backtest was asked to do, before anything is checked.
 *
 * @param catalog       the products a backtest may run on: their increments and reference prices
 * @param data          a data file or a journal folder
 * @param format        null to detect it from the content
 * @param product       the catalog product of a data file; null to take it from the file name (ignored for
 *                      journals, whose header names their products)
 * @param strategy      the strategy to run, with its parameters
 * @param window        the event times to run over
 * @param orderNotional the engine's default order size in quote currency, as {@code demo --order-notional}
 * @param venue         the paper venue's latencies and fees
 * @param perpetual     a perpetual's marks and funding files and margin account ({@link PerpetualInputs#NONE}: none)
 */
public record BacktestRequest(
    ProductCatalog catalog,
    Path data,
    DataFormat format,
    String product,
    StrategySpec strategy,
    TimeWindow window,
    double orderNotional,
    PaperVenueSettings venue,
    PerpetualInputs perpetual)
{
    public static final double DEFAULT_ORDER_NOTIONAL = 1000.0;

    public BacktestRequest
    {
        perpetual = perpetual == null ? PerpetualInputs.NONE : perpetual;
    }

    /** A request over a data file or journal alone (no perpetual marks or funding). */
    public BacktestRequest(final ProductCatalog catalog, final Path data, final DataFormat format, final String product,
        final StrategySpec strategy, final TimeWindow window, final double orderNotional, final PaperVenueSettings venue)
    {
        this(catalog, data, format, product, strategy, window, orderNotional, venue, PerpetualInputs.NONE);
    }

    /** The same request running {@code other} instead (a sweep's combination). */
    public BacktestRequest withStrategy(final StrategySpec other)
    {
        return new BacktestRequest(catalog, data, format, product, other, window, orderNotional, venue, perpetual);
    }
}
