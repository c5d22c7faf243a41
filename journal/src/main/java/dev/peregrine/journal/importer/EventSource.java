package dev.peregrine.journal.importer;

import dev.peregrine.core.event.InboundEvent;

/**
 * A stream of inbound events in time order, written into a slot the caller owns and reuses, so an
 * import of millions of rows feeds the core exactly as the ring does (the live code path) without
 * allocating an event per row.
 *
 * <p>Single-threaded, except {@link #progress()}, which a progress display may read from any thread.
 */
public interface EventSource extends AutoCloseable
{
    /**
     * Writes the next event's input fields into {@code into} (every field the type does not use is
     * cleared).
     *
     * @return false at the end of the input, {@code into} untouched
     * @throws ImportException naming the file, line and field of the first bad row
     */
    boolean next(InboundEvent into);

    /** How much of the input was consumed, 0 to 1, or -1 when unknown. Approximate; any thread. */
    default double progress()
    {
        return -1;
    }

    @Override
    void close();
}
