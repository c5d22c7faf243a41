package dev.peregrine.core.ring;

import com.lmax.disruptor.EventHandler;
import dev.peregrine.core.event.InboundEvent;

/**
 * The core consumer as the ring runs it: the core takes an input only if the journal appended it. From
 * the first failed append on, every input is left out and counted ({@link JournalGate#inputsNotTaken}):
 * the core's state, its outputs and the digest it prints then cover exactly the journaled events, and no
 * order is decided whose cause a replay or a restart would not see. One volatile read per input.
 */
final class JournaledInputsOnly extends GatedStage
{
    JournaledInputsOnly(final EventHandler<InboundEvent> core, final JournalGate gate)
    {
        super(core, gate);
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
        handler.onEvent(event, sequence, endOfBatch);
    }
}
