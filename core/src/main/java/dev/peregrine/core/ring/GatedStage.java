package dev.peregrine.core.ring;

import com.lmax.disruptor.EventHandler;
import com.lmax.disruptor.Sequence;
import dev.peregrine.core.event.InboundEvent;

/**
 * A consumer of the inbound ring wrapped with the {@link JournalGate}: the subclass decides in
 * {@link #onEvent} how the gate and the wrapped handler meet (the journal closes it, the core obeys it);
 * everything else the Disruptor tells a handler (start, shutdown, batches, time-outs, the sequence
 * callback) goes to the wrapped handler unchanged, so wrapping changes nothing but the gate.
 */
abstract class GatedStage implements EventHandler<InboundEvent>
{
    protected final EventHandler<InboundEvent> handler;
    protected final JournalGate gate;

    protected GatedStage(final EventHandler<InboundEvent> handler, final JournalGate gate)
    {
        this.handler = handler;
        this.gate = gate;
    }

    @Override
    public final void onStart()
    {
        handler.onStart();
    }

    @Override
    public final void onShutdown()
    {
        handler.onShutdown();
    }

    @Override
    public final void onBatchStart(final long batchSize, final long queueDepth)
    {
        handler.onBatchStart(batchSize, queueDepth);
    }

    @Override
    public final void onTimeout(final long sequence) throws Exception
    {
        handler.onTimeout(sequence);
    }

    @Override
    public final void setSequenceCallback(final Sequence sequenceCallback)
    {
        handler.setSequenceCallback(sequenceCallback);
    }
}
