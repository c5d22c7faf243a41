package dev.peregrine.ops.http.server;

/**
 * What one open event stream sends: asked once a tick (a second) on the handler pool, so it may block briefly
 * (read a journal, wait for a lock), never on the event loop. Not asked while the client is not taking what it was
 * sent: that tick is skipped, nothing is queued.
 */
@FunctionalInterface
public interface EventSource
{
    /**
     * The text to send now: whole server-sent events ({@code "event: x\ndata: y\n\n"}, the fields of the SSE format,
     * UTF-8), an empty string to send nothing this tick, or null to end the stream (the client's session ended).
     * Calls for one stream never overlap.
     */
    String next();
}
