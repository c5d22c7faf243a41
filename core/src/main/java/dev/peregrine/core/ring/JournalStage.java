package dev.peregrine.core.ring;

import com.lmax.disruptor.EventHandler;
import dev.peregrine.core.event.InboundEvent;

/**
 * The journal consumer as the ring runs it: the writer's append, and on its failure the {@link JournalGate}
 * closed at that sequence before the failure goes on to the stage's {@link HaltingExceptionHandler} (which
 * counts it and halts trading). A writer that fails keeps failing quietly (it counts what it skips and
 * throws only once), so the error reaches the handler, and any log, once.
 */
final class JournalStage extends GatedStage
{
    JournalStage(final EventHandler<InboundEvent> journal, final JournalGate gate)
    {
        super(journal, gate);
    }

    @Override
    public void onEvent(final InboundEvent event, final long sequence, final boolean endOfBatch) throws Exception
    {
        try
        {
            handler.onEvent(event, sequence, endOfBatch);
        }
        catch (final Exception | Error e)
        {
            // Before the Disruptor moves this stage's sequence past the slot: the core must find it closed.
            gate.close(sequence, e);
            throw e;
        }
    }
}
