package dev.peregrine.core.ring;

import com.lmax.disruptor.EventHandler;
import com.lmax.disruptor.Sequence;
import dev.peregrine.core.event.InboundEvent;

/**
 * The core consumer as the ring runs it: the core takes an input only if the journal appended it. From
 * the first failed append on, every input is left out and counted ({@link JournalGate#inputsNotTaken}):
 * the core's state, its outputs and the digest it prints then cover exactly the journaled events, and no
 * order is decided whose cause a replay or a restart would not see. One volatile read per input.
 */
final class JournaledInputsOnly implements EventHandler<InboundEvent>
{
    private final EventHandler<InboundEvent> core;
    private final JournalGate gate;

    JournaledInputsOnly(final EventHandler<InboundEvent> core, final JournalGate gate)
    {
        this.core = core;
        this.gate = gate;
    }

    @Override
    public void onEvent(final InboundEvent event, final long sequence, final boolean endOfBatch) throws Exception
    {
        if (!gate.admits(sequence))
        {
            event.orderCount = 0; // nothing for the outbound stage: the core decided nothing on it
            gate.refused();
            return;
        }
        core.onEvent(event, sequence, endOfBatch);
    }

    @Override
    public void onStart()
    {
        core.onStart();
    }

    @Override
    public void onShutdown()
    {
        core.onShutdown();
    }

    @Override
    public void onBatchStart(final long batchSize, final long queueDepth)
    {
        core.onBatchStart(batchSize, queueDepth);
    }

    @Override
    public void onTimeout(final long sequence) throws Exception
    {
        core.onTimeout(sequence);
    }

    @Override
    public void setSequenceCallback(final Sequence sequenceCallback)
    {
        core.setSequenceCallback(sequenceCallback);
    }
}
