package dev.peregrine.ops.engine;

import dev.peregrine.core.engine.TradingCore;
import dev.peregrine.core.metrics.CoreMetrics;
import dev.peregrine.core.output.Hash64;
import dev.peregrine.core.output.OutputDigest;
import dev.peregrine.journal.statistics.EquityStatistics;
import dev.peregrine.journal.statistics.PnlTable;
import dev.peregrine.journal.statistics.PublishedStatistics;
import dev.peregrine.journal.statistics.StrategyLedger;

/**
 * What the live engine has produced: the output digest and state hash that a replay of its journal must equal, and
 * the PnL table and equity statistics the HTTP, metrics and summary threads show. Two readings of each figure: the
 * published one (any thread, while the core runs) and the final one (the core's own state, once it has stopped).
 * The components are the parts the figures are read from, built by {@link LiveEngine}.
 */
public record EngineResults(
    TradingCore core,
    OutputDigest digest,
    StrategyLedger ledger,
    PublishedStatistics publishedStatistics,
    CoreMetrics coreMetrics)
{
    /** The digest over every output so far (orders, cancels, fills, rejects), hex. */
    public String outputDigestHex()
    {
        return digest.hex();
    }

    /** How many outputs the digest covers. */
    public long outputCount()
    {
        return digest.outputCount();
    }

    /** State hash of the core; meaningful once the engine has stopped and drained the ring. */
    public String stateHashHex()
    {
        return Hash64.hex(core.stateHash());
    }

    /**
     * PnL per strategy and per strategy and product, from any thread while the core runs: the figures the
     * ledger publishes on every fill, valued at the marks the core last published.
     */
    public PnlTable pnlTable()
    {
        final double[] marks = new double[coreMetrics.markPrices.length];
        for (int i = 0; i < marks.length; i++)
        {
            marks[i] = coreMetrics.markPrices[i].get();
        }
        return PnlTable.of(ledger.published(), StrategyLedger.strategyNames(core), core.instruments().symbols(), marks);
    }

    /** Sharpe, Sortino, drawdown and return so far, from any thread (see {@link PublishedStatistics}). */
    public EquityStatistics statistics()
    {
        return publishedStatistics.snapshot();
    }

    /** The same from the core thread's own figures: only once the core has stopped (the summary at exit). */
    public EquityStatistics finalStatistics()
    {
        return publishedStatistics.finished();
    }

    /** The PnL table from the core's own state: only once the core has stopped (the summary at exit). */
    public PnlTable finalPnlTable()
    {
        return ledger.table(core);
    }
}
