package dev.peregrine.ops.engine;

import dev.peregrine.core.agent.AgentErrors;
import com.lmax.disruptor.EventHandler;
import dev.peregrine.core.engine.TradingCore;
import dev.peregrine.core.event.InboundEvent;
import dev.peregrine.core.output.OutputDigest;
import dev.peregrine.journal.snapshot.RecoverableState;
import dev.peregrine.journal.snapshot.WiredState;
import dev.peregrine.journal.snapshot.SnapshotPolicy;
import dev.peregrine.journal.snapshot.Snapshotter;
import dev.peregrine.journal.statistics.PublishedStatistics;
import dev.peregrine.journal.statistics.StrategyLedger;

import java.nio.file.Path;

/**
 * The live engine's state snapshots: what a snapshot holds (the same roots, in the same order, as every engine of
 * this journal), and the ring's core stage, wrapped by the {@link Snapshotter} when snapshots are on.
 */
final class EngineSnapshots
{
    private final TradingCore core;
    private final OutputDigest digest;
    private final StrategyLedger ledger;
    private final PublishedStatistics statistics;
    private final Path journalDir;
    private SnapshotPolicy policy = SnapshotPolicy.DEFAULT;
    private Snapshotter snapshotter;

    /** Where the snapshot agent counts its errors (the engine's agents' one instance). */
    private final AgentErrors agentErrors;

    EngineSnapshots(final TradingCore core, final OutputDigest digest, final StrategyLedger ledger,
        final PublishedStatistics statistics, final Path journalDir, final AgentErrors agentErrors)
    {
        this.agentErrors = agentErrors;
        this.core = core;
        this.digest = digest;
        this.ledger = ledger;
        this.statistics = statistics;
        this.journalDir = journalDir;
    }

    void policy(final SnapshotPolicy policy)
    {
        this.policy = policy;
    }

    /** What a snapshot of this engine holds, in the order every engine of this journal lists it. */
    RecoverableState state()
    {
        return WiredState.of(core, digest, ledger, statistics);
    }

    /**
     * The ring's core stage: the statistics (which drive the core), wrapped by the snapshotter when snapshots are on.
     *
     * @param settingsDigest the settings every event this run takes is under (a change is applied before).
     */
    EventHandler<InboundEvent> coreStage(final long settingsDigest, final long recoveredEvents, final long recoveredIndex)
    {
        if (!policy.enabled())
        {
            return statistics;
        }
        // Today the journal has one set of settings, its header's; once settings changes are journaled, the
        // snapshot records those in force at its event.
        snapshotter = new Snapshotter(statistics, state(), policy, journalDir, settingsDigest, recoveredEvents,
            recoveredIndex, agentErrors);
        return snapshotter;
    }

    /** Snapshot files written by this run (0 with snapshots off). */
    long written()
    {
        return snapshotter == null ? 0 : snapshotter.written();
    }

    /** Writes the final state, so the next start replays nothing; only once the core thread has stopped. */
    void close()
    {
        if (snapshotter != null)
        {
            snapshotter.close();
        }
    }
}
