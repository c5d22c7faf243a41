package dev.peregrine.journal.snapshot;

import dev.peregrine.core.engine.TradingCore;
import dev.peregrine.core.output.OutputDigest;
import dev.peregrine.journal.statistics.PublishedStatistics;
import dev.peregrine.journal.statistics.StrategyLedger;

/**
 * The {@link RecoverableState} of an engine wired as {@link RecoverableEngine} wires one, over parts built by
 * whoever wired it (the scratch engine or the live one). {@link #of} lists the roots in the one order every
 * engine of a journal uses, once, so a snapshot taken on the core thread allocates no array.
 */
public record WiredState(TradingCore core, OutputDigest digest, Object[] roots) implements RecoverableState
{
    /** The state over these parts, its roots in the snapshot's one order: core, digest, ledger, statistics. */
    public static WiredState of(final TradingCore core, final OutputDigest digest, final StrategyLedger ledger,
        final PublishedStatistics statistics)
    {
        return new WiredState(core, digest, new Object[]{core, digest, ledger, statistics});
    }
}
