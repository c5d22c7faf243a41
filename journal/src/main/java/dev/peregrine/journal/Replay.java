package dev.peregrine.journal;

import dev.peregrine.core.engine.EngineSettings;
import dev.peregrine.core.engine.TradingCore;
import dev.peregrine.core.engine.TradingSwitch;
import dev.peregrine.core.event.InboundEvent;
import dev.peregrine.core.instrument.ProductCatalog;
import dev.peregrine.core.metrics.CoreMetrics;
import dev.peregrine.core.output.Hash64;
import dev.peregrine.core.output.OutputDigest;
import dev.peregrine.core.output.OutputFanOut;
import dev.peregrine.core.output.OutputListener;

import java.nio.file.Path;

/**
 * Replay mode (DESIGN.md, determinism rule 5): rebuilds the core from the journal's header and feeds it
 * every recorded event, in order, on the calling thread, applying each settings change where it was
 * journaled ({@link JournalFeed}). The same journal always gives the same
 * {@link ReplayResult}, and it equals the live run's digest and state hash when the live core started
 * fresh with this journal.
 *
 * <p>No allocation per event: one slot is reused for every event.
 */
public final class Replay
{
    private Replay()
    {
    }

    /** Replays the journal in {@code dir}, its products as {@code catalog} lists them. */
    public static ReplayResult run(final ProductCatalog catalog, final Path dir)
    {
        return run(catalog, dir, null);
    }

    /**
     * Replays the journal in {@code dir}, also passing every output to {@code observer} (after the
     * digest has seen it), for reports and tests.
     *
     * @param catalog  the products the engine knows: the header names its products, the catalog their increments
     *                 and reference prices
     * @param observer may be null
     * @throws JournalException if the journal cannot be read, its settings do not parse or do not match
     *                          their digest, or a record is bad
     */
    public static ReplayResult run(final ProductCatalog catalog, final Path dir, final OutputListener observer)
    {
        try (JournalReader reader = JournalReader.open(dir))
        {
            final JournalHeader header = reader.header();
            final EngineSettings settings = settingsOf(dir, header);
            final OutputDigest digest = new OutputDigest();
            final OutputListener outputs = observer == null ? digest : new OutputFanOut(digest, observer);
            final TradingCore core = JournalFeed.core(catalog, dir, settings, outputs);

            final long events = feed(reader, core);
            return new ReplayResult(header, core.settings(), digest.hex(), Hash64.hex(core.stateHash()), events,
                digest.outputCount());
        }
    }

    /**
     * Feeds every remaining event of {@code reader}, in order, to {@code core} and returns how many, applying
     * each SETTINGS record at its point ({@link JournalFeed}).
     * Replay and the live engine's start-up share it: a live engine first feeds its core whatever its
     * journal already holds (crash-only design: start-up and recovery are one code path), so its
     * state, order ids and digest continue exactly where the journal left off.
     */
    public static long feed(final JournalReader reader, final TradingCore core)
    {
        final InboundEvent event = new InboundEvent();
        final JournalFeed feed = new JournalFeed(reader, core);
        long sequence = 0;
        while (feed.next(event))
        {
            // The reader already zeroes receiveNanoTime: replay records no latency, as the slot says.
            core.onEvent(event, sequence++, true);
        }
        return sequence;
    }

    /**
     * The settings in {@code header}, checked against its digest: the one way every journal reader
     * (replay, reports) rebuilds the engine that wrote the journal.
     *
     * @throws JournalException naming {@code dir} if they do not parse or do not match the digest
     */
    public static EngineSettings settingsOf(final Path dir, final JournalHeader header)
    {
        return JournalSettings.decode(dir, header.settingsText(), header.settingsDigest(), "the header");
    }
}
