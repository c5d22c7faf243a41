package dev.peregrine.journal;

import dev.peregrine.core.engine.EngineSettings;
import dev.peregrine.core.engine.SettingsChange;
import dev.peregrine.core.engine.CoreAssembly;
import dev.peregrine.core.engine.TradingCore;
import dev.peregrine.core.engine.TradingSwitch;
import dev.peregrine.core.instrument.ProductCatalog;
import dev.peregrine.core.event.InboundEvent;
import dev.peregrine.core.metrics.CoreMetrics;
import dev.peregrine.core.output.OutputListener;

import java.nio.file.Path;
import java.util.List;

/**
 * The one way a core is driven from a journal: each event in order, and each SETTINGS record applied to the
 * core at its point ({@link TradingCore#applySettings}), so replay, reports, decision listings and the live
 * engine's recovery all see a configuration change exactly where the live run did, and replay = live holds
 * across it (the core's state hash covers every change applied).
 *
 * <pre>{@code
 * try (JournalReader reader = JournalReader.open(dir)) {
 *     TradingCore core = JournalFeed.core(catalog, dir, reader.settings().current(), outputs);
 *     JournalFeed feed = new JournalFeed(reader, core);
 *     while (feed.next(slot)) { core.onEvent(slot, sequence++, true); }   // or through a wrapping handler
 * }
 * }</pre>
 * No allocation per event: one compare of a counter; a change allocates (it is rare).
 */
public final class JournalFeed
{
    private final JournalReader reader;
    private final TradingCore core;
    private long applied;

    /** @param core built with the settings in effect at the reader's position ({@code reader.settings().current()}) */
    public JournalFeed(final JournalReader reader, final TradingCore core)
    {
        this.reader = reader;
        this.core = core;
        this.applied = reader.settings().changes();
    }

    /**
     * Reads the next event into {@code slot}, having applied every SETTINGS record before it; at the end of the
     * journal returns false, having applied the records after the last event.
     *
     * @throws JournalException as {@link JournalReader#next}, or naming a SETTINGS record the core cannot continue with
     */
    public boolean next(final InboundEvent slot)
    {
        final boolean more = reader.next(slot);
        if (reader.settings().changes() != applied)
        {
            applyPending();
        }
        return more;
    }

    private void applyPending()
    {
        final JournalSettings settings = reader.settings();
        while (applied < settings.changes())
        {
            final long change = ++applied;
            final EngineSettings next = settings.afterChange(change);
            final List<String> blockers = SettingsChange.between(core.settings(), next).blockers(core);
            if (!blockers.isEmpty())
            {
                throw new JournalException("journal " + reader.directory() + ": settings in " + settings.placeOf(change) +
                    " cannot continue the journal's state: " + String.join("; ", blockers));
            }
            core.applySettings(next);
        }
    }

    /**
     * A core for {@code settings} as a journal reader builds it, its products as the journal's header records them
     * ({@link JournalCatalog}), else as {@code catalog} lists them.
     *
     * @throws JournalException naming {@code dir} if this build cannot rebuild that engine
     */
    public static TradingCore core(final ProductCatalog catalog, final Path dir, final EngineSettings settings,
        final OutputListener outputs)
    {
        try
        {
            return CoreAssembly.build(JournalCatalog.effective(catalog, dir), settings, outputs, new CoreMetrics(settings.products().size()), new TradingSwitch());
        }
        catch (final IllegalArgumentException e)
        {
            // A journal of a strategy this build does not have (or configured differently) cannot replay.
            throw new JournalException("journal " + dir + ": the engine in its header cannot be rebuilt: " +
                e.getMessage(), e);
        }
    }
}
