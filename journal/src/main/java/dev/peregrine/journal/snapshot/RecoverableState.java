package dev.peregrine.journal.snapshot;

import dev.peregrine.core.engine.TradingCore;
import dev.peregrine.core.output.OutputDigest;

/**
 * The parts of an engine a snapshot holds: the core (which reaches its metrics, positions, orders and
 * strategies), the output digest, and whatever else is fed from the core's outputs and events and must
 * read the same after a restart as after a full replay (the PnL ledger, the statistics). Every engine that
 * writes or reads a given journal's snapshots lists the same classes in the same order.
 */
public interface RecoverableState
{
    TradingCore core();

    OutputDigest digest();

    /** The roots of the state walk, {@link #core()} first. */
    Object[] roots();
}
