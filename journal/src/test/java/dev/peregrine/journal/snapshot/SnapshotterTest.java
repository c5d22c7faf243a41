package dev.peregrine.journal.snapshot;

import dev.peregrine.core.testing.TestProducts;
import dev.peregrine.core.agent.AgentErrors;
import dev.peregrine.core.engine.EngineSettings;
import dev.peregrine.core.event.InboundEvent;
import dev.peregrine.journal.JournalWriter;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** A snapshot never covers an event the journal does not hold (a journal that failed, events never appended). */
class SnapshotterTest
{
    @TempDir
    Path dir;

    @Test
    void noSnapshotIsWrittenForEventsTheJournalLacks() throws Exception
    {
        final EngineSettings settings = EngineSettings.defaults(TestProducts.CATALOG, List.of("BTC-USD", "ETH-USD"), 1000);
        final RecoverableEngine engine = new RecoverableEngine(TestProducts.CATALOG, settings);
        final long settingsDigest;
        try (JournalWriter writer = JournalWriter.open(dir, settings))
        {
            settingsDigest = writer.header().settingsDigest();
            final SwingingMarket market = new SwingingMarket();
            final InboundEvent event = new InboundEvent();
            for (int i = 0; i < 100; i++)
            {
                market.next(event);
                writer.onEvent(event, i, true); // the journal holds these 100
            }
        }
        final Snapshotter snapshotter = new Snapshotter(engine.statistics(), engine, SnapshotPolicy.everyEvents(1_000_000),
            dir, settingsDigest, 0, -1, new AgentErrors());
        final SwingingMarket market = new SwingingMarket();
        final InboundEvent event = new InboundEvent();
        for (int i = 0; i < 150; i++)
        {
            market.next(event);
            snapshotter.onEvent(event, i, true); // the core saw 150: the last 50 never reached the journal
        }
        snapshotter.close();

        assertThat(snapshotter.written()).isZero();
        assertThat(snapshotter.lastFailure()).isEqualTo("the journal holds 100 events, not the 150 the snapshot covers; " +
            "snapshot not written");
        assertThat(new SnapshotStore(dir).newestFirst()).isEmpty();
    }

    @Test
    void theStopSnapshotCoversTheLastJournaledEvent() throws Exception
    {
        final EngineSettings settings = EngineSettings.defaults(TestProducts.CATALOG, List.of("BTC-USD", "ETH-USD"), 1000);
        final RecoverableEngine engine = new RecoverableEngine(TestProducts.CATALOG, settings);
        try (JournalWriter writer = JournalWriter.open(dir, settings))
        {
            final Snapshotter snapshotter = new Snapshotter(engine.statistics(), engine, SnapshotPolicy.everyEvents(1_000_000),
                dir, writer.header().settingsDigest(), 0, -1, new AgentErrors());
            final SwingingMarket market = new SwingingMarket();
            final InboundEvent event = new InboundEvent();
            for (int i = 0; i < 150; i++)
            {
                market.next(event);
                writer.onEvent(event, i, true);
                snapshotter.onEvent(event, i, true);
            }
            snapshotter.close();
            assertThat(snapshotter.lastFailure()).isNull();
            assertThat(snapshotter.written()).isEqualTo(1);
        }
        final SnapshotFile stop = SnapshotFile.read(new SnapshotStore(dir).newestFirst().get(0));
        assertThat(stop.events()).isEqualTo(150);
        assertThat(stop.stateHash()).isEqualTo(engine.core().stateHash());
    }

    @Test
    void aSnapshotThatFailsIsCountedUnderTheSnapshotThreadsRole(@TempDir final Path noJournal) throws Exception
    {
        final EngineSettings settings = EngineSettings.defaults(TestProducts.CATALOG, List.of("BTC-USD", "ETH-USD"), 1000);
        final RecoverableEngine engine = new RecoverableEngine(TestProducts.CATALOG, settings);
        final List<Throwable> reported = new ArrayList<>();
        final AgentErrors errors = new AgentErrors(reported::add);
        final Snapshotter snapshotter = new Snapshotter(engine.statistics(), engine, SnapshotPolicy.everyEvents(1_000_000),
            noJournal, 1L, 0, -1, errors);
        final InboundEvent event = new InboundEvent();
        new SwingingMarket().next(event);
        snapshotter.onEvent(event, 0, true);
        snapshotter.close(); // the stop snapshot: its thread finds no journal to follow

        assertThat(snapshotter.written()).isZero();
        assertThat(errors.count("peregrine-snapshot")).isEqualTo(1);
        assertThat(snapshotter.lastFailure()).contains(noJournal.toString());
        assertThat(reported).hasSize(1);
    }
}
