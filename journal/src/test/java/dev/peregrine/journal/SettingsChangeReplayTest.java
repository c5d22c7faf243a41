package dev.peregrine.journal;

import dev.peregrine.core.testing.TestProducts;
import dev.peregrine.core.engine.EngineSettings;
import dev.peregrine.core.engine.CoreAssembly;
import dev.peregrine.core.engine.TradingCore;
import dev.peregrine.core.engine.TradingSwitch;
import dev.peregrine.core.event.InboundEvent;
import dev.peregrine.core.metrics.CoreMetrics;
import dev.peregrine.core.output.Hash64;
import dev.peregrine.core.output.OutputDigest;
import dev.peregrine.core.output.OutputFanOut;
import dev.peregrine.core.market.MarketSanitySettings;
import dev.peregrine.core.risk.RiskLimits;
import dev.peregrine.core.strategy.StrategyRunner;
import dev.peregrine.core.strategy.config.StrategySpec;
import dev.peregrine.core.testing.RecordingOutputs;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Configuration is an input: a journal written with settings A and continued with settings B (a raised
 * position limit, an added strategy) replays to the live run's digest and state hash, over real Chronicle
 * files, with the change applied where it was journaled.
 */
class SettingsChangeReplayTest
{
    private static final List<String> PRODUCTS = List.of("BTC-USD", "ETH-USD");
    private static final StrategySpec QUICK = StrategySpec.parse("ma-crossover:name=quick,fast=4,slow=8,min-hold=0s", "quick");
    private static final StrategySpec SLOW = StrategySpec.parse("ma-crossover:name=slow,fast=10,slow=30,min-hold=0s", "slow");
    private static final EngineSettings A = EngineSettings.defaults(TestProducts.CATALOG, PRODUCTS, 1000).withMinHold(0)
        .withStrategies(List.of(QUICK));
    private static final EngineSettings B = A.withRisk(RiskLimits.defaults(A.maxOrderQuantity(), doubled(A.maxPosition())))
        .withStrategies(List.of(QUICK, SLOW));
    private static final int FIRST = 8_000;
    private static final int SECOND = 8_000;

    @TempDir
    Path tmp;

    @Test
    void aJournalContinuedWithOtherSettingsReplaysToTheLiveDigestAndStateHash()
    {
        final Path dir = tmp.resolve("journal");
        final MarketStream stream = new MarketStream(20260101L);
        final InboundEvent event = new InboundEvent();

        // Session 1: settings A.
        final RecordingOutputs first = new RecordingOutputs();
        final TradingCore a = CoreAssembly.build(TestProducts.CATALOG, A, first, new CoreMetrics(2), new TradingSwitch());
        try (JournalWriter writer = JournalWriter.open(dir, A))
        {
            feedLive(stream, event, writer, a, 0, FIRST);
        }
        assertThat(first.count("order")).as("session 1 must trade for this test to mean anything").isGreaterThan(5);

        // Session 2: a restart with B, as the live engine does it: recover, check, journal the change, continue.
        final OutputDigest digest = new OutputDigest();
        final RecordingOutputs second = new RecordingOutputs();
        final EngineSettings initial = JournalSettings.initialOf(dir, B);
        assertThat(initial.encode()).isEqualTo(A.encode());
        final TradingCore live = CoreAssembly.build(TestProducts.CATALOG, initial, new OutputFanOut(digest, second), new CoreMetrics(2),
            new TradingSwitch());
        final SettingsContinuation continuation;
        try (JournalWriter writer = JournalWriter.open(dir, B))
        {
            try (JournalReader reader = JournalReader.open(dir))
            {
                assertThat(Replay.feed(reader, live)).isEqualTo(FIRST);
            }
            continuation = SettingsContinuation.of(live, B);
            assertThat(continuation.blockers()).isEmpty();
            assertThat(continuation.changes()).contains("strategy added: " + SLOW,
                "risk.maxPosition[BTC-USD]: " + fixed(A.maxPosition()[0]) + " -> " + fixed(B.maxPosition()[0]));
            final StrategyRunner quick = live.strategies().get(0);
            continuation.continueJournal(writer, live);
            assertThat(live.strategies().get(0)).as("an unchanged strategy keeps its state").isSameAs(quick);
            assertThat(live.strategies().count()).isEqualTo(2);
            assertThat(live.execution().riskContext().limits.maxPosition).containsExactly(B.maxPosition());
            feedLive(stream, event, writer, live, FIRST, FIRST + SECOND);
        }
        assertThat(second.count("order")).isGreaterThan(first.count("order"));

        final RecordingOutputs replayed = new RecordingOutputs();
        final ReplayResult replay = Replay.run(TestProducts.CATALOG, dir, replayed);
        assertThat(replay.events()).isEqualTo(FIRST + SECOND);
        assertThat(replay.outputDigestHex()).isEqualTo(digest.hex());
        assertThat(replay.stateHashHex()).isEqualTo(Hash64.hex(live.stateHash()));
        assertThat(replay.outputs()).isEqualTo(digest.outputCount());
        assertThat(replayed.lines()).containsExactlyElementsOf(second.lines());
        assertThat(replay.settings().encode()).as("the settings in effect at the end").isEqualTo(B.encode());

        // Restarting again with B: nothing changes, nothing is journaled.
        final TradingCore again = JournalFeed.core(TestProducts.CATALOG, dir, A, new OutputDigest());
        try (JournalReader reader = JournalReader.open(dir))
        {
            Replay.feed(reader, again);
            assertThat(reader.settings().changes()).isEqualTo(1);
        }
        assertThat(SettingsContinuation.of(again, B).unchanged()).isTrue();
        assertThat(Hash64.hex(again.stateHash())).isEqualTo(replay.stateHashHex());
    }

    @Test
    void theStateHashCoversTheChangeItself()
    {
        // Two journals with the same events; one journals a change that alters no decision and keeps no state (a
        // 50 % price band these prices never leave). The outputs agree; the state hash tells the histories apart.
        final EngineSettings quiet = A.withRisk(new RiskLimits(A.maxOrderQuantity(), new double[2], A.maxPosition(),
            new double[] {0.5, 0.5}, 0, 0, 0, 0, 0, 0, 0, A.risk().zone, 0, 1440, A.risk().tradingDays, MarketSanitySettings.OFF));
        final ReplayResult plain = twoSessions(tmp.resolve("plain"), A);
        final ReplayResult changed = twoSessions(tmp.resolve("changed"), quiet);
        assertThat(changed.outputDigestHex()).isEqualTo(plain.outputDigestHex());
        assertThat(changed.stateHashHex()).isNotEqualTo(plain.stateHashHex());
    }

    @Test
    void aProductRemovedWhileItHoldsAPositionIsRefusedAndTheJournalIsLeftAsItWas()
    {
        final Path dir = tmp.resolve("journal");
        final TradingCore a = CoreAssembly.build(TestProducts.CATALOG, A, new OutputDigest(), new CoreMetrics(2), new TradingSwitch());
        try (JournalWriter writer = JournalWriter.open(dir, A))
        {
            feedLive(new MarketStream(7), new InboundEvent(), writer, a, 0, FIRST);
        }
        assertThat(a.positions().quantity(1)).as("ETH-USD must hold a position for this test").isNotZero();
        final Map<String, String> before = files(dir);
        final EngineSettings btcOnly = EngineSettings.defaults(TestProducts.CATALOG, List.of("BTC-USD"), 1000).withMinHold(0)
            .withStrategies(List.of(QUICK));

        final TradingCore recovered = JournalFeed.core(TestProducts.CATALOG, dir, JournalSettings.initialOf(dir, btcOnly), new OutputDigest());
        try (JournalWriter writer = JournalWriter.open(dir, btcOnly); JournalReader reader = JournalReader.open(dir))
        {
            Replay.feed(reader, recovered);
            final SettingsContinuation continuation = SettingsContinuation.of(recovered, btcOnly);
            assertThat(continuation.blockers()).anyMatch(line -> line.startsWith("product ETH-USD removed while it holds a position of"));
            assertThatThrownBy(() -> continuation.continueJournal(writer, recovered))
                .isInstanceOf(SettingsRefusedException.class)
                .hasMessageContaining("cannot continue with these settings")
                .hasMessageContaining("\n  product ETH-USD removed while it holds a position of");
        }
        assertThat(files(dir)).isEqualTo(before);
        assertThat(Replay.run(TestProducts.CATALOG, dir).events()).isEqualTo(FIRST);
    }

    @Test
    void aStrategyChangedWhileItHasOpenOrdersIsRefusedNamingIt()
    {
        // Stop the first session while an order is on its way to the paper venue (20 ms of order latency).
        final EngineSettings passive = A;
        final Path dir = tmp.resolve("journal");
        final TradingCore a = CoreAssembly.build(TestProducts.CATALOG, passive, new OutputDigest(), new CoreMetrics(2), new TradingSwitch());
        final MarketStream stream = new MarketStream(5);
        final InboundEvent event = new InboundEvent();
        try (JournalWriter writer = JournalWriter.open(dir, passive))
        {
            int i = 0;
            while (i < 2_000 || a.execution().orders().openCount() == 0)
            {
                assertThat(i).as("an order open within 100,000 events").isLessThan(100_000);
                feedLive(stream, event, writer, a, i, i + 1);
                i++;
            }
        }
        final int open = a.execution().orders().openCount();
        final StrategySpec quicker = StrategySpec.parse("ma-crossover:name=quick,fast=3,slow=8,min-hold=0s", "quick");
        final EngineSettings otherWindows = passive.withStrategies(List.of(quicker));

        final TradingCore recovered = JournalFeed.core(TestProducts.CATALOG, dir, passive, new OutputDigest());
        try (JournalReader reader = JournalReader.open(dir))
        {
            Replay.feed(reader, recovered);
        }
        final SettingsContinuation continuation = SettingsContinuation.of(recovered, otherWindows);
        assertThat(continuation.changes()).contains("strategy changed: " + QUICK + " -> " + quicker + " (starts fresh)");
        assertThat(continuation.blockers()).containsExactly("strategy quick changed while it has " + open +
            " open order" + (open == 1 ? "" : "s") + "; cancel them first (a graceful stop does)");
        // A raised limit alone leaves the strategy as it was: no blocker, open orders or not.
        assertThat(SettingsContinuation.of(recovered, passive.withRisk(RiskLimits.defaults(passive.maxOrderQuantity(),
            doubled(passive.maxPosition())))).blockers()).isEmpty();
    }

    private ReplayResult twoSessions(final Path dir, final EngineSettings next)
    {
        final MarketStream stream = new MarketStream(99);
        final InboundEvent event = new InboundEvent();
        final TradingCore a = CoreAssembly.build(TestProducts.CATALOG, A, new OutputDigest(), new CoreMetrics(2), new TradingSwitch());
        try (JournalWriter writer = JournalWriter.open(dir, A))
        {
            feedLive(stream, event, writer, a, 0, 2_000);
        }
        final TradingCore live = JournalFeed.core(TestProducts.CATALOG, dir, A, new OutputDigest());
        try (JournalWriter writer = JournalWriter.open(dir, next); JournalReader reader = JournalReader.open(dir))
        {
            Replay.feed(reader, live);
            SettingsContinuation.of(live, next).continueJournal(writer, live);
            feedLive(stream, event, writer, live, 2_000, 4_000);
        }
        final ReplayResult result = Replay.run(TestProducts.CATALOG, dir);
        assertThat(result.stateHashHex()).isEqualTo(Hash64.hex(live.stateHash()));
        return result;
    }

    /** Journals each event first, then hands it to the core, as the ring does. */
    private static void feedLive(final MarketStream stream, final InboundEvent event, final JournalWriter writer,
        final TradingCore core, final int from, final int to)
    {
        for (int i = from; i < to; i++)
        {
            stream.next(event);
            event.receiveNanoTime = System.nanoTime();
            writer.onEvent(event, i, true);
            core.onEvent(event, i, true);
        }
    }

    /** Every file of the journal folder with a hash of its bytes. */
    private static Map<String, String> files(final Path dir)
    {
        final Map<String, String> files = new TreeMap<>();
        try (Stream<Path> all = Files.walk(dir))
        {
            for (final Path p : (Iterable<Path>) all.filter(Files::isRegularFile)
                .filter(p -> p.toString().endsWith(".cq4"))::iterator)
            {
                files.put(dir.relativize(p).toString(), Integer.toHexString(java.util.Arrays.hashCode(Files.readAllBytes(p))));
            }
        }
        catch (final IOException e)
        {
            throw new UncheckedIOException(e);
        }
        return files;
    }

    private static long[] doubled(final long[] values)
    {
        final long[] out = values.clone();
        for (int i = 0; i < out.length; i++)
        {
            out[i] *= 2;
        }
        return out;
    }

    private static String fixed(final long scaled)
    {
        return dev.peregrine.core.number.FixedPoint.toString(scaled);
    }
}
