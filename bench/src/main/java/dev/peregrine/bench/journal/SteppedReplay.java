package dev.peregrine.bench.journal;

import dev.peregrine.core.engine.EngineSettings;
import dev.peregrine.core.engine.TradingCore;
import dev.peregrine.core.engine.TradingSwitch;
import dev.peregrine.core.event.InboundEvent;
import dev.peregrine.core.metrics.CoreMetrics;
import dev.peregrine.core.output.OutputDigest;
import dev.peregrine.journal.JournalFeed;
import dev.peregrine.journal.JournalReader;
import dev.peregrine.journal.Replay;
import dev.peregrine.ops.assembly.EngineAssembly;

import java.nio.file.Path;

/**
 * A journal replayed on the calling thread in legs, so a measurement can start after a warm-up: what
 * {@code ./peregrine replay} does ({@link Replay#run}), with the core built by the composition root
 * ({@link EngineAssembly#core}) from the journal's checked header settings and driven through
 * {@link JournalFeed}, one reused slot for every event. Between legs nothing runs, so the caller's counters
 * (allocated bytes, collections, time) see only the leg they bracket.
 */
public final class SteppedReplay implements AutoCloseable
{
    private final JournalReader reader;
    private final TradingCore core;
    private final JournalFeed feed;
    private final InboundEvent slot = new InboundEvent();
    private long sequence;

    /** Opens the journal in {@code dir} and builds its core; nothing is fed yet. */
    public SteppedReplay(final Path dir)
    {
        reader = JournalReader.open(dir);
        boolean opened = false;
        try
        {
            final EngineSettings settings = Replay.settingsOf(dir, reader.header());
            core = EngineAssembly.core(settings, new OutputDigest(), new CoreMetrics(settings.products().size()),
                new TradingSwitch());
            feed = new JournalFeed(reader, core);
            opened = true;
        }
        finally
        {
            if (!opened)
            {
                reader.close();
            }
        }
    }

    /** Feeds events until {@code total} have been fed since the start or the journal ends; returns the total so far. */
    public long feedUpTo(final long total)
    {
        while (sequence < total && feed.next(slot))
        {
            core.onEvent(slot, sequence++, true);
        }
        return sequence;
    }

    /** Feeds the rest of the journal; returns the total fed since the start. */
    public long feedRest()
    {
        return feedUpTo(Long.MAX_VALUE);
    }

    /** Events fed so far. */
    public long events()
    {
        return sequence;
    }

    /** The replayed core (its orders, state hash, contained errors). */
    public TradingCore core()
    {
        return core;
    }

    @Override
    public void close()
    {
        reader.close();
    }
}
