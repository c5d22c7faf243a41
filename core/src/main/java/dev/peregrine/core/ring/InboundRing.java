package dev.peregrine.core.ring;

import com.lmax.disruptor.EventHandler;
import com.lmax.disruptor.RingBuffer;
import com.lmax.disruptor.TimeoutException;
import com.lmax.disruptor.WaitStrategy;
import com.lmax.disruptor.dsl.Disruptor;
import com.lmax.disruptor.dsl.ProducerType;
import dev.peregrine.core.engine.TradingSwitch;
import dev.peregrine.core.event.InboundEvent;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;

/**
 * The inbound ring, wired in one place, one stage after the other (each on its own thread):
 * <pre>
 *   stage 1:  journal    appends the input to the journal
 *   stage 2:  core       takes the input only once it is journaled ({@link JournaledInputsOnly})
 *   stage 3:  outbound   sends the orders the core decided on it, and journals those decisions
 * </pre>
 * As LMAX's own architecture has it, the business logic runs after the journaller: when an append fails
 * (a full disk) the {@link JournalGate} closes at that sequence and the core takes nothing from it on, so
 * nothing is decided that is not journaled and the core's state always equals a replay of the journal.
 * The price is latency: the core now waits for each append (the core's ring-wait stage includes it), where
 * it used to run beside the journal; the append is a memory copy into a mapped file, about a microsecond.
 * Producers (gateway event loop, timer) are on different threads, hence {@link ProducerType#MULTI}.
 * Every stage gets a {@link HaltingExceptionHandler}, never the default that stops a consumer silently.
 */
public final class InboundRing
{
    private final Disruptor<InboundEvent> disruptor;
    private final List<HaltingExceptionHandler> exceptionHandlers = new ArrayList<>();
    private final JournalGate journalGate = new JournalGate();

    /**
     * @param journal the journal consumer, or null to run without one (benchmarks and tests only).
     */
    @SuppressWarnings("unchecked")
    public InboundRing(
        final int size,
        final WaitStrategy waitStrategy,
        final ThreadFactory threadFactory,
        final EventHandler<InboundEvent> journal,
        final EventHandler<InboundEvent> core,
        final EventHandler<InboundEvent> outbound,
        final TradingSwitch tradingSwitch)
    {
        if (Integer.bitCount(size) != 1)
        {
            throw new IllegalArgumentException("ring size must be a power of two, was " + size);
        }
        disruptor = new Disruptor<>(InboundEvent::new, size, threadFactory, ProducerType.MULTI, waitStrategy);
        final HaltingExceptionHandler coreErrors = handler("core", tradingSwitch);
        final HaltingExceptionHandler outboundErrors = handler("outbound", tradingSwitch);
        final EventHandler<InboundEvent> coreStage;
        if (journal != null)
        {
            final HaltingExceptionHandler journalErrors = handler("journal", tradingSwitch);
            final JournalStage journalStage = new JournalStage(journal, journalGate);
            coreStage = new JournaledInputsOnly(core, journalGate);
            disruptor.handleEventsWith(journalStage).then(coreStage).then(outbound);
            disruptor.handleExceptionsFor(journalStage).with(journalErrors);
        }
        else
        {
            coreStage = core;
            disruptor.handleEventsWith(core).then(outbound);
        }
        disruptor.handleExceptionsFor(coreStage).with(coreErrors);
        disruptor.handleExceptionsFor(outbound).with(outboundErrors);
    }

    private HaltingExceptionHandler handler(final String stage, final TradingSwitch tradingSwitch)
    {
        final HaltingExceptionHandler handler = new HaltingExceptionHandler(stage, tradingSwitch);
        exceptionHandlers.add(handler);
        return handler;
    }

    /**
     * Publishes a claimed slot, stamping when (for the ring-wait histogram). Every producer publishes
     * through this, in a {@code finally}: a claimed slot must always be published, or every consumer stalls.
     */
    public static void publish(final RingBuffer<InboundEvent> ring, final long sequence)
    {
        ring.get(sequence).publishNanoTime = System.nanoTime();
        ring.publish(sequence);
    }

    public RingBuffer<InboundEvent> start()
    {
        return disruptor.start();
    }

    public RingBuffer<InboundEvent> ringBuffer()
    {
        return disruptor.getRingBuffer();
    }

    /** Free slots: how far producers are ahead of the slowest stage. */
    public long remainingCapacity()
    {
        return disruptor.getRingBuffer().remainingCapacity();
    }

    /** Where the journal failed, if it did, and the inputs the core therefore left out. */
    public JournalGate journalGate()
    {
        return journalGate;
    }

    public List<HaltingExceptionHandler> exceptionHandlers()
    {
        return List.copyOf(exceptionHandlers);
    }

    /**
     * Waits until every stage has processed every claimed slot, or the time is up; the stages keep
     * running. For a shutdown that wants producers it cannot stop yet (a venue answering) to be heard.
     *
     * @return true if the ring went idle in time.
     */
    public boolean awaitIdle(final long timeout, final TimeUnit unit) throws InterruptedException
    {
        final RingBuffer<InboundEvent> ring = disruptor.getRingBuffer();
        final long deadline = System.nanoTime() + unit.toNanos(timeout);
        while (ring.remainingCapacity() < ring.getBufferSize())
        {
            if (System.nanoTime() - deadline >= 0)
            {
                return false;
            }
            Thread.sleep(1);
        }
        return true;
    }

    /**
     * Waits until every published event has passed every stage, then stops the consumer threads. Call
     * it after the producers have stopped: the core and the journal then hold exactly the same events.
     */
    public void drainAndStop(final long timeout, final TimeUnit unit) throws TimeoutException
    {
        disruptor.shutdown(timeout, unit);
    }

    /** Stops the consumers without draining; for when draining has already timed out. */
    public void halt()
    {
        disruptor.halt();
    }
}
