package dev.peregrine.journal.snapshot;

import dev.peregrine.core.testing.TestProducts;
import com.lmax.disruptor.BlockingWaitStrategy;
import com.lmax.disruptor.RingBuffer;
import dev.peregrine.core.agent.AgentErrors;
import dev.peregrine.core.engine.EngineSettings;
import dev.peregrine.core.engine.TradingSwitch;
import dev.peregrine.core.event.InboundEvent;
import dev.peregrine.core.execution.PaperOrderSender;
import dev.peregrine.core.metrics.CoreMetrics;
import dev.peregrine.core.output.Hash64;
import dev.peregrine.core.ring.HaltingExceptionHandler;
import dev.peregrine.core.ring.InboundRing;
import dev.peregrine.core.ring.OutboundStage;
import dev.peregrine.core.snapshot.StateReader;
import dev.peregrine.core.strategy.config.StrategySpec;
import dev.peregrine.journal.JournalReader;
import dev.peregrine.journal.JournalWriter;
import dev.peregrine.journal.Replay;
import dev.peregrine.journal.ReplayResult;
import dev.peregrine.journal.statistics.StatisticsLines;
import org.agrona.concurrent.UnsafeBuffer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The proof that recovering from a snapshot plus the journal's tail equals replaying the whole journal:
 * for journals written through the real ring by each built-in strategy, recovery from every snapshot
 * taken along the way (orders open and positions held at most of them) ends with the same output digest,
 * state hash, counters, PnL table and statistics as a full replay. Snapshots that cannot be trusted are
 * skipped with a line and an older one is used.
 */
class SnapshotRecoveryTest
{
    private static final List<String> PRODUCTS = List.of("BTC-USD", "ETH-USD");
    private static final int EVENTS = 13 * 2_000;

    @TempDir
    Path dir;

    /** Where the snapshots wait while recovery is tried from each one alone. */
    @TempDir
    Path aside;

    private static EngineSettings settings(final String specs)
    {
        final EngineSettings base = EngineSettings.defaults(TestProducts.CATALOG, PRODUCTS, 1000).withMinHold(0);
        if (specs.isEmpty())
        {
            return base;
        }
        final List<StrategySpec> list = new ArrayList<>();
        int n = 0;
        for (final String spec : specs.split(";"))
        {
            list.add(StrategySpec.parse(spec, "s" + n++));
        }
        return base.withStrategies(list);
    }

    /** One live session through the ring, journal and core in parallel, snapshots every {@code every} events. */
    static RecoverableEngine runSession(final Path dir, final EngineSettings settings, final int events, final long every)
        throws Exception
    {
        final RecoverableEngine engine = new RecoverableEngine(TestProducts.CATALOG, settings);
        final TradingSwitch tradingSwitch = new TradingSwitch();
        final JournalWriter writer = JournalWriter.open(dir, settings);
        final Snapshotter snapshotter = new Snapshotter(engine.statistics(), engine,
            new SnapshotPolicy(every, 0, 1_000), dir, writer.header().settingsDigest(), 0, -1, new AgentErrors());
        final InboundRing ring = new InboundRing(256, new BlockingWaitStrategy(), r ->
        {
            final Thread t = new Thread(r);
            t.setDaemon(true);
            return t;
        }, writer, snapshotter, new OutboundStage(new PaperOrderSender(), tradingSwitch, new CoreMetrics(2)), tradingSwitch);
        final RingBuffer<InboundEvent> ringBuffer = ring.start();
        final SwingingMarket market = new SwingingMarket();
        for (int i = 0; i < events; i++)
        {
            final long sequence = ringBuffer.next();
            market.next(ringBuffer.get(sequence));
            ringBuffer.publish(sequence);
            if ((i + 1) % every == 0)
            {
                // Paced as a market never is this fast: each snapshot is written before the next is due, so
                // one falls exactly every `every` events and the test knows where.
                final long expected = (i + 1) / every;
                final long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
                while (snapshotter.written() < expected && System.nanoTime() < deadline)
                {
                    Thread.sleep(1);
                }
            }
        }
        ring.drainAndStop(30, TimeUnit.SECONDS);
        snapshotter.close();
        writer.close();
        for (final HaltingExceptionHandler handler : ring.exceptionHandlers())
        {
            assertThat(handler.firstError()).as(handler.stage() + " stage error").isNull();
        }
        assertThat(snapshotter.lastFailure()).isNull();
        return engine;
    }

    /** What a user compares after a restart: digest, state hash, counters, the PnL table and the statistics. */
    static List<String> figures(final RecoverableEngine e)
    {
        final List<String> figures = new ArrayList<>();
        figures.add("digest " + e.digest().hex() + " outputs " + e.digest().outputCount());
        figures.add("state " + Hash64.hex(e.core().stateHash()) + " events " + e.core().eventsProcessed());
        figures.add("orders " + e.metrics().orders.get() + " fills " + e.metrics().fills.get() + " rejects " +
            e.metrics().totalRejects() + " cancels " + e.metrics().cancels.get());
        figures.addAll(e.ledger().table(e.core()).lines());
        figures.addAll(StatisticsLines.of(e.statistics().finished()));
        return figures;
    }

    private SnapshotRecovery.Result recover(final RecoverableEngine target, final EngineSettings settings,
        final List<String> skipped)
    {
        try (JournalReader reader = JournalReader.open(dir))
        {
            return SnapshotRecovery.recover(reader, reader.header().settingsDigest(), target,
                () -> new RecoverableEngine(TestProducts.CATALOG, settings), (event, sequence) -> target.statistics().onEvent(event, sequence, true),
                skipped::add);
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "", // the default moving-average crossover
        "trend-following:bar=1s,fast=3,slow=8",
        "trend-following:bar=1s,signal=macd,fast=3,slow=8,signal-period=3,allow-short=true",
        "mean-reversion:bar=1s,rsi-period=5,bb-period=10,bb-k=1.5,allow-short=true,order=limit",
        "market-maker:spread-bps=20,quantity=0.01",
        "market-maker:instrument=ETH-USD,spread-bps=10,quantity=0.5;trend-following:bar=1s,fast=3,slow=8"})
    void recoveryFromEverySnapshotPlusTheTailEqualsAFullReplay(final String specs) throws Exception
    {
        final EngineSettings settings = settings(specs);
        final RecoverableEngine live = runSession(dir, settings, EVENTS, 2_000);

        final RecoverableEngine full = new RecoverableEngine(TestProducts.CATALOG, settings);
        final List<String> none = new ArrayList<>();
        final SnapshotStore store = new SnapshotStore(dir);
        final List<Path> snapshots = store.newestFirst();
        assertThat(snapshots).as("one every 2,000 events; none at the stop, with no event after the last").hasSize(13);
        assertThat(SnapshotFile.read(snapshots.get(12)).events()).isEqualTo(2_000);
        assertThat(SnapshotFile.read(snapshots.get(0)).events()).isEqualTo(EVENTS);
        for (final Path snapshot : snapshots)
        {
            Files.move(snapshot, aside.resolve(snapshot.getFileName()));
        }
        final SnapshotRecovery.Result replayed = recover(full, settings, none);
        assertThat(replayed.snapshot()).isNull();
        assertThat(replayed.events()).isEqualTo(EVENTS);
        final ReplayResult replay = Replay.run(TestProducts.CATALOG, dir);
        assertThat(full.digest().hex()).isEqualTo(replay.outputDigestHex()).isEqualTo(live.digest().hex());
        assertThat(Hash64.hex(full.core().stateHash())).isEqualTo(replay.stateHashHex());
        assertThat(full.metrics().orders.get()).as("orders").isGreaterThan(10);
        assertThat(figures(live)).isEqualTo(figures(full));

        int withOpenOrders = 0;
        int withPositions = 0;
        for (final Path snapshot : snapshots)
        {
            final Path file = store.folder().resolve(snapshot.getFileName());
            Files.move(aside.resolve(snapshot.getFileName()), file);
            final SnapshotFile read = SnapshotFile.read(file);
            final RecoverableEngine atCut = new RecoverableEngine(TestProducts.CATALOG, settings);
            StateReader.read(new UnsafeBuffer(read.state()), 0, read.state().length, atCut.roots());
            withOpenOrders += atCut.core().execution().orders().openCount() > 0 ? 1 : 0;
            withPositions += atCut.core().positions().quantity(0) != 0 || atCut.core().positions().quantity(1) != 0 ? 1 : 0;

            final RecoverableEngine recovered = new RecoverableEngine(TestProducts.CATALOG, settings);
            final SnapshotRecovery.Result result = recover(recovered, settings, none);
            assertThat(result.snapshot()).isEqualTo(file);
            assertThat(result.tailEvents()).isEqualTo(EVENTS - read.events());
            assertThat(result.describe()).startsWith(String.format("recovered %,d events from snapshot at index 0x", EVENTS));
            assertThat(figures(recovered)).as("recovered from " + file.getFileName()).isEqualTo(figures(full));
            Files.delete(file);
        }
        assertThat(none).isEmpty();
        assertThat(withPositions).as("snapshots taken while holding a position").isPositive();
        if (specs.contains("market-maker") || specs.contains("order=limit"))
        {
            assertThat(withOpenOrders).as("snapshots taken with orders open").isPositive();
        }
    }
}
