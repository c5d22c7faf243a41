package dev.peregrine.journal;

import dev.peregrine.core.engine.EngineSettings;
import dev.peregrine.core.engine.SettingsChange;
import dev.peregrine.core.engine.TradingCore;

import java.nio.file.Path;
import java.util.List;

/**
 * Whether a run's settings continue a journal, judged against the core recovered from it (configuration is an
 * input: DESIGN.md). A live engine's start-up and {@code peregrine config check --journal} use it:
 * <ol>
 *   <li>recover the core from the journal ({@link JournalFeed}: the settings in effect at its end are the
 *       header's, or the last SETTINGS record's);</li>
 *   <li>{@link #of}: what changes, and what blocks (state-dependent: a product removed with a position or
 *       open orders, a strategy changed or removed with open orders; see {@link SettingsChange});</li>
 *   <li>{@link #refuseIfBlocked} before anything is written;</li>
 *   <li>{@link #continueJournal}: the new settings journaled as a SETTINGS record before any new input, and
 *       applied to the core exactly as a later replay applies that record.</li>
 * </ol>
 */
public final class SettingsContinuation
{
    private final SettingsChange change;
    private final List<String> blockers;

    private SettingsContinuation(final SettingsChange change, final List<String> blockers)
    {
        this.change = change;
        this.blockers = List.copyOf(blockers);
    }

    /** @param recovered the core fed the whole journal, idle; {@code next} this run's settings */
    public static SettingsContinuation of(final TradingCore recovered, final EngineSettings next)
    {
        final SettingsChange change = SettingsChange.between(recovered.settings(), next);
        return new SettingsContinuation(change, change.isEmpty() ? List.of() : change.blockers(recovered));
    }

    /** True when this run's settings are those in effect: nothing to journal. */
    public boolean unchanged()
    {
        return change.isEmpty();
    }

    /** Readable lines, one per change (empty when unchanged). */
    public List<String> changes()
    {
        return change.changes();
    }

    /** One line per reason the journal cannot continue with these settings; empty when it can. */
    public List<String> blockers()
    {
        return blockers;
    }

    /** @throws SettingsRefusedException listing the blockers, when there are any */
    public void refuseIfBlocked(final Path dir)
    {
        if (!blockers.isEmpty())
        {
            throw new SettingsRefusedException(dir, blockers);
        }
    }

    /**
     * Journals the new settings at this point and applies them to {@code core}; nothing when unchanged. Call
     * after recovery (and any tail repair), before the journal thread appends and before the core runs.
     */
    public void continueJournal(final JournalWriter writer, final TradingCore core)
    {
        if (unchanged())
        {
            return;
        }
        refuseIfBlocked(writer.directory());
        writer.appendSettings(change.to());
        core.applySettings(change.to());
    }
}
