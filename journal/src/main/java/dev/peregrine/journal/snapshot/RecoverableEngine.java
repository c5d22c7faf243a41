package dev.peregrine.journal.snapshot;

import dev.peregrine.core.engine.EngineSettings;
import dev.peregrine.core.engine.CoreAssembly;
import dev.peregrine.core.engine.TradingCore;
import dev.peregrine.core.engine.TradingSwitch;
import dev.peregrine.core.instrument.ProductCatalog;
import dev.peregrine.core.metrics.CoreMetrics;
import dev.peregrine.core.output.OutputDigest;
import dev.peregrine.core.output.OutputFanOut;
import dev.peregrine.journal.statistics.PublishedStatistics;
import dev.peregrine.journal.statistics.StrategyLedger;

/**
 * The engine state a journal's snapshots hold, wired as the live engine wires it: the core, its output
 * digest and PnL ledger (fed from its outputs), and the statistics fed after each event. Recovery builds one
 * as the scratch engine a snapshot is tried on; tests and the bench use it as the whole engine.
 */
public final class RecoverableEngine implements RecoverableState
{
    private final OutputDigest digest = new OutputDigest();
    private final CoreMetrics metrics;
    private final StrategyLedger ledger;
    private final TradingCore core;
    private final PublishedStatistics statistics;
    private final WiredState state;

    public RecoverableEngine(final ProductCatalog catalog, final EngineSettings settings)
    {
        this(catalog, settings, settings.strategyCount());
    }

    /** @param ledgerStrategies the PnL ledger's strategy slots, as the engine it stands in for sized its own */
    public RecoverableEngine(final ProductCatalog catalog, final EngineSettings settings, final int ledgerStrategies)
    {
        this.metrics = new CoreMetrics(settings.products().size());
        this.ledger = new StrategyLedger(ledgerStrategies, settings.products().size());
        this.core = CoreAssembly.build(catalog, settings, new OutputFanOut(digest, ledger), metrics, new TradingSwitch());
        this.statistics = new PublishedStatistics(core);
        this.state = WiredState.of(core, digest, ledger, statistics);
    }

    /** The roots every engine of this journal lists, in {@link WiredState#of}'s order. */
    @Override
    public Object[] roots()
    {
        return state.roots();
    }

    @Override
    public TradingCore core()
    {
        return core;
    }

    @Override
    public OutputDigest digest()
    {
        return digest;
    }

    public CoreMetrics metrics()
    {
        return metrics;
    }

    public StrategyLedger ledger()
    {
        return ledger;
    }

    /** The handler the ring's core stage runs: the core, then the statistics of the PnL after each event. */
    public PublishedStatistics statistics()
    {
        return statistics;
    }
}
