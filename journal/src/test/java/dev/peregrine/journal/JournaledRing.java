package dev.peregrine.journal;

import com.lmax.disruptor.BlockingWaitStrategy;
import com.lmax.disruptor.RingBuffer;
import dev.peregrine.core.engine.CoreAssembly;
import dev.peregrine.core.engine.EngineSettings;
import dev.peregrine.core.engine.TradingCore;
import dev.peregrine.core.engine.TradingSwitch;
import dev.peregrine.core.event.InboundEvent;
import dev.peregrine.core.execution.OrderSender;
import dev.peregrine.core.metrics.CoreMetrics;
import dev.peregrine.core.output.Hash64;
import dev.peregrine.core.output.OutputDigest;
import dev.peregrine.core.ring.InboundRing;
import dev.peregrine.core.ring.OutboundStage;

import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The live pipeline of the journal's ring tests: a real core and a real {@link JournalWriter} in a folder, wired
 * into the real {@link InboundRing} (journal stage, core, outbound) as the engine wires them, with the test's
 * twist on the journal stage and its own order sender; and the check every such test ends with, that a replay
 * of the journal equals the live run.
 */
final class JournaledRing
{
    /** The default crossover trading every cross (no minimum hold): a short synthetic stream gives many orders. */
    static final EngineSettings SETTINGS = EngineSettings.defaults(List.of("BTC-USD", "ETH-USD"), 1000).withMinHold(0);

    final TradingSwitch tradingSwitch = new TradingSwitch();
    final CoreMetrics metrics = new CoreMetrics(SETTINGS.products().size());
    final OutputDigest digest = new OutputDigest();
    final TradingCore core = CoreAssembly.build(SETTINGS, digest, metrics, tradingSwitch);
    final JournalWriter writer;
    InboundRing ring;

    /** The core and a new journal in {@code dir}; the ring is built by {@link #start}. */
    JournaledRing(final Path dir)
    {
        writer = JournalWriter.open(dir, SETTINGS);
    }

    /**
     * Builds and starts the ring.
     *
     * @param journalStage {@link #writer} as the ring's journal stage, with the test's twist
     * @param sender       where the outbound stage sends the orders it releases
     */
    RingBuffer<InboundEvent> start(final JournalStageWrapper journalStage, final OrderSender sender)
    {
        ring = new InboundRing(256, new BlockingWaitStrategy(), JournalStageWrapper::daemon, journalStage, core,
            new OutboundStage(sender, tradingSwitch, metrics), tradingSwitch);
        return ring.start();
    }

    /** A replay of the journal in {@code dir} took {@code events} events to this live run's outputs, digest and state. */
    void assertReplayEqualsLive(final Path dir, final long events)
    {
        final ReplayResult replay = Replay.run(dir);
        assertThat(replay.events()).isEqualTo(events);
        assertThat(replay.outputs()).isEqualTo(digest.outputCount());
        assertThat(replay.outputDigestHex()).isEqualTo(digest.hex());
        assertThat(replay.stateHashHex()).isEqualTo(Hash64.hex(core.stateHash()));
    }
}
