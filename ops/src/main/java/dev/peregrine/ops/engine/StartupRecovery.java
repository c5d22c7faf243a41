package dev.peregrine.ops.engine;

import dev.peregrine.gateway.venue.VenueRegistry;
import dev.peregrine.journal.JournalCatalog;
import dev.peregrine.core.engine.EngineSettings;
import dev.peregrine.core.engine.TradingCore;
import dev.peregrine.journal.JournalReader;
import dev.peregrine.journal.JournalWriter;
import dev.peregrine.journal.SettingsContinuation;
import dev.peregrine.journal.snapshot.RecoverableEngine;
import dev.peregrine.journal.snapshot.RecoverableState;
import dev.peregrine.journal.snapshot.SnapshotRecovery;
import dev.peregrine.journal.statistics.PublishedStatistics;

import java.nio.file.Path;

/**
 * What the live engine's start-up found in its journal and did about it, before any new input: the core
 * recovered (from the newest usable snapshot plus the tail, or the whole journal), this run's settings checked
 * against the journal's and any change journaled, a torn last record marked. Crash-only: a graceful restart and
 * a recovery after a crash are this one path.
 */
public final class StartupRecovery
{
    private final SnapshotRecovery.Result recovery;
    private final long lastEventIndex;
    private final SettingsContinuation settingsContinuation;
    private final String tornTailRepaired;
    private final TradingStateNote tradingState;

    private StartupRecovery(final SnapshotRecovery.Result recovery, final long lastEventIndex,
        final SettingsContinuation settingsContinuation, final String tornTailRepaired, final TradingStateNote tradingState)
    {
        this.recovery = recovery;
        this.lastEventIndex = lastEventIndex;
        this.settingsContinuation = settingsContinuation;
        this.tornTailRepaired = tornTailRepaired;
        this.tradingState = tradingState;
    }

    /**
     * Feeds the journal in {@code journalDir} through {@code core} and the statistics, then continues the journal
     * with {@code settings} (or refuses, writing nothing).
     *
     * @param strategies the strategies a recovering engine runs (the ledger's rows, less the engine's own).
     */
    static StartupRecovery run(final Path journalDir, final JournalWriter journal, final TradingCore core,
        final EngineSettings settings, final RecoverableState state, final PublishedStatistics statistics,
        final int strategies)
    {
        try (JournalReader reader = JournalReader.open(journalDir))
        {
            // From the newest usable snapshot plus the tail, or the whole journal (as Replay.feed), through the
            // statistics, so they cover the whole journal as the report does. SETTINGS records in what is fed are
            // applied where journaled (JournalFeed). A snapshot is used only if it was taken under the settings the
            // core is built with (the journal's first): after a settings change recovery replays the whole journal.
            final SnapshotRecovery.Result recovery = SnapshotRecovery.recover(reader, core.settings().digest(), state,
                () -> new RecoverableEngine(JournalCatalog.effective(VenueRegistry.standard().catalog(), journalDir,
                    reader.header()), core.settings(), strategies),
                (event, sequence) -> statistics.onEvent(event, sequence, true), line -> { });
            // Configuration is an input: refused (nothing written) or journaled below, before any new input.
            final SettingsContinuation continuation = SettingsContinuation.of(core, settings);
            continuation.refuseIfBlocked(journalDir);
            String tornTail = null;
            if (reader.tornTailIndex() >= 0)
            {
                // A write cut short (a power loss): mark it before appending, or it would sit mid-journal
                // and read as corruption. The event it held never reached the core, live or in replay.
                journal.repairTornTail(reader.tornTailIndex());
                tornTail = reader.tornTail();
            }
            continuation.continueJournal(journal, core);
            return new StartupRecovery(recovery, reader.lastEventIndex(), continuation, tornTail,
                TradingStateNote.afterStart(core.tradingState()));
        }
    }

    /** How the core was recovered: from which snapshot, how many tail events, and the snapshots it skipped. */
    public SnapshotRecovery.Result recovery()
    {
        return recovery;
    }

    /** Events fed from the journal, before any new input. */
    public long events()
    {
        return recovery.events();
    }

    /** The Chronicle index of the journal's last event when start-up read it. */
    long lastEventIndex()
    {
        return lastEventIndex;
    }

    /** This run's settings against the journal's (changes journaled). */
    public SettingsContinuation settingsContinuation()
    {
        return settingsContinuation;
    }

    /** The torn last record found and marked, or null (see JournalWriter.repairTornTail). */
    public String tornTailRepaired()
    {
        return tornTailRepaired;
    }

    /** The trading state the engine started in, and why: an operator's kill or pause outlives a restart. */
    public TradingStateNote tradingState()
    {
        return tradingState;
    }
}
