package dev.peregrine.core.ring;

import com.lmax.disruptor.EventHandler;
import com.lmax.disruptor.Sequence;
import dev.peregrine.core.event.InboundEvent;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The two gated stages: the journal stage closes the gate at the sequence whose append failed, the core
 * stage takes nothing from that sequence on, and both pass the Disruptor's lifecycle calls through unchanged.
 */
class GatedStageTest
{
    /** Records what reaches the wrapped handler; fails the append of {@code failAt}. */
    private static final class Recorder implements EventHandler<InboundEvent>
    {
        final List<String> calls = new ArrayList<>();
        long failAt = -1;

        @Override
        public void onEvent(final InboundEvent event, final long sequence, final boolean endOfBatch)
        {
            if (sequence == failAt)
            {
                throw new IllegalStateException("disk full");
            }
            calls.add("event " + sequence);
        }

        @Override
        public void onStart()
        {
            calls.add("start");
        }

        @Override
        public void onShutdown()
        {
            calls.add("shutdown");
        }

        @Override
        public void onBatchStart(final long batchSize, final long queueDepth)
        {
            calls.add("batch " + batchSize + "/" + queueDepth);
        }

        @Override
        public void onTimeout(final long sequence)
        {
            calls.add("timeout " + sequence);
        }

        @Override
        public void setSequenceCallback(final Sequence sequenceCallback)
        {
            calls.add("callback " + sequenceCallback.get());
        }
    }

    private final JournalGate gate = new JournalGate();
    private final InboundEvent event = new InboundEvent();

    @Test
    void aFailedAppendClosesTheGateThereAndTheCoreTakesNothingFromThatSequenceOn() throws Exception
    {
        final Recorder journal = new Recorder();
        final Recorder core = new Recorder();
        final JournalStage journalStage = new JournalStage(journal, gate);
        final JournaledInputsOnly coreStage = new JournaledInputsOnly(core, gate);
        journal.failAt = 2;

        for (long sequence = 0; sequence < 4; sequence++)
        {
            final long s = sequence;
            if (s == 2)
            {
                assertThatThrownBy(() -> journalStage.onEvent(event, s, true)).hasMessage("disk full");
            }
            else
            {
                journalStage.onEvent(event, s, true);
            }
            event.orderCount = 1;
            coreStage.onEvent(event, s, true);
            assertThat(event.orderCount).as("orders of sequence " + s).isEqualTo(s < 2 ? 1 : 0);
        }

        assertThat(journal.calls).containsExactly("event 0", "event 1", "event 3");
        assertThat(core.calls).containsExactly("event 0", "event 1");
        assertThat(gate.closed()).isTrue();
        assertThat(gate.failedSequence()).isEqualTo(2);
        assertThat(gate.inputsNotTaken()).isEqualTo(2);
    }

    @Test
    void lifecycleCallsReachTheWrappedHandlerUnchanged() throws Exception
    {
        final Recorder journal = new Recorder();
        final Recorder core = new Recorder();
        for (final GatedStage stage : List.of(new JournalStage(journal, gate), new JournaledInputsOnly(core, gate)))
        {
            stage.onStart();
            stage.onBatchStart(3, 7);
            stage.onTimeout(42);
            stage.setSequenceCallback(new Sequence(9));
            stage.onShutdown();
        }
        assertThat(journal.calls).containsExactly("start", "batch 3/7", "timeout 42", "callback 9", "shutdown");
        assertThat(core.calls).isEqualTo(journal.calls);
    }
}
