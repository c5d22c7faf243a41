package dev.peregrine.journal.snapshot;

import dev.peregrine.core.testing.TestProducts;
import dev.peregrine.core.engine.EngineSettings;
import dev.peregrine.core.strategy.config.StrategySpec;
import dev.peregrine.journal.JournalReader;
import org.agrona.concurrent.UnsafeBuffer;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A snapshot that cannot be trusted is skipped with one line saying why, and the next older one (or a
 * full replay) is used, ending in the same state as a full replay.
 */
class SnapshotSkippingTest
{
    private static final int EVENTS = 8_000;
    private static final EngineSettings SETTINGS = EngineSettings.defaults(TestProducts.CATALOG, List.of("BTC-USD", "ETH-USD"), 1000)
        .withMinHold(0).withStrategies(List.of(StrategySpec.parse("trend-following:bar=1s,fast=3,slow=8", "trend")));

    @TempDir
    Path dir;

    private List<String> fullReplay;
    private List<Path> snapshots;
    private final List<String> skipped = new ArrayList<>();

    @BeforeEach
    void journalWithSnapshots() throws Exception
    {
        SnapshotRecoveryTest.runSession(dir, SETTINGS, EVENTS, 1_000);
        snapshots = new SnapshotStore(dir).newestFirst();
        assertThat(snapshots).hasSize(8);
        final RecoverableEngine full = new RecoverableEngine(TestProducts.CATALOG, SETTINGS);
        try (JournalReader reader = JournalReader.open(dir))
        {
            SnapshotRecovery.recover(reader, 0L, full, () -> new RecoverableEngine(TestProducts.CATALOG, SETTINGS),
                (event, sequence) -> full.statistics().onEvent(event, sequence, true), line -> { });
        }
        assertThat(full.metrics().orders.get()).isPositive();
        fullReplay = SnapshotRecoveryTest.figures(full);
    }

    private SnapshotRecovery.Result recover()
    {
        final RecoverableEngine target = new RecoverableEngine(TestProducts.CATALOG, SETTINGS);
        final SnapshotRecovery.Result result;
        try (JournalReader reader = JournalReader.open(dir))
        {
            result = SnapshotRecovery.recover(reader, reader.header().settingsDigest(), target,
                () -> new RecoverableEngine(TestProducts.CATALOG, SETTINGS), (event, sequence) -> target.statistics().onEvent(event, sequence, true),
                skipped::add);
        }
        assertThat(SnapshotRecoveryTest.figures(target)).isEqualTo(fullReplay);
        assertThat(result.events()).isEqualTo(EVENTS);
        return result;
    }

    @Test
    void aDamagedSnapshotIsSkippedForTheNextOlderOne() throws Exception
    {
        final Path newest = snapshots.get(0);
        final byte[] bytes = Files.readAllBytes(newest);
        bytes[bytes.length / 2] ^= 0x10;
        Files.write(newest, bytes);

        final SnapshotRecovery.Result result = recover();

        assertThat(result.snapshot()).isEqualTo(snapshots.get(1));
        assertThat(skipped).containsExactly("snapshot " + newest + " fails its checksum (damaged); skipped");
    }

    @Test
    void aSnapshotCutShortIsSkipped() throws Exception
    {
        final Path newest = snapshots.get(0);
        try (FileChannel channel = FileChannel.open(newest, StandardOpenOption.WRITE))
        {
            channel.truncate(channel.size() / 2);
        }

        assertThat(recover().snapshot()).isEqualTo(snapshots.get(1));
        assertThat(skipped).singleElement().asString().contains("cut short or damaged");
    }

    @Test
    void aSnapshotOfOtherSettingsIsSkipped() throws Exception
    {
        rewriteNewest(0, 0, 12345L);

        assertThat(recover().snapshot()).isEqualTo(snapshots.get(1));
        assertThat(skipped).singleElement().asString().contains("was taken under settings");
    }

    @Test
    void aSnapshotPointingBeyondTheJournalIsSkipped() throws Exception
    {
        rewriteNewest(1_000_000, 1L << 40, 0);

        assertThat(recover().snapshot()).isEqualTo(snapshots.get(1));
        assertThat(skipped).singleElement().asString().contains("which this journal does not hold");
    }

    @Test
    void withEverySnapshotDamagedTheWholeJournalIsReplayed() throws Exception
    {
        for (final Path snapshot : snapshots)
        {
            Files.write(snapshot, new byte[]{1, 2, 3});
        }

        final SnapshotRecovery.Result result = recover();

        assertThat(result.snapshot()).isNull();
        assertThat(result.describe()).isEqualTo(String.format("recovered %,d events by replaying the whole journal (no usable snapshot)", EVENTS));
        assertThat(skipped).hasSize(snapshots.size()).allSatisfy(line -> assertThat(line).contains("shorter than a snapshot's header"));
    }

    @Test
    void verificationAgreesWithEverySnapshotAndCatchesAForgedOne() throws Exception
    {
        final List<String> lines = new ArrayList<>();
        assertThat(SnapshotVerification.verify(TestProducts.CATALOG, dir, lines::add)).isZero();
        assertThat(lines).hasSize(snapshots.size()).allSatisfy(line -> assertThat(line).endsWith("equal the replay's"));

        final SnapshotFile s = SnapshotFile.read(snapshots.get(2));
        new SnapshotStore(dir, 100).write(s.events(), s.journalIndex(), s.eventTimeNanos(), s.settingsDigest(),
            s.stateHash() ^ 1, s.outputDigest(), s.outputCount(), new UnsafeBuffer(s.state()), s.state().length);
        lines.clear();
        assertThat(SnapshotVerification.verify(TestProducts.CATALOG, dir, lines::add)).isEqualTo(1);
        assertThat(lines).filteredOn(line -> line.contains("DIFFERS from the replay")).singleElement().asString()
            .contains(snapshots.get(2).getFileName().toString());
    }

    /** The newest snapshot, written again (valid checksum) with its events and index moved and its settings digest changed. */
    private void rewriteNewest(final long moreEvents, final long moreIndex, final long settingsXor) throws Exception
    {
        final Path newest = snapshots.get(0);
        final SnapshotFile s = SnapshotFile.read(newest);
        Files.delete(newest);
        final Path written = new SnapshotStore(dir, 100).write(s.events() + moreEvents, s.journalIndex() + moreIndex,
            s.eventTimeNanos(), s.settingsDigest() ^ settingsXor, s.stateHash(), s.outputDigest(), s.outputCount(),
            new UnsafeBuffer(s.state()), s.state().length);
        snapshots.set(0, written);
    }
}
