package dev.peregrine.cluster;

import dev.peregrine.core.engine.EngineSettings;
import dev.peregrine.core.event.InboundEvent;
import dev.peregrine.core.testing.TestProducts;
import dev.peregrine.journal.snapshot.RecoverableEngine;

import java.util.List;

/** The same events applied to one plain engine, no cluster: what every member must end equal to. */
final class SingleCoreReference
{
    private SingleCoreReference()
    {
    }

    static RecoverableEngine run(final EngineSettings settings, final List<InboundEvent> events)
    {
        final RecoverableEngine engine = new RecoverableEngine(TestProducts.CATALOG, settings);
        final InboundEvent slot = new InboundEvent();
        long sequence = 0;
        for (final InboundEvent event : events)
        {
            slot.copyInputsFrom(event);
            engine.statistics().onEvent(slot, sequence++, true);
        }
        return engine;
    }
}
