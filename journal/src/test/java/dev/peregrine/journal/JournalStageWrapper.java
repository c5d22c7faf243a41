package dev.peregrine.journal;

import com.lmax.disruptor.EventHandler;
import dev.peregrine.core.event.InboundEvent;

/**
 * The real {@link JournalWriter} as the journal stage of a real ring, with a twist a test adds in
 * {@link #onEvent} (a slow disk, a full one); shutdown reaches the writer as in production. Also the thread
 * factory those rings run their stages on.
 */
abstract class JournalStageWrapper implements EventHandler<InboundEvent>
{
    final JournalWriter writer;

    JournalStageWrapper(final JournalWriter writer)
    {
        this.writer = writer;
    }

    @Override
    public void onShutdown()
    {
        writer.onShutdown();
    }

    /** A daemon thread named {@code ring-stage}, so a failed test never keeps the JVM alive. */
    static Thread daemon(final Runnable runnable)
    {
        final Thread thread = new Thread(runnable, "ring-stage");
        thread.setDaemon(true);
        return thread;
    }
}
